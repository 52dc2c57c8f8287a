package matter

import (
	"iter"
	"maps"
	"slices"
	"strings"

	"github.com/onething-gov/onething/standards/division"
)

// Catalog is an immutable, validated and indexed snapshot of a province's
// service catalog (事项目录): base matters, bundles, the local
// implementation lists (实施清单) of its cities and counties, the negative
// list (负面清单), outlets and the forms present. Make one with LoadFS,
// Build or NewCatalog. It is safe for concurrent use; every value it returns
// is a copy the caller may change.
type Catalog struct {
	matters     map[string]*Matter
	codes       []string // sorted matter codes
	bundles     map[string]*Bundle
	bundleCodes []string // sorted bundle codes
	overlays    map[overlayKey]*Overlay
	overlaysOf  map[string][]*Overlay // by matter, sorted by division
	negative    []NegativeEntry       // sorted by matter, then division
	negativeOf  map[string][]int      // by matter, indexes into negative
	outlets     []Outlet              // sorted by id
	outletsOf   map[string][]int      // by accepted code, indexes into outlets
	byDept      map[string][]string   // credit code → sorted matter codes
	byDiv       map[division.Code][]string
	forms       map[string]bool
	formList    []string
	search      *searchIndex
}

type overlayKey struct {
	matter   string
	division division.Code
}

func newCatalog() *Catalog {
	return &Catalog{
		matters:  map[string]*Matter{},
		bundles:  map[string]*Bundle{},
		overlays: map[overlayKey]*Overlay{},
		forms:    map[string]bool{},
	}
}

// index builds the lookup structures once every check has passed; c holds
// exactly the catalog's entries.
func (cat *Catalog) index(c Contents) {
	cat.codes = slices.Sorted(maps.Keys(cat.matters))
	cat.bundleCodes = slices.Sorted(maps.Keys(cat.bundles))
	cat.formList = slices.Sorted(maps.Keys(cat.forms))

	cat.overlaysOf = map[string][]*Overlay{}
	for _, k := range slices.SortedFunc(maps.Keys(cat.overlays), func(a, b overlayKey) int {
		return cmpPair(a.matter, b.matter, string(a.division), string(b.division))
	}) {
		cat.overlaysOf[k.matter] = append(cat.overlaysOf[k.matter], cat.overlays[k])
	}

	cat.negative = slices.Clone(c.Negative)
	slices.SortStableFunc(cat.negative, func(a, b NegativeEntry) int {
		return cmpPair(a.Matter, b.Matter, string(a.Division), string(b.Division))
	})
	cat.negativeOf = map[string][]int{}
	for i, e := range cat.negative {
		cat.negativeOf[e.Matter] = append(cat.negativeOf[e.Matter], i)
	}

	cat.outlets = slices.Clone(c.Outlets)
	slices.SortFunc(cat.outlets, func(a, b Outlet) int { return strings.Compare(a.ID, b.ID) })
	cat.outletsOf = map[string][]int{}
	for i, o := range cat.outlets {
		for _, code := range o.Matters {
			cat.outletsOf[code] = append(cat.outletsOf[code], i)
		}
		for _, code := range o.Bundles {
			cat.outletsOf[code] = append(cat.outletsOf[code], i)
		}
	}

	cat.byDept = map[string][]string{}
	cat.byDiv = map[division.Code][]string{}
	for _, code := range cat.codes { // sorted, so each list is too
		m := cat.matters[code]
		cc := m.Body.CreditCode.String()
		cat.byDept[cc] = append(cat.byDept[cc], code)
		cat.byDiv[m.Body.Division] = append(cat.byDiv[m.Body.Division], code)
	}
	cat.search = newSearchIndex(cat)
}

func cmpPair(a1, b1, a2, b2 string) int {
	if c := strings.Compare(a1, b1); c != 0 {
		return c
	}
	return strings.Compare(a2, b2)
}

// Len returns the number of matters in the catalog.
func (cat *Catalog) Len() int { return len(cat.codes) }

// Matter returns a copy of the base matter with 基本编码 code.
func (cat *Catalog) Matter(code string) (*Matter, bool) {
	m, ok := cat.matters[code]
	if !ok {
		return nil, false
	}
	return m.Clone(), true
}

// Codes returns the codes of every matter, sorted.
func (cat *Catalog) Codes() []string { return slices.Clone(cat.codes) }

// Matters yields a copy of every base matter in code order.
func (cat *Catalog) Matters() iter.Seq[*Matter] {
	return func(yield func(*Matter) bool) {
		for _, code := range cat.codes {
			if !yield(cat.matters[code].Clone()) {
				return
			}
		}
	}
}

// Bundle returns a copy of the bundle (一件事) with the given code.
func (cat *Catalog) Bundle(code string) (*Bundle, bool) {
	b, ok := cat.bundles[code]
	if !ok {
		return nil, false
	}
	return copyBundle(b), true
}

