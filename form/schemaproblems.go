package form

import (
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// schemaProblems turns a validation error of the merged schema into
// Problems, one per failed keyword, each at the field it concerns (for a
// missing or unknown property, the property itself).
func (m *Merged) schemaProblems(err error) []Problem {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Problem{{Pointer: "", Matters: slices.Clone(m.members), Code: "schema.invalid", Severity: Error,
			Message: m.dict.Message("schema.invalid", Text{"申请", "the application"}, err.Error())}}
	}
	var out []Problem
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		switch e.ErrorKind.(type) {
		case *kind.AnyOf, *kind.OneOf:
			// the causes are the alternatives, not faults of their own
			out = append(out, m.leafProblems(e)...)
			return
		}
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		out = append(out, m.leafProblems(e)...)
	}
	walk(ve)
	return out
}

// leafProblems explains one failed keyword.
func (m *Merged) leafProblems(e *jsonschema.ValidationError) []Problem {
	ptr := pointer(e.InstanceLocation...)
	cond := m.condOf(e.SchemaURL)
	problem := func(at, code string, args ...any) Problem {
		label, matters := m.describe(at)
		if cond != nil {
			matters = slices.Clone(cond.matters)
		}
		return Problem{Pointer: at, Matters: matters, Code: code, Severity: Error,
			Message: m.dict.Message(code, append([]any{label}, args...)...)}
	}
	missing := func(names []string) []Problem {
		var out []Problem
		at := m.schemaAt(e.SchemaURL)
		for _, name := range names {
			for _, p := range requiredLeaves(at, name, ptr+"/"+escapeToken(name), 0) {
				out = append(out, problem(p, "schema.required"))
			}
		}
		return out
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		return missing(k.Missing)
	case *kind.DependentRequired:
		return missing(k.Missing)
	case *kind.AdditionalProperties:
		var out []Problem
		for _, name := range k.Properties {
			at := ptr + "/" + escapeToken(name)
			p := problem(at, "schema.additional_properties")
			p.Message = m.dict.Message("schema.additional_properties", Text{name, name})
			out = append(out, p)
		}
		return out
	case *kind.Type:
		want := Text{}
		for i, w := range k.Want {
			t := typeText[w]
			if i > 0 {
				want.ZH += "或"
				want.EN += " or "
			}
			want.ZH += t.ZH
			want.EN += t.EN
		}
		return []Problem{problem(ptr, "schema.type", want)}
	case *kind.Enum:
		return []Problem{problem(ptr, "schema.enum", joinValues(k.Want))}
	case *kind.Const:
		return []Problem{problem(ptr, "schema.const", joinValues([]any{k.Want}))}
	case *kind.Format:
		f, ok := formatText[k.Want]
		if !ok {
			f = Text{k.Want, k.Want}
		}
		return []Problem{problem(ptr, "schema.format", f)}
	case *kind.Pattern:
		return []Problem{problem(ptr, "schema.pattern")}
	case *kind.MinLength:
		return []Problem{problem(ptr, "schema.min_length", k.Want)}
	case *kind.MaxLength:
		return []Problem{problem(ptr, "schema.max_length", k.Want)}
	case *kind.Minimum:
		return []Problem{problem(ptr, "schema.minimum", ratString(k.Want))}
	case *kind.Maximum:
		return []Problem{problem(ptr, "schema.maximum", ratString(k.Want))}
	case *kind.ExclusiveMinimum:
		return []Problem{problem(ptr, "schema.exclusive_minimum", ratString(k.Want))}
	case *kind.ExclusiveMaximum:
		return []Problem{problem(ptr, "schema.exclusive_maximum", ratString(k.Want))}
	case *kind.MultipleOf:
		return []Problem{problem(ptr, "schema.multiple_of", ratString(k.Want))}
	case *kind.MinItems:
		return []Problem{problem(ptr, "schema.min_items", k.Want)}
	case *kind.MaxItems:
		return []Problem{problem(ptr, "schema.max_items", k.Want)}
	case *kind.UniqueItems:
		return []Problem{problem(ptr, "schema.unique_items")}
	case *kind.FalseSchema:
		return []Problem{problem(ptr, "schema.false")}
	case *kind.AnyOf:
		return []Problem{problem(ptr, "schema.any_of")}
	case *kind.OneOf:
		return []Problem{problem(ptr, "schema.one_of")}
	case *kind.Not:
		return []Problem{problem(ptr, "schema.not")}
	}
	return []Problem{problem(ptr, "schema.invalid", e.ErrorKind.LocalizedString(englishPrinter))}
}

// describe returns the label and members of the field at or above ptr.
func (m *Merged) describe(ptr string) (Text, []string) {
	for p := ptr; ; {
		if mf, ok := m.byPtr[p]; ok {
			return mf.label, slices.Clone(mf.members)
		}
		i := strings.LastIndexByte(p, '/')
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	tokens, _ := splitPointer(ptr)
	if len(tokens) >= 2 && tokens[0] == NamespaceKey && slices.Contains(m.members, tokens[1]) {
		name := tokens[len(tokens)-1]
		return Text{name, name}, []string{tokens[1]}
	}
	name := "申请"
	if len(tokens) > 0 {
		name = tokens[len(tokens)-1]
	}
	return Text{name, name}, []string{}
}

// condOf returns the merged condition a schema location lies in, if any.
func (m *Merged) condOf(schemaURL string) *mcond {
	_, frag, ok := strings.Cut(schemaURL, "#/allOf/")
	if !ok {
		return nil
	}
	end := strings.IndexByte(frag, '/')
	if end < 0 {
		end = len(frag)
	}
	i, err := strconv.Atoi(frag[:end])
	if err != nil || i < 0 || i >= len(m.conds) {
		return nil
	}
	return &m.conds[i]
}

func joinValues(vs []any) Text {
	parts := make([]string, len(vs))
	for i, v := range vs {
		if s, ok := v.(string); ok {
			parts[i] = s
			continue
		}
		b, _ := json.Marshal(v)
		parts[i] = string(b)
	}
	return Text{strings.Join(parts, "、"), strings.Join(parts, ", ")}
}

func ratString(r *big.Rat) string {
	if r == nil {
		return ""
	}
	if r.IsInt() {
		return r.Num().String()
	}
	return strings.TrimRight(strings.TrimRight(r.FloatString(6), "0"), ".")
}

// schemaAt returns the merged schema at a schema location, or nil.
func (m *Merged) schemaAt(schemaURL string) map[string]any {
	_, frag, _ := strings.Cut(schemaURL, "#")
	tokens, err := splitPointer(frag)
	if err != nil {
		return nil
	}
	var cur any = m.doc
	for _, t := range tokens {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[t]
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			cur = c[i]
		default:
			return nil
		}
	}
	s, _ := cur.(map[string]any)
	return s
}

// requiredLeaves follows a missing required property down the "required"
// lists of its schema, so that a missing object of the namespace is
// reported as the fields it had to hold.
func requiredLeaves(s map[string]any, name, at string, depth int) []string {
	props, _ := s["properties"].(map[string]any)
	sub, _ := props[name].(map[string]any)
	req, _ := stringList(sub["required"])
	if len(req) == 0 || depth > maxDepth {
		return []string{at}
	}
	var out []string
	for _, r := range req {
		out = append(out, requiredLeaves(sub, r, at+"/"+escapeToken(r), depth+1)...)
	}
	return out
}
