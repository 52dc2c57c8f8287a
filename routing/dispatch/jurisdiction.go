package dispatch

import "github.com/onething-gov/onething/standards/division"

// callerDivision returns the caller's division as the table knows it:
// spaces trimmed and full-width digits folded (division.Parse), a retired
// code with a single successor replaced by the successor (兖州市 370882 →
// 兖州区 370812); a code not in the table, or retired with several
// successors (371200 莱芜市), is unknown.
func callerDivision(c division.Code) division.Code {
	if c == "" {
		return ""
	}
	c, err := division.Parse(string(c))
	if err != nil {
		return ""
	}
	d, ok := division.Lookup(c)
	switch {
	case !ok:
		return ""
	case d.Retired && len(d.Successors) == 1:
		return d.Successors[0]
	case d.Retired:
		return ""
	}
	return c
}

// resolve decides the jurisdiction of an order from the caller's division
// and the places named in its text (hits: indexes into p.names, in text
// order). buf is scratch space. The rule:
//
//  1. A name with several candidates (市中区) is settled by another place
//     named in the text that contains exactly one of them (济南市市中区),
//     else by the caller's city; if neither settles it, the order is
//     ambiguous.
//  2. Of the places named, those containing another named place are
//     dropped (济南市历城区 names 历城区).
//  3. No place left: the caller's division.
//  4. One place left: that place, unless it contains the caller's division,
//     which is then kept as the more precise (a caller in 牡丹区 saying
//     菏泽).
//  5. Several places left: the one related to the caller's division (either
//     contains the other), as in 4, if exactly one is; otherwise ambiguous.
//
// It returns the jurisdiction and its source, or ambiguous; an empty code
// with ambiguous false means nothing is known.
func (p *places) resolve(caller division.Code, hits []int32, buf []division.Code) (j division.Code, from Source, ambiguous bool, _ []division.Code) {
	set := buf[:0]
	for _, h := range hits {
		if cs := p.cands[h]; len(cs) == 1 {
			set = appendUnique(set, cs[0])
		}
	}
	singles := len(set)
	for _, h := range hits {
		cs := p.cands[h]
		if len(cs) == 1 {
			continue
		}
		pick, n := division.Code(""), 0
		for _, c := range cs {
			for _, s := range set[:singles] {
				if s != c && s.Contains(c) {
					pick, n = c, n+1
					break
				}
			}
		}
		if n != 1 && caller != "" {
			n = 0
			for _, c := range cs {
				if caller.City().Contains(c) {
					pick, n = c, n+1
				}
			}
		}
		if n != 1 {
			return "", "", true, set
		}
		set = appendUnique(set, pick)
	}
	// Drop every place that contains another. A text naming more than 64
	// places is ambiguous.
	if len(set) > 64 {
		return "", "", true, set
	}
	var outer uint64
	for i, s := range set {
		for _, t := range set {
			if s != t && s.Contains(t) {
				outer |= 1 << i
				break
			}
		}
	}
	kept := set[:0]
	for i, s := range set {
		if outer&(1<<i) == 0 {
			kept = append(kept, s)
		}
	}
	switch {
	case len(kept) == 0 && caller == "":
		return "", "", false, set
	case len(kept) == 0:
		return caller, FromCaller, false, set
	case len(kept) == 1:
		j, from = kept[0], FromText
	default:
		n := 0
		for _, s := range kept {
			if caller != "" && (s.Contains(caller) || caller.Contains(s)) {
				j, from, n = s, FromText, n+1
			}
		}
		if n != 1 {
			return "", "", true, set
		}
	}
	if caller != "" && j.Contains(caller) {
		return caller, FromCaller, false, set
	}
	return j, from, false, set
}
