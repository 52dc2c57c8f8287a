package mattertest_test

import (
	"context"
	"errors"
	"iter"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/mattertest"
	"github.com/onething-gov/onething/standards/division"
)

// The broken stores below each break one documented rule on top of the
// memory store. The kit must name the case of that rule, which shows that
// its checks can fail.

// ignoresVersions writes whatever version is current.
type ignoresVersions struct{ *matter.MemoryStore }

func (s ignoresVersions) PutMatter(ctx context.Context, m *matter.Matter, _ int) (int, error) {
	cur := 0
	if got, err := s.MemoryStore.GetMatter(ctx, m.Code); err == nil {
		cur = got.Version
	}
	return s.MemoryStore.PutMatter(ctx, m, cur)
}

// sharesMatters keeps the very matter it was given, so that the caller's
// later changes reach the store.
type sharesMatters struct {
	*matter.MemoryStore
	mu   sync.Mutex
	last map[string]*matter.Matter
}

func (s *sharesMatters) PutMatter(ctx context.Context, m *matter.Matter, expect int) (int, error) {
	v, err := s.MemoryStore.PutMatter(ctx, m, expect)
	if err == nil {
		s.mu.Lock()
		m.Version = v
		s.last[m.Code] = m
		s.mu.Unlock()
	}
	return v, err
}

func (s *sharesMatters) GetMatter(ctx context.Context, code string) (*matter.Matter, error) {
	if _, err := s.MemoryStore.GetMatter(ctx, code); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last[code].Clone(), nil
}

// ignoresContext never passes the caller's context on.
type ignoresContext struct{ *matter.MemoryStore }

func (s ignoresContext) GetMatter(_ context.Context, code string) (*matter.Matter, error) {
	return s.MemoryStore.GetMatter(context.Background(), code)
}

func (s ignoresContext) ListMatters(_ context.Context, f matter.MatterFilter) iter.Seq2[*matter.Matter, error] {
	return s.MemoryStore.ListMatters(context.Background(), f)
}

// listsBackwards lists matters in reverse code order.
type listsBackwards struct{ *matter.MemoryStore }

func (s listsBackwards) ListMatters(ctx context.Context, f matter.MatterFilter) iter.Seq2[*matter.Matter, error] {
	return func(yield func(*matter.Matter, error) bool) {
		var ms []*matter.Matter
		for m, err := range s.MemoryStore.ListMatters(ctx, f) {
			if err != nil {
				yield(nil, err)
				return
			}
			ms = append(ms, m)
		}
		slices.Reverse(ms)
		for _, m := range ms {
			if !yield(m, nil) {
				return
			}
		}
	}
}

// forgetsHistory keeps only the current version.
type forgetsHistory struct{ *matter.MemoryStore }

func (s forgetsHistory) MatterHistory(ctx context.Context, code string) iter.Seq2[*matter.Matter, error] {
	return func(yield func(*matter.Matter, error) bool) {
		var last *matter.Matter
		for m, err := range s.MemoryStore.MatterHistory(ctx, code) {
			if err != nil {
				yield(nil, err)
				return
			}
			last = m
		}
		yield(last, nil)
	}
}

// exactOverlays lists only the overlays of the division itself.
type exactOverlays struct{ *matter.MemoryStore }

func (s exactOverlays) ListOverlays(ctx context.Context, d division.Code) iter.Seq2[*matter.Overlay, error] {
	return func(yield func(*matter.Overlay, error) bool) {
		for o, err := range s.MemoryStore.ListOverlays(ctx, d) {
			if err == nil && o.Division != d {
				continue
			}
			if !yield(o, err) {
				return
			}
		}
	}
}

// inclusiveTo treats ApplicationFilter.To as inclusive.
type inclusiveTo struct{ *matter.MemoryStore }

func (s inclusiveTo) ListApplications(ctx context.Context, f matter.ApplicationFilter) iter.Seq2[*matter.Application, error] {
	if !f.To.IsZero() {
		f.To = f.To.Add(time.Nanosecond)
	}
	return s.MemoryStore.ListApplications(ctx, f)
}

// createsOnce refuses every repeated create.
type createsOnce struct{ *matter.MemoryStore }

func (s createsOnce) CreateApplication(ctx context.Context, a *matter.Application) (int, error) {
	if _, err := s.MemoryStore.GetApplication(ctx, a.ID); err == nil {
		return 0, matter.ErrConflict
	}
	return s.MemoryStore.CreateApplication(ctx, a)
}

