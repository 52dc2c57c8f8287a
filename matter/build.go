package matter

import (
	"fmt"
	"strconv"

	"github.com/onething-gov/onething/standards/division"
)

// Contents is everything a Catalog is built from: the province's base
// matters, bundles, local implementation lists, the negative list, outlets
// and the $ids of the forms present.
type Contents struct {
	Matters  []*Matter
	Bundles  []*Bundle
	Overlays []*Overlay
	Negative []NegativeEntry
	Outlets  []Outlet
	// Forms are the $ids of the form schemas present; every Matter.Form must
	// be one of them.
	Forms []string
}

// clone returns a deep copy of c.
func (c Contents) clone() Contents {
	out := Contents{
		Matters:  make([]*Matter, len(c.Matters)),
		Bundles:  make([]*Bundle, len(c.Bundles)),
		Overlays: make([]*Overlay, len(c.Overlays)),
		Negative: append([]NegativeEntry(nil), c.Negative...),
		Outlets:  make([]Outlet, len(c.Outlets)),
		Forms:    append([]string(nil), c.Forms...),
	}
	for i, m := range c.Matters {
		if m != nil {
			out.Matters[i] = m.Clone()
		}
	}
	for i, b := range c.Bundles {
		if b != nil {
			out.Bundles[i] = copyBundle(b)
		}
	}
	for i, o := range c.Overlays {
		if o != nil {
			out.Overlays[i] = copyOverlay(o)
		}
	}
	for i, o := range c.Outlets {
		out.Outlets[i] = copyOutlet(o)
	}
	return out
}

// Build validates c as a whole and returns the catalog. Besides each
// matter's and bundle's own rules (Matter.Validate, Bundle.Validate) it
// checks that codes are unique (matter and bundle codes share one space),
// that every form a matter names is present, that every overlay has a base
// matter and keeps "same matter, same standard" (a county overlay is checked
// against its city's effective matter), that negative-list entries name
// existing matters none of which claims full online depth, and that outlets
// have unique ids, valid divisions and accept only existing codes.
//
// Every problem is reported: the error is a *ValidationError (unwrapping to
// ErrInvalid) whose Problems carry the subject's code, a JSON pointer within
// the subject and a stable Rule. Build copies c; the caller may change it
// afterwards.
func Build(c Contents) (*Catalog, error) {
	return build(c.clone(), nil, &collector{})
}

// origin is where an entry was read from: a file and its index in the
// file's array.
type origin struct {
	file  string
	index int
}

// sources records the origin of each entry of a Contents read from files,
// parallel to its slices, and the codes of entries that failed the schema:
// they exist for reference checks, so that one typo does not cascade. When
// a file could not be read to its end, every code of its kind may exist.
type sources struct {
	matters, bundles, overlays, negative, outlets []origin
	ghostMatters, ghostBundles                    map[string]bool
	partialMatters, partialBundles                bool
}

// maxProblems caps the problems collected, so that a thoroughly broken file
// set still gives a readable error in bounded memory.
const maxProblems = 1000

// collector gathers problems up to maxProblems.
type collector struct {
	list      []Problem
	truncated bool
}

func (c *collector) add(p Problem) {
	if len(c.list) >= maxProblems {
		c.truncated = true
		return
	}
	c.list = append(c.list, p)
}

func (c *collector) full() bool { return c.truncated }

func (c *collector) err() error {
	if len(c.list) == 0 {
		return nil
	}
	list := c.list
	if c.truncated {
		list = append(list, Problem{Rule: "too-many-problems",
			ZH: fmt.Sprintf("问题超过%d个，其余未列出", maxProblems),
			EN: fmt.Sprintf("more than %d problems; the rest are not listed", maxProblems)})
	}
	return &ValidationError{Problems: list}
}

// builder checks Contents and builds the indexes of a Catalog.
type builder struct {
	c   Contents
	src *sources
	col *collector
	cat *Catalog
	// matterAt maps each catalog matter's code to its index in c.Matters.
	matterAt map[string]int
}

