package evaluationtest_test

import (
	"context"
	"errors"
	"iter"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/evaluationtest"
)

// The broken stores below each break one documented rule on top of the
// memory store. The kit must name the case of that rule, which shows that
// its checks can fail.

// ignoresVersions updates reviews whatever version the caller expected.
type ignoresVersions struct{ *evaluation.MemoryStore }

func (s ignoresVersions) UpdateReview(ctx context.Context, r *evaluation.Review, _ int) (int, error) {
	cur, err := s.MemoryStore.GetReview(ctx, r.ID)
	if err != nil {
		return 0, err
	}
	return s.MemoryStore.UpdateReview(ctx, r, cur.Version)
}

// sharesCases keeps the very case it was given and hands it out again, so
// that the caller's later changes reach the store.
type sharesCases struct {
	*evaluation.MemoryStore
	mu   sync.Mutex
	last map[uuid.UUID]*evaluation.Case
}

func (s *sharesCases) AddCase(ctx context.Context, c *evaluation.Case) (int, error) {
	v, err := s.MemoryStore.AddCase(ctx, c)
	if err == nil && c != nil {
		s.mu.Lock()
		c.Version = v
		s.last[c.ID] = c
		s.mu.Unlock()
	}
	return v, err
}

func (s *sharesCases) GetCase(ctx context.Context, id uuid.UUID) (*evaluation.Case, error) {
	got, err := s.MemoryStore.GetCase(ctx, id)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.last[id]; c != nil && c.Version == got.Version {
		return c, nil
	}
	return got, nil
}

// ignoresContext never passes the caller's context on for work orders.
type ignoresContext struct{ *evaluation.MemoryStore }

func (s ignoresContext) GetWorkOrder(_ context.Context, id uuid.UUID) (*evaluation.WorkOrder, error) {
	return s.MemoryStore.GetWorkOrder(context.Background(), id)
}

func (s ignoresContext) ListWorkOrders(_ context.Context, f evaluation.WorkOrderFilter) iter.Seq2[*evaluation.WorkOrder, error] {
	return s.MemoryStore.ListWorkOrders(context.Background(), f)
}

// listsBackwards lists incidents newest first.
type listsBackwards struct{ *evaluation.MemoryStore }

func (s listsBackwards) ListIncidents(ctx context.Context, f evaluation.IncidentFilter) iter.Seq2[*evaluation.Incident, error] {
	return func(yield func(*evaluation.Incident, error) bool) {
		var all []*evaluation.Incident
		for i, err := range s.MemoryStore.ListIncidents(ctx, f) {
			if err != nil {
				yield(nil, err)
				return
			}
			all = append(all, i)
		}
		for _, i := range slices.Backward(all) {
			if !yield(i, nil) {
				return
			}
		}
	}
}

// notIdempotent refuses every repeated add of a problem order.
type notIdempotent struct{ *evaluation.MemoryStore }

func (s notIdempotent) AddProblem(ctx context.Context, p *evaluation.ProblemOrder) (int, error) {
	if p != nil {
		if _, err := s.MemoryStore.GetProblem(ctx, p.ID); err == nil {
			return 0, evaluation.ErrConflict
		}
	}
	return s.MemoryStore.AddProblem(ctx, p)
}

// ignoresState lists cases of every state.
type ignoresState struct{ *evaluation.MemoryStore }

func (s ignoresState) ListCases(ctx context.Context, f evaluation.CaseFilter) iter.Seq2[*evaluation.Case, error] {
	f.State = ""
	return s.MemoryStore.ListCases(ctx, f)
}

// racyUpdates checks the version and writes in two steps, so that two
// writers can both win.
type racyUpdates struct{ *evaluation.MemoryStore }

func (s racyUpdates) UpdateWorkOrder(ctx context.Context, w *evaluation.WorkOrder, expect int) (int, error) {
	cur, err := s.MemoryStore.GetWorkOrder(ctx, w.ID)
	if err != nil {
		return 0, err
	}
	if cur.Version != expect {
		return 0, evaluation.ErrConflict
	}
	time.Sleep(2 * time.Millisecond)
	cur, err = s.MemoryStore.GetWorkOrder(ctx, w.ID)
	if err != nil {
		return 0, err
	}
	return s.MemoryStore.UpdateWorkOrder(ctx, w, cur.Version)
}

// acceptsNilIDs pretends to store incidents without an id.
type acceptsNilIDs struct{ *evaluation.MemoryStore }

func (s acceptsNilIDs) AddIncident(ctx context.Context, i *evaluation.Incident) (int, error) {
	if i != nil && i.ID == uuid.Nil {
		return 1, nil
	}
	return s.MemoryStore.AddIncident(ctx, i)
}

// keepsYielding ignores the loop's break when listing reviews.
type keepsYielding struct{ *evaluation.MemoryStore }

func (s keepsYielding) ListReviews(ctx context.Context, f evaluation.ReviewFilter) iter.Seq2[*evaluation.Review, error] {
	return func(yield func(*evaluation.Review, error) bool) {
		for r, err := range s.MemoryStore.ListReviews(ctx, f) {
			yield(r, err)
		}
	}
}

// holdsLock keeps a lock while a review listing runs, and takes it for
// every review write, so that writing inside the loop deadlocks. The write
// gives up after 15 seconds, past the kit's wait, so that the rest of the
// run can go on.
type holdsLock struct {
	*evaluation.MemoryStore
	mu *sync.Mutex
}