// updatesBlindly creates what an update names and ignores versions.
type updatesBlindly struct{ *matter.MemoryStore }

func (s updatesBlindly) UpdateApplication(ctx context.Context, a *matter.Application, _ int) (int, error) {
	cur, err := s.MemoryStore.GetApplication(ctx, a.ID)
	if err != nil {
		return s.MemoryStore.CreateApplication(ctx, a)
	}
	return s.MemoryStore.UpdateApplication(ctx, a, cur.Version)
}

// ignoresBreak keeps yielding after the loop body has broken out.
type ignoresBreak struct{ *matter.MemoryStore }

func (s ignoresBreak) ListOverlays(ctx context.Context, d division.Code) iter.Seq2[*matter.Overlay, error] {
	return func(yield func(*matter.Overlay, error) bool) {
		for o, err := range s.MemoryStore.ListOverlays(ctx, d) {
			yield(o, err)
		}
	}
}

// failedCases returns the names of the cases in a TestStore error.
func failedCases(err error) []string {
	if err == nil {
		return nil
	}
	var names []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		name, _, _ := strings.Cut(e.Error(), ":")
		names = append(names, name)
	}
	return names
}

func TestKitFails(t *testing.T) {
	for _, tc := range []struct {
		name  string
		store func() matter.Store
		want  []string
	}{
		{"ignores versions", func() matter.Store { return ignoresVersions{matter.NewMemoryStore()} },
			[]string{"matter-create-existing", "matter-update-missing", "matter-update-stale"}},
		{"shares matters", func() matter.Store {
			return &sharesMatters{MemoryStore: matter.NewMemoryStore(), last: map[string]*matter.Matter{}}
		}, []string{"matter-aliasing"}},
		{"ignores context", func() matter.Store { return ignoresContext{matter.NewMemoryStore()} },
			[]string{"context-cancelled", "context-cancelled-mid-iteration"}},
		{"lists backwards", func() matter.Store { return listsBackwards{matter.NewMemoryStore()} },
			[]string{"matter-list-order", "matter-list-department", "matter-list-division"}},
		{"forgets history", func() matter.Store { return forgetsHistory{matter.NewMemoryStore()} },
			[]string{"matter-history", "matter-retire", "matter-update-stale"}},
		{"exact overlays", func() matter.Store { return exactOverlays{matter.NewMemoryStore()} },
			[]string{"overlay-list"}},
		{"inclusive To", func() matter.Store { return inclusiveTo{matter.NewMemoryStore()} },
			[]string{"application-list-period"}},
		{"creates once", func() matter.Store { return createsOnce{matter.NewMemoryStore()} },
			[]string{"application-create-idempotent"}},
		{"updates blindly", func() matter.Store { return updatesBlindly{matter.NewMemoryStore()} },
			[]string{"application-update", "application-update-missing"}},
		{"ignores break", func() matter.Store { return ignoresBreak{matter.NewMemoryStore()} },
			[]string{"iteration-stop-early"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := mattertest.TestStore(t.Context(), tc.store())
			require.Error(t, err)
			got := failedCases(err)
			for _, w := range tc.want {
				assert.Contains(t, got, w)
			}
			assert.Contains(t, err.Error(), "[rule: ", "a failure names its rule")
		})
	}
}

// The memory store's own failures would make TestKitFails meaningless.
func TestKitPassesMemoryStore(t *testing.T) {
	assert.NoError(t, mattertest.TestStore(t.Context(), matter.NewMemoryStore()))
}

func TestTestStoreStopsWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	err := mattertest.TestStore(ctx, matter.NewMemoryStore())
	assert.ErrorIs(t, err, context.Canceled)
}

// A failure message names the store's operation, so that an implementer
// can find the fault.
func TestFailureMessage(t *testing.T) {
	err := mattertest.TestStore(t.Context(), createsOnce{matter.NewMemoryStore()})
	require.Error(t, err)
	var msg string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		if strings.HasPrefix(e.Error(), "application-create-idempotent:") {
			msg = e.Error()
		}
	}
	assert.Contains(t, msg, "CreateApplication(")
	assert.Contains(t, msg, "again with an equal application")
	assert.True(t, errors.Is(err, matter.ErrConflict), "the store's error is wrapped")
}