// place returns the origin of entry i of kind k, if known.
func (b *builder) place(k fileKind, i int) (origin, bool) {
	if b.src == nil {
		return origin{}, false
	}
	var list []origin
	switch k {
	case kindMatters:
		list = b.src.matters
	case kindBundles:
		list = b.src.bundles
	case kindOverlays:
		list = b.src.overlays
	case kindNegative:
		list = b.src.negative
	case kindOutlets:
		list = b.src.outlets
	}
	if i < len(list) {
		return list[i], true
	}
	return origin{}, false
}

// where describes entry i of kind k for a message: "matters/rs.json /3", or
// "matters[3]" without files.
func (b *builder) where(k fileKind, i int) string {
	if o, ok := b.place(k, i); ok {
		return o.file + " /" + strconv.Itoa(o.index)
	}
	return kindInfo[k].dir + "[" + strconv.Itoa(i) + "]"
}

// report moves ps's problems, found in entry i of kind k, into the
// collector, placing them in their file when the entry came from one.
func (b *builder) report(k fileKind, i int, ps *problems) {
	o, ok := b.place(k, i)
	for _, p := range ps.list {
		if ok {
			p.File = o.file
			p.Pointer = "/" + strconv.Itoa(o.index) + p.Pointer
		}
		b.col.add(p)
	}
	ps.list = ps.list[:0]
}

func (b *builder) matterExists(code string) bool {
	_, ok := b.cat.matters[code]
	return ok || b.ghostMatter(code)
}

func (b *builder) bundleExists(code string) bool {
	_, ok := b.cat.bundles[code]
	return ok || b.src != nil && (b.src.partialBundles || b.src.ghostBundles[code])
}

// ghostMatter reports whether code may name a matter that was not read: one
// that failed the schema, or any code when a matters file was cut short.
func (b *builder) ghostMatter(code string) bool {
	return b.src != nil && (b.src.partialMatters || b.src.ghostMatters[code])
}

// build checks c, which it owns, and returns the catalog or every problem
// found, together with those already in col.
func build(c Contents, src *sources, col *collector) (*Catalog, error) {
	b := &builder{c: c, src: src, col: col, cat: newCatalog(), matterAt: map[string]int{}}
	b.forms()
	b.matters()
	b.bundles()
	b.overlays()
	b.negative()
	b.outlets()
	if err := col.err(); err != nil {
		return nil, err
	}
	b.cat.index(c)
	return b.cat, nil
}

func (b *builder) forms() {
	for i, f := range b.c.Forms {
		if b.cat.forms[f] {
			b.col.add(Problem{Subject: f, Pointer: "/forms/" + strconv.Itoa(i), Rule: "form-duplicate",
				ZH: fmt.Sprintf("表单$id %s重复", f), EN: fmt.Sprintf("form $id %s is present twice", f)})
		}
		b.cat.forms[f] = true
	}
}

func (b *builder) matters() {
	first := b.matterAt
	for i, m := range b.c.Matters {
		if m == nil {
			b.col.add(Problem{Pointer: "/matters/" + strconv.Itoa(i), Rule: "required", ZH: "事项为空", EN: "matter is nil"})
			continue
		}
		ps := &problems{subject: m.Code}
		m.validate(ps)
		if m.Form != "" && !b.cat.forms[m.Form] {
			ps.add("/form", "form-missing", "申请表%s不在forms目录中", "form %s is not among the forms present", m.Form)
		}
		if j, dup := first[m.Code]; dup {
			ps.add("/code", "duplicate-code", "基本编码%s与%s重复", "code %s is already used by %s", m.Code, b.where(kindMatters, j))
		} else {
			first[m.Code] = i
			b.cat.matters[m.Code] = m
		}
		b.report(kindMatters, i, ps)
	}
}

