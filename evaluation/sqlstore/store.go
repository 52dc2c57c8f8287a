package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
)

// Store is an evaluation.Store on a SQL database. It is safe for
// concurrent use, by goroutines and by processes sharing the database.
// It does not own its *sql.DB: the caller closes that when done with the
// store. The zero value is not usable; call New.
type Store struct {
	reviews   *table[evaluation.Review, evaluation.ReviewFilter]
	cases     *table[evaluation.Case, evaluation.CaseFilter]
	orders    *table[evaluation.WorkOrder, evaluation.WorkOrderFilter]
	problems  *table[evaluation.ProblemOrder, evaluation.ProblemFilter]
	incidents *table[evaluation.Incident, evaluation.IncidentFilter]
	handling  *table[evaluation.HandlingReview, evaluation.HandlingReviewFilter]
}

var _ evaluation.Store = (*Store)(nil)

// New returns a Store on db, a database of dialect d, after bringing its
// schema up to date: it creates the tables on an empty database and
// applies the migrations a database made by an earlier version lacks, in
// one transaction that concurrent start-ups wait for. It fails if the
// schema is newer than this package knows. The tables' names begin with
// "evaluation_", so the database may hold other data too.
//
// For SQLite, open db with SQLiteDSN.
func New(ctx context.Context, db *sql.DB, d Dialect) (*Store, error) {
	if db == nil {
		return nil, errors.New("evaluation/sqlstore: nil *sql.DB")
	}
	if !d.valid() {
		return nil, fmt.Errorf("evaluation/sqlstore: unknown dialect %v", d)
	}
	if err := migrate(ctx, db, d, migrations); err != nil {
		return nil, err
	}
	return &Store{
		reviews:   newTable(db, d, reviews),
		cases:     newTable(db, d, cases),
		orders:    newTable(db, d, workOrders),
		problems:  newTable(db, d, problems),
		incidents: newTable(db, d, incidents),
		handling:  newTable(db, d, handlingReviews),
	}, nil
}

// AddReview implements evaluation.Store.
func (s *Store) AddReview(ctx context.Context, r *evaluation.Review) (int, error) {
	return s.reviews.add(ctx, r)
}

// GetReview implements evaluation.Store.
func (s *Store) GetReview(ctx context.Context, id uuid.UUID) (*evaluation.Review, error) {
	return s.reviews.get(ctx, id)
}

// UpdateReview implements evaluation.Store.
func (s *Store) UpdateReview(ctx context.Context, r *evaluation.Review, expect int) (int, error) {
	return s.reviews.update(ctx, r, expect)
}

// ListReviews implements evaluation.Store.
func (s *Store) ListReviews(ctx context.Context, f evaluation.ReviewFilter) iter.Seq2[*evaluation.Review, error] {
	return s.reviews.list(ctx, f)
}

// AddCase implements evaluation.Store.
func (s *Store) AddCase(ctx context.Context, c *evaluation.Case) (int, error) {
	return s.cases.add(ctx, c)
}

// GetCase implements evaluation.Store.
func (s *Store) GetCase(ctx context.Context, id uuid.UUID) (*evaluation.Case, error) {
	return s.cases.get(ctx, id)
}

// UpdateCase implements evaluation.Store.
func (s *Store) UpdateCase(ctx context.Context, c *evaluation.Case, expect int) (int, error) {
	return s.cases.update(ctx, c, expect)
}

// ListCases implements evaluation.Store.
func (s *Store) ListCases(ctx context.Context, f evaluation.CaseFilter) iter.Seq2[*evaluation.Case, error] {
	return s.cases.list(ctx, f)
}

// AddWorkOrder implements evaluation.Store.
func (s *Store) AddWorkOrder(ctx context.Context, w *evaluation.WorkOrder) (int, error) {
	return s.orders.add(ctx, w)
}

// GetWorkOrder implements evaluation.Store.
func (s *Store) GetWorkOrder(ctx context.Context, id uuid.UUID) (*evaluation.WorkOrder, error) {
	return s.orders.get(ctx, id)
}

// UpdateWorkOrder implements evaluation.Store.
func (s *Store) UpdateWorkOrder(ctx context.Context, w *evaluation.WorkOrder, expect int) (int, error) {
	return s.orders.update(ctx, w, expect)
}

// ListWorkOrders implements evaluation.Store.
func (s *Store) ListWorkOrders(ctx context.Context, f evaluation.WorkOrderFilter) iter.Seq2[*evaluation.WorkOrder, error] {
	return s.orders.list(ctx, f)
}

// AddProblem implements evaluation.Store.
func (s *Store) AddProblem(ctx context.Context, p *evaluation.ProblemOrder) (int, error) {
	return s.problems.add(ctx, p)
}

// GetProblem implements evaluation.Store.
func (s *Store) GetProblem(ctx context.Context, id uuid.UUID) (*evaluation.ProblemOrder, error) {
	return s.problems.get(ctx, id)
}

// UpdateProblem implements evaluation.Store.
func (s *Store) UpdateProblem(ctx context.Context, p *evaluation.ProblemOrder, expect int) (int, error) {
	return s.problems.update(ctx, p, expect)
}

// ListProblems implements evaluation.Store.
func (s *Store) ListProblems(ctx context.Context, f evaluation.ProblemFilter) iter.Seq2[*evaluation.ProblemOrder, error] {
	return s.problems.list(ctx, f)
}

// AddIncident implements evaluation.Store.
func (s *Store) AddIncident(ctx context.Context, i *evaluation.Incident) (int, error) {
	return s.incidents.add(ctx, i)
}

// GetIncident implements evaluation.Store.
func (s *Store) GetIncident(ctx context.Context, id uuid.UUID) (*evaluation.Incident, error) {
	return s.incidents.get(ctx, id)
}

// UpdateIncident implements evaluation.Store.
func (s *Store) UpdateIncident(ctx context.Context, i *evaluation.Incident, expect int) (int, error) {
	return s.incidents.update(ctx, i, expect)
}

// ListIncidents implements evaluation.Store.
func (s *Store) ListIncidents(ctx context.Context, f evaluation.IncidentFilter) iter.Seq2[*evaluation.Incident, error] {
	return s.incidents.list(ctx, f)
}

// AddHandlingReview implements evaluation.Store.
func (s *Store) AddHandlingReview(ctx context.Context, r *evaluation.HandlingReview) (int, error) {
	return s.handling.add(ctx, r)
}

// GetHandlingReview implements evaluation.Store.
func (s *Store) GetHandlingReview(ctx context.Context, id uuid.UUID) (*evaluation.HandlingReview, error) {
	return s.handling.get(ctx, id)
}

// UpdateHandlingReview implements evaluation.Store.
func (s *Store) UpdateHandlingReview(ctx context.Context, r *evaluation.HandlingReview, expect int) (int, error) {
	return s.handling.update(ctx, r, expect)
}

// ListHandlingReviews implements evaluation.Store.
func (s *Store) ListHandlingReviews(ctx context.Context, f evaluation.HandlingReviewFilter) iter.Seq2[*evaluation.HandlingReview, error] {
	return s.handling.list(ctx, f)
}
