package evaluation

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// reportAggs are the aggregators of a report: each record is offered to
// all, and each keeps what falls in its period.
type reportAggs struct {
	unit, unitPrev, div, divPrev, all, allPrev, bundle *Aggregator
}

func newReportAggs(cur, prev Period, asOf time.Time) (*reportAggs, error) {
	var errs []error
	mk := func(by Grouping, p Period) *Aggregator {
		a, err := NewAggregator(by, p, asOf)
		errs = append(errs, err)
		return a
	}
	// The previous period is judged at its own end.
	prevAt := func(by Grouping) *Aggregator {
		a, err := NewAggregator(by, prev, prev.To)
		errs = append(errs, err)
		return a
	}
	r := &reportAggs{
		unit: mk(ByUnit, cur), unitPrev: prevAt(ByUnit),
		div: mk(ByDivision, cur), divPrev: prevAt(ByDivision),
		all: mk(Overall, cur), allPrev: prevAt(Overall),
		bundle: mk(ByBundle, cur),
	}
	return r, errors.Join(errs...)
}

func (r *reportAggs) each(f func(a *Aggregator)) {
	for _, a := range []*Aggregator{r.unit, r.unitPrev, r.div, r.divPrev, r.all, r.allPrev, r.bundle} {
		f(a)
	}
}

