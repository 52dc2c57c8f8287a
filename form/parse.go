package form

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/onething-gov/onething/matter"
)

// ParseForm reads one form file. file names it in errors; m is the matter
// it belongs to (nil for none, which Merge refuses); d resolves x-element
// and x-rules (nil means Builtin).
//
// The file must be a JSON Schema 2020-12 document with an $id, a title and
// properties. Besides the schema itself ParseForm checks that every
// x-element names an element of d and agrees with it (type, format, enum
// values); that objects with fields use only keywords Merge can restate
// (type, properties, required, additionalProperties, if/then/else,
// dependentRequired, allOf, anyOf, oneOf, not, annotations); that no element
// is bound inside an array; and that x-rules and x-auto-approve name known
// checks and fields the form has. Every problem is a *FieldError with the
// file and the JSON pointer; they are joined, and wrap ErrInvalid.
func ParseForm(file string, data []byte, m *matter.Matter, d *Dictionary) (*Form, error) {
	if d == nil {
		d = Builtin()
	}
	p := &parser{file: file, dict: d}
	f := p.parse(data, m)
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return f, nil
}

type parser struct {
	file  string
	dict  *Dictionary
	order map[string][]string
	r     *resolver
	t     *translator
	errs  []error
	form  *Form
}

func (p *parser) fail(ptr, code string, err error, format string, args ...any) {
	p.errs = append(p.errs, &FieldError{File: p.file, Pointer: ptr, Code: code, Err: fmt.Errorf("%w: %s", err, fmt.Sprintf(format, args...))})
}

func (p *parser) parse(data []byte, m *matter.Matter) *Form {
	dec, err := decodeOrdered(data)
	if err != nil {
		p.fail("", "form.json", ErrInvalid, "%v", err)
		return nil
	}
	doc, ok := dec.value.(map[string]any)
	if !ok {
		p.fail("", "form.json", ErrInvalid, "a form is a JSON object")
		return nil
	}
	if meta, err := metaSchema(); err != nil {
		p.fail("", "form.meta", ErrInvalid, "%v", err)
		return nil
	} else if err := meta.Validate(doc); err != nil {
		for _, prob := range schemaErrors(err) {
			p.fail(prob.ptr, "form.meta", ErrInvalid, "%s", prob.msg)
		}
		return nil
	}
	id, _ := doc["$id"].(string)
	title, _ := doc["title"].(string)
	compiled, err := compileForm(id, doc)
	if err != nil {
		var se *jsonschema.SchemaValidationError
		if errors.As(err, &se) {
			for _, prob := range schemaErrors(se.Err) {
				p.fail(prob.ptr, "form.json_schema", ErrInvalid, "not a valid JSON Schema: %s", prob.msg)
			}
		} else {
			p.fail("", "form.json_schema", ErrInvalid, "not a valid JSON Schema: %v", err)
		}
		return nil
	}
	p.order = dec.order
	p.r = &resolver{doc: doc, id: id}
	p.t = &translator{r: p.r}
	f := &Form{id: id, title: title, file: p.file, matter: m, dict: p.dict, raw: slices.Clone(data), schema: compiled}
	p.form = f
	f.root = &node{schema: doc, effReq: true, byName: map[string]*node{}}
	p.container(f.root, doc, "", "", true)
	if len(p.errs) == 0 {
		p.rules(doc)
	}
	if len(p.errs) == 0 && m != nil {
		f.prepare()
	}
	return f
}

