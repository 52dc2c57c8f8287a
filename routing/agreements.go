package routing

import (
	"slices"

	"github.com/onething-gov/onething/standards/division"
)

// Agreements is a loaded, checked and indexed set of regions, agreements
// and jurisdiction rules. Make one with LoadAgreements. It is immutable and
// safe for concurrent use; every value it returns is a copy.
type Agreements struct {
	regions      []Region
	regionIdx    map[string]int
	list         []*compiled // in load order: files by name, entries in file order
	byID         map[string]*compiled
	byMatter     map[string][]listing // candidates per matter, in load order
	jurisdiction map[string][]Basis
	juris        []Jurisdiction
}

// compiled is an agreement with its lookup structures.
type compiled struct {
	Agreement
	partners divSet
	recog    []recognition
}

// recognition is a Recognition with its lookup structures. mutual marks
// the default, recognition among all partners both ways, which needs no
// sets of its own.
type recognition struct {
	typ              string
	issued, accepted divSet
	mutual           bool
}

// listing is one agreement's entry for one matter.
type listing struct {
	a     *compiled
	modes modeSet
}

// divSet is a set of divisions; it holds a place when a member contains
// it. Membership is decided from the digits (see inside), provinces by
// table, so that a lookup costs a few byte comparisons.
type divSet struct {
	provinces [100]bool
	cities    []string        // four-digit prefixes
	counties  []division.Code // counties and other exact codes
}

func newDivSet(list []division.Code) divSet {
	var s divSet
	for _, d := range list {
		switch {
		case len(d) != 6:
		case d[2:] == "0000":
			s.provinces[prefix2(d)] = true
		case d[4:] == "00":
			s.cities = append(s.cities, string(d[:4]))
		default:
			s.counties = append(s.counties, d)
		}
	}
	return s
}

// holds reports whether a member of the set contains place p.
func (s *divSet) holds(p division.Code) bool {
	if len(p) != 6 {
		return false
	}
	if s.provinces[prefix2(p)] {
		return true
	}
	for _, c := range s.cities {
		if string(p[:4]) == c {
			return true
		}
	}
	for _, c := range s.counties {
		if p == c {
			return true
		}
	}
	return false
}

// prefix2 returns the value of a code's first two digits, 0–99.
func prefix2(d division.Code) int { return int(d[0]-'0')%10*10 + int(d[1]-'0')%10 }

// inside reports whether place p lies within division d, from the digits:
// a province holds every code that begins with its two digits, a city
// every code that begins with its four, any other code only itself. For
// the divisions of the national table this is division.Code.Contains
// (districts of a municipality and counties under a province have no city
// code of their own to match), without a table lookup.
func inside(p, d division.Code) bool {
	switch {
	case len(p) != 6 || len(d) != 6:
		return false
	case d[2:] == "0000":
		return p[:2] == d[:2]
	case d[4:] == "00":
		return p[:4] == d[:4]
	}
	return p == d
}

// Len returns the number of agreements.
func (a *Agreements) Len() int {
	if a == nil {
		return 0
	}
	return len(a.list)
}

// Regions returns the regions in load order.
func (a *Agreements) Regions() []Region {
	if a == nil {
		return nil
	}
	out := make([]Region, len(a.regions))
	for i, r := range a.regions {
		r.Members = slices.Clone(r.Members)
		out[i] = r
	}
	return out
}

// Region returns the region with the given id.
func (a *Agreements) Region(id string) (Region, bool) {
	if a == nil {
		return Region{}, false
	}
	i, ok := a.regionIdx[id]
	if !ok {
		return Region{}, false
	}
	r := a.regions[i]
	r.Members = slices.Clone(r.Members)
	return r, true
}

// List returns every agreement in load order: files by name, entries in
// file order. It is the order in which the router tries them.
func (a *Agreements) List() []Agreement {
	if a == nil {
		return nil
	}
	out := make([]Agreement, len(a.list))
	for i, c := range a.list {
		out[i] = c.clone()
	}
	return out
}

// Agreement returns the agreement with the given id.
func (a *Agreements) Agreement(id string) (Agreement, bool) {
	if a == nil {
		return Agreement{}, false
	}
	c, ok := a.byID[id]
	if !ok {
		return Agreement{}, false
	}
	return c.clone(), true
}

// For returns the agreements that list the matter with code, in load order.
func (a *Agreements) For(code string) []Agreement {
	if a == nil {
		return nil
	}
	var out []Agreement
	for _, l := range a.byMatter[code] {
		out = append(out, l.a.clone())
	}
	return out
}

// Jurisdictions returns the jurisdiction rules in load order.
func (a *Agreements) Jurisdictions() []Jurisdiction {
	if a == nil {
		return nil
	}
	out := make([]Jurisdiction, len(a.juris))
	for i, j := range a.juris {
		j.Basis = slices.Clone(j.Basis)
		out[i] = j
	}
	return out
}

// Jurisdiction returns the bases the data gives for the matter with code.
func (a *Agreements) Jurisdiction(code string) ([]Basis, bool) {
	if a == nil {
		return nil, false
	}
	b, ok := a.jurisdiction[code]
	return slices.Clone(b), ok
}
