package form

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Merge merges the forms of a bundle selection, given in plan order
// (Library.Select), into one form. Each form must belong to a different
// matter and all must share a dictionary.
//
// Fields bound to the same data element become one field whose constraints
// are the intersection of the forms': required if any form requires it;
// enum and const values intersected; minimum, maximum, minLength,
// maxLength, minItems and maxItems tightened; patterns and multipleOf all
// applied (allOf); formats and every other keyword must agree. A constraint
// no value can meet — an empty enum intersection, a type clash, a minimum
// above a maximum, two formats — is a *ConflictError naming both forms; all
// conflicts are reported, joined, and wrap ErrConflict.
//
// A form's if/then/else, dependentRequired, allOf, anyOf, oneOf and not,
// and the required fields of its optional objects, are restated in the
// merged schema's allOf at the merged pointers, so that every answer the
// merged form accepts splits into parts that each form accepts.
//
// The output is deterministic: the same forms in the same order give a
// byte-identical Schema.
func Merge(forms ...*Form) (*Merged, error) {
	if len(forms) == 0 {
		return nil, fmt.Errorf("form: merge: %w: no forms", ErrInvalid)
	}
	var errs []error
	codes := map[string]bool{}
	for i, f := range forms {
		switch {
		case f == nil:
			errs = append(errs, fmt.Errorf("form: merge: %w: form %d is nil", ErrInvalid, i))
		case f.matter == nil:
			errs = append(errs, fmt.Errorf("form: merge: %w: form %s belongs to no matter", ErrInvalid, f.id))
		case codes[f.matter.Code]:
			errs = append(errs, fmt.Errorf("form: merge: %w: two forms of matter %s", ErrInvalid, f.matter.Code))
		case f.dict != forms[0].dict:
			errs = append(errs, fmt.Errorf("form: merge: %w: form %s was loaded with another dictionary", ErrInvalid, f.id))
		default:
			codes[f.matter.Code] = true
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	leaves := 0
	for _, f := range forms {
		leaves += len(f.leaves)
	}
	m := &Merged{forms: slices.Clone(forms), dict: forms[0].dict, fields: make([]*mfield, 0, leaves),
		byPtr: make(map[string]*mfield, leaves), byElement: make(map[string]*mfield, leaves),
		members: make([]string, 0, len(forms)), sections: make([]Section, 0, len(forms))}
	var id, title strings.Builder
	id.WriteString("urn:onething:form:merged:")
	title.WriteString("多表合一：")
	for i, f := range forms {
		code := f.matter.Code
		if i > 0 {
			id.WriteByte('+')
			title.WriteString("、")
		}
		id.WriteString(code)
		title.WriteString(f.title)
		m.members = append(m.members, code)
		sec := Section{Matter: code, Form: f.id, Title: f.title, Fields: make([]string, 0, len(f.leaves))}
		for _, leaf := range f.leaves {
			m.before++
			if leaf.element == "" {
				m.add(leaf.field)
				sec.Fields = append(sec.Fields, leaf.mptr)
				continue
			}
			mf, ok := m.byElement[leaf.element]
			if !ok {
				e, _ := m.dict.element(leaf.element)
				mf = &mfield{pointer: leaf.mptr, tokens: leaf.loc, element: leaf.element, elem: e, label: e.Label,
					members: make([]string, 0, len(forms)-i), sources: make([]FieldSource, 0, len(forms)-i),
					cons: newConstraints(leaf.element, leaf.mptr)}
				mf.cons.addElement(e)
				m.byElement[leaf.element] = mf
				m.add(mf)
				sec.Fields = append(sec.Fields, mf.pointer)
			}
			mf.cons.add(leaf.cons, f)
			if n := len(mf.members); n == 0 || mf.members[n-1] != code {
				mf.members = append(mf.members, code)
			}
			mf.sources = append(mf.sources, FieldSource{Matter: code, Form: f.id, Pointer: leaf.srcPtr})
			mf.required = mf.required || leaf.effReq
		}
		m.sections = append(m.sections, sec)
	}
	for _, mf := range m.fields {
		if mf.element == "" {
			continue
		}
		c := mf.cons
		for _, ce := range c.conflicts {
			errs = append(errs, ce)
		}
		mf.schema = c.schema()
		mf.schema["title"] = mf.label.ZH
		mf.schema["x-label"] = m.dict.labelDoc(mf.element)
		mf.schema["x-element"] = mf.element
		mf.schema["x-members"] = anyStrings(mf.members)
		mf.cons = nil
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	m.id, m.title = id.String(), title.String()
	m.mergeConds()
	m.mergeRules()
	m.materials = mergeMaterials(forms)
	m.doc = m.document()
	return m, nil
}

func (m *Merged) add(mf *mfield) {
	m.fields = append(m.fields, mf)
	m.byPtr[mf.pointer] = mf
}

// stripX returns a copy of a field schema without x- keywords.
func stripX(s map[string]any) map[string]any {
	out := make(map[string]any, len(s))
	for k, v := range s {
		if !strings.HasPrefix(k, "x-") {
			out[k] = v
		}
	}
	return out
}

// mergeConds takes every form's conditions once each, remembering which
// matters declared each.
func (m *Merged) mergeConds() {
	var index map[string]int
	for _, f := range m.forms {
		for i, c := range f.rconds {
			if index == nil {
				index = map[string]int{}
			}
			key := f.condKeys[i]
			if j, ok := index[key]; ok {
				if !slices.Contains(m.conds[j].matters, f.matter.Code) {
					m.conds[j].matters = append(m.conds[j].matters, f.matter.Code)
				}
				continue
			}
			index[key] = len(m.conds)
			m.conds = append(m.conds, mcond{schema: c.schema, matters: []string{f.matter.Code}})
		}
	}
}

// requiredPath is the schema "the value at path is present".
func requiredPath(path []string) map[string]any {
	s := map[string]any{"required": []any{path[len(path)-1]}}
	for i := len(path) - 2; i >= 0; i-- {
		s = map[string]any{"required": []any{path[i]}, "properties": map[string]any{path[i]: s}}
	}
	return s
}

// valuePath is the schema "the value at path, if present, satisfies s".
func valuePath(path []string, s any) map[string]any {
	if sm, ok := s.(map[string]any); ok {
		s = stripX(sm)
	}
	out := map[string]any{"properties": map[string]any{path[len(path)-1]: s}}
	for i := len(path) - 2; i >= 0; i-- {
		out = map[string]any{"properties": map[string]any{path[i]: out}}
	}
	return out
}

// mergeRules takes every declared check once per distinct binding, and
// every approval declaration.
func (m *Merged) mergeRules() {
	var index map[string]int
	for _, f := range m.forms {
		for i, r := range f.rrules {
			if index == nil {
				index = map[string]int{}
			}
			key := f.ruleKeys[i]
			if j, ok := index[key]; ok {
				if !slices.Contains(m.rules[j].matters, f.matter.Code) {
					m.rules[j].matters = append(m.rules[j].matters, f.matter.Code)
				}
				continue
			}
			index[key] = len(m.rules)
			m.rules = append(m.rules, mrule{check: r.check, binds: r.binds, matters: []string{f.matter.Code}})
		}
		if f.rauto != nil {
			m.autos = append(m.autos, *f.rauto)
		}
	}
}

// document assembles the merged JSON Schema. Parts that come from one form
// (its object under /matters, its conditions) are shared with the form,
// never changed.
func (m *Merged) document() map[string]any {
	props := make(map[string]any, len(m.byElement)+1)
	required := []any{}
	for _, mf := range m.fields {
		if mf.element != "" {
			props[mf.element] = mf.schema
			if mf.required {
				required = append(required, mf.element)
			}
		}
	}
	nsProps := map[string]any{}
	var nsReq []any
	for _, f := range m.forms {
		if f.nsTree != nil {
			nsProps[f.matter.Code] = f.nsTree
			if f.nsReq {
				nsReq = append(nsReq, f.matter.Code)
			}
		}
	}
	if len(nsProps) > 0 {
		ns := map[string]any{"title": "各事项专有信息", "type": "object", "properties": nsProps, "additionalProperties": false}
		if len(nsReq) > 0 {
			ns["required"] = nsReq
			required = append(required, NamespaceKey)
		}
		props[NamespaceKey] = ns
	}
	forms := make([]any, len(m.forms))
	secs := make([]any, len(m.sections))
	for i, f := range m.forms {
		forms[i] = f.id
		s := m.sections[i]
		secs[i] = map[string]any{"matter": s.Matter, "form": s.Form, "title": s.Title, "fields": anyStrings(s.Fields)}
	}
	doc := map[string]any{
		"$schema":              "https://json-schema.org/draft/2020-12/schema",
		"$id":                  m.id,
		"title":                m.title,
		"type":                 "object",
		"properties":           props,
		"additionalProperties": false,
		"x-members":            anyStrings(m.members),
		"x-forms":              forms,
		"x-sections":           secs,
	}
	if len(required) > 0 {
		doc["required"] = required
	}
	if len(m.conds) > 0 {
		all := make([]any, len(m.conds))
		for i, c := range m.conds {
			all[i] = c.schema
		}
		doc["allOf"] = all
	}
	if len(m.rules) > 0 {
		rs := make([]any, len(m.rules))
		for i, r := range m.rules {
			args := map[string]any{}
			for p, b := range r.binds {
				args[p] = b.pointer
			}
			rs[i] = map[string]any{"check": r.check, "args": args, "matters": anyStrings(r.matters)}
		}
		doc["x-rules"] = rs
	}
	if len(m.autos) > 0 {
		as := make([]any, len(m.autos))
		for i, a := range m.autos {
			ptrs := make([]any, len(a.fields))
			for j, b := range a.fields {
				ptrs[j] = b.pointer
			}
			as[i] = map[string]any{"matter": a.matter, "basis": a.basis, "fields": ptrs}
		}
		doc["x-auto-approve"] = as
	}
	return doc
}
