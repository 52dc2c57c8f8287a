package evaluation

import (
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// Aggregator computes scorecards from streams of records: reviews (Add,
// AddAll), bad-review cases (AddCase, AddCases), work orders (AddWorkOrder,
// AddWorkOrders) and applications for the service volumes
// (AddApplication, AddApplications). It groups by one Grouping over one
// Period and keeps one fixed-size Counts per group, whatever the number of
// records: a year of a province's reviews takes as much memory as a day's.
//
// Each record counts in the period by one time: a review by RatedAt, a case
// and a work order by ReceivedAt, an application by SubmittedAt (received)
// and by ServiceEnd (served). Records outside the period are skipped, so a
// listing that covers more than the period may be fed to several
// aggregators at once. Excluded reviews (Exclusion set after 申诉复核) count
// in no rate. The package documentation (# Scorecards) gives every formula.
//
// An Aggregator is not safe for concurrent use; aggregate shards in
// separate Aggregators and Merge them.
type Aggregator struct {
	by     Grouping
	period Period
	asOf   time.Time
	// groups holds the counters by Group.Code, for every grouping but
	// ByStaff, whose groups are keyed by unit and staff number in staff: a
	// map keyed by one string is the fastest Go has.
	groups  map[string]*tally
	staff   map[staffKey]*tally
	volumes bool
}

type staffKey struct {
	unit  creditcode.Code
	staff string
}

type tally struct {
	g    Group
	name string
	c    Counts
}

// NewAggregator returns an empty aggregator grouping by by over period p.
// asOf is the moment deadlines are judged at (overdue work orders and
// applications), on the records as they stand: an order replied since is
// not overdue at an earlier asOf. A zero asOf means the end of the period;
// for a period without an end nothing then counts as overdue.
func NewAggregator(by Grouping, p Period, asOf time.Time) (*Aggregator, error) {
	if !by.Valid() {
		return nil, fmt.Errorf("evaluation: aggregator: %w: grouping %q is not defined", ErrInvalid, by)
	}
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
		return nil, fmt.Errorf("evaluation: aggregator: %w: empty period", ErrInvalid)
	}
	if asOf.IsZero() {
		asOf = p.To
	}
	return &Aggregator{by: by, period: p, asOf: asOf, groups: map[string]*tally{}, staff: map[staffKey]*tally{}}, nil
}

// Grouping returns what the aggregator groups by.
func (a *Aggregator) Grouping() Grouping { return a.by }

// Period returns the period aggregated.
func (a *Aggregator) Period() Period { return a.period }

// Len returns the number of groups seen.
func (a *Aggregator) Len() int { return len(a.groups) + len(a.staff) }

// counts returns the counters of g, creating them with the given name.
func (a *Aggregator) counts(g Group, name string) *Counts {
	if g.By == ByStaff {
		k := staffKey{g.Unit, g.Code}
		t := a.staff[k]
		if t == nil {
			t = &tally{g: g, name: name}
			a.staff[k] = t
		}
		return &t.c
	}
	t := a.groups[g.Code]
	if t == nil {
		t = &tally{g: g, name: name}
		a.groups[g.Code] = t
	}
	return &t.c
}

// lookup returns the tally of g, or nil.
func (a *Aggregator) lookup(g Group) *tally {
	if g.By != a.by {
		return nil
	}
	if g.By == ByStaff {
		return a.staff[staffKey{g.Unit, g.Code}]
	}
	return a.groups[g.Code]
}

// tallies yields every group's tally.
func (a *Aggregator) tallies() iter.Seq[*tally] {
	return func(yield func(*tally) bool) {
		for _, t := range a.groups {
			if !yield(t) {
				return
			}
		}
		for _, t := range a.staff {
			if !yield(t) {
				return
			}
		}
	}
}

// Add counts one review rated in the period. A nil review, one outside
// the period, one with an invalid rating and one without the field grouped
// by are skipped; an excluded review counts only in ExcludedReviews.
func (a *Aggregator) Add(r *Review) {
	if r == nil || !a.period.Contains(r.RatedAt) {
		return
	}
	var g Group
	name := ""
	switch a.by {
	case ByUnit:
		g, name = Group{By: ByUnit, Code: string(r.Unit.CreditCode)}, r.Unit.Name
	case ByDivision:
		g = Group{By: ByDivision, Code: string(r.Division)}
	case ByMatter:
		g = Group{By: ByMatter, Code: r.Matter}
	case ByStaff:
		g, name = Group{By: ByStaff, Code: r.Staff, Unit: r.Unit.CreditCode}, r.Unit.Name
	case ByChannel:
		g = Group{By: ByChannel, Code: string(r.Channel)}
	case ByBundle:
		g = Group{By: ByBundle, Code: r.Bundle}
	case Overall:
		g = Group{By: Overall}
	}
	if g.Code == "" && a.by != Overall {
		return
	}
	c := a.counts(g, name)
	switch {
	case r.Exclusion != nil:
		c.ExcludedReviews++
	case r.Rating.Valid():
		c.ByLevel[r.Rating-1]++
		if r.Mode.ServiceEvent() && r.FollowUpOf == uuid.Nil {
			c.EventReviews++
		}
	}
}

