package form

import (
	"fmt"
	"maps"
	"strings"
)

// annotations are keywords that carry no constraint; the walk and the merge
// treat them as text.
var annotations = map[string]bool{
	"title": true, "description": true, "$comment": true, "default": true,
	"examples": true, "deprecated": true, "readOnly": true, "writeOnly": true,
}

func isAnnotation(k string) bool { return annotations[k] || strings.HasPrefix(k, "x-") }

// resolver inlines the local references ("$ref": "#/$defs/…") of one form
// document, so that the walk and the merge see each property's whole schema.
type resolver struct {
	doc any
	id  string // the document's $id; "<id>#/…" references are local too
}

// resolve returns s with its $ref, if any, replaced by the referenced
// schema, and the pointer of the schema whose "properties" order applies.
// Keywords beside a $ref are kept; one that the referenced schema also has
// is an error unless it is an annotation, in which case the sibling wins.
func (r *resolver) resolve(s any, ptr string) (any, string, error) {
	seen := map[string]bool{}
	for range maxDepth {
		m, ok := s.(map[string]any)
		if !ok {
			return s, ptr, nil
		}
		ref, ok := m["$ref"]
		if !ok {
			return s, ptr, nil
		}
		rs, ok := ref.(string)
		if !ok {
			return nil, "", fmt.Errorf("$ref is not a string")
		}
		target := rs
		if r.id != "" && strings.HasPrefix(rs, r.id+"#") {
			target = rs[len(r.id):]
		}
		if !strings.HasPrefix(target, "#") {
			return nil, "", fmt.Errorf("$ref %q: only references within the form (#/…) are supported", rs)
		}
		if seen[target] {
			return nil, "", fmt.Errorf("$ref %q: reference cycle", rs)
		}
		seen[target] = true
		tokens, err := splitPointer(target[1:])
		if err != nil {
			return nil, "", fmt.Errorf("$ref %q: %v", rs, err)
		}
		t := r.doc
		for _, tok := range tokens {
			tm, ok := t.(map[string]any)
			if !ok {
				return nil, "", fmt.Errorf("$ref %q: no such schema in the form", rs)
			}
			if t, ok = tm[tok]; !ok {
				return nil, "", fmt.Errorf("$ref %q: no such schema in the form", rs)
			}
		}
		tm, ok := t.(map[string]any)
		if !ok {
			if len(m) == 1 {
				return t, target[1:], nil
			}
			return nil, "", fmt.Errorf("$ref %q: a boolean schema cannot take sibling keywords", rs)
		}
		merged := maps.Clone(tm)
		for k, v := range m {
			if k == "$ref" {
				continue
			}
			if _, clash := tm[k]; clash && !isAnnotation(k) {
				return nil, "", fmt.Errorf("$ref %q: keyword %q both beside the reference and in the referenced schema", rs, k)
			}
			merged[k] = v
		}
		s = merged
		if _, own := m["properties"]; !own {
			ptr = target[1:]
		}
	}
	return nil, "", fmt.Errorf("$ref chain longer than %d", maxDepth)
}

// inline returns a copy of a leaf schema with every local $ref inside it
// replaced, so that the leaf can move into another document.
func (r *resolver) inline(s any, depth int) (any, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("schema nested deeper than %d", maxDepth)
	}
	s, _, err := r.resolve(s, "")
	if err != nil {
		return nil, err
	}
	switch v := s.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if k == "$defs" || k == "definitions" {
				continue
			}
			if isAnnotation(k) || k == "enum" || k == "const" {
				out[k] = clone(x)
				continue
			}
			y, err := r.inline(x, depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = y
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			y, err := r.inline(x, depth+1)
			if err != nil {
				return nil, err
			}
			out[i] = y
		}
		return out, nil
	}
	return s, nil
}
