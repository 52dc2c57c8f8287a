package evaluationtest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

// wantFiltered reports a problem unless everything seq yields passes
// match, and the records among ours it yields are want, in that order.
func wantFiltered[T any](op string, seq iter.Seq2[T, error], id func(T) uuid.UUID, match func(T) bool, ours, want []uuid.UUID) error {
	all, err := collect(seq)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	var errs []error
	var got []uuid.UUID
	for i, v := range all {
		if !match(v) {
			errs = append(errs, fmt.Errorf("%s: item %d (%s) does not pass the filter", op, i, id(v)))
		}
		if slices.Contains(ours, id(v)) {
			got = append(got, id(v))
		}
	}
	if !slices.Equal(got, want) {
		errs = append(errs, fmt.Errorf("%s: listed %v of the case's records, want %v", op, got, want))
	}
	return errors.Join(errs...)
}

// fieldCase is one filter field: the filter and which of a case's records
// it lists.
type fieldCase[F any] struct {
	field  string
	filter F
	want   []int
}

// checkFields lists with each filter and checks it against records.
func checkFields[T any, F any](ctx context.Context, list func(context.Context, F) iter.Seq2[T, error], match func(F, T) bool, id func(T) uuid.UUID, records []T, tcs []fieldCase[F]) error {
	ours := make([]uuid.UUID, len(records))
	for i, r := range records {
		ours[i] = id(r)
	}
	var errs []error
	for _, tc := range tcs {
		var want []uuid.UUID
		for _, i := range tc.want {
			want = append(want, ours[i])
		}
		errs = append(errs, wantFiltered(fmt.Sprintf("List by %s", tc.field), list(ctx, tc.filter), id,
			func(v T) bool { return match(tc.filter, v) }, ours, want))
	}
	return errors.Join(errs...)
}

func listReviewFields(ctx context.Context, s evaluation.Store) error {
	f := newFixture()
	a, err := review(at(7, 1, 9, 0), laiwu, f.unit)
	if err != nil {
		return err
	}
	b := a.Clone()
	b.ID, b.RatedAt = newID(), at(7, 1, 9, 5)
	b.Application, b.Matter, b.Staff, b.Unit = newID(), "370100000002", "LW0500", f.other
	b.Mode, b.Channel, b.Scores = evaluation.PerMatter, matter.App, nil
	for _, r := range []*evaluation.Review{a, b} {
		if _, err := s.AddReview(ctx, r); err != nil {
			return fmt.Errorf("AddReview(%s): %w", r.ID, err)
		}
	}
	day := evaluation.Period{From: at(7, 1, 0, 0), To: at(7, 2, 0, 0)}
	return checkFields(ctx, s.ListReviews, evaluation.ReviewFilter.Match, func(r *evaluation.Review) uuid.UUID { return r.ID },
		[]*evaluation.Review{a, b}, []fieldCase[evaluation.ReviewFilter]{
			{"period", evaluation.ReviewFilter{Period: day}, []int{0, 1}},
			{"unit", evaluation.ReviewFilter{Unit: f.unit.CreditCode}, []int{0}},
			{"unit", evaluation.ReviewFilter{Unit: f.other.CreditCode}, []int{1}},
			{"application", evaluation.ReviewFilter{Application: b.Application}, []int{1}},
			{"matter", evaluation.ReviewFilter{Period: day, Matter: matterCode}, []int{0}},
			{"staff", evaluation.ReviewFilter{Period: day, Staff: "LW0500"}, []int{1}},
			{"mode", evaluation.ReviewFilter{Period: day, Mode: evaluation.PerService}, []int{0}},
			{"channel", evaluation.ReviewFilter{Period: day, Channel: matter.App}, []int{1}},
			{"unit and mode", evaluation.ReviewFilter{Unit: f.unit.CreditCode, Mode: evaluation.PerMatter}, nil},
		})
}