// AddAll counts every review of a listing, such as Store.ListReviews
// yields, and stops at the first error, which it returns wrapped.
func (a *Aggregator) AddAll(reviews iter.Seq2[*Review, error]) error {
	for r, err := range reviews {
		if err != nil {
			return fmt.Errorf("evaluation: aggregate reviews: %w", err)
		}
		a.Add(r)
	}
	return nil
}

// AddCase counts one bad-review case received in the period. Cases do
// not carry staff, channel or bundle; under those groupings they are
// skipped.
func (a *Aggregator) AddCase(k *Case) {
	if k == nil || !a.period.Contains(k.ReceivedAt) {
		return
	}
	var g Group
	name := ""
	switch a.by {
	case ByUnit:
		g, name = Group{By: ByUnit, Code: string(k.Unit.CreditCode)}, k.Unit.Name
	case ByDivision:
		g = Group{By: ByDivision, Code: string(k.Division)}
	case ByMatter:
		g = Group{By: ByMatter, Code: k.Matter}
	case Overall:
		g = Group{By: Overall}
	default:
		return
	}
	if g.Code == "" && a.by != Overall {
		return
	}
	caseFacts(a.counts(g, name), k)
}

// AddCases counts every case of a listing and stops at the first error,
// which it returns wrapped.
func (a *Aggregator) AddCases(cases iter.Seq2[*Case, error]) error {
	for k, err := range cases {
		if err != nil {
			return fmt.Errorf("evaluation: aggregate cases: %w", err)
		}
		a.AddCase(k)
	}
	return nil
}

// AddWorkOrder counts one work order received in the period. Under ByUnit
// it counts for its HandlingUnit (an order never dispatched is skipped).
// Work orders name no staff or bundle; under those groupings they are
// skipped.
func (a *Aggregator) AddWorkOrder(w *WorkOrder) {
	if w == nil || !a.period.Contains(w.ReceivedAt) {
		return
	}
	g, name, ok := a.orderGroup(w)
	if !ok {
		return
	}
	orderFacts(a.counts(g, name), w, a.asOf)
}

// orderGroup returns the group a work order counts for, false when it
// counts for none under the grouping.
func (a *Aggregator) orderGroup(w *WorkOrder) (Group, string, bool) {
	var g Group
	name := ""
	switch a.by {
	case ByUnit:
		u, ok := w.HandlingUnit()
		if !ok {
			return Group{}, "", false
		}
		g, name = Group{By: ByUnit, Code: string(u.CreditCode)}, u.Name
	case ByDivision:
		g = Group{By: ByDivision, Code: string(w.Division)}
	case ByMatter:
		g = Group{By: ByMatter, Code: w.Matter}
	case ByChannel:
		g = Group{By: ByChannel, Code: string(w.Channel)}
	case Overall:
		g = Group{By: Overall}
	default:
		return Group{}, "", false
	}
	if g.Code == "" && a.by != Overall {
		return Group{}, "", false
	}
	return g, name, true
}

// AddInspection counts the smart quality inspection of a work order
// received in the period, for the group the order counts for (as
// AddWorkOrder): one inspected, one passed when no rule flagged it, and
// its score. It does not count the order itself; add it with AddWorkOrder
// too. An inspection of another order than w is ignored.
func (a *Aggregator) AddInspection(w *WorkOrder, in Inspection) {
	if w == nil || in.Order != w.ID || !a.period.Contains(w.ReceivedAt) {
		return
	}
	g, name, ok := a.orderGroup(w)
	if !ok {
		return
	}
	c := a.counts(g, name)
	c.Inspected++
	if !in.Flagged() {
		c.InspectedPassed++
	}
	c.InspectionScore += int64(in.Score)
}

// AddInspections inspects every work order of a listing with insp as of
// the aggregator's as-of time and counts the results (AddInspection). It
// stops at the first error, which it returns wrapped.
func (a *Aggregator) AddInspections(orders iter.Seq2[*WorkOrder, error], insp *Inspector) error {
	for w, err := range orders {
		if err != nil {
			return fmt.Errorf("evaluation: aggregate inspections: %w", err)
		}
		if w == nil || !a.period.Contains(w.ReceivedAt) {
			continue
		}
		a.AddInspection(w, insp.Inspect(w, a.asOf))
	}
	return nil
}

// AddWorkOrders counts every work order of a listing and stops at the
// first error, which it returns wrapped.
func (a *Aggregator) AddWorkOrders(orders iter.Seq2[*WorkOrder, error]) error {
	for w, err := range orders {
		if err != nil {
			return fmt.Errorf("evaluation: aggregate work orders: %w", err)
		}
		a.AddWorkOrder(w)
	}
	return nil
}

