package form

import (
	"encoding/json"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// constraints intersects the schemas of one merged field: every form that
// binds the element adds its schema, and the result admits exactly the values
// every one of them admits (patterns and multiples are kept side by side in
// allOf). A constraint that leaves no value is a *ConflictError naming the
// form that set it first and the form that emptied it.
type constraints struct {
	element, pointer string

	types     []string
	typesFrom *Form
	hasTypes  bool

	format     string
	formatFrom *Form

	enum     []any
	enumFrom *Form
	hasEnum  bool

	lo, hi         bound
	minLen, maxLen intBound
	minIt, maxIt   intBound

	patterns    []string
	multiples   []any
	uniqueItems bool

	other     map[string]any   // other keywords: must agree
	otherFrom map[string]*Form // who set them
	notes     map[string]any   // annotations, first wins

	conflicts []*ConflictError
}

// bound is a numeric bound with whether it is exclusive and who set it.
type bound struct {
	v         *big.Rat
	exclusive bool
	raw       any
	from      *Form
}

type intBound struct {
	v    int
	set  bool
	from *Form
}

func newConstraints(element, pointer string) *constraints {
	return &constraints{element: element, pointer: pointer}
}

// conflict records a conflict between the constraint set by a and the one
// set by b.
func (c *constraints) conflict(kw string, a, b *Form, va, vb any) {
	ce := &ConflictError{Element: c.element, Pointer: c.pointer, Constraint: kw,
		Values: [2]string{renderValue(va), renderValue(vb)}}
	if a != nil {
		ce.Forms[0], ce.Matters[0] = a.id, a.MatterCode()
	}
	if b != nil {
		ce.Forms[1], ce.Matters[1] = b.id, b.MatterCode()
	}
	c.conflicts = append(c.conflicts, ce)
}

func renderValue(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return canonical(v)
}

// addElement applies a data element's own type, format and enum.
func (c *constraints) addElement(e *Element) {
	c.addTypes([]string{e.Type}, nil)
	if e.Format != "" {
		c.format = e.Format
	}
	if e.Enum != nil {
		c.addEnum(e.Enum, nil)
	}
}

// leafCons are the constraints of one field schema, parsed once when the
// form loads so that Merge only combines them.
type leafCons struct {
	types     []string // nil: no "type"
	format    string
	enums     [][]any // "enum" and "const", each to intersect
	lows      []bound // minimum, exclusiveMinimum
	highs     []bound // maximum, exclusiveMaximum
	ints      []intKw
	patterns  []string
	multiples []any
	unique    bool
	other     []kv // other keywords, sorted by key
	notes     []kv // annotations, sorted by key
}

type kv struct {
	k string
	v any
}

type intKw struct {
	kw string
	n  int
}

// parseCons reads the constraints of a field schema.
func parseCons(s map[string]any) *leafCons {
	lc := &leafCons{}
	for _, k := range slices.Sorted(maps.Keys(s)) {
		v := s[k]
		switch k {
		case "x-element":
		case "type":
			if t, ok := v.(string); ok {
				lc.types = []string{t}
			} else if ts, ok := stringList(v); ok {
				lc.types = ts
			}
		case "format":
			lc.format, _ = v.(string)
		case "enum":
			if vs, ok := v.([]any); ok {
				lc.enums = append(lc.enums, vs)
			}
		case "const":
			lc.enums = append(lc.enums, []any{v})
		case "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum":
			r, ok := numberRat(v)
			if !ok {
				continue
			}
			b := bound{v: r, exclusive: strings.HasPrefix(k, "exclusive"), raw: v}
			if strings.HasSuffix(k, "inimum") {
				lc.lows = append(lc.lows, b)
			} else {
				lc.highs = append(lc.highs, b)
			}
		case "minLength", "maxLength", "minItems", "maxItems":
			r, ok := numberRat(v)
			if ok && r.IsInt() && r.Num().IsInt64() {
				lc.ints = append(lc.ints, intKw{k, int(r.Num().Int64())})
			}
		case "pattern":
			if p, ok := v.(string); ok {
				lc.patterns = append(lc.patterns, p)
			}
		case "multipleOf":
			lc.multiples = append(lc.multiples, v)
		case "uniqueItems":
			lc.unique = v == true
		default:
			if isAnnotation(k) {
				lc.notes = append(lc.notes, kv{k, v})
			} else {
				lc.other = append(lc.other, kv{k, v})
			}
		}
	}
	return lc
}

// add intersects the constraints of a field of form f.
func (c *constraints) add(lc *leafCons, f *Form) {
	if lc.types != nil {
		c.addTypes(lc.types, f)
	}
	if lc.format != "" {
		if c.format == "" {
			c.format, c.formatFrom = lc.format, f
		} else if c.format != lc.format {
			c.conflict("format", c.formatFrom, f, c.format, lc.format)
		}
	}
	for _, e := range lc.enums {
		c.addEnum(e, f)
	}
	for _, b := range lc.lows {
		c.addBound(&c.lo, b, f, true)
	}
	for _, b := range lc.highs {
		c.addBound(&c.hi, b, f, false)
	}
	for _, ik := range lc.ints {
		switch ik.kw {
		case "minLength":
			c.addInt(&c.minLen, &c.maxLen, ik.n, f, true, "minLength/maxLength")
		case "maxLength":
			c.addInt(&c.maxLen, &c.minLen, ik.n, f, false, "minLength/maxLength")
		case "minItems":
			c.addInt(&c.minIt, &c.maxIt, ik.n, f, true, "minItems/maxItems")
		case "maxItems":
			c.addInt(&c.maxIt, &c.minIt, ik.n, f, false, "minItems/maxItems")
		}
	}
	for _, p := range lc.patterns {
		if !slices.Contains(c.patterns, p) {
			c.patterns = append(c.patterns, p)
		}
	}
	for _, v := range lc.multiples {
		if !slices.ContainsFunc(c.multiples, func(x any) bool { return jsonEqual(x, v) }) {
			c.multiples = append(c.multiples, v)
		}
	}
	c.uniqueItems = c.uniqueItems || lc.unique
	for _, n := range lc.notes {
		if c.notes == nil {
			c.notes = map[string]any{}
		}
		if _, ok := c.notes[n.k]; !ok {
			c.notes[n.k] = n.v
		}
	}
	for _, o := range lc.other {
		if c.other == nil {
			c.other, c.otherFrom = map[string]any{}, map[string]*Form{}
		}
		prev, ok := c.other[o.k]
		switch {
		case !ok:
			c.other[o.k], c.otherFrom[o.k] = o.v, f
		case !jsonEqual(prev, o.v):
			c.conflict(o.k, c.otherFrom[o.k], f, prev, o.v)
		}
	}
}

func (c *constraints) addTypes(ts []string, f *Form) {
	if !c.hasTypes {
		c.types, c.typesFrom, c.hasTypes = slices.Clone(ts), f, true
		return
	}
	var out []string
	for _, a := range c.types {
		for _, b := range ts {
			var t string
			switch {
			case a == b:
				t = a
			case a == "integer" && b == "number", a == "number" && b == "integer":
				t = "integer"
			default:
				continue
			}
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	if len(out) == 0 {
		c.conflict("type", c.typesFrom, f, anyStrings(c.types), anyStrings(ts))
		return
	}
	if len(out) < len(c.types) {
		c.typesFrom = f
	}
	c.types = out
}

func (c *constraints) addEnum(vs []any, f *Form) {
	if !c.hasEnum {
		c.enum, c.enumFrom, c.hasEnum = slices.Clone(vs), f, true
		return
	}
	var out []any
	for _, a := range c.enum {
		if slices.ContainsFunc(vs, func(b any) bool { return jsonEqual(a, b) }) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		c.conflict("enum", c.enumFrom, f, c.enum, vs)
		return
	}
	if len(out) < len(c.enum) {
		c.enumFrom = f
	}
	c.enum = out
}

// addBound tightens the lower (lower=true) or upper bound with nb.
func (c *constraints) addBound(b *bound, nb bound, f *Form, lower bool) {
	tighter := b.v == nil
	if !tighter {
		cmp := nb.v.Cmp(b.v)
		if !lower {
			cmp = -cmp
		}
		tighter = cmp > 0 || (cmp == 0 && nb.exclusive && !b.exclusive)
	}
	if tighter {
		nb.from = f
		*b = nb
	}
	if c.lo.v == nil || c.hi.v == nil {
		return
	}
	cmp := c.lo.v.Cmp(c.hi.v)
	if cmp > 0 || (cmp == 0 && (c.lo.exclusive || c.hi.exclusive)) {
		other := c.hi
		if !lower {
			other = c.lo
		}
		c.conflict("minimum/maximum", other.from, f, other.raw, nb.raw)
	}
}

// addInt tightens a length or count bound b whose opposite is o.
func (c *constraints) addInt(b, o *intBound, n int, f *Form, lower bool, kw string) {
	if !b.set || (lower && n > b.v) || (!lower && n < b.v) {
		*b = intBound{v: n, set: true, from: f}
	}
	if o.set && ((lower && b.v > o.v) || (!lower && b.v < o.v)) {
		c.conflict(kw, o.from, f, o.v, n)
	}
}

// schema renders the intersection.
func (c *constraints) schema() map[string]any {
	s := make(map[string]any, 12+len(c.other)+len(c.notes))
	for k, v := range c.notes {
		s[k] = v
	}
	for k, v := range c.other {
		s[k] = v
	}
	if c.hasTypes {
		if len(c.types) == 1 {
			s["type"] = c.types[0]
		} else {
			s["type"] = anyStrings(c.types)
		}
	}
	if c.format != "" {
		s["format"] = c.format
	}
	if c.hasEnum {
		s["enum"] = c.enum
	}
	if c.lo.v != nil {
		s[map[bool]string{false: "minimum", true: "exclusiveMinimum"}[c.lo.exclusive]] = c.lo.raw
	}
	if c.hi.v != nil {
		s[map[bool]string{false: "maximum", true: "exclusiveMaximum"}[c.hi.exclusive]] = c.hi.raw
	}
	setInt := func(k string, b intBound) {
		if b.set {
			s[k] = json.Number(strconv.Itoa(b.v))
		}
	}
	setInt("minLength", c.minLen)
	setInt("maxLength", c.maxLen)
	setInt("minItems", c.minIt)
	setInt("maxItems", c.maxIt)
	if c.uniqueItems {
		s["uniqueItems"] = true
	}
	var all []any
	for i, p := range c.patterns {
		if i == 0 {
			s["pattern"] = p
			continue
		}
		all = append(all, map[string]any{"pattern": p})
	}
	for i, m := range c.multiples {
		if i == 0 {
			s["multipleOf"] = m
			continue
		}
		all = append(all, map[string]any{"multipleOf": m})
	}
	if len(all) > 0 {
		if prev, ok := s["allOf"].([]any); ok {
			all = append(slices.Clone(prev), all...)
		}
		s["allOf"] = all
	}
	return s
}
