package standards

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var english = message.NewPrinter(language.English)

// schemaProblems turns a validation error of the value at pointer base of
// file into problems, one per leaf failure, each pointing at the offending
// value (or, for a missing or unknown property, at the property), sorted by
// pointer.
func schemaProblems(err error, file, base, standard string) []Problem {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Problem{{File: file, Pointer: base, Standard: standard, ZH: "不符合模式：" + err.Error(), EN: err.Error()}}
	}
	var out []Problem
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if names, ok := anyOfRequired(e); ok {
			ptr := base + pointer(e.InstanceLocation)
			p := Problem{File: file, Pointer: ptr, Standard: standard,
				ZH: "需要以下字段之一：" + strings.Join(names, "、"),
				EN: "needs one of the properties " + strings.Join(names, ", ")}
			if key := p.Pointer + "\x00" + p.EN; !seen[key] {
				seen[key] = true
				out = append(out, p)
			}
			return
		}
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		for _, p := range leafProblems(e.ErrorKind, base+pointer(e.InstanceLocation), e.InstanceLocation) {
			p.File, p.Standard = file, standard
			if key := p.Pointer + "\x00" + p.EN; !seen[key] {
				seen[key] = true
				out = append(out, p)
			}
		}
	}
	walk(ve)
	slices.SortStableFunc(out, func(a, b Problem) int { return strings.Compare(a.Pointer, b.Pointer) })
	return out
}

// anyOfRequired reports whether e is an anyOf whose every branch failed
// only for a missing property, and the properties: one of them is needed.
func anyOfRequired(e *jsonschema.ValidationError) ([]string, bool) {
	if _, ok := e.ErrorKind.(*kind.AnyOf); !ok || len(e.Causes) == 0 {
		return nil, false
	}
	var names []string
	var leaves func(e *jsonschema.ValidationError) bool
	leaves = func(e *jsonschema.ValidationError) bool {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				if !leaves(c) {
					return false
				}
			}
			return true
		}
		r, ok := e.ErrorKind.(*kind.Required)
		if ok {
			names = append(names, r.Missing...)
		}
		return ok
	}
	if !leaves(e) {
		return nil, false
	}
	for i, n := range names {
		names[i] = strconv.Quote(n)
	}
	return names, true
}

// leafProblems explains one failed keyword in Chinese and English.
func leafProblems(k jsonschema.ErrorKind, ptr string, loc []string) []Problem {
	p := Problem{Pointer: ptr, EN: k.LocalizedString(english)}
	switch k := k.(type) {
	case *kind.Required:
		out := make([]Problem, 0, len(k.Missing))
		for _, m := range k.Missing {
			out = append(out, Problem{Pointer: ptr + "/" + escape(m),
				ZH: fmt.Sprintf("缺少字段%q", m), EN: fmt.Sprintf("missing property %q", m)})
		}
		return out
	case *kind.AdditionalProperties:
		out := make([]Problem, 0, len(k.Properties))
		for _, m := range k.Properties {
			out = append(out, Problem{Pointer: ptr + "/" + escape(m),
				ZH: fmt.Sprintf("未知字段%q（是否拼写错误？）", m), EN: fmt.Sprintf("unknown property %q (a typo?)", m)})
		}
		return out
	case *kind.FalseSchema:
		// The schemas use false only as unevaluatedProperties: a property
		// that is no parameter of the requirement's rule.
		name := ""
		if len(loc) > 0 {
			name = loc[len(loc)-1]
		}
		p.ZH = fmt.Sprintf("未知字段%q，或不是该规则的参数", name)
		p.EN = fmt.Sprintf("unknown property %q, or not a parameter of this rule", name)
	case *kind.Type:
		p.ZH = fmt.Sprintf("类型应为%s，实为%s", strings.Join(k.Want, "或"), k.Got)
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			b, _ := json.Marshal(w)
			want[i] = string(b)
		}
		p.ZH = "值应为以下之一：" + strings.Join(want, "、")
	case *kind.Const:
		b, _ := json.Marshal(k.Want)
		p.ZH = "值应为" + string(b)
	case *kind.Format:
		got, _ := json.Marshal(k.Got)
		p.ZH = fmt.Sprintf("%s不是有效的%s", got, k.Want)
	case *kind.Pattern:
		p.ZH = fmt.Sprintf("%q 格式不符（应匹配 %s）", k.Got, k.Want)
	case *kind.MinLength:
		p.ZH = fmt.Sprintf("长度至少为%d，实为%d", k.Want, k.Got)
	case *kind.MaxLength:
		p.ZH = fmt.Sprintf("长度至多为%d，实为%d", k.Want, k.Got)
	case *kind.Minimum:
		p.ZH = "不得小于" + ratString(k.Want)
	case *kind.Maximum:
		p.ZH = "不得大于" + ratString(k.Want)
	case *kind.MinItems:
		p.ZH = fmt.Sprintf("至少需要%d项，实有%d项", k.Want, k.Got)
	case *kind.UniqueItems:
		p.ZH = fmt.Sprintf("第%d项与第%d项重复", k.Duplicates[0]+1, k.Duplicates[1]+1)
	default:
		p.ZH = "不符合模式：" + p.EN
	}
	return []Problem{p}
}

func ratString(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	return r.FloatString(6)
}

// pointer writes JSON pointer tokens as an RFC 6901 pointer.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escape(t))
	}
	return b.String()
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escape(s string) string { return pointerEscaper.Replace(s) }