func listCaseFields(ctx context.Context, s evaluation.Store) error {
	f := newFixture()
	a, err := badCase(at(7, 2, 9, 0), laiwu, f.unit)
	if err != nil {
		return err
	}
	b, err := badCase(at(7, 2, 9, 5), laiwu, f.other)
	if err != nil {
		return err
	}
	if err := b.Move(cfg, evaluation.CaseChange{To: evaluation.CaseVerifying, At: at(7, 2, 10, 0), By: "LW0012"}); err != nil {
		return err
	}
	for _, c := range []*evaluation.Case{a, b} {
		if _, err := s.AddCase(ctx, c); err != nil {
			return fmt.Errorf("AddCase(%s): %w", c.ID, err)
		}
	}
	return checkFields(ctx, s.ListCases, evaluation.CaseFilter.Match, func(c *evaluation.Case) uuid.UUID { return c.ID },
		[]*evaluation.Case{a, b}, []fieldCase[evaluation.CaseFilter]{
			{"unit", evaluation.CaseFilter{Unit: f.unit.CreditCode}, []int{0}},
			{"unit", evaluation.CaseFilter{Unit: f.other.CreditCode}, []int{1}},
			{"state", evaluation.CaseFilter{Unit: f.other.CreditCode, State: evaluation.CaseVerifying}, []int{1}},
			{"state", evaluation.CaseFilter{Unit: f.other.CreditCode, State: evaluation.CaseReceived}, nil},
			{"review", evaluation.CaseFilter{Review: a.Review}, []int{0}},
		})
}

func listOrderFields(ctx context.Context, s evaluation.Store) error {
	f := newFixture()
	a, err := order(at(7, 3, 9, 0), laiwu, f.unit)
	if err != nil {
		return err
	}
	b, err := order(at(7, 3, 9, 5), laiwu, f.other)
	if err != nil {
		return err
	}
	b.Line, b.Category = evaluation.Line12333, matter.Inquiry
	if err := b.Accept(at(7, 3, 10, 0), "LW0031"); err != nil {
		return err
	}
	// c was sent back by f.unit: no unit holds it now.
	c, err := order(at(7, 3, 9, 10), laiwu, f.unit)
	if err != nil {
		return err
	}
	if err := c.SendBack(cfg, at(7, 3, 11, 0), "LW0031", "非本单位职责"); err != nil {
		return err
	}
	for _, w := range []*evaluation.WorkOrder{a, b, c} {
		if _, err := s.AddWorkOrder(ctx, w); err != nil {
			return fmt.Errorf("AddWorkOrder(%s): %w", w.ID, err)
		}
	}
	day := evaluation.Period{From: at(7, 3, 0, 0), To: at(7, 4, 0, 0)}
	return checkFields(ctx, s.ListWorkOrders, evaluation.WorkOrderFilter.Match, func(w *evaluation.WorkOrder) uuid.UUID { return w.ID },
		[]*evaluation.WorkOrder{a, b, c}, []fieldCase[evaluation.WorkOrderFilter]{
			{"period", evaluation.WorkOrderFilter{Period: day}, []int{0, 1, 2}},
			{"unit", evaluation.WorkOrderFilter{Unit: f.unit.CreditCode}, []int{0}},
			{"unit", evaluation.WorkOrderFilter{Unit: f.other.CreditCode}, []int{1}},
			{"state", evaluation.WorkOrderFilter{Period: day, State: evaluation.OrderHandling}, []int{1}},
			{"state", evaluation.WorkOrderFilter{Period: day, State: evaluation.OrderReceived}, []int{2}},
			{"category", evaluation.WorkOrderFilter{Period: day, Category: matter.Inquiry}, []int{1}},
			{"line", evaluation.WorkOrderFilter{Period: day, Line: evaluation.Line12345}, []int{0, 2}},
		})
}

