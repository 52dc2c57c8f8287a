package matter

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"iter"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/standards/division"
)

// MemoryStore is the reference Store: it keeps every matter version,
// overlay and application in memory. It is for tests, demos and small
// deployments that load their catalog from files at start; it is also the
// executable reading of the Store documentation, checked by package
// mattertest. The zero value is not usable; call NewMemoryStore.
//
// A MemoryStore is safe for concurrent use. Listings take a snapshot when
// iteration starts and yield deep copies outside the lock, so a loop body
// may call the store, even write to it, without deadlock; such writes do not
// show in the running listing.
//
// Where the Store documentation leaves a choice open, MemoryStore decides
// as follows:
//
//   - A retired matter keeps its code: PutMatter expecting 0 conflicts with
//     it, and PutMatter expecting its last (retired) version stores a new
//     current version, which reinstates it.
//   - RetireMatter refuses a zero day, or a day that is not after the
//     matter's Effective day, with an error wrapping ErrInvalid.
//   - PutOverlay refuses an overlay without a matter code or without a valid
//     division code (ErrInvalid); it does not check the overlay against its
//     base matter, which the store need not hold (see Overlay.Check).
//   - ListOverlays with the empty division code yields every overlay.
//   - UpdateApplication refuses an application that fails a.Validate
//     (ErrInvalid), as CreateApplication does.
//   - CreateApplication compares a repeated application with the current
//     stored version semantically: Version is ignored, times are compared
//     as instants (zone and monotonic clock reading ignored, as time.Equal
//     does), and a nil slice equals an empty one. Any other difference is a
//     conflict.
type MemoryStore struct {
	mu           sync.RWMutex
	matters      map[string]*matterEntry
	overlays     map[memOverlayKey]*Overlay
	applications map[uuid.UUID]*Application
}

var _ Store = (*MemoryStore)(nil)

// matterEntry holds every stored version of one matter, oldest first. The
// stored *Matter values are never changed once stored; a write appends a
// new one. Both fields are guarded by MemoryStore.mu.
type matterEntry struct {
	versions []*Matter
	retired  bool
}

func (e *matterEntry) current() *Matter { return e.versions[len(e.versions)-1] }

type memOverlayKey struct {
	matter   string
	division division.Code
}

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{
		matters:      map[string]*matterEntry{},
		overlays:     map[memOverlayKey]*Overlay{},
		applications: map[uuid.UUID]*Application{},
	}
}

// GetMatter implements Store.
func (s *MemoryStore) GetMatter(ctx context.Context, code string) (*Matter, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	var cur *Matter
	if e := s.matters[code]; e != nil && !e.retired {
		cur = e.current()
	}
	s.mu.RUnlock()
	if cur == nil {
		return nil, fmt.Errorf("matter: memory store: matter %q: %w", code, ErrNotFound)
	}
	return cur.Clone(), nil
}

// PutMatter implements Store.
func (s *MemoryStore) PutMatter(ctx context.Context, m *Matter, expect int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if m == nil {
		return 0, fmt.Errorf("matter: memory store: put matter: %w: nil matter", ErrInvalid)
	}
	if err := m.Validate(); err != nil {
		return 0, fmt.Errorf("matter: memory store: put matter %q: %w", m.Code, err)
	}
	c := m.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	e := s.matters[c.Code]
	cur := 0
	if e != nil {
		cur = e.current().Version
	}
	if expect != cur {
		return 0, memConflict("matter", c.Code, expect, cur)
	}
	c.Version = cur + 1
	if e == nil {
		e = &matterEntry{}
		s.matters[c.Code] = e
	}
	e.versions = append(e.versions, c)
	e.retired = false
	return c.Version, nil
}

// ListMatters implements Store.
func (s *MemoryStore) ListMatters(ctx context.Context, f MatterFilter) iter.Seq2[*Matter, error] {
	return memListing(ctx, (*Matter).Clone, func() ([]*Matter, error) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		var out []*Matter
		for _, e := range s.matters {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if m := e.current(); !e.retired && f.Match(m) {
				out = append(out, m)
			}
		}
		slices.SortFunc(out, func(a, b *Matter) int { return strings.Compare(a.Code, b.Code) })
		return out, nil
	})
}

