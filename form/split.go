package form

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
)

// Split cuts merged answers back into one submission per member matter, in
// that matter's own field names and shape, keyed by matter code: each
// element value goes to every field of the form bound to the element, and
// each field of one form only comes back from /matters/<code>/…. An object
// of a form appears when the form requires it or a field beneath it has a
// value.
//
// Split does not review: call Review first and split only accepted
// answers. Every answer the merged form accepts splits into parts that
// each member's own form accepts. Answers holding a property the merged
// form does not define are refused with *FieldError values wrapping
// ErrInvalid, so that nothing an applicant typed is silently dropped.
func Split(m *Merged, a Answers) (map[string]json.RawMessage, error) {
	if err := m.unknown(a); err != nil {
		return nil, err
	}
	out := make(map[string]json.RawMessage, len(m.forms))
	for _, f := range m.forms {
		part, _ := m.build(f, f.root, a)
		b, err := json.Marshal(part)
		if err != nil {
			return nil, fmt.Errorf("form: split %s: %w: %v", f.matter.Code, ErrInvalid, err)
		}
		out[f.matter.Code] = b
	}
	return out, nil
}

// build assembles a form's part below node n, reporting whether it is
// present.
func (m *Merged) build(f *Form, n *node, a Answers) (any, bool) {
	if n.leaf {
		v, ok := lookup(a, n.loc)
		return clone(v), ok
	}
	obj := map[string]any{}
	for _, c := range n.children {
		if v, ok := m.build(f, c, a); ok {
			obj[c.name] = v
		}
	}
	return obj, len(obj) > 0 || n.effReq || n.parent == nil
}

// unknown reports every property of a that the merged form does not
// define.
func (m *Merged) unknown(a Answers) error {
	var errs []error
	var walk func(v any, schema map[string]any, path []string)
	walk = func(v any, schema map[string]any, path []string) {
		obj, ok := v.(map[string]any)
		props, declared := schema["properties"].(map[string]any)
		if !ok || !declared {
			return
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			p := append(slices.Clone(path), k)
			sub, ok := props[k].(map[string]any)
			if !ok {
				errs = append(errs, &FieldError{Pointer: pointer(p...), Code: "answers.unknown", Err: fmt.Errorf("%w: not a field of merged form %s", ErrInvalid, m.id)})
				continue
			}
			if _, isField := m.byPtr[pointer(p...)]; !isField {
				walk(obj[k], sub, p)
			}
		}
	}
	walk(map[string]any(a), m.doc, nil)
	return errors.Join(errs...)
}