// container walks an object with declared properties.
func (p *parser) container(n *node, s map[string]any, filePtr, orderPtr string, root bool) {
	for _, k := range slices.Sorted(maps.Keys(s)) {
		switch {
		case containerKeywords[k], isAnnotation(k):
		default:
			p.fail(filePtr+"/"+escapeToken(k), "form.unsupported", ErrInvalid,
				"keyword %q is not supported on an object with fields: Merge could not restate it", k)
		}
		if !root && (k == "$id" || k == "$schema") {
			p.fail(filePtr+"/"+k, "form.unsupported", ErrInvalid, "%s is allowed only at the root", k)
		}
	}
	if t, ok := s["type"]; ok && !typeIsObject(t) {
		p.fail(filePtr+"/type", "form.unsupported", ErrInvalid, "an object with fields must have type object")
	}
	props, ok := s["properties"].(map[string]any)
	if !ok {
		p.fail(filePtr+"/properties", "form.json_schema", ErrInvalid, "properties is not an object")
		return
	}
	req := map[string]bool{}
	if r, ok := s["required"]; ok {
		names, _ := stringList(r)
		for _, name := range names {
			if _, ok := props[name]; !ok {
				p.fail(filePtr+"/required", "form.required", ErrInvalid, "%q is required but not a property", name)
			}
			req[name] = true
		}
	}
	names := p.order[orderPtr+"/properties"]
	if len(names) != len(props) { // order lost through a reference: fall back to sorted
		names = slices.Sorted(maps.Keys(props))
	}
	for _, name := range names {
		cs, corder, err := p.r.resolve(props[name], orderPtr+"/properties/"+escapeToken(name))
		cptr := filePtr + "/properties/" + escapeToken(name)
		if err != nil {
			p.fail(cptr, "form.ref", ErrInvalid, "%v", err)
			continue
		}
		child := &node{name: name, path: append(slices.Clone(n.path), name), filePtr: cptr, parent: n, required: req[name]}
		child.effReq = n.effReq && child.required
		n.children = append(n.children, child)
		n.byName[name] = child
		switch cm := cs.(type) {
		case bool:
			if !cm {
				p.fail(cptr, "form.false", ErrInvalid, "a property whose schema is false can never be given")
				continue
			}
			child.leaf = true
			child.schema = map[string]any{}
		case map[string]any:
			_, bound := cm["x-element"]
			_, hasProps := cm["properties"]
			if !bound && hasProps {
				child.byName = map[string]*node{}
				child.schema = cm
				p.container(child, cm, cptr, corder, false)
				continue
			}
			p.leaf(child, cm, cptr)
		default:
			p.fail(cptr, "form.json_schema", ErrInvalid, "a property's schema must be an object or a boolean")
		}
	}
	for _, c := range n.children {
		if c.leaf {
			n.leaves = append(n.leaves, c)
		} else {
			n.leaves = append(n.leaves, c.leaves...)
		}
	}
	if root {
		p.form.leaves = n.leaves
	}
	if !n.effReq && len(req) > 0 { // a required field of an optional object
		var need []cond
		for _, c := range n.children {
			if req[c.name] {
				need = append(need, present(c))
			}
		}
		p.form.conds = append(p.form.conds, formCond{c: guarded(n, condAll(need...)), filePtr: filePtr + "/required"})
	}
	constraints := map[string]any{}
	for _, k := range []string{"if", "then", "else", "allOf", "anyOf", "oneOf", "not", "dependentRequired"} {
		if v, ok := s[k]; ok {
			constraints[k] = v
		}
	}
	if len(constraints) == 0 {
		return
	}
	c, err := p.t.objectLevel(constraints, n, filePtr, 0)
	if err != nil {
		p.fail(filePtr, "form.condition", ErrInvalid, "%v", err)
		return
	}
	if !n.effReq {
		c = guarded(n, c)
	}
	parts := []cond{c}
	if c.op == opAll {
		parts = c.subs
	}
	for _, part := range parts {
		if part.op != opTrue {
			p.form.conds = append(p.form.conds, formCond{c: part, filePtr: filePtr})
		}
	}
}

// leaf checks a field and its binding.
func (p *parser) leaf(n *node, s map[string]any, ptr string) {
	n.leaf = true
	in, err := p.r.inline(s, 0)
	if err != nil {
		p.fail(ptr, "form.ref", ErrInvalid, "%v", err)
		return
	}
	n.schema = in.(map[string]any)
	if nested := findElement(n.schema, ptr, true); nested != "" {
		p.fail(nested, "form.nested_element", ErrInvalid, "x-element inside a field (an array's items or an unbound object) is not supported: bind whole fields")
	}
	raw, ok := n.schema["x-element"]
	if !ok {
		return
	}
	id, ok := raw.(string)
	if !ok {
		p.fail(ptr+"/x-element", "element.unknown", ErrUnknownElement, "x-element is not a string")
		return
	}
	e, ok := p.dict.element(id)
	if !ok {
		p.fail(ptr+"/x-element", "element.unknown", ErrUnknownElement, "%q is not in the data element dictionary", id)
		return
	}
	n.element = id
	for _, msg := range bindingMismatch(e, n.schema) {
		p.fail(ptr, "element.type", ErrTypeMismatch, "bound to %s (%s): %s", id, e.Type, msg)
	}
}

// findElement returns the pointer of an x-element inside schema s (below
// its top level when skipTop), or "".
func findElement(s any, ptr string, skipTop bool) string {
	switch v := s.(type) {
	case map[string]any:
		if _, ok := v["x-element"]; ok && !skipTop {
			return ptr + "/x-element"
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if k == "enum" || k == "const" || k == "default" || k == "examples" {
				continue
			}
			if found := findElement(v[k], ptr+"/"+escapeToken(k), false); found != "" {
				return found
			}
		}
	case []any:
		for i, x := range v {
			if found := findElement(x, ptr+"/"+strconv.Itoa(i), false); found != "" {
				return found
			}
		}
	}
	return ""
}