// MatterHistory implements Store.
func (s *MemoryStore) MatterHistory(ctx context.Context, code string) iter.Seq2[*Matter, error] {
	return memListing(ctx, (*Matter).Clone, func() ([]*Matter, error) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		e := s.matters[code]
		if e == nil {
			return nil, fmt.Errorf("matter: memory store: history of matter %q: %w", code, ErrNotFound)
		}
		return slices.Clone(e.versions), nil
	})
}

// RetireMatter implements Store.
func (s *MemoryStore) RetireMatter(ctx context.Context, code string, on Date, expect int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if on.IsZero() {
		return fmt.Errorf("matter: memory store: retire matter %q: %w: no retirement day", code, ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	e := s.matters[code]
	if e == nil || e.retired {
		return fmt.Errorf("matter: memory store: retire matter %q: %w", code, ErrNotFound)
	}
	cur := e.current()
	if expect != cur.Version {
		return memConflict("matter", code, expect, cur.Version)
	}
	c := cur.Clone()
	c.Expires = on
	if err := c.Validate(); err != nil {
		return fmt.Errorf("matter: memory store: retire matter %q on %s: %w", code, on, err)
	}
	c.Version = cur.Version + 1
	e.versions = append(e.versions, c)
	e.retired = true
	return nil
}

// GetOverlay implements Store.
func (s *MemoryStore) GetOverlay(ctx context.Context, matter string, d division.Code) (*Overlay, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	o := s.overlays[memOverlayKey{matter, d}]
	s.mu.RUnlock()
	if o == nil {
		return nil, fmt.Errorf("matter: memory store: overlay of matter %q for %s: %w", matter, d, ErrNotFound)
	}
	return copyOverlay(o), nil
}

// PutOverlay implements Store.
func (s *MemoryStore) PutOverlay(ctx context.Context, o *Overlay, expect int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if o == nil {
		return 0, fmt.Errorf("matter: memory store: put overlay: %w: nil overlay", ErrInvalid)
	}
	if strings.TrimSpace(o.Matter) == "" {
		return 0, fmt.Errorf("matter: memory store: put overlay: %w: no matter code", ErrInvalid)
	}
	if d, err := division.Parse(string(o.Division)); err != nil || d != o.Division {
		return 0, fmt.Errorf("matter: memory store: put overlay of matter %q: %w: division %q is not a valid code", o.Matter, ErrInvalid, o.Division)
	}
	c := copyOverlay(o)
	k := memOverlayKey{c.Matter, c.Division}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	cur := 0
	if old := s.overlays[k]; old != nil {
		cur = old.Version
	}
	if expect != cur {
		return 0, memConflict("overlay", c.Matter+"@"+string(c.Division), expect, cur)
	}
	c.Version = cur + 1
	s.overlays[k] = c
	return c.Version, nil
}

// ListOverlays implements Store.
func (s *MemoryStore) ListOverlays(ctx context.Context, d division.Code) iter.Seq2[*Overlay, error] {
	return memListing(ctx, copyOverlay, func() ([]*Overlay, error) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		var out []*Overlay
		for k, o := range s.overlays {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if d == "" || d.Contains(k.division) {
				out = append(out, o)
			}
		}
		slices.SortFunc(out, func(a, b *Overlay) int {
			return cmp.Or(strings.Compare(a.Matter, b.Matter), strings.Compare(string(a.Division), string(b.Division)))
		})
		return out, nil
	})
}

// CreateApplication implements Store.
func (s *MemoryStore) CreateApplication(ctx context.Context, a *Application) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if a == nil {
		return 0, fmt.Errorf("matter: memory store: create application: %w: nil application", ErrInvalid)
	}
	if err := a.Validate(); err != nil {
		return 0, fmt.Errorf("matter: memory store: create application %s: %w", a.ID, err)
	}
	c := a.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if old := s.applications[c.ID]; old != nil {
		if sameApplication(old, c) {
			return old.Version, nil
		}
		return 0, fmt.Errorf("matter: memory store: create application %s: %w: a different application with this id exists (version %d)", c.ID, ErrConflict, old.Version)
	}
	c.Version = 1
	s.applications[c.ID] = c
	return c.Version, nil
}

// GetApplication implements Store.
func (s *MemoryStore) GetApplication(ctx context.Context, id uuid.UUID) (*Application, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	a := s.applications[id]
	s.mu.RUnlock()
	if a == nil {
		return nil, fmt.Errorf("matter: memory store: application %s: %w", id, ErrNotFound)
	}
	return a.Clone(), nil
}

