package evaluation

import (
	"context"
	"iter"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// Store keeps the records of evaluation: reviews, bad-review cases, work
// orders, problem orders (问题工单), incidents and handling reviews
// (热线办理质效投诉的复核). Each kind has the same four
// methods, Add, Get, Update and List, with the same rules:
//
//   - Concurrency: implementations must be safe for concurrent use. Of
//     several concurrent updates expecting the same version, exactly one
//     succeeds; the others fail with ErrConflict.
//   - Context: every method honours ctx. When it is done before the work
//     is, the method returns an error wrapping ctx.Err(), and a listing
//     yields one and stops.
//   - Keys: a record is keyed by its ID. A nil record or a nil ID
//     (uuid.Nil) is refused with an error wrapping ErrInvalid. Stores apply
//     no other rule of this package: validation (Review.Validate, CheckOnce,
//     the steps of cases and orders) is the caller's, before writing.
//   - Add stores a new record at Version 1 and returns 1; the Version
//     passed in is ignored. Adding is idempotent by ID: adding a record
//     whose ID is stored again, equal to the stored one (by the record's
//     Equal: apart from Version, times as instants, nil and empty
//     collections alike), returns the stored version and no error; adding a
//     different record under a stored ID fails with ErrConflict and changes
//     nothing.
//   - Get returns the stored record with its Version, or an error wrapping
//     ErrNotFound.
//   - Update replaces a stored record, expecting version expect: it fails
//     with ErrNotFound if no record has the ID, with ErrConflict if expect
//     is not the stored version (both changing nothing), and otherwise
//     stores the record at version expect+1 and returns it.
//   - List yields the records matching a filter, each with its Version, in
//     a documented order: by the time the filter's Period bounds (RatedAt,
//     ReceivedAt, OpenedAt or OccurredAt), oldest first, ties broken by ID
//     in byte order. A zero filter matches every record. Breaking out of the
//     loop stops the listing. The loop body may call the store, writes
//     included; a listing need not show writes made after it started.
//   - Copies: a store keeps its own copies. A record passed in or returned
//     may be changed by the caller without changing what is stored.
//
// Errors are tested with errors.Is. Package evaluationtest checks every
// rule documented here; MemoryStore is the reference implementation.
type Store interface {
	AddReview(ctx context.Context, r *Review) (version int, err error)
	GetReview(ctx context.Context, id uuid.UUID) (*Review, error)
	UpdateReview(ctx context.Context, r *Review, expect int) (version int, err error)
	// ListReviews lists by RatedAt.
	ListReviews(ctx context.Context, f ReviewFilter) iter.Seq2[*Review, error]

	AddCase(ctx context.Context, c *Case) (version int, err error)
	GetCase(ctx context.Context, id uuid.UUID) (*Case, error)
	UpdateCase(ctx context.Context, c *Case, expect int) (version int, err error)
	// ListCases lists by ReceivedAt.
	ListCases(ctx context.Context, f CaseFilter) iter.Seq2[*Case, error]

	AddWorkOrder(ctx context.Context, w *WorkOrder) (version int, err error)
	GetWorkOrder(ctx context.Context, id uuid.UUID) (*WorkOrder, error)
	UpdateWorkOrder(ctx context.Context, w *WorkOrder, expect int) (version int, err error)
	// ListWorkOrders lists by ReceivedAt.
	ListWorkOrders(ctx context.Context, f WorkOrderFilter) iter.Seq2[*WorkOrder, error]

	AddProblem(ctx context.Context, p *ProblemOrder) (version int, err error)
	GetProblem(ctx context.Context, id uuid.UUID) (*ProblemOrder, error)
	UpdateProblem(ctx context.Context, p *ProblemOrder, expect int) (version int, err error)
	// ListProblems lists by OpenedAt.
	ListProblems(ctx context.Context, f ProblemFilter) iter.Seq2[*ProblemOrder, error]

	AddIncident(ctx context.Context, i *Incident) (version int, err error)
	GetIncident(ctx context.Context, id uuid.UUID) (*Incident, error)
	UpdateIncident(ctx context.Context, i *Incident, expect int) (version int, err error)
	// ListIncidents lists by OccurredAt.
	ListIncidents(ctx context.Context, f IncidentFilter) iter.Seq2[*Incident, error]

	AddHandlingReview(ctx context.Context, r *HandlingReview) (version int, err error)
	GetHandlingReview(ctx context.Context, id uuid.UUID) (*HandlingReview, error)
	UpdateHandlingReview(ctx context.Context, r *HandlingReview, expect int) (version int, err error)
	// ListHandlingReviews lists by OpenedAt.
	ListHandlingReviews(ctx context.Context, f HandlingReviewFilter) iter.Seq2[*HandlingReview, error]
}

// ReviewFilter selects reviews. Zero fields match everything.
type ReviewFilter struct {
	// Period bounds RatedAt.
	Period Period
	// Unit matches the unit's credit code; Division reviews of services in
	// the division or within it.
	Unit     creditcode.Code
	Division division.Code
	// Application lists the ratings of one service event (see CheckOnce).
	Application uuid.UUID
	Matter      string
	Staff       string
	Mode        Mode
	Channel     matter.Channel
}

// Match reports whether r passes the filter.
func (f ReviewFilter) Match(r *Review) bool {
	switch {
	case !f.Period.Contains(r.RatedAt),
		f.Unit != "" && r.Unit.CreditCode != f.Unit,
		f.Division != "" && !f.Division.Contains(r.Division),
		f.Application != uuid.Nil && r.Application != f.Application,
		f.Matter != "" && r.Matter != f.Matter,
		f.Staff != "" && r.Staff != f.Staff,
		f.Mode != "" && r.Mode != f.Mode,
		f.Channel != "" && r.Channel != f.Channel:
		return false
	}
	return true
}

// CaseFilter selects bad-review cases. Zero fields match everything.
type CaseFilter struct {
	// Period bounds ReceivedAt.
	Period   Period
	Unit     creditcode.Code
	Division division.Code
	State    CaseState
	Review   uuid.UUID
}

// Match reports whether c passes the filter.
func (f CaseFilter) Match(c *Case) bool {
	switch {
	case !f.Period.Contains(c.ReceivedAt),
		f.Unit != "" && c.Unit.CreditCode != f.Unit,
		f.Division != "" && !f.Division.Contains(c.Division),
		f.State != "" && c.State != f.State,
		f.Review != uuid.Nil && c.Review != f.Review:
		return false
	}
	return true
}

// WorkOrderFilter selects work orders. Zero fields match everything.
type WorkOrderFilter struct {
	// Period bounds ReceivedAt.
	Period Period
	// Unit matches the unit holding the order now (WorkOrder.Unit).
	Unit     creditcode.Code
	Division division.Code
	State    OrderState
	Category matter.Category
	Line     Line
}

// Match reports whether w passes the filter.
func (f WorkOrderFilter) Match(w *WorkOrder) bool {
	switch {
	case !f.Period.Contains(w.ReceivedAt),
		f.Unit != "" && w.Unit.CreditCode != f.Unit,
		f.Division != "" && !f.Division.Contains(w.Division),
		f.State != "" && w.State != f.State,
		f.Category != "" && w.Category != f.Category,
		f.Line != "" && w.Line != f.Line:
		return false
	}
	return true
}

// ProblemFilter selects problem orders. Zero fields match everything.
type ProblemFilter struct {
	// Period bounds OpenedAt.
	Period   Period
	Division division.Code
	State    ProblemState
	Order    uuid.UUID
}

// Match reports whether p passes the filter.
func (f ProblemFilter) Match(p *ProblemOrder) bool {
	switch {
	case !f.Period.Contains(p.OpenedAt),
		f.Division != "" && !f.Division.Contains(p.Division),
		f.State != "" && p.State != f.State,
		f.Order != uuid.Nil && p.Order != f.Order:
		return false
	}
	return true
}

// IncidentFilter selects incidents. Zero fields match everything.
type IncidentFilter struct {
	// Period bounds OccurredAt.
	Period   Period
	Unit     creditcode.Code
	Division division.Code
}

// Match reports whether i passes the filter.
func (f IncidentFilter) Match(i *Incident) bool {
	switch {
	case !f.Period.Contains(i.OccurredAt),
		f.Unit != "" && i.Unit.CreditCode != f.Unit,
		f.Division != "" && !f.Division.Contains(i.Division):
		return false
	}
	return true
}

// HandlingReviewFilter selects handling reviews. Zero fields match
// everything.
type HandlingReviewFilter struct {
	// Period bounds OpenedAt.
	Period Period
	// Unit matches the credit code of the unit whose handling is reviewed;
	// Division reviews of units in the division or within it (the unit's
	// Division).
	Unit     creditcode.Code
	Division division.Code
	// Order lists the reviews of one work order.
	Order uuid.UUID
	State HandlingReviewState
}

// Match reports whether r passes the filter.
func (f HandlingReviewFilter) Match(r *HandlingReview) bool {
	switch {
	case !f.Period.Contains(r.OpenedAt),
		f.Unit != "" && r.Unit.CreditCode != f.Unit,
		f.Division != "" && !f.Division.Contains(r.Unit.Division),
		f.Order != uuid.Nil && r.Order != f.Order,
		f.State != "" && r.State != f.State:
		return false
	}
	return true
}
