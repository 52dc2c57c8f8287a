package evaluation

import (
	"bytes"
	"context"
	"fmt"
	"iter"
	"slices"
	"sync"
	"time"

	"github.com/google/uuid"
)

// MemoryStore is the reference Store: it keeps every record in memory. It
// is for tests, demos and small deployments; it is also the executable
// reading of the Store documentation, checked by package evaluationtest.
// The zero value is not usable; call NewMemoryStore.
//
// A MemoryStore is safe for concurrent use. Listings take a snapshot when
// iteration starts and yield deep copies outside the lock, so a loop body
// may call the store, even write to it, without deadlock; such writes do
// not show in the running listing.
type MemoryStore struct {
	reviews   *table[*Review]
	cases     *table[*Case]
	orders    *table[*WorkOrder]
	problems  *table[*ProblemOrder]
	incidents *table[*Incident]
	handling  *table[*HandlingReview]
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{
		reviews: newTable("review", (*Review).Clone, (*Review).Equal,
			func(r *Review) (uuid.UUID, time.Time, *int) { return r.ID, r.RatedAt, &r.Version }),
		cases: newTable("case", (*Case).Clone, (*Case).Equal,
			func(c *Case) (uuid.UUID, time.Time, *int) { return c.ID, c.ReceivedAt, &c.Version }),
		orders: newTable("work order", (*WorkOrder).Clone, (*WorkOrder).Equal,
			func(w *WorkOrder) (uuid.UUID, time.Time, *int) { return w.ID, w.ReceivedAt, &w.Version }),
		problems: newTable("problem order", (*ProblemOrder).Clone, (*ProblemOrder).Equal,
			func(p *ProblemOrder) (uuid.UUID, time.Time, *int) { return p.ID, p.OpenedAt, &p.Version }),
		incidents: newTable("incident", (*Incident).Clone, (*Incident).Equal,
			func(i *Incident) (uuid.UUID, time.Time, *int) { return i.ID, i.OccurredAt, &i.Version }),
		handling: newTable("handling review", (*HandlingReview).Clone, (*HandlingReview).Equal,
			func(r *HandlingReview) (uuid.UUID, time.Time, *int) { return r.ID, r.OpenedAt, &r.Version }),
	}
}

// AddReview implements Store.
func (s *MemoryStore) AddReview(ctx context.Context, r *Review) (int, error) {
	return s.reviews.add(ctx, r)
}

// GetReview implements Store.
func (s *MemoryStore) GetReview(ctx context.Context, id uuid.UUID) (*Review, error) {
	return s.reviews.get(ctx, id)
}

// UpdateReview implements Store.
func (s *MemoryStore) UpdateReview(ctx context.Context, r *Review, expect int) (int, error) {
	return s.reviews.update(ctx, r, expect)
}

// ListReviews implements Store.
func (s *MemoryStore) ListReviews(ctx context.Context, f ReviewFilter) iter.Seq2[*Review, error] {
	return s.reviews.list(ctx, f.Match)
}

// AddCase implements Store.
func (s *MemoryStore) AddCase(ctx context.Context, c *Case) (int, error) {
	return s.cases.add(ctx, c)
}

// GetCase implements Store.
func (s *MemoryStore) GetCase(ctx context.Context, id uuid.UUID) (*Case, error) {
	return s.cases.get(ctx, id)
}

// UpdateCase implements Store.
func (s *MemoryStore) UpdateCase(ctx context.Context, c *Case, expect int) (int, error) {
	return s.cases.update(ctx, c, expect)
}

// ListCases implements Store.
func (s *MemoryStore) ListCases(ctx context.Context, f CaseFilter) iter.Seq2[*Case, error] {
	return s.cases.list(ctx, f.Match)
}

// AddWorkOrder implements Store.
func (s *MemoryStore) AddWorkOrder(ctx context.Context, w *WorkOrder) (int, error) {
	return s.orders.add(ctx, w)
}

// GetWorkOrder implements Store.
func (s *MemoryStore) GetWorkOrder(ctx context.Context, id uuid.UUID) (*WorkOrder, error) {
	return s.orders.get(ctx, id)
}

// UpdateWorkOrder implements Store.
func (s *MemoryStore) UpdateWorkOrder(ctx context.Context, w *WorkOrder, expect int) (int, error) {
	return s.orders.update(ctx, w, expect)
}

// ListWorkOrders implements Store.
func (s *MemoryStore) ListWorkOrders(ctx context.Context, f WorkOrderFilter) iter.Seq2[*WorkOrder, error] {
	return s.orders.list(ctx, f.Match)
}

// AddProblem implements Store.
func (s *MemoryStore) AddProblem(ctx context.Context, p *ProblemOrder) (int, error) {
	return s.problems.add(ctx, p)
}

// GetProblem implements Store.
func (s *MemoryStore) GetProblem(ctx context.Context, id uuid.UUID) (*ProblemOrder, error) {
	return s.problems.get(ctx, id)
}

// UpdateProblem implements Store.
func (s *MemoryStore) UpdateProblem(ctx context.Context, p *ProblemOrder, expect int) (int, error) {
	return s.problems.update(ctx, p, expect)
}

// ListProblems implements Store.
func (s *MemoryStore) ListProblems(ctx context.Context, f ProblemFilter) iter.Seq2[*ProblemOrder, error] {
	return s.problems.list(ctx, f.Match)
}