// bindingMismatch lists how a field's schema contradicts its element.
func bindingMismatch(e *Element, s map[string]any) []string {
	var out []string
	nullable := false
	if t, ok := s["type"]; ok {
		types, ok := stringList(t)
		if st, isStr := t.(string); isStr {
			types, ok = []string{st}, true
		}
		if !ok {
			out = append(out, "type is neither a name nor a list of names")
		}
		some, bad := false, false
		for _, ty := range types {
			switch {
			case ty == "null":
				nullable = true
			case typeAccepts(e.Type, ty):
				some = true
			default:
				bad = true
				out = append(out, fmt.Sprintf("type %q", ty))
			}
		}
		if ok && !some && !bad {
			out = append(out, "no type but null")
		}
	}
	if f, ok := s["format"].(string); ok && e.Format != "" && f != e.Format {
		out = append(out, fmt.Sprintf("format %q where the element's is %q", f, e.Format))
	}
	check := func(kw string, v any) {
		if v == nil && nullable {
			return
		}
		if !e.allows(v) {
			out = append(out, fmt.Sprintf("%s value %s is not a value of the element", kw, canonical(v)))
		}
	}
	if vs, ok := s["enum"].([]any); ok {
		for _, v := range vs {
			check("enum", v)
		}
	}
	if v, ok := s["const"]; ok {
		check("const", v)
	}
	return out
}

// rules reads x-rules and x-auto-approve.
func (p *parser) rules(doc map[string]any) {
	f := p.form
	if rs, ok := doc["x-rules"].([]any); ok {
		for i, r := range rs {
			rm := r.(map[string]any) // the meta-schema checked the shape
			ptr := "/x-rules/" + strconv.Itoa(i)
			name := rm["check"].(string)
			chk, ok := p.dict.checks[name]
			if !ok {
				p.fail(ptr+"/check", "rule.unknown", ErrInvalid, "no check named %q in the dictionary", name)
				continue
			}
			args, _ := rm["args"].(map[string]any)
			for _, a := range slices.Sorted(maps.Keys(args)) {
				if !slices.ContainsFunc(chk.Params, func(pr Param) bool { return pr.Name == a }) {
					p.fail(ptr+"/args/"+escapeToken(a), "rule.param", ErrInvalid, "check %q has no parameter %q", name, a)
				}
			}
			decl := ruleDecl{check: name, binds: map[string]srcBinding{}, filePtr: ptr}
			for _, prm := range chk.Params {
				target, given := args[prm.Name].(string)
				if !given {
					target = prm.Element
				}
				if target == "" {
					if prm.Required {
						p.fail(ptr+"/args", "rule.unbound", ErrInvalid, "check %q needs parameter %q bound", name, prm.Name)
					}
					continue
				}
				b, err := p.bind(target)
				if err != nil {
					if given || prm.Required {
						p.fail(ptr+"/args/"+escapeToken(prm.Name), "rule.unbound", ErrInvalid, "parameter %q of check %q: %v", prm.Name, name, err)
					}
					continue
				}
				decl.binds[prm.Name] = b
			}
			f.rules = append(f.rules, decl)
		}
	}
	if aa, ok := doc["x-auto-approve"].(map[string]any); ok {
		decl := &autoDecl{basis: aa["basis"].(string)}
		targets, _ := stringList(aa["elements"])
		for i, t := range targets {
			b, err := p.bind(t)
			if err != nil {
				p.fail("/x-auto-approve/elements/"+strconv.Itoa(i), "rule.unbound", ErrInvalid, "%v", err)
				continue
			}
			decl.elements = append(decl.elements, b)
		}
		f.auto = decl
	}
}

// bind finds the field a rule names: a data element the form binds, or a
// pointer to one of its fields.
func (p *parser) bind(target string) (srcBinding, error) {
	if strings.HasPrefix(target, "/") {
		tokens, err := splitPointer(target)
		if err != nil {
			return srcBinding{}, err
		}
		n := p.form.root
		for _, t := range tokens {
			c, ok := n.byName[t]
			if !ok {
				return srcBinding{}, fmt.Errorf("%s is not a field of the form", target)
			}
			n = c
		}
		if !n.leaf {
			return srcBinding{}, fmt.Errorf("%s is an object, not a field", target)
		}
		return srcBinding{element: n.element, node: n}, nil
	}
	if _, ok := p.dict.element(target); !ok {
		return srcBinding{}, fmt.Errorf("%w: %q", ErrUnknownElement, target)
	}
	for _, l := range p.form.leaves {
		if l.element == target {
			return srcBinding{element: target, node: l}, nil
		}
	}
	return srcBinding{}, fmt.Errorf("the form binds no field to data element %s", target)
}