func listProblemFields(ctx context.Context, s evaluation.Store) error {
	f := newFixture()
	a, _ := problem(at(7, 6, 9, 0), laiwu, f.unit)
	b, _ := problem(at(7, 6, 9, 5), laiwu, f.unit)
	err := b.Decide(cfg, evaluation.Consultation{
		At: at(7, 6, 15, 0), By: "济南市12345", Convened: []matter.Department{f.unit, f.other},
		Decision: "由莱芜区牵头", Lead: f.unit,
	})
	if err != nil {
		return err
	}
	for _, p := range []*evaluation.ProblemOrder{a, b} {
		if _, err := s.AddProblem(ctx, p); err != nil {
			return fmt.Errorf("AddProblem(%s): %w", p.ID, err)
		}
	}
	day := evaluation.Period{From: at(7, 6, 0, 0), To: at(7, 7, 0, 0)}
	return checkFields(ctx, s.ListProblems, evaluation.ProblemFilter.Match, func(p *evaluation.ProblemOrder) uuid.UUID { return p.ID },
		[]*evaluation.ProblemOrder{a, b}, []fieldCase[evaluation.ProblemFilter]{
			{"state", evaluation.ProblemFilter{Period: day, State: evaluation.ProblemDecided}, []int{1}},
			{"state", evaluation.ProblemFilter{Period: day, State: evaluation.ProblemOpen}, []int{0}},
			{"order", evaluation.ProblemFilter{Order: a.Order}, []int{0}},
		})
}

func listIncidentFields(ctx context.Context, s evaluation.Store) error {
	f := newFixture()
	a, err := incident(at(7, 7, 9, 0), laiwu, f.unit)
	if err != nil {
		return err
	}
	b, err := incident(at(7, 7, 9, 0).Add(time.Minute), gangche, f.other)
	if err != nil {
		return err
	}
	for _, i := range []*evaluation.Incident{a, b} {
		if _, err := s.AddIncident(ctx, i); err != nil {
			return fmt.Errorf("AddIncident(%s): %w", i.ID, err)
		}
	}
	return checkFields(ctx, s.ListIncidents, evaluation.IncidentFilter.Match, func(i *evaluation.Incident) uuid.UUID { return i.ID },
		[]*evaluation.Incident{a, b}, []fieldCase[evaluation.IncidentFilter]{
			{"unit", evaluation.IncidentFilter{Unit: f.unit.CreditCode}, []int{0}},
			{"unit", evaluation.IncidentFilter{Unit: f.other.CreditCode}, []int{1}},
		})
}

func listHandlingReviewFields(ctx context.Context, s evaluation.Store) error {
	f := newFixture()
	a, err := handlingReview(at(7, 8, 9, 0), laiwu, f.unit)
	if err != nil {
		return err
	}
	b, err := handlingReview(at(7, 8, 9, 5), gangche, f.other)
	if err != nil {
		return err
	}
	if err := b.Take(at(7, 8, 10, 0), "督办科-李明"); err != nil {
		return err
	}
	for _, r := range []*evaluation.HandlingReview{a, b} {
		if _, err := s.AddHandlingReview(ctx, r); err != nil {
			return fmt.Errorf("AddHandlingReview(%s): %w", r.ID, err)
		}
	}
	day := evaluation.Period{From: at(7, 8, 0, 0), To: at(7, 9, 0, 0)}
	return checkFields(ctx, s.ListHandlingReviews, evaluation.HandlingReviewFilter.Match, func(r *evaluation.HandlingReview) uuid.UUID { return r.ID },
		[]*evaluation.HandlingReview{a, b}, []fieldCase[evaluation.HandlingReviewFilter]{
			{"unit", evaluation.HandlingReviewFilter{Unit: f.unit.CreditCode}, []int{0}},
			{"unit", evaluation.HandlingReviewFilter{Unit: f.other.CreditCode}, []int{1}},
			{"order", evaluation.HandlingReviewFilter{Order: a.Order}, []int{0}},
			{"order", evaluation.HandlingReviewFilter{Order: b.Order}, []int{1}},
			{"state", evaluation.HandlingReviewFilter{Period: day, State: evaluation.HandlingReviewing}, []int{1}},
			{"state", evaluation.HandlingReviewFilter{Period: day, State: evaluation.HandlingOpen}, []int{0}},
			{"unit and state", evaluation.HandlingReviewFilter{Unit: f.unit.CreditCode, State: evaluation.HandlingReviewing}, nil},
		})
}