// AddIncident implements Store.
func (s *MemoryStore) AddIncident(ctx context.Context, i *Incident) (int, error) {
	return s.incidents.add(ctx, i)
}

// GetIncident implements Store.
func (s *MemoryStore) GetIncident(ctx context.Context, id uuid.UUID) (*Incident, error) {
	return s.incidents.get(ctx, id)
}

// UpdateIncident implements Store.
func (s *MemoryStore) UpdateIncident(ctx context.Context, i *Incident, expect int) (int, error) {
	return s.incidents.update(ctx, i, expect)
}

// ListIncidents implements Store.
func (s *MemoryStore) ListIncidents(ctx context.Context, f IncidentFilter) iter.Seq2[*Incident, error] {
	return s.incidents.list(ctx, f.Match)
}

// AddHandlingReview implements Store.
func (s *MemoryStore) AddHandlingReview(ctx context.Context, r *HandlingReview) (int, error) {
	return s.handling.add(ctx, r)
}

// GetHandlingReview implements Store.
func (s *MemoryStore) GetHandlingReview(ctx context.Context, id uuid.UUID) (*HandlingReview, error) {
	return s.handling.get(ctx, id)
}

// UpdateHandlingReview implements Store.
func (s *MemoryStore) UpdateHandlingReview(ctx context.Context, r *HandlingReview, expect int) (int, error) {
	return s.handling.update(ctx, r, expect)
}

// ListHandlingReviews implements Store.
func (s *MemoryStore) ListHandlingReviews(ctx context.Context, f HandlingReviewFilter) iter.Seq2[*HandlingReview, error] {
	return s.handling.list(ctx, f.Match)
}

// table holds the records of one kind. Stored values are never changed
// once stored: a write replaces the map entry with a new copy, so a
// snapshot of pointers stays valid outside the lock.
type table[T comparable] struct {
	name  string
	clone func(T) T
	equal func(T, T) bool
	// keys returns the record's id, its listing time and its Version.
	keys func(T) (uuid.UUID, time.Time, *int)

	mu   sync.RWMutex
	rows map[uuid.UUID]T
}

func newTable[T comparable](name string, clone func(T) T, equal func(T, T) bool, keys func(T) (uuid.UUID, time.Time, *int)) *table[T] {
	return &table[T]{name: name, clone: clone, equal: equal, keys: keys, rows: map[uuid.UUID]T{}}
}

// check refuses a nil record or a nil id.
func (t *table[T]) check(op string, v T) (uuid.UUID, error) {
	var zero T
	if v == zero {
		return uuid.Nil, fmt.Errorf("evaluation: memory store: %s %s: %w: nil record", op, t.name, ErrInvalid)
	}
	id, _, _ := t.keys(v)
	if id == uuid.Nil {
		return uuid.Nil, fmt.Errorf("evaluation: memory store: %s %s: %w: nil id", op, t.name, ErrInvalid)
	}
	return id, nil
}

func (t *table[T]) add(ctx context.Context, v T) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	id, err := t.check("add", v)
	if err != nil {
		return 0, err
	}
	c := t.clone(v)
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if old, ok := t.rows[id]; ok {
		_, _, ver := t.keys(old)
		if t.equal(old, c) {
			return *ver, nil
		}
		return 0, fmt.Errorf("evaluation: memory store: add %s %s: %w: a different record with this id exists (version %d)", t.name, id, ErrConflict, *ver)
	}
	_, _, ver := t.keys(c)
	*ver = 1
	t.rows[id] = c
	return 1, nil
}

func (t *table[T]) get(ctx context.Context, id uuid.UUID) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	t.mu.RLock()
	v, ok := t.rows[id]
	t.mu.RUnlock()
	if !ok {
		return zero, fmt.Errorf("evaluation: memory store: %s %s: %w", t.name, id, ErrNotFound)
	}
	return t.clone(v), nil
}

func (t *table[T]) update(ctx context.Context, v T, expect int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	id, err := t.check("update", v)
	if err != nil {
		return 0, err
	}
	c := t.clone(v)
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	old, ok := t.rows[id]
	if !ok {
		return 0, fmt.Errorf("evaluation: memory store: update %s %s: %w", t.name, id, ErrNotFound)
	}
	_, _, cur := t.keys(old)
	if expect != *cur {
		return 0, fmt.Errorf("evaluation: memory store: update %s %s: %w: expected version %d, current is %d", t.name, id, ErrConflict, expect, *cur)
	}
	_, _, ver := t.keys(c)
	*ver = *cur + 1
	t.rows[id] = c
	return *ver, nil
}

// list returns an iterator that takes a snapshot of the matching records
// when iteration starts, sorts it, then yields a copy of each outside the
// lock, checking ctx before each. An error, ctx's included, is yielded once
// and ends the iteration.
func (t *table[T]) list(ctx context.Context, match func(T) bool) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		if err := ctx.Err(); err != nil {
			yield(zero, err)
			return
		}
		t.mu.RLock()
		var out []T
		for _, v := range t.rows {
			if match(v) {
				out = append(out, v)
			}
		}
		t.mu.RUnlock()
		slices.SortFunc(out, func(a, b T) int {
			ida, ta, _ := t.keys(a)
			idb, tb, _ := t.keys(b)
			if c := ta.Compare(tb); c != 0 {
				return c
			}
			return bytes.Compare(ida[:], idb[:])
		})
		for _, v := range out {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			if !yield(t.clone(v), nil) {
				return
			}
		}
	}
}