// AddApplication counts one application (办件) for the service volumes:
// received when submitted in the period, served when its service ended in
// the period (ServiceEnd), decided on time when every part was decided on
// or before its due date, and overdue when, submitted before the end of
// the period, it is still open at the as-of time with a part past due.
// Under ByUnit an application counts once for each office deciding one of
// its parts, under ByMatter once for each member matter; applications name
// no staff and are skipped under ByStaff. Adding an application, even one
// outside the period, marks the scorecards as having volumes.
func (a *Aggregator) AddApplication(x *matter.Application) {
	if x == nil {
		return
	}
	a.volumes = true
	received := a.period.Contains(x.SubmittedAt)
	end, ended := ServiceEnd(x)
	served := ended && a.period.Contains(end)
	overdue := !ended && (a.period.To.IsZero() || x.SubmittedAt.Before(a.period.To)) && !a.asOf.IsZero() && partsOverdue(x, a.asOf)
	if !received && !served && !overdue {
		return
	}
	var f Counts
	if received {
		f.Applications = 1
	}
	if served {
		f.Services = 1
		if decided(x) {
			f.Decided = 1
			if partsOnTime(x, end) {
				f.OnTime = 1
			}
		}
	}
	if overdue {
		f.OverdueOpen = 1
	}
	switch a.by {
	case ByUnit:
		for i, p := range x.Parts {
			if p.Office.CreditCode.IsZero() || slices.ContainsFunc(x.Parts[:i], func(q matter.Part) bool { return q.Office.CreditCode == p.Office.CreditCode }) {
				continue
			}
			a.counts(Group{By: ByUnit, Code: string(p.Office.CreditCode)}, p.Office.Name).Add(f)
		}
	case ByMatter:
		for i, p := range x.Parts {
			if p.Matter == "" || slices.ContainsFunc(x.Parts[:i], func(q matter.Part) bool { return q.Matter == p.Matter }) {
				continue
			}
			a.counts(Group{By: ByMatter, Code: p.Matter}, "").Add(f)
		}
	case ByDivision:
		if x.Division != "" {
			a.counts(Group{By: ByDivision, Code: string(x.Division)}, "").Add(f)
		}
	case ByChannel:
		if x.Channel != "" {
			a.counts(Group{By: ByChannel, Code: string(x.Channel)}, "").Add(f)
		}
	case ByBundle:
		if x.Bundle != "" {
			a.counts(Group{By: ByBundle, Code: x.Bundle}, "").Add(f)
		}
	case Overall:
		a.counts(Group{By: Overall}, "").Add(f)
	}
}

// AddApplications counts every application of a listing (such as
// matter.Store.ListApplications yields) and stops at the first error, which
// it returns wrapped. Even an empty listing marks the scorecards as having
// volumes.
func (a *Aggregator) AddApplications(apps iter.Seq2[*matter.Application, error]) error {
	a.volumes = true
	for x, err := range apps {
		if err != nil {
			return fmt.Errorf("evaluation: aggregate applications: %w", err)
		}
		a.AddApplication(x)
	}
	return nil
}

// Merge adds the counts of o, an aggregator with the same grouping and
// period (a shard of the same data), into a.
func (a *Aggregator) Merge(o *Aggregator) error {
	if o.by != a.by || !o.period.From.Equal(a.period.From) || !o.period.To.Equal(a.period.To) {
		return fmt.Errorf("evaluation: merge: %w: aggregators differ in grouping or period", ErrInvalid)
	}
	for t := range o.tallies() {
		a.counts(t.g, t.name).Add(t.c)
	}
	a.volumes = a.volumes || o.volumes
	return nil
}

// Scorecards returns a scorecard for every group seen, sorted by group
// (unit credit code, division code, …).
func (a *Aggregator) Scorecards() []Scorecard {
	out := make([]Scorecard, 0, a.Len())
	for t := range a.tallies() {
		out = append(out, a.card(t))
	}
	slices.SortFunc(out, func(x, y Scorecard) int { return compareGroups(x.Group, y.Group) })
	return out
}

// Scorecard returns the scorecard of one group, and false if no record of
// the group was counted.
func (a *Aggregator) Scorecard(g Group) (Scorecard, bool) {
	t := a.lookup(g)
	if t == nil {
		return Scorecard{}, false
	}
	return a.card(t), true
}

func (a *Aggregator) card(t *tally) Scorecard {
	g := t.g
	name := t.name
	switch {
	case g.By == ByStaff:
		name = name + " " + g.Code
	case name == "":
		name = groupName(g)
	}
	return Scorecard{Group: g, Name: name, Period: a.period, Counts: t.c, Volumes: a.volumes}
}
