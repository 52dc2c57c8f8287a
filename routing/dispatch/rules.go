package dispatch

import (
	"strings"
	"sync"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Rules is a compiled, validated set of dispatch rules with its departments,
// synonyms and place names, as LoadRules returns it. It is immutable and
// safe for concurrent use.
type Rules struct {
	syn    *synonyms
	places *places
	// idx holds the keyword terms (numbers below len(terms)) and then the
	// place names.
	idx   *index
	terms []string // normalised keywords
	rules []rule

	departments []Department
	topics      []Topic
	topicDept   []int // department of each topic

	pool sync.Pool // *scratch
}

// rule is one compiled rule.
type rule struct {
	id             string
	any, all, none []int32 // term numbers
	cats           uint8   // bit per category (categoryBit); 0 for any
	within         []division.Code
	prefix         []string
	topic          int // index into Rules.topics, -1 for a manual rule
	manual         Reason
}

// scratch is the per-call working memory of Classify.
type scratch struct {
	folded, text []rune
	bits         []uint64 // terms present
	hits         []int32  // place names found, in text order
	places       []division.Code
}

// categoryBit returns the bit of c in rule.cats, 0 for no category.
func categoryBit(c matter.Category) uint8 {
	for i, k := range matter.Categories() {
		if k == c {
			return 1 << i
		}
	}
	return 0
}

// Departments returns the departments in the order of departments.json.
func (rs *Rules) Departments() []Department {
	return append([]Department(nil), rs.departments...)
}

// Topic returns the topic with the given ID and the department that owns
// it, or false if the rules define no such topic.
func (rs *Rules) Topic(id string) (Topic, Department, bool) {
	for i, t := range rs.topics {
		if t.ID == id {
			return t, rs.departments[rs.topicDept[i]], true
		}
	}
	return Topic{}, Department{}, false
}

// Classify dispatches one work order. It normalises the text (width and
// case folding, then synonyms), finds the keywords and place names in it,
// resolves the jurisdiction (see the package documentation) and returns
// the decision of the first rule that matches, or the manual queue with
// the reason. It never fails and never panics; it allocates nothing.
func (rs *Rules) Classify(o Order) Decision {
	sc, _ := rs.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{bits: make([]uint64, (len(rs.terms)+63)/64)}
	}
	d := rs.classify(o, sc)
	rs.pool.Put(sc)
	return d
}

func (rs *Rules) classify(o Order, sc *scratch) Decision {
	d := Decision{Order: o.ID}
	if rs.syn == nil { // a zero Rules, not made by LoadRules
		d.Manual, d.Reason = true, ReasonNoRule
		return d
	}
	if strings.TrimSpace(o.Text) == "" {
		d.Manual, d.Reason = true, ReasonEmptyText
		return d
	}
	sc.folded = appendFolded(sc.folded[:0], o.Text)
	sc.text = rs.syn.appendRewritten(sc.text[:0], sc.folded)
	rs.scan(sc)
	j, from, ambiguous, buf := rs.places.resolve(callerDivision(o.Division), sc.hits, sc.places)
	sc.places = buf
	cat := categoryBit(o.Category)
	for i := range rs.rules {
		if r := &rs.rules[i]; r.matches(sc.bits, cat, j) {
			return rs.outcome(d, r, j, from, ambiguous)
		}
	}
	d.Manual, d.Reason = true, ReasonNoRule
	return d
}

// outcome completes d with the decision of the matching rule r, given the
// resolved jurisdiction.
func (rs *Rules) outcome(d Decision, r *rule, j division.Code, from Source, ambiguous bool) Decision {
	d.Rule = r.id
	if r.topic < 0 {
		d.Manual, d.Reason = true, r.manual
		return d
	}
	d.Topic = rs.topics[r.topic]
	d.Department = rs.departments[rs.topicDept[r.topic]]
	switch {
	case ambiguous:
		d.Manual, d.Reason = true, ReasonAmbiguousDivision
	case j == "":
		d.Manual, d.Reason = true, ReasonNoDivision
	default:
		if d.Department.Level == LevelCity {
			j = j.City()
		}
		d.Jurisdiction, d.From = j, from
	}
	return d
}

// scan marks the terms present in sc.text and lists the place names, taken
// leftmost-longest without overlap, in sc.hits.
func (rs *Rules) scan(sc *scratch) {
	clear(sc.bits)
	sc.hits = sc.hits[:0]
	nt := int32(len(rs.terms))
	placeEnd := 0
	for i := range sc.text {
		for _, p := range rs.idx.at(sc.text, i) {
			if !rs.idx.matches(sc.text, i, p) {
				continue
			}
			if p < nt {
				sc.bits[p>>6] |= 1 << (p & 63)
			} else if i >= placeEnd {
				sc.hits = append(sc.hits, p-nt)
				placeEnd = i + len(rs.idx.pats[p])
			}
		}
	}
}

// matches reports whether the rule holds for the terms present, the
// category bit and the resolved jurisdiction (empty when unknown or
// ambiguous).
func (r *rule) matches(bits []uint64, cat uint8, j division.Code) bool {
	has := func(t int32) bool { return bits[t>>6]&(1<<(t&63)) != 0 }
	if r.cats != 0 && r.cats&cat == 0 {
		return false
	}
	if len(r.any) > 0 {
		found := false
		for _, t := range r.any {
			if has(t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, t := range r.all {
		if !has(t) {
			return false
		}
	}
	for _, t := range r.none {
		if has(t) {
			return false
		}
	}
	return r.inScope(j)
}

// inScope reports whether j satisfies the rule's division scope: within one
// of r.within (following the real hierarchy) or starting with one of
// r.prefix. A rule without a scope accepts any j, even an unknown one.
func (r *rule) inScope(j division.Code) bool {
	if len(r.within) == 0 && len(r.prefix) == 0 {
		return true
	}
	if j == "" {
		return false
	}
	for _, w := range r.within {
		if w.Contains(j) {
			return true
		}
	}
	for _, p := range r.prefix {
		if strings.HasPrefix(string(j), p) {
			return true
		}
	}
	return false
}