func buildReport(ctx context.Context, in ReportInput, kind ReportKind, title string, cur, prev Period) (*Report, error) {
	in = in.withDefaults()
	if in.Store == nil {
		return nil, fmt.Errorf("evaluation: report: %w: no store", ErrInvalid)
	}
	if err := errors.Join(in.Config.Validate(), in.Thresholds.Validate(), in.Anomalies.Validate()); err != nil {
		return nil, err
	}
	asOf := in.AsOf
	if asOf.IsZero() {
		asOf = cur.To
	}
	aggs, err := newReportAggs(cur, prev, asOf)
	if err != nil {
		return nil, err
	}
	picker, err := newTypicalPicker(in.Typical, cur)
	if err != nil {
		return nil, err
	}
	both := Period{From: prev.From, To: cur.To}
	tally := inspectionTally{}

	// Applications: volumes, bundle progress, and decision times for the
	// early-rating check (one entry per application decided since the
	// previous period began).
	decidedAt := map[uuid.UUID]time.Time{}
	if in.Applications != nil {
		aggs.each(func(a *Aggregator) { a.volumes = true })
		for x, err := range in.Applications(ctx, matter.ApplicationFilter{From: in.ApplicationsSince, To: cur.To}) {
			if err != nil {
				return nil, fmt.Errorf("evaluation: report: applications: %w", err)
			}
			aggs.each(func(a *Aggregator) { a.AddApplication(x) })
			if end, ok := ServiceEnd(x); ok && !end.Before(prev.From) {
				decidedAt[x.ID] = end
			}
		}
	}
	lookup := func(id uuid.UUID) (time.Time, bool) { t, ok := decidedAt[id]; return t, ok }
	screen, err := NewScreen(in.Anomalies, cur, lookup)
	if err != nil {
		return nil, err
	}

	casesUntil := cur.To
	if asOf.After(casesUntil) {
		casesUntil = asOf
	}
	for c, err := range in.Store.ListCases(ctx, CaseFilter{Period: Period{From: prev.From, To: casesUntil}}) {
		if err != nil {
			return nil, fmt.Errorf("evaluation: report: cases: %w", err)
		}
		aggs.each(func(a *Aggregator) { a.AddCase(c) })
		picker.addCase(c)
	}
	for w, err := range in.Store.ListWorkOrders(ctx, WorkOrderFilter{Period: both}) {
		if err != nil {
			return nil, fmt.Errorf("evaluation: report: work orders: %w", err)
		}
		aggs.each(func(a *Aggregator) { a.AddWorkOrder(w) })
		if in.Inspector != nil && cur.Contains(w.ReceivedAt) {
			tally.add(in.Inspector.Inspect(w, asOf))
		}
	}
	for r, err := range in.Store.ListReviews(ctx, ReviewFilter{Period: both}) {
		if err != nil {
			return nil, fmt.Errorf("evaluation: report: reviews: %w", err)
		}
		aggs.each(func(a *Aggregator) { a.Add(r) })
		if err := screen.Add(r); err != nil {
			return nil, fmt.Errorf("evaluation: report: %w", err)
		}
		picker.addReview(r)
	}

	rep := &Report{Kind: kind, Title: title, Period: cur, Previous: prev, AsOf: asOf}
	rep.Total = totalRow(aggs)
	unitCards, unitPrev := aggs.unit.Scorecards(), aggs.unitPrev.Scorecards()
	rep.Units = rows(unitCards, unitPrev)
	cities, err := Rollup(aggs.div.Scorecards(), division.City)
	if err != nil {
		return nil, err
	}
	citiesPrev, err := Rollup(aggs.divPrev.Scorecards(), division.City)
	if err != nil {
		return nil, err
	}
	rep.Cities = rows(cities, citiesPrev)
	rep.Findings = screen.Findings(unitCards, unitPrev)
	if rep.Actions, err = Evaluate(in.Thresholds, unitCards, in.Confirmed); err != nil {
		return nil, err
	}
	if rep.Overdue, err = overdueItems(ctx, in.Store, in.Config, asOf); err != nil {
		return nil, err
	}
	rep.Bundles = bundleProgress(aggs.bundle.Scorecards(), in.Bundles, in.Applications != nil)
	rep.Typical = picker.result()
	if rep.Incidents, err = lateIncidents(ctx, in.Store, in.Config, cur, asOf); err != nil {
		return nil, err
	}
	if in.Inspector != nil {
		rep.Inspection = tally.result()
	}
	if in.Hotspots != nil {
		if rep.Hotspots, err = reportHotspots(ctx, in.Store, *in.Hotspots, cur, prev); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

func totalRow(aggs *reportAggs) Row {
	g := Group{By: Overall}
	cur, ok := aggs.all.Scorecard(g)
	if !ok {
		cur = Scorecard{Group: g, Name: groupName(g), Period: aggs.all.Period(), Volumes: aggs.all.volumes}
	}
	prev, _ := aggs.allPrev.Scorecard(g)
	return Row{Current: cur, Previous: prev.Counts, Changes: Compare(cur.Counts, prev.Counts, ReportRates()...)}
}

// rows pairs each current card with the previous card of its group.
func rows(cur, prev []Scorecard) []Row {
	before := map[Group]Counts{}
	for _, c := range prev {
		before[c.Group] = c.Counts
	}
	out := make([]Row, 0, len(cur))
	for _, c := range cur {
		p := before[c.Group]
		out = append(out, Row{Current: c, Previous: p, Changes: Compare(c.Counts, p, ReportRates()...)})
	}
	return out
}

func bundleProgress(cards []Scorecard, bundles []matter.Bundle, volumes bool) []BundleProgress {
	if !volumes {
		return nil
	}
	byCode := map[string]Counts{}
	for _, c := range cards {
		byCode[c.Group.Code] = c.Counts
	}
	var out []BundleProgress
	seen := map[string]bool{}
	add := func(code, name string) {
		if seen[code] {
			return
		}
		seen[code] = true
		c := byCode[code]
		out = append(out, BundleProgress{Code: code, Name: name, Applications: c.Applications, Decided: c.Decided,
			OnTime: c.OnTime, OverdueOpen: c.OverdueOpen, OnTimeRate: c.ServiceOnTimeRate()})
	}
	for _, b := range bundles {
		add(b.Code, b.Name)
	}
	for _, c := range cards {
		add(c.Group.Code, c.Name)
	}
	slices.SortStableFunc(out, func(a, b BundleProgress) int { return cmp.Compare(a.Code, b.Code) })
	return out
}

// overdueItems lists every case, work order and 问题工单 past its deadline at
// asOf, the most overdue first.
func overdueItems(ctx context.Context, s Store, cfg Config, asOf time.Time) ([]OverdueItem, error) {
	var out []OverdueItem
	late := func(d Due) int {
		n, err := cfg.calendar().Between(d.Date.Time(), asOf)
		if err != nil {
			return 0
		}
		return n
	}
	for _, st := range []CaseState{CaseReceived, CaseVerifying, CaseRectifying, CaseRectified, CaseAppealed} {
		for c, err := range Overdue(s.ListCases(ctx, CaseFilter{State: st}), asOf) {
			if err != nil {
				return nil, fmt.Errorf("evaluation: report: overdue cases: %w", err)
			}
			d, _ := c.Overdue(asOf)
			out = append(out, OverdueItem{Record: "case", ID: c.ID, Unit: c.Unit, Division: c.Division, Due: d, DaysLate: late(d)})
		}
	}
	for _, st := range []OrderState{OrderDispatched, OrderHandling} {
		for w, err := range Overdue(s.ListWorkOrders(ctx, WorkOrderFilter{State: st}), asOf) {
			if err != nil {
				return nil, fmt.Errorf("evaluation: report: overdue work orders: %w", err)
			}
			d, _ := w.Overdue(asOf)
			out = append(out, OverdueItem{Record: "work_order", ID: w.ID, Number: w.Number, Unit: w.Unit, Division: w.Division, Due: d, DaysLate: late(d)})
		}
	}
	for p, err := range Overdue(s.ListProblems(ctx, ProblemFilter{State: ProblemDecided}), asOf) {
		if err != nil {
			return nil, fmt.Errorf("evaluation: report: overdue problem orders: %w", err)
		}
		d, _ := p.Overdue(asOf)
		var lead matter.Department
		if p.Consultation != nil {
			lead = p.Consultation.Lead
		}
		out = append(out, OverdueItem{Record: "problem", ID: p.ID, Unit: lead, Division: p.Division, Due: d, DaysLate: late(d)})
	}
	slices.SortStableFunc(out, func(a, b OverdueItem) int {
		return cmp.Or(a.Due.Date.Time().Compare(b.Due.Date.Time()), cmp.Compare(a.Record, b.Record), cmp.Compare(a.ID.String(), b.ID.String()))
	})
	return out, nil
}

// lateIncidents lists the incidents of the period with a late report.
func lateIncidents(ctx context.Context, s Store, cfg Config, p Period, asOf time.Time) ([]LateIncident, error) {
	var out []LateIncident
	for i, err := range s.ListIncidents(ctx, IncidentFilter{Period: p}) {
		if err != nil {
			return nil, fmt.Errorf("evaluation: report: incidents: %w", err)
		}
		if c := i.Check(cfg, asOf); c.Late() {
			out = append(out, LateIncident{ID: i.ID, Title: i.Title, Unit: i.Unit, Division: i.Division, OccurredAt: i.OccurredAt, Check: c})
		}
	}
	return out, nil
}