// UpdateApplication implements Store.
func (s *MemoryStore) UpdateApplication(ctx context.Context, a *Application, expect int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if a == nil {
		return 0, fmt.Errorf("matter: memory store: update application: %w: nil application", ErrInvalid)
	}
	if err := a.Validate(); err != nil {
		return 0, fmt.Errorf("matter: memory store: update application %s: %w", a.ID, err)
	}
	c := a.Clone()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	old := s.applications[c.ID]
	if old == nil {
		return 0, fmt.Errorf("matter: memory store: update application %s: %w", c.ID, ErrNotFound)
	}
	if expect != old.Version {
		return 0, memConflict("application", c.ID.String(), expect, old.Version)
	}
	c.Version = old.Version + 1
	s.applications[c.ID] = c
	return c.Version, nil
}

// ListApplications implements Store.
func (s *MemoryStore) ListApplications(ctx context.Context, f ApplicationFilter) iter.Seq2[*Application, error] {
	return memListing(ctx, (*Application).Clone, func() ([]*Application, error) {
		s.mu.RLock()
		defer s.mu.RUnlock()
		var out []*Application
		for _, a := range s.applications {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if f.Match(a) {
				out = append(out, a)
			}
		}
		slices.SortFunc(out, func(a, b *Application) int {
			return cmp.Or(a.SubmittedAt.Compare(b.SubmittedAt), bytes.Compare(a.ID[:], b.ID[:]))
		})
		return out, nil
	})
}

// memListing returns an iterator that takes a snapshot of stored (immutable)
// values when iteration starts, then yields a copy of each outside the
// store's lock, checking ctx before each. An error, ctx's included, is
// yielded once and ends the iteration.
func memListing[T any](ctx context.Context, clone func(T) T, snapshot func() ([]T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		if err := ctx.Err(); err != nil {
			yield(zero, err)
			return
		}
		vs, err := snapshot()
		if err != nil {
			yield(zero, err)
			return
		}
		for _, v := range vs {
			if err := ctx.Err(); err != nil {
				yield(zero, err)
				return
			}
			if !yield(clone(v), nil) {
				return
			}
		}
	}
}

// memConflict returns the error for a write that expected the wrong version.
func memConflict(what, key string, expect, cur int) error {
	switch {
	case expect == 0:
		return fmt.Errorf("matter: memory store: create %s %s: %w: it exists at version %d", what, key, ErrConflict, cur)
	case cur == 0:
		return fmt.Errorf("matter: memory store: update %s %s: %w: expected version %d, but it does not exist", what, key, ErrConflict, expect)
	default:
		return fmt.Errorf("matter: memory store: update %s %s: %w: expected version %d, current is %d", what, key, ErrConflict, expect, cur)
	}
}

// sameApplication reports whether a and b are the same application apart
// from Version: times are compared as instants (zone and monotonic clock
// reading ignored) and a nil slice equals an empty one. A store that round
// trips times through a database loses the monotonic reading and often the
// zone; neither makes a repeated create a different application.
func sameApplication(a, b *Application) bool {
	return reflect.DeepEqual(normalApplication(a), normalApplication(b))
}

// normalApplication returns a copy of a in the canonical form that
// sameApplication compares.
func normalApplication(a *Application) *Application {
	c := a.Clone()
	c.Version = 0
	c.SubmittedAt = utcInstant(c.SubmittedAt)
	if len(c.Parts) == 0 {
		c.Parts = nil
	}
	for i := range c.Parts {
		c.Parts[i].DecidedAt = utcInstant(c.Parts[i].DecidedAt)
		c.Parts[i].Due = Date{utcInstant(c.Parts[i].Due.t)}
	}
	if len(c.History) == 0 {
		c.History = nil
	}
	for i := range c.History {
		c.History[i].At = utcInstant(c.History[i].At)
	}
	if c.Selection != nil {
		if len(c.Selection.Steps) == 0 {
			c.Selection.Steps = nil
		}
		for i, st := range c.Selection.Steps {
			if len(st) == 0 {
				c.Selection.Steps[i] = nil
			}
		}
	}
	return c
}

// utcInstant returns t in UTC without its monotonic clock reading, so that
// reflect.DeepEqual compares instants.
func utcInstant(t time.Time) time.Time { return t.UTC().Round(0) }