func (b *builder) bundles() {
	first := map[string]int{}
	for i, bu := range b.c.Bundles {
		if bu == nil {
			b.col.add(Problem{Pointer: "/bundles/" + strconv.Itoa(i), Rule: "required", ZH: "一件事为空", EN: "bundle is nil"})
			continue
		}
		ps := &problems{subject: bu.Code}
		bu.validate(ps, b.matterExists)
		switch j, dup := first[bu.Code]; {
		case dup:
			ps.add("/code", "duplicate-code", "一件事编码%s与%s重复", "code %s is already used by %s", bu.Code, b.where(kindBundles, j))
		case b.matterExists(bu.Code):
			ps.add("/code", "duplicate-code", "一件事编码%s与事项基本编码重复", "bundle code %s is also a matter's code", bu.Code)
		default:
			first[bu.Code] = i
			b.cat.bundles[bu.Code] = bu
		}
		b.report(kindBundles, i, ps)
	}
}

// overlays checks each overlay against its base; a county's against the
// matter its city's overlay makes, so that a county cannot lengthen what
// its city shortened.
func (b *builder) overlays() {
	first := map[overlayKey]int{}
	for i, o := range b.c.Overlays {
		if o == nil {
			b.col.add(Problem{Pointer: "/overlays/" + strconv.Itoa(i), Rule: "required", ZH: "实施清单为空", EN: "overlay is nil"})
			continue
		}
		k := overlayKey{o.Matter, o.Division}
		if j, dup := first[k]; dup {
			ps := &problems{subject: overlaySubject(o)}
			ps.add("/division", "overlay-duplicate", "事项%s在%s的实施清单与%s重复", "overlay of %s for %s repeats %s", o.Matter, o.Division, b.where(kindOverlays, j))
			b.report(kindOverlays, i, ps)
			continue
		}
		first[k] = i
		b.cat.overlays[k] = o
	}
	// Cities (and any overlay that is its own City) first, then counties.
	for pass := range 2 {
		for i, o := range b.c.Overlays {
			if o == nil || b.cat.overlays[overlayKey{o.Matter, o.Division}] != o {
				continue
			}
			county := o.Division.City() != o.Division
			if county != (pass == 1) {
				continue
			}
			b.checkOverlay(i, o)
		}
	}
}

func (b *builder) checkOverlay(i int, o *Overlay) {
	ps := &problems{subject: overlaySubject(o)}
	defer b.report(kindOverlays, i, ps)
	base, ok := b.cat.matters[o.Matter]
	if !ok {
		if !b.ghostMatter(o.Matter) {
			ps.add("/matter", "overlay-matter", "实施清单对应的事项%s不在基本目录中", "overlay names matter %s, which is not in the base catalog", o.Matter)
		}
		return
	}
	against, city := base, division.Code("")
	if c := o.Division.City(); c != "" && c != o.Division {
		if co, ok := b.cat.overlays[overlayKey{o.Matter, c}]; ok {
			if m, err := co.Apply(base); err == nil {
				against, city = m, c
			}
		}
	}
	err := o.Check(against)
	if err == nil {
		return
	}
	ve, ok := err.(*ViolationError)
	if !ok {
		ps.add("", "overlay-standard", "%v", "%v", err)
		return
	}
	for _, v := range ve.Violations {
		ptr := v.Field
		if ptr == "/code" {
			ptr = "/matter"
		}
		zh := fmt.Sprintf("%s（基准：%s；本地：%s）", v.ZH, v.Base, v.Local)
		en := fmt.Sprintf("%s (base %s, local %s)", v.EN, v.Base, v.Local)
		if city != "" {
			zh += fmt.Sprintf("，对照%s的实施清单", city)
			en += fmt.Sprintf(", against the list of %s", city)
		}
		ps.list = append(ps.list, Problem{Subject: ps.subject, Pointer: ptr, Rule: "overlay-standard", ZH: zh, EN: en})
	}
}

