package routing

import (
	"slices"

	"github.com/onething-gov/onething/standards/division"
)

// origin is where an entry was read: its file and JSON pointer.
type origin struct{ file, ptr string }

// check checks the decoded files against each other, adding problems to
// col, and builds the indexed set.
func check(files []parsed, col *collector) *Agreements {
	a := &Agreements{
		regionIdx:    map[string]int{},
		byID:         map[string]*compiled{},
		byMatter:     map[string][]listing{},
		jurisdiction: map[string][]Basis{},
	}
	regionAt := map[string]origin{}
	for _, f := range files {
		for i, r := range f.doc.Regions {
			at := origin{f.name, pointer("regions", i)}
			if prev, ok := regionAt[r.ID]; ok {
				col.add(at.file, at.ptr+"/id", "区域 %q 重复（已见于 %s#%s）", "region %q repeats %s#%s", r.ID, prev.file, prev.ptr)
				continue
			}
			regionAt[r.ID] = at
			checkDivisions(col, at.file, at.ptr+"/members", r.Members)
			a.regionIdx[r.ID] = len(a.regions)
			a.regions = append(a.regions, r)
		}
	}
	agreementAt := map[string]origin{}
	for _, f := range files {
		for i, ag := range f.doc.Agreements {
			at := origin{f.name, pointer("agreements", i)}
			if prev, ok := agreementAt[ag.ID]; ok {
				col.add(at.file, at.ptr+"/id", "协议 %q 重复（已见于 %s#%s）", "agreement %q repeats %s#%s", ag.ID, prev.file, prev.ptr)
				continue
			}
			agreementAt[ag.ID] = at
			if c := a.checkAgreement(col, at, ag); c != nil {
				a.add(c)
			}
		}
	}
	jurisAt := map[string]origin{}
	for _, f := range files {
		for i, j := range f.doc.Jurisdiction {
			at := origin{f.name, pointer("jurisdiction", i)}
			if prev, ok := jurisAt[j.Matter]; ok {
				col.add(at.file, at.ptr+"/matter", "事项 %s 的办理地依据重复（已见于 %s#%s）", "matter %s already has a jurisdiction rule at %s#%s", j.Matter, prev.file, prev.ptr)
				continue
			}
			jurisAt[j.Matter] = at
			a.juris = append(a.juris, j)
			a.jurisdiction[j.Matter] = j.Basis
		}
	}
	return a
}

// checkDivisions checks that each code is a current division, not a
// development zone, and that none contains another of the list.
func checkDivisions(col *collector, file, ptr string, list []division.Code) bool {
	ok := true
	for k, d := range list {
		div, found := division.Lookup(d)
		switch {
		case !found:
			col.add(file, pointer2(ptr, k), "%s 不在行政区划代码表中", "%s is not in the division table", d)
		case div.Retired:
			col.add(file, pointer2(ptr, k), "%s（%s）已撤销，请用 %v", "%s (%s) is retired; use %v", d, div.Name, div.Successors)
		case div.Level == division.Zone:
			col.add(file, pointer2(ptr, k), "%s（%s）是开发区，不是行政区", "%s (%s) is a development zone, not a division", d, div.Name)
		default:
			for j, o := range list {
				if j != k && o.Contains(d) {
					col.add(file, pointer2(ptr, k), "%s 已包含在 %s 中", "%s is already within %s", d, o)
					ok = false
				}
			}
			continue
		}
		ok = false
	}
	return ok
}

func pointer2(ptr string, k int) string { return ptr + pointer(k) }

// checkAgreement checks one agreement and returns it compiled, or nil if it
// has problems. Partners and recognition places are filled in with their
// defaults.
func (a *Agreements) checkAgreement(col *collector, at origin, ag Agreement) *compiled {
	before := len(col.list) + col.more
	var scope []division.Code
	var scopeName string
	if ag.Region != "" {
		i, ok := a.regionIdx[ag.Region]
		if !ok {
			col.add(at.file, at.ptr+"/region", "未定义的区域 %q", "no region %q is defined", ag.Region)
			return nil
		}
		scope, scopeName = a.regions[i].Members, "region "+ag.Region
	} else {
		if !checkDivisions(col, at.file, at.ptr+"/division", []division.Code{ag.Division}) {
			return nil
		}
		if l := ag.Division.Level(); l != division.Province && l != division.City {
			col.add(at.file, at.ptr+"/division", "%s 不是省或市（全省、全市通办）", "%s is not a province or a city", ag.Division)
		}
		scope, scopeName = []division.Code{ag.Division}, "division "+string(ag.Division)
	}
	if ag.Partners == nil {
		ag.Partners = slices.Clone(scope)
	} else if checkDivisions(col, at.file, at.ptr+"/partners", ag.Partners) {
		for k, p := range ag.Partners {
			if !within(scope, p) {
				col.add(at.file, pointer2(at.ptr+"/partners", k), "%s 不在协议范围（%s）内", "%s is outside the agreement's %s", p, scopeName)
			}
		}
	}
	if !ag.Expires.IsZero() && !ag.Effective.Before(ag.Expires) {
		col.add(at.file, at.ptr+"/expires", "失效日期 %s 须晚于生效日期 %s", "expires %s must be after effective %s", ag.Expires, ag.Effective)
	}
	seen := map[string]int{}
	for k, l := range ag.Matters {
		if j, dup := seen[l.Code]; dup {
			col.add(at.file, pointer2(at.ptr+"/matters", k)+"/code", "事项 %s 重复（第%d项）", "matter %s repeats /matters/%d", l.Code, j)
		}
		seen[l.Code] = k
	}
	types := map[string]int{}
	for k, r := range ag.Recognition {
		rp := pointer2(at.ptr+"/recognition", k)
		if j, dup := types[r.Type]; dup {
			col.add(at.file, rp+"/type", "互认材料 %s 重复（第%d项）", "recognised type %s repeats /recognition/%d", r.Type, j)
		}
		types[r.Type] = k
		for _, side := range []struct {
			name string
			list *[]division.Code
		}{{"issued_in", &ag.Recognition[k].IssuedIn}, {"accepted_in", &ag.Recognition[k].AcceptedIn}} {
			if *side.list == nil {
				*side.list = slices.Clone(ag.Partners)
				continue
			}
			for j, d := range *side.list {
				if !within(ag.Partners, d) {
					col.add(at.file, pointer2(rp+"/"+side.name, j), "%s 不在协作地区内", "%s is not within the partners", d)
				}
			}
		}
	}
	if len(col.list)+col.more > before {
		return nil
	}
	c := &compiled{Agreement: ag, partners: newDivSet(ag.Partners)}
	for _, r := range ag.Recognition {
		if slices.Equal(r.IssuedIn, ag.Partners) && slices.Equal(r.AcceptedIn, ag.Partners) {
			c.recog = append(c.recog, recognition{typ: r.Type, mutual: true})
			continue
		}
		c.recog = append(c.recog, recognition{typ: r.Type, issued: newDivSet(r.IssuedIn), accepted: newDivSet(r.AcceptedIn)})
	}
	return c
}

// add indexes a checked agreement.
func (a *Agreements) add(c *compiled) {
	a.list = append(a.list, c)
	a.byID[c.ID] = c
	all := setOf(c.Modes)
	for _, l := range c.Matters {
		ms := all
		if l.Modes != nil {
			ms = setOf(l.Modes)
		}
		a.byMatter[l.Code] = append(a.byMatter[l.Code], listing{a: c, modes: ms})
	}
}
