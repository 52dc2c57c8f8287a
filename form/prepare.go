package form

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// prepare computes, once per form, everything of a merge that depends on
// the form alone: each field's place in the merged answers and parsed
// constraints, the form's object under /matters/<code>, its conditions,
// checks and approval restated at merged pointers. Merge then only
// combines, which keeps it fast.
func (f *Form) prepare() {
	code := f.matter.Code
	for _, l := range f.leaves {
		l.srcPtr = pointer(l.path...)
		if l.element != "" {
			l.loc = []string{l.element}
			l.cons = parseCons(l.schema)
		} else {
			l.loc = append([]string{NamespaceKey, code}, l.path...)
		}
		l.mptr = pointer(l.loc...)
		if l.element == "" {
			t := titleOf(l.schema)
			if t == "" {
				t = l.name
			}
			l.field = &mfield{pointer: l.mptr, tokens: l.loc, label: Text{t, t}, members: []string{code},
				sources:  []FieldSource{{Matter: code, Form: f.id, Pointer: l.srcPtr}},
				required: l.effReq, schema: stripX(l.schema)}
		}
	}
	f.nsTree, f.nsReq = f.namespace()
	for _, fc := range f.conds {
		s := f.render(fc.c)
		f.rconds = append(f.rconds, mcond{schema: s, matters: []string{code}})
		f.condKeys = append(f.condKeys, canonical(s))
	}
	for _, d := range f.rules {
		r := mrule{check: d.check, binds: map[string]binding{}, matters: []string{code}}
		var key strings.Builder
		key.WriteString(d.check)
		for _, p := range slices.Sorted(maps.Keys(d.binds)) {
			b := d.binds[p]
			r.binds[p] = binding{element: b.element, pointer: b.node.mptr, tokens: b.node.loc}
			fmt.Fprintf(&key, "\x00%s=%s", p, b.node.mptr)
		}
		f.rrules = append(f.rrules, r)
		f.ruleKeys = append(f.ruleKeys, key.String())
	}
	if f.auto != nil {
		a := &mauto{matter: code, form: f.id, basis: f.auto.basis}
		for _, b := range f.auto.elements {
			a.fields = append(a.fields, binding{element: b.element, pointer: b.node.mptr, tokens: b.node.loc})
		}
		f.rauto = a
	}
}

// namespace builds the form's object under /matters/<code>: its unbound
// fields in their own shape, every object closed (additionalProperties
// false), required where a field beneath must always be given.
func (f *Form) namespace() (map[string]any, bool) {
	var tree map[string]any
	required := false
	for _, l := range f.leaves {
		if l.element != "" {
			continue
		}
		if tree == nil {
			tree = map[string]any{"title": f.title}
		}
		parent := tree
		n := f.root
		for i, tok := range l.path {
			pp, _ := parent["properties"].(map[string]any)
			if pp == nil {
				pp = map[string]any{}
				parent["properties"] = pp
				parent["type"] = "object"
				parent["additionalProperties"] = false
			}
			if l.effReq {
				req, _ := parent["required"].([]any)
				if !slices.Contains(req, any(tok)) {
					parent["required"] = append(req, tok)
				}
			}
			n = n.byName[tok]
			if i == len(l.path)-1 {
				pp[tok] = l.field.schema
				break
			}
			child, _ := pp[tok].(map[string]any)
			if child == nil {
				child = map[string]any{}
				if t := titleOf(n.schema); t != "" {
					child["title"] = t
				}
				pp[tok] = child
			}
			parent = child
		}
		required = required || l.effReq
	}
	return tree, required
}

// render turns a cond into a JSON Schema over the merged answers.
func (f *Form) render(c cond) any {
	switch c.op {
	case opTrue:
		return true
	case opFalse:
		return false
	case opAll, opAny, opOne:
		items := make([]any, len(c.subs))
		for i, s := range c.subs {
			items[i] = f.render(s)
		}
		return map[string]any{map[condOp]string{opAll: "allOf", opAny: "anyOf", opOne: "oneOf"}[c.op]: items}
	case opNot:
		return map[string]any{"not": f.render(c.subs[0])}
	case opIf:
		s := map[string]any{"if": f.render(c.subs[0])}
		if c.subs[1].op != opTrue {
			s["then"] = f.render(c.subs[1])
		}
		if c.subs[2].op != opTrue {
			s["else"] = f.render(c.subs[2])
		}
		return s
	case opPresent:
		return requiredPath(c.node.loc)
	case opValue:
		return valuePath(c.node.loc, c.schema)
	}
	return true
}
