package form

import (
	"fmt"
	"slices"
	"strconv"
)

// cond is an object-level constraint of a source form, rewritten in terms of
// the form's fields so that Merge can restate it at the merged pointers. The
// rewriting follows what Split produces: a field is present when the answers
// give it; a container is present when it is required all the way from the
// root or a field beneath it is present.
type cond struct {
	op     condOp
	subs   []cond
	node   *node // opPresent, opValue
	schema any   // opValue: the leaf's value schema, references inlined
}

type condOp int

const (
	opTrue condOp = iota
	opFalse
	opAll
	opAny
	opOne
	opNot
	opIf      // subs: if, then, else (opTrue when absent)
	opPresent // node is present
	opValue   // node, if present, satisfies schema
)

func condAll(cs ...cond) cond {
	var out []cond
	for _, c := range cs {
		switch c.op {
		case opTrue:
			continue
		case opFalse:
			return cond{op: opFalse}
		case opAll:
			out = append(out, c.subs...)
			continue
		}
		out = append(out, c)
	}
	switch len(out) {
	case 0:
		return cond{op: opTrue}
	case 1:
		return out[0]
	}
	return cond{op: opAll, subs: out}
}

func condAny(cs ...cond) cond {
	var out []cond
	for _, c := range cs {
		switch c.op {
		case opFalse:
			continue
		case opTrue:
			return cond{op: opTrue}
		}
		out = append(out, c)
	}
	switch len(out) {
	case 0:
		return cond{op: opFalse}
	case 1:
		return out[0]
	}
	return cond{op: opAny, subs: out}
}

func condNot(c cond) cond {
	switch c.op {
	case opTrue:
		return cond{op: opFalse}
	case opFalse:
		return cond{op: opTrue}
	case opNot:
		return c.subs[0]
	}
	return cond{op: opNot, subs: []cond{c}}
}

// condIf is "if a then b else c".
func condIf(a, b, c cond) cond {
	switch {
	case b.op == opTrue && c.op == opTrue:
		return cond{op: opTrue}
	case a.op == opTrue:
		return b
	case a.op == opFalse:
		return c
	}
	return cond{op: opIf, subs: []cond{a, b, c}}
}

// present is the condition that n is present in a split part. A field is
// present when the answers give it (even a required one: a condition on a
// missing required field must not fire); a container when it is required
// all the way from the root, or a field beneath it is present.
func present(n *node) cond {
	if n.leaf {
		return cond{op: opPresent, node: n}
	}
	if n.effReq || n.parent == nil {
		return cond{op: opTrue}
	}
	cs := make([]cond, len(n.leaves))
	for i, l := range n.leaves {
		cs[i] = present(l)
	}
	return condAny(cs...)
}

// guarded makes c apply only when container n is present.
func guarded(n *node, c cond) cond {
	return condIf(present(n), c, cond{op: opTrue})
}

// containerKeywords are the keywords a container may carry; the last group
// are object-level constraints, translated into conds.
var containerKeywords = map[string]bool{
	"type": true, "properties": true, "required": true, "additionalProperties": true,
	"$schema": true, "$id": true, "$defs": true, "definitions": true,
	"if": true, "then": true, "else": true, "allOf": true, "anyOf": true, "oneOf": true, "not": true,
	"dependentRequired": true,
}

// translator turns object-level schemas of a form into conds.
type translator struct {
	r *resolver
}

