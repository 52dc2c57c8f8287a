package evaluationtest

import (
	"context"
	"iter"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// kind is one kind of record and the Store methods for it, with the types
// erased so that one check covers every kind.
type kind struct {
	name string
	// make returns a new valid record keyed at t (the time listings sort
	// by), in division d, for unit u.
	make func(t time.Time, d division.Code, u matter.Department) (any, error)
	id   func(any) uuid.UUID
	// version returns the record's Version; key its listing time.
	version func(any) int
	key     func(any) time.Time
	setID   func(any, uuid.UUID)
	// setVersion sets the record's Version field.
	setVersion func(any, int)
	// nilRecord is a nil pointer of the record type.
	nilRecord any
	clone     func(any) any
	equal     func(a, b any) bool
	// change alters a top-level field; deep alters data behind a pointer,
	// slice or map; bump adds one to a count that count reads.
	change, deep, bump func(any)
	count              func(any) int

	add    func(ctx context.Context, s evaluation.Store, v any) (int, error)
	get    func(ctx context.Context, s evaluation.Store, id uuid.UUID) (any, error)
	update func(ctx context.Context, s evaluation.Store, v any, expect int) (int, error)
	// list lists with the filter for a period and a division.
	list  func(ctx context.Context, s evaluation.Store, p evaluation.Period, d division.Code) iter.Seq2[any, error]
	match func(p evaluation.Period, d division.Code, v any) bool
}

// record is what the record types have in common.
type record[T any] interface {
	Clone() T
	Equal(T) bool
}

// spec is a kind with its types.
type spec[T record[T], F any] struct {
	name    string
	make    func(t time.Time, d division.Code, u matter.Department) (T, error)
	fields  func(T) (id uuid.UUID, key time.Time, version *int)
	setID   func(T, uuid.UUID)
	change  func(T)
	deep    func(T)
	bump    func(T)
	count   func(T) int
	add     func(evaluation.Store, context.Context, T) (int, error)
	get     func(evaluation.Store, context.Context, uuid.UUID) (T, error)
	update  func(evaluation.Store, context.Context, T, int) (int, error)
	list    func(evaluation.Store, context.Context, F) iter.Seq2[T, error]
	filter  func(evaluation.Period, division.Code) F
	matches func(F, T) bool
}

func (s spec[T, F]) erase() kind {
	var zero T
	return kind{
		name: s.name,
		make: func(t time.Time, d division.Code, u matter.Department) (any, error) { return s.make(t, d, u) },
		id:   func(v any) uuid.UUID { id, _, _ := s.fields(v.(T)); return id },
		version: func(v any) int {
			_, _, ver := s.fields(v.(T))
			return *ver
		},
		key:   func(v any) time.Time { _, k, _ := s.fields(v.(T)); return k },
		setID: func(v any, id uuid.UUID) { s.setID(v.(T), id) },
		setVersion: func(v any, n int) {
			_, _, ver := s.fields(v.(T))
			*ver = n
		},
		nilRecord: zero,
		clone:     func(v any) any { return v.(T).Clone() },
		equal:     func(a, b any) bool { return a.(T).Equal(b.(T)) },
		change:    func(v any) { s.change(v.(T)) },
		deep:      func(v any) { s.deep(v.(T)) },
		bump:      func(v any) { s.bump(v.(T)) },
		count:     func(v any) int { return s.count(v.(T)) },
		add:       func(ctx context.Context, st evaluation.Store, v any) (int, error) { return s.add(st, ctx, v.(T)) },
		get: func(ctx context.Context, st evaluation.Store, id uuid.UUID) (any, error) {
			v, err := s.get(st, ctx, id)
			if err != nil {
				return nil, err
			}
			return v, nil
		},
		update: func(ctx context.Context, st evaluation.Store, v any, expect int) (int, error) {
			return s.update(st, ctx, v.(T), expect)
		},
		list: func(ctx context.Context, st evaluation.Store, p evaluation.Period, d division.Code) iter.Seq2[any, error] {
			return func(yield func(any, error) bool) {
				for v, err := range s.list(st, ctx, s.filter(p, d)) {
					var a any
					if err == nil {
						a = v
					}
					if !yield(a, err) {
						return
					}
				}
			}
		},
		match: func(p evaluation.Period, d division.Code, v any) bool { return s.matches(s.filter(p, d), v.(T)) },
	}
}

// kinds are the six kinds of record a Store keeps.
var kinds = []kind{
	spec[*evaluation.Review, evaluation.ReviewFilter]{
		name: "review", make: review,
		fields: func(r *evaluation.Review) (uuid.UUID, time.Time, *int) { return r.ID, r.RatedAt, &r.Version },
		setID:  func(r *evaluation.Review, id uuid.UUID) { r.ID = id },
		change: func(r *evaluation.Review) { r.Comment = "窗口人员态度已改进" },
		deep: func(r *evaluation.Review) {
			r.Scores[evaluation.ServiceLevel] = 5
			r.Reasons[0] = "changed"
			r.Reviewer.Name = "改名"
		},
		bump:  func(r *evaluation.Review) { r.Reasons = append(r.Reasons, "more") },
		count: func(r *evaluation.Review) int { return len(r.Reasons) },
		add:   evaluation.Store.AddReview, get: evaluation.Store.GetReview, update: evaluation.Store.UpdateReview,
		list: evaluation.Store.ListReviews,
		filter: func(p evaluation.Period, d division.Code) evaluation.ReviewFilter {
			return evaluation.ReviewFilter{Period: p, Division: d}
		},
		matches: evaluation.ReviewFilter.Match,
	}.erase(),
	spec[*evaluation.Case, evaluation.CaseFilter]{
		name: "case", make: badCase,
		fields: func(c *evaluation.Case) (uuid.UUID, time.Time, *int) { return c.ID, c.ReceivedAt, &c.Version },
		setID:  func(c *evaluation.Case, id uuid.UUID) { c.ID = id },
		change: func(c *evaluation.Case) { c.State = evaluation.CaseVerifying },
		deep:   func(c *evaluation.Case) { c.History[0].By = "changed" },
		bump: func(c *evaluation.Case) {
			c.History = append(c.History, evaluation.CaseChange{From: c.State, To: c.State, At: c.ReceivedAt, By: "bump"})
		},
		count: func(c *evaluation.Case) int { return len(c.History) },
		add:   evaluation.Store.AddCase, get: evaluation.Store.GetCase, update: evaluation.Store.UpdateCase,
		list: evaluation.Store.ListCases,
		filter: func(p evaluation.Period, d division.Code) evaluation.CaseFilter {
			return evaluation.CaseFilter{Period: p, Division: d}
		},
		matches: evaluation.CaseFilter.Match,
	}.erase(),
	spec[*evaluation.WorkOrder, evaluation.WorkOrderFilter]{
		name: "work order", make: order,
		fields: func(w *evaluation.WorkOrder) (uuid.UUID, time.Time, *int) { return w.ID, w.ReceivedAt, &w.Version },
		setID:  func(w *evaluation.WorkOrder, id uuid.UUID) { w.ID = id },
		change: func(w *evaluation.WorkOrder) { w.Summary = "退休待遇核定超期（补充材料）" },
		deep: func(w *evaluation.WorkOrder) {
			w.Units[0].Name = "changed"
			w.Caller.Phone = "13900000000"
			w.History[0].By = "changed"
		},
		bump: func(w *evaluation.WorkOrder) {
			w.Supervisions = append(w.Supervisions, evaluation.Supervision{At: w.ReceivedAt, By: "bump", Reason: evaluation.SuperviseOverdue})
		},
		count: func(w *evaluation.WorkOrder) int { return len(w.Supervisions) },
		add:   evaluation.Store.AddWorkOrder, get: evaluation.Store.GetWorkOrder, update: evaluation.Store.UpdateWorkOrder,
		list: evaluation.Store.ListWorkOrders,
		filter: func(p evaluation.Period, d division.Code) evaluation.WorkOrderFilter {
			return evaluation.WorkOrderFilter{Period: p, Division: d}
		},
		matches: evaluation.WorkOrderFilter.Match,
	}.erase(),
	spec[*evaluation.ProblemOrder, evaluation.ProblemFilter]{
		name: "problem order", make: problem,
		fields: func(p *evaluation.ProblemOrder) (uuid.UUID, time.Time, *int) { return p.ID, p.OpenedAt, &p.Version },
		setID:  func(p *evaluation.ProblemOrder, id uuid.UUID) { p.ID = id },
		change: func(p *evaluation.ProblemOrder) { p.Level = division.Province },
		deep:   func(p *evaluation.ProblemOrder) { p.Units[0].Name = "changed"; p.History[0].By = "changed" },
		bump: func(p *evaluation.ProblemOrder) {
			p.History = append(p.History, evaluation.ProblemChange{From: p.State, To: p.State, At: p.OpenedAt, By: "bump"})
		},
		count: func(p *evaluation.ProblemOrder) int { return len(p.History) },
		add:   evaluation.Store.AddProblem, get: evaluation.Store.GetProblem, update: evaluation.Store.UpdateProblem,
		list: evaluation.Store.ListProblems,
		filter: func(p evaluation.Period, d division.Code) evaluation.ProblemFilter {
			return evaluation.ProblemFilter{Period: p, Division: d}
		},
		matches: evaluation.ProblemFilter.Match,
	}.erase(),
	spec[*evaluation.Incident, evaluation.IncidentFilter]{
		name: "incident", make: incident,
		fields: func(i *evaluation.Incident) (uuid.UUID, time.Time, *int) { return i.ID, i.OccurredAt, &i.Version },
		setID:  func(i *evaluation.Incident, id uuid.UUID) { i.ID = id },
		change: func(i *evaluation.Incident) { i.WrittenAt = i.PhoneAt.Add(25 * time.Minute) },
		deep:   func(i *evaluation.Incident) { i.Unit.Name = "changed" },
		bump:   func(i *evaluation.Incident) { i.Title += "+" },
		count:  func(i *evaluation.Incident) int { return strings.Count(i.Title, "+") },
		add:    evaluation.Store.AddIncident, get: evaluation.Store.GetIncident, update: evaluation.Store.UpdateIncident,
		list: evaluation.Store.ListIncidents,
		filter: func(p evaluation.Period, d division.Code) evaluation.IncidentFilter {
			return evaluation.IncidentFilter{Period: p, Division: d}
		},
		matches: evaluation.IncidentFilter.Match,
	}.erase(),
	spec[*evaluation.HandlingReview, evaluation.HandlingReviewFilter]{
		name: "handling review", make: handlingReview,
		fields: func(r *evaluation.HandlingReview) (uuid.UUID, time.Time, *int) { return r.ID, r.OpenedAt, &r.Version },
		setID:  func(r *evaluation.HandlingReview, id uuid.UUID) { r.ID = id },
		change: func(r *evaluation.HandlingReview) {
			r.State, r.Supervisor = evaluation.HandlingReviewing, "督办科-李明"
		},
		deep: func(r *evaluation.HandlingReview) {
			r.Inspection.Checks[0].Evidence = "changed"
			r.History[0].By = "changed"
		},
		bump: func(r *evaluation.HandlingReview) {
			r.History = append(r.History, evaluation.HandlingStep{To: r.State, At: r.OpenedAt, By: "bump"})
		},
		count: func(r *evaluation.HandlingReview) int { return len(r.History) },
		add:   evaluation.Store.AddHandlingReview, get: evaluation.Store.GetHandlingReview, update: evaluation.Store.UpdateHandlingReview,
		list: evaluation.Store.ListHandlingReviews,
		filter: func(p evaluation.Period, d division.Code) evaluation.HandlingReviewFilter {
			return evaluation.HandlingReviewFilter{Period: p, Division: d}
		},
		matches: evaluation.HandlingReviewFilter.Match,
	}.erase(),
}
