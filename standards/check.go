package standards

import (
	"cmp"
	"iter"
	"slices"

	"github.com/onething-gov/onething/matter"
)

// Check checks every matter of cat in force on day on: the province's base
// matter, and its resolved implementation (matter.Catalog.Resolve) in every
// division that has an implementation list (实施清单) for it. Findings that
// the negative list excuses are waived, and a city's finding the base
// matter shares is marked Inherited. Coverage is computed against the
// catalog: a standard naming a matter the catalog lacks, or one that
// expired by that day, is reported.
func Check(sys *System, cat *matter.Catalog, on matter.Date) (*Report, error) {
	var impls []Implementation
	for m := range cat.Matters() {
		if !m.InForceOn(on) {
			continue
		}
		impls = append(impls, Implementation{Matter: m})
		for _, o := range cat.Overlays(m.Code) {
			r, err := cat.Resolve(m.Code, o.Division)
			if err != nil {
				return nil, err
			}
			impls = append(impls, Implementation{Division: o.Division, Matter: r})
		}
	}
	c := NewChecker(sys, on, cat.Negative)
	exists := func(code string) (matter.Date, bool) {
		m, ok := cat.Matter(code)
		if !ok || m.Expires.IsZero() || on.Before(m.Expires) {
			return matter.Date{}, ok
		}
		return m.Expires, false
	}
	return c.report(slices.Values(impls), exists), nil
}

// CheckAll checks every implementation impls yields with c, skipping any
// without a matter. Coverage is
// computed against the matters checked: base matters (those with an empty
// Division) for high-frequency matters without a standard, and every
// matter checked for standards naming matters that are not there.
func CheckAll(c *Checker, impls iter.Seq[Implementation]) *Report {
	seen := map[string]bool{}
	seq := func(yield func(Implementation) bool) {
		for impl := range impls {
			if impl.Matter == nil {
				continue
			}
			seen[impl.Matter.Code] = true
			if !yield(impl) {
				return
			}
		}
	}
	return c.report(seq, func(code string) (matter.Date, bool) { return matter.Date{}, seen[code] })
}

// report runs the checker over impls and builds the report; exists says
// whether a matter code exists, or the day it expired. It is called once
// every implementation has been yielded.
func (c *Checker) report(impls iter.Seq[Implementation], exists func(string) (matter.Date, bool)) *Report {
	r := &Report{Date: c.on}
	for _, v := range c.active {
		s := v.std
		name := ""
		if n, ok := c.sys.nodes[s.Category]; ok {
			name = n.node.Name
		}
		r.Standards = append(r.Standards, Ref{Designation: v.designation, Title: s.Title, Category: s.Category,
			CategoryName: name, Effective: s.Effective, Demo: s.Demo})
	}
	var gaps []Gap
	// Entries are made in chunks that never move and sorted by pointer, so
	// that a large report copies each entry once.
	var ptrs []*Entry
	chunk := make([]Entry, 0, 256)
	for impl := range impls {
		if impl.Matter == nil {
			continue
		}
		if len(chunk) == cap(chunk) {
			chunk = make([]Entry, 0, min(2*cap(chunk), 1<<14))
		}
		chunk = append(chunk, c.Check(impl))
		ptrs = append(ptrs, &chunk[len(chunk)-1])
		if m := impl.Matter; impl.Division == "" && m.HasTag(HighFrequencyTag) && !c.names(m.Code) {
			gaps = append(gaps, Gap{Matter: m.Code, Name: m.Name, Department: m.Body})
		}
	}
	slices.SortStableFunc(ptrs, func(a, b *Entry) int {
		return cmp.Or(cmp.Compare(a.City, b.City),
			cmp.Compare(a.Department.CreditCode, b.Department.CreditCode),
			cmp.Compare(a.Matter, b.Matter), cmp.Compare(a.Division, b.Division))
	})
	r.Entries = make([]Entry, len(ptrs))
	for i, p := range ptrs {
		r.Entries[i] = *p
	}
	markInherited(r.Entries)
	slices.SortFunc(gaps, func(a, b Gap) int { return cmp.Compare(a.Matter, b.Matter) })
	r.Coverage = Coverage{Uncovered: gaps, Dangling: c.dangling(exists)}
	return r
}

// markInherited marks each finding of a division's implementation that the
// base implementation of the same matter has too.
func markInherited(entries []Entry) {
	base := map[string]map[string]bool{}
	for i := range entries {
		e := &entries[i]
		if e.Division != "" || len(e.Findings) == 0 {
			continue
		}
		keys := make(map[string]bool, len(e.Findings))
		for j := range e.Findings {
			keys[e.Findings[j].key()] = true
		}
		base[e.Matter] = keys
	}
	for i := range entries {
		e := &entries[i]
		if e.Division == "" {
			continue
		}
		keys := base[e.Matter]
		for j := range e.Findings {
			e.Findings[j].Inherited = keys[e.Findings[j].key()]
		}
	}
}