// Bundles yields a copy of every bundle in code order.
func (cat *Catalog) Bundles() iter.Seq[*Bundle] {
	return func(yield func(*Bundle) bool) {
		for _, code := range cat.bundleCodes {
			if !yield(copyBundle(cat.bundles[code])) {
				return
			}
		}
	}
}

// ByDepartment returns the codes of the base matters whose implementing body
// (实施主体) has the given credit code, sorted. Local bodies named by
// overlays are not counted: Resolve gives a place's body.
func (cat *Catalog) ByDepartment(creditCode string) []string {
	return slices.Clone(cat.byDept[creditCode])
}

// ByDivision returns the codes of the base matters whose implementing body
// sits in d or within it, sorted. An empty d gives nil.
func (cat *Catalog) ByDivision(d division.Code) []string {
	if d == "" {
		return nil
	}
	var out []string
	for body, codes := range cat.byDiv {
		if d.Contains(body) {
			out = append(out, codes...)
		}
	}
	slices.Sort(out)
	return out
}

// Overlays returns copies of the local implementation lists (实施清单) of
// matter code, ordered by division.
func (cat *Catalog) Overlays(code string) []*Overlay {
	list := cat.overlaysOf[code]
	if list == nil {
		return nil
	}
	out := make([]*Overlay, len(list))
	for i, o := range list {
		out[i] = copyOverlay(o)
	}
	return out
}

// Negative returns the negative-list (负面清单) entry that covers matter in
// division d, the most specific one when several do (a county's before its
// city's before the province-wide entry).
func (cat *Catalog) Negative(matter string, d division.Code) (NegativeEntry, bool) {
	var best NegativeEntry
	found := false
	for _, i := range cat.negativeOf[matter] {
		e := cat.negative[i]
		if !e.Applies(matter, d) {
			continue
		}
		if !found || best.Division == "" || best.Division.Contains(e.Division) {
			best, found = e, true
		}
	}
	return best, found
}

// NegativeList returns the negative-list entries asked for by the department
// with the given credit code (any department if empty) that concern city:
// province-wide entries, the city's own and those of places within it (every
// entry if city is empty). Entries are ordered by matter, then division.
func (cat *Catalog) NegativeList(department string, city division.Code) []NegativeEntry {
	var out []NegativeEntry
	for _, e := range cat.negative {
		if department != "" && e.Department.CreditCode.String() != department {
			continue
		}
		if city != "" && e.Division != "" && !city.Contains(e.Division) && !e.Division.Contains(city) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// OutletsNear returns the outlets that accept the matter or bundle code,
// nearest to d first: those in d's county, then elsewhere in its city, then
// elsewhere in its province; outlets outside the province are left out.
// Within a tier comprehensive windows (综合窗口) come first, then ids in
// order. An empty d gives every accepting outlet in that order, untiered.
func (cat *Catalog) OutletsNear(d division.Code, code string) []Outlet {
	type ranked struct {
		tier int
		o    *Outlet
	}
	var rs []ranked
	for _, i := range cat.outletsOf[code] {
		o := &cat.outlets[i]
		tier := 0
		if d != "" {
			switch {
			case d.City() != d && o.Division == d:
				tier = 0
			case d.City().Contains(o.Division):
				tier = 1
			case d.Province().Contains(o.Division):
				tier = 2
			default:
				continue
			}
		}
		rs = append(rs, ranked{tier, o})
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		if a.tier != b.tier {
			return a.tier - b.tier
		}
		if a.o.Comprehensive != b.o.Comprehensive {
			if a.o.Comprehensive {
				return -1
			}
			return 1
		}
		return strings.Compare(a.o.ID, b.o.ID)
	})
	out := make([]Outlet, len(rs))
	for i, r := range rs {
		out[i] = copyOutlet(*r.o)
	}
	return out
}

// Forms returns the $ids of the forms present, sorted.
func (cat *Catalog) Forms() []string { return slices.Clone(cat.formList) }

// Contents returns a deep copy of everything the catalog holds, in a stable
// order (matters and bundles by code, overlays by matter then division,
// negative-list entries by matter then division, outlets by id), so that
// Build(c.Contents()) gives an equal catalog.
func (cat *Catalog) Contents() Contents {
	out := Contents{
		Matters:  make([]*Matter, 0, len(cat.codes)),
		Bundles:  make([]*Bundle, 0, len(cat.bundleCodes)),
		Negative: slices.Clone(cat.negative),
		Outlets:  make([]Outlet, len(cat.outlets)),
		Forms:    slices.Clone(cat.formList),
	}
	for _, code := range cat.codes {
		out.Matters = append(out.Matters, cat.matters[code].Clone())
	}
	for _, code := range cat.bundleCodes {
		out.Bundles = append(out.Bundles, copyBundle(cat.bundles[code]))
	}
	for _, code := range cat.codes {
		for _, o := range cat.overlaysOf[code] {
			out.Overlays = append(out.Overlays, copyOverlay(o))
		}
	}
	for i, o := range cat.outlets {
		out.Outlets[i] = copyOutlet(o)
	}
	return out
}
