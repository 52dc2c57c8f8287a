package dispatch

import (
	"path"
	"strings"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// compile checks the decoded files against each other and builds Rules.
func compile(deps departmentsFile, syns synonymsFile, plc placesFile, rf rulesFile) (*Rules, []error) {
	var errs []error
	rs := &Rules{}

	// Departments and topics.
	depFile := path.Join(Dir, DepartmentsFile)
	topicAt := map[string]int{}
	topicSeen := map[string]string{}
	depSeen := map[string]string{}
	for i, d := range deps.Departments {
		ptr := "/departments/" + itoa(i)
		if first, dup := depSeen[d.ID]; dup {
			errs = append(errs, invalid(depFile, ptr+"/id", "department %q is already defined at %s", d.ID, first))
		}
		depSeen[d.ID] = ptr
		rs.departments = append(rs.departments, d.Department)
		for k, t := range d.Topics {
			tp := ptr + "/topics/" + itoa(k)
			if first, dup := topicSeen[t.ID]; dup {
				errs = append(errs, invalid(depFile, tp+"/id", "topic %q is already defined at %s", t.ID, first))
				continue
			}
			topicSeen[t.ID] = tp
			topicAt[t.ID] = len(rs.topics)
			rs.topics = append(rs.topics, t)
			rs.topicDept = append(rs.topicDept, i)
		}
	}

	// Synonyms and places.
	syn, e := newSynonyms(path.Join(Dir, SynonymsFile), syns.Synonyms)
	errs = append(errs, e...)
	rs.syn = syn
	plcs, e := newPlaces(path.Join(Dir, PlacesFile), plc)
	errs = append(errs, e...)
	rs.places = plcs

	// Rules, with their keywords normalised into terms.
	ruleFile := path.Join(Dir, RulesFile)
	termAt := map[string]int32{}
	ruleSeen := map[string]string{}
	terms := func(ptr string, words []string) []int32 {
		var out []int32
		for k, w := range words {
			t := strings.TrimSpace(syn.normalize(w))
			if t == "" {
				errs = append(errs, invalid(ruleFile, ptr+"/"+itoa(k), "keyword %q is empty after normalisation", w))
				continue
			}
			n, ok := termAt[t]
			if !ok {
				n = int32(len(rs.terms))
				termAt[t] = n
				rs.terms = append(rs.terms, t)
			}
			out = append(out, n)
		}
		return out
	}
	for i, r := range rf.Rules {
		ptr := "/rules/" + itoa(i)
		if first, dup := ruleSeen[r.ID]; dup {
			errs = append(errs, invalid(ruleFile, ptr+"/id", "rule %q is already defined at %s", r.ID, first))
		}
		ruleSeen[r.ID] = ptr
		c := rule{id: r.ID, topic: -1, manual: Reason(r.Manual)}
		c.any = terms(ptr+"/any", r.Any)
		c.all = terms(ptr+"/all", r.All)
		c.none = terms(ptr+"/none", r.None)
		for k, t := range c.none {
			for _, u := range append(append([]int32(nil), c.any...), c.all...) {
				if t == u {
					errs = append(errs, invalid(ruleFile, ptr+"/none/"+itoa(k), "%q is both required and forbidden", rs.terms[t]))
				}
			}
		}
		for _, cat := range r.Categories {
			c.cats |= categoryBit(matter.Category(cat))
		}
		for k, w := range r.Within {
			code, err := division.Parse(w)
			if _, ok := division.Lookup(code); err != nil || !ok {
				errs = append(errs, invalid(ruleFile, ptr+"/within/"+itoa(k), "%q is not in the division table", w))
				continue
			}
			c.within = append(c.within, code)
		}
		c.prefix = r.Prefix
		if r.Topic != "" {
			if t, ok := topicAt[r.Topic]; ok {
				c.topic = t
			} else {
				errs = append(errs, invalid(ruleFile, ptr+"/topic", "unknown topic %q", r.Topic))
			}
		}
		rs.rules = append(rs.rules, c)
	}
	if len(errs) > 0 {
		return nil, errs
	}

	// One index over the terms and then the place names.
	pats := make([][]rune, 0, len(rs.terms)+len(plcs.names))
	for _, t := range rs.terms {
		pats = append(pats, []rune(t))
	}
	pats = append(pats, plcs.names...)
	rs.idx = newIndex(pats)
	return rs, nil
}