func (b *builder) negative() {
	first := map[overlayKey]int{}
	for i, e := range b.c.Negative {
		ps := &problems{subject: e.Matter}
		k := overlayKey{e.Matter, e.Division}
		if j, dup := first[k]; dup {
			ps.add("/matter", "negative-duplicate", "负面清单条目与%s重复", "entry repeats %s", b.where(kindNegative, j))
		}
		first[k] = i
		if e.Division != "" {
			if _, err := division.Parse(string(e.Division)); err != nil {
				ps.add("/division", "division", "区划代码%q无效", "division %q is not a valid code", e.Division)
			}
		}
		for _, f := range []struct{ ptr, v, zh, en string }{
			{"/reason", e.Reason, "缺少不能全程网办的原因", "reason is missing"},
			{"/legal_basis", e.LegalBasis, "缺少依据", "legal basis is missing"},
			{"/approved_by", e.ApprovedBy, "缺少审核部门", "approving body is missing"},
		} {
			if f.v == "" {
				ps.list = append(ps.list, Problem{Subject: ps.subject, Pointer: f.ptr, Rule: "required", ZH: f.zh, EN: f.en})
			}
		}
		e.Department.validate(ps, "/department")
		m, ok := b.cat.matters[e.Matter]
		switch {
		case !ok && !b.ghostMatter(e.Matter):
			ps.add("/matter", "negative-matter", "负面清单中的事项%s不在目录中", "negative-list entry names matter %s, which is not in the catalog", e.Matter)
		case ok && m.Depth.FullyOnline():
			mi := b.matterAt[e.Matter]
			mp := &problems{subject: m.Code}
			mp.add("/depth", "negative-full-online", "事项在负面清单（%s）中，不得声称全程网办", "the matter is on the negative list (%s) and cannot claim full online depth", b.where(kindNegative, i))
			b.report(kindMatters, mi, mp)
		}
		b.report(kindNegative, i, ps)
	}
}

func (b *builder) outlets() {
	first := map[string]int{}
	for i, o := range b.c.Outlets {
		ps := &problems{subject: o.ID}
		if o.ID == "" {
			ps.add("/id", "required", "网点缺少标识", "outlet id is missing")
		} else if j, dup := first[o.ID]; dup {
			ps.add("/id", "outlet-duplicate", "网点标识%s与%s重复", "outlet id %s is already used by %s", o.ID, b.where(kindOutlets, j))
		} else {
			first[o.ID] = i
		}
		if o.Name == "" {
			ps.add("/name", "required", "网点缺少名称", "outlet name is missing")
		}
		if !outletKindValid(o.Kind) {
			ps.add("/kind", "outlet-kind", "网点类型%q无效", "outlet kind %q is not defined", o.Kind)
		}
		if d, err := division.Parse(string(o.Division)); err != nil || d != o.Division {
			ps.add("/division", "outlet-division", "网点区划代码%q无效", "outlet division %q is not a valid code", o.Division)
		}
		for j, m := range o.Matters {
			if !b.matterExists(m) {
				ps.add("/matters/"+strconv.Itoa(j), "outlet-matter", "网点受理的事项%s不在目录中", "outlet accepts matter %s, which is not in the catalog", m)
			}
		}
		for j, bc := range o.Bundles {
			if !b.bundleExists(bc) {
				ps.add("/bundles/"+strconv.Itoa(j), "outlet-bundle", "网点受理的一件事%s不在目录中", "outlet accepts bundle %s, which is not in the catalog", bc)
			}
		}
		b.report(kindOutlets, i, ps)
	}
}

// overlaySubject names an overlay in problems: matter@division.
func overlaySubject(o *Overlay) string { return o.Matter + "@" + string(o.Division) }

func outletKindValid(k OutletKind) bool {
	switch k {
	case ProvincialHall, CityHall, CountyHall, TownshipCentre, VillageStation, BankBranch, PostOffice:
		return true
	}
	return false
}
