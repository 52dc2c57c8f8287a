package standards

import (
	"slices"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Implementation is one implementation of a matter to check: the matter as
// it applies in a division (a city's or county's resolved implementation
// list, matter.Catalog.Resolve), or the province's base matter.
type Implementation struct {
	// Division is where the implementation applies; empty for the base
	// matter of the province's catalog.
	Division division.Code
	Matter   *matter.Matter
}

// Checker checks implementations against the standards in force on one
// day. Scopes are indexed by matter code, kind and tag, so that a matter
// costs in proportion to the standards that may cover it rather than to
// the size of the system. Make one with NewChecker; it is safe for
// concurrent use.
type Checker struct {
	sys      *System
	on       matter.Date
	negative func(code string, d division.Code) (matter.NegativeEntry, bool)
	active   []*version
	byCode   map[string][]int32
	byKind   [32][]int32 // scopes by kind only
	byTag    map[string][]int32
}

// NewChecker returns a checker of the standards of sys in force on day on.
// negative, if not nil, finds the negative-list (负面清单) entry of a matter
// in a division (matter.Catalog.Negative): such an entry waives the
// requirement that the matter be fully online there.
func NewChecker(sys *System, on matter.Date, negative func(code string, d division.Code) (matter.NegativeEntry, bool)) *Checker {
	c := &Checker{sys: sys, on: on, negative: negative, active: sys.inForce(on),
		byCode: map[string][]int32{}, byTag: map[string][]int32{}}
	for i, v := range c.active {
		id := int32(i)
		for code := range v.scope.codes {
			c.byCode[code] = append(c.byCode[code], id)
		}
		switch {
		case v.scope.tags != nil:
			for t := range v.scope.tags {
				c.byTag[t] = append(c.byTag[t], id)
			}
		case v.scope.kinds != 0:
			for k := range 32 {
				if v.scope.kinds&(1<<k) != 0 {
					c.byKind[k] = append(c.byKind[k], id)
				}
			}
		}
	}
	return c
}

// Date returns the day the checker checks on.
func (c *Checker) Date() matter.Date { return c.on }

// Applicable returns the standards in force whose scope covers m, in
// identifier order.
func (c *Checker) Applicable(m *matter.Matter) []*Standard {
	if m == nil {
		return nil
	}
	return clones(c.applicable(m, nil))
}

// applicable appends to dst the versions whose scope covers m, in
// identifier order.
func (c *Checker) applicable(m *matter.Matter, dst []*version) []*version {
	var buf [16]int32
	ids := append(buf[:0], c.byCode[m.Code]...)
	if m.Kind > 0 && m.Kind < 32 {
		ids = append(ids, c.byKind[m.Kind]...)
	}
	for _, t := range m.Tags {
		ids = append(ids, c.byTag[t]...)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for _, id := range ids {
		if v := c.active[id]; v.scope.matches(m) {
			dst = append(dst, v)
		}
	}
	return dst
}

// Check checks one implementation against every applicable standard. An
// implementation without a matter gives an empty entry.
func (c *Checker) Check(impl Implementation) Entry {
	m := impl.Matter
	if m == nil {
		return Entry{Division: impl.Division}
	}
	e := Entry{Matter: m.Code, Name: m.Name, Division: impl.Division, Department: m.Body}
	if impl.Division != "" {
		e.City = impl.Division.City()
	} else {
		e.City = m.Body.Division.Province()
	}
	var buf [8]*version
	vs := c.applicable(m, buf[:0])
	if len(vs) == 0 {
		return e
	}
	e.Standards = make([]string, len(vs))
	for i, v := range vs {
		e.Standards[i] = v.designation
		e.Findings = v.std.evaluate(e.Findings, m, v.designation)
	}
	if c.negative != nil {
		for i := range e.Findings {
			f := &e.Findings[i]
			if f.Rule != RuleDepthMin || f.Expected != expectFullyOnline {
				continue
			}
			if n, ok := c.negative(m.Code, impl.Division); ok {
				f.Waived = "负面清单：" + n.Reason
			}
		}
	}
	return e
}