// objectLevel translates the object-level keywords of schema s, which
// applies to container n; ptr is s's pointer in the file, for errors.
func (t *translator) objectLevel(s any, n *node, ptr string, depth int) (cond, error) {
	if depth > maxDepth {
		return cond{}, fmt.Errorf("at %s: conditions nested deeper than %d", ptr, maxDepth)
	}
	s, _, err := t.r.resolve(s, ptr)
	if err != nil {
		return cond{}, fmt.Errorf("at %s: %v", ptr, err)
	}
	switch v := s.(type) {
	case bool:
		if v {
			return cond{op: opTrue}, nil
		}
		return cond{op: opFalse}, nil
	case map[string]any:
		var parts []cond
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			x := v[k]
			kp := ptr + "/" + escapeToken(k)
			switch k {
			case "required":
				names, ok := stringList(x)
				if !ok {
					return cond{}, fmt.Errorf("at %s: required is not a list of names", kp)
				}
				for _, name := range names {
					c, ok := n.byName[name]
					if !ok {
						return cond{}, fmt.Errorf("at %s: %q is not a property of %s", kp, name, pointerOrRoot(pointer(n.path...)))
					}
					parts = append(parts, present(c))
				}
			case "properties":
				props, ok := x.(map[string]any)
				if !ok {
					return cond{}, fmt.Errorf("at %s: properties is not an object", kp)
				}
				names := make([]string, 0, len(props))
				for name := range props {
					names = append(names, name)
				}
				slices.Sort(names)
				for _, name := range names {
					c, ok := n.byName[name]
					if !ok {
						return cond{}, fmt.Errorf("at %s: %q is not a property of %s", kp, name, pointerOrRoot(pointer(n.path...)))
					}
					sub := props[name]
					if c.leaf {
						in, err := t.r.inline(sub, 0)
						if err != nil {
							return cond{}, fmt.Errorf("at %s/%s: %v", kp, escapeToken(name), err)
						}
						if b, ok := in.(bool); ok && b {
							continue
						}
						parts = append(parts, cond{op: opValue, node: c, schema: in})
						continue
					}
					inner, err := t.objectLevel(sub, c, kp+"/"+escapeToken(name), depth+1)
					if err != nil {
						return cond{}, err
					}
					parts = append(parts, guarded(c, inner))
				}
			case "dependentRequired":
				deps, ok := x.(map[string]any)
				if !ok {
					return cond{}, fmt.Errorf("at %s: dependentRequired is not an object", kp)
				}
				names := make([]string, 0, len(deps))
				for name := range deps {
					names = append(names, name)
				}
				slices.Sort(names)
				for _, name := range names {
					a, ok := n.byName[name]
					if !ok {
						return cond{}, fmt.Errorf("at %s: %q is not a property of %s", kp, name, pointerOrRoot(pointer(n.path...)))
					}
					need, ok := stringList(deps[name])
					if !ok {
						return cond{}, fmt.Errorf("at %s/%s: not a list of names", kp, escapeToken(name))
					}
					var then []cond
					for _, b := range need {
						bn, ok := n.byName[b]
						if !ok {
							return cond{}, fmt.Errorf("at %s/%s: %q is not a property of %s", kp, escapeToken(name), b, pointerOrRoot(pointer(n.path...)))
						}
						then = append(then, present(bn))
					}
					parts = append(parts, condIf(present(a), condAll(then...), cond{op: opTrue}))
				}
			case "allOf", "anyOf", "oneOf":
				items, ok := x.([]any)
				if !ok || len(items) == 0 {
					return cond{}, fmt.Errorf("at %s: %s is not a non-empty list", kp, k)
				}
				var cs []cond
				for i, item := range items {
					c, err := t.objectLevel(item, n, kp+"/"+strconv.Itoa(i), depth+1)
					if err != nil {
						return cond{}, err
					}
					cs = append(cs, c)
				}
				switch k {
				case "allOf":
					parts = append(parts, condAll(cs...))
				case "anyOf":
					parts = append(parts, condAny(cs...))
				default:
					parts = append(parts, cond{op: opOne, subs: cs})
				}
			case "not":
				c, err := t.objectLevel(x, n, kp, depth+1)
				if err != nil {
					return cond{}, err
				}
				parts = append(parts, condNot(c))
			case "if":
				ifc, err := t.objectLevel(x, n, kp, depth+1)
				if err != nil {
					return cond{}, err
				}
				then, els := cond{op: opTrue}, cond{op: opTrue}
				if y, ok := v["then"]; ok {
					if then, err = t.objectLevel(y, n, ptr+"/then", depth+1); err != nil {
						return cond{}, err
					}
				}
				if y, ok := v["else"]; ok {
					if els, err = t.objectLevel(y, n, ptr+"/else", depth+1); err != nil {
						return cond{}, err
					}
				}
				parts = append(parts, condIf(ifc, then, els))
			case "then", "else":
				// read with "if"; alone they mean nothing
			case "type":
				if !typeIsObject(x) {
					return cond{}, fmt.Errorf("at %s: a condition on %s must be about an object", kp, pointerOrRoot(pointer(n.path...)))
				}
			case "additionalProperties":
				if depth == 0 {
					continue // the container's own, handled by the walk
				}
				return cond{}, fmt.Errorf("at %s: additionalProperties is not supported in a condition", kp)
			case "$schema", "$id", "$defs", "definitions":
				if depth == 0 {
					continue
				}
				return cond{}, fmt.Errorf("at %s: %s is not supported in a condition", kp, k)
			default:
				if isAnnotation(k) {
					continue
				}
				return cond{}, fmt.Errorf("at %s: keyword %q is not supported on an object with fields (use it on a field, or in a condition's properties)", kp, k)
			}
		}
		return condAll(parts...), nil
	}
	return cond{}, fmt.Errorf("at %s: a schema must be an object or a boolean", ptr)
}

// typeIsObject reports whether a "type" value is "object" or a list
// containing it.
func typeIsObject(v any) bool {
	if s, ok := v.(string); ok {
		return s == "object"
	}
	l, ok := stringList(v)
	return ok && slices.Contains(l, "object")
}