func (s holdsLock) ListReviews(ctx context.Context, f evaluation.ReviewFilter) iter.Seq2[*evaluation.Review, error] {
	return func(yield func(*evaluation.Review, error) bool) {
		s.mu.Lock()
		defer s.mu.Unlock()
		for r, err := range s.MemoryStore.ListReviews(ctx, f) {
			if !yield(r, err) {
				return
			}
		}
	}
}

func (s holdsLock) UpdateReview(ctx context.Context, r *evaluation.Review, expect int) (int, error) {
	for give := time.Now().Add(15 * time.Second); !s.mu.TryLock(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(give) {
			return 0, errors.New("holdsLock: deadlocked")
		}
	}
	defer s.mu.Unlock()
	return s.MemoryStore.UpdateReview(ctx, r, expect)
}

// shallowReviews copies reviews but for the reviewer, which stays shared
// with the caller.
type shallowReviews struct {
	*evaluation.MemoryStore
	mu sync.Mutex
	m  map[uuid.UUID]*evaluation.Review
}

func (s *shallowReviews) keep(r *evaluation.Review, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := r.Clone()
	c.Reviewer = r.Reviewer
	c.Version = v
	s.m[r.ID] = c
}

func (s *shallowReviews) AddReview(ctx context.Context, r *evaluation.Review) (int, error) {
	v, err := s.MemoryStore.AddReview(ctx, r)
	if err == nil && v == 1 {
		s.keep(r, v)
	}
	return v, err
}

func (s *shallowReviews) UpdateReview(ctx context.Context, r *evaluation.Review, expect int) (int, error) {
	v, err := s.MemoryStore.UpdateReview(ctx, r, expect)
	if err == nil {
		s.keep(r, v)
	}
	return v, err
}

func (s *shallowReviews) GetReview(ctx context.Context, id uuid.UUID) (*evaluation.Review, error) {
	if _, err := s.MemoryStore.GetReview(ctx, id); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.m[id].Clone()
	c.Reviewer = s.m[id].Reviewer
	return c, nil
}

func TestKitCatchesBrokenStores(t *testing.T) {
	tests := []struct {
		name  string
		store func() evaluation.Store
		cases []string // cases that must fail
	}{
		{"ignores versions", func() evaluation.Store { return ignoresVersions{evaluation.NewMemoryStore()} }, []string{"update-stale", "concurrent-conflict"}},
		{"shares records", func() evaluation.Store {
			return &sharesCases{MemoryStore: evaluation.NewMemoryStore(), last: map[uuid.UUID]*evaluation.Case{}}
		}, []string{"copies-in", "copies-out"}},
		{"shallow copies", func() evaluation.Store {
			return &shallowReviews{MemoryStore: evaluation.NewMemoryStore(), m: map[uuid.UUID]*evaluation.Review{}}
		}, []string{"copies-in", "copies-out"}},
		{"ignores context", func() evaluation.Store { return ignoresContext{evaluation.NewMemoryStore()} }, []string{"context-cancelled", "context-cancelled-mid-listing"}},
		{"lists backwards", func() evaluation.Store { return listsBackwards{evaluation.NewMemoryStore()} }, []string{"list-order", "list-period"}},
		{"not idempotent", func() evaluation.Store { return notIdempotent{evaluation.NewMemoryStore()} }, []string{"add-idempotent", "concurrent-add"}},
		{"ignores the state filter", func() evaluation.Store { return ignoresState{evaluation.NewMemoryStore()} }, []string{"list-case-fields"}},
		{"racy updates", func() evaluation.Store { return racyUpdates{evaluation.NewMemoryStore()} }, []string{"concurrent-conflict"}},
		{"accepts nil ids", func() evaluation.Store { return acceptsNilIDs{evaluation.NewMemoryStore()} }, []string{"add-invalid"}},
		{"keeps yielding", func() evaluation.Store { return keepsYielding{evaluation.NewMemoryStore()} }, []string{"list-stop-early"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := evaluationtest.TestStore(t.Context(), tc.store())
			require.Error(t, err)
			failed := failedCases(err)
			for _, c := range tc.cases {
				assert.Contains(t, failed, c, "%v", err)
			}
		})
	}
}

func TestKitCatchesDeadlock(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the kit's lock timeout")
	}
	err := evaluationtest.TestStore(t.Context(), holdsLock{evaluation.NewMemoryStore(), &sync.Mutex{}})
	require.Error(t, err)
	assert.Contains(t, failedCases(err), "list-write-in-loop")
}

// failedCases returns the names of the cases a TestStore error reports.
func failedCases(err error) []string {
	var out []string
	var joined interface{ Unwrap() []error }
	if !errors.As(err, &joined) {
		return nil
	}
	for _, e := range joined.Unwrap() {
		name, _, _ := strings.Cut(e.Error(), ":")
		out = append(out, name)
	}
	return out
}

func TestMemoryStorePasses(t *testing.T) {
	evaluationtest.Run(t, func(*testing.T) evaluation.Store { return evaluation.NewMemoryStore() })
	assert.NoError(t, evaluationtest.TestStore(t.Context(), evaluation.NewMemoryStore()))
}
