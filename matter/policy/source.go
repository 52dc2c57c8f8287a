package policy

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sync"

	"github.com/onething-gov/onething/standards/creditcode"
)

// ProfileSource is where enterprise profiles come from: a register of
// market regulation (市场监管), tax (税务) or HRSS (人社) data, or a city's
// enterprise database that already merges them. Implementations must be
// safe for concurrent use.
type ProfileSource interface {
	// Profile returns the profile of the enterprise with the credit code,
	// or an error wrapping ErrNotFound when the source knows nothing of it.
	// The context bounds any I/O.
	Profile(ctx context.Context, code creditcode.Code) (*Profile, error)
	// Profiles lists every profile the source holds, each once, in a stable
	// order. An error ends the listing: it is yielded (with a nil profile)
	// and nothing follows. When ctx is done the listing yields ctx.Err()
	// and stops. Callers must not modify the profiles yielded.
	Profiles(ctx context.Context) iter.Seq2[*Profile, error]
}

// MemorySource is a ProfileSource held in memory, the reference
// implementation. Profiles are listed in credit-code order.
type MemorySource struct {
	mu    sync.RWMutex
	byKey map[creditcode.Code]*Profile
	order []creditcode.Code
}

var _ ProfileSource = (*MemorySource)(nil)

// NewMemorySource returns a source holding the profiles; a later profile
// with the same code replaces an earlier one.
func NewMemorySource(ps ...*Profile) *MemorySource {
	s := &MemorySource{byKey: map[creditcode.Code]*Profile{}}
	for _, p := range ps {
		s.Put(p)
	}
	return s
}

// Put adds or replaces a profile.
func (s *MemorySource) Put(p *Profile) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.byKey[p.Code]; !ok {
		i, _ := slices.BinarySearch(s.order, p.Code)
		s.order = slices.Insert(s.order, i, p.Code)
	}
	s.byKey[p.Code] = p
}

// Profile implements ProfileSource.
func (s *MemorySource) Profile(ctx context.Context, code creditcode.Code) (*Profile, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.byKey[code]
	if !ok {
		return nil, fmt.Errorf("%w: profile %s", ErrNotFound, code)
	}
	return p, nil
}

// Profiles implements ProfileSource.
func (s *MemorySource) Profiles(ctx context.Context) iter.Seq2[*Profile, error] {
	return func(yield func(*Profile, error) bool) {
		s.mu.RLock()
		order := slices.Clone(s.order)
		s.mu.RUnlock()
		for _, c := range order {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			s.mu.RLock()
			p, ok := s.byKey[c]
			s.mu.RUnlock()
			if ok && !yield(p, nil) {
				return
			}
		}
	}
}

// Merge combines partial profiles of one enterprise, such as the market
// regulation, tax and HRSS views, into one new profile. An attribute known
// to one source is taken from it; tags are united; series are merged point
// by point. When two sources disagree on a value, the earlier source wins
// and the error, wrapping ErrConflict, names every disagreement; the merged
// profile is returned all the same. Profiles of different codes or
// registries are an error wrapping ErrInvalid and give nil.
func Merge(ps ...*Profile) (*Profile, error) {
	if len(ps) == 0 {
		return nil, fmt.Errorf("%w: nothing to merge", ErrInvalid)
	}
	out := ps[0].Clone()
	var conflicts problems
	for _, q := range ps[1:] {
		if q.reg != out.reg || q.Code != out.Code {
			return nil, fmt.Errorf("%w: cannot merge %s into %s: different enterprise or registry", ErrInvalid, q.Code, out.Code)
		}
		out.Name = cmp.Or(out.Name, q.Name)
		if out.Account == (Account{}) {
			out.Account = q.Account
		}
		for i := range q.tags {
			out.tags[i] |= q.tags[i]
		}
		for i, a := range out.reg.attrs {
			if !q.isKnown(i) {
				continue
			}
			s := out.reg.slot[i]
			if a.Type.store() == storeSeries {
				for _, pt := range q.series[s] {
					k, found := slices.BinarySearchFunc(out.series[s], pt.key, func(x point, k int32) int { return int(x.key - k) })
					if found && out.series[s][k].v.cmp(pt.v) != 0 {
						conflicts.add("", "/attributes/"+a.Name+"/"+seriesKey(a.Type, pt.key), "%s: %s ≠ %s", q.Code, out.series[s][k].v, pt.v)
					} else if !found {
						out.setPoint(i, pt.key, pt.v)
					}
				}
				continue
			}
			if !out.isKnown(i) {
				switch a.Type.store() {
				case storeNum:
					out.nums[s] = q.nums[s]
				case storeStr:
					out.strs[s] = q.strs[s]
				default:
					out.ints[s] = q.ints[s]
				}
				out.setKnown(i)
				continue
			}
			ov, _ := out.Value(a.Name)
			qv, _ := q.Value(a.Name)
			if ov != qv {
				conflicts.add("", "/attributes/"+a.Name, "%s: %s ≠ %s", q.Code, ov, qv)
			}
		}
	}
	return out, conflicts.err(ErrConflict)
}

// MultiSource is a ProfileSource that merges several: Profile asks every
// source and merges what they know (ErrNotFound from one source just means
// it has nothing); Profiles lists the first (primary) source, such as the
// market-regulation register of every enterprise, and completes each
// profile from the others. Disagreements are resolved in source order and
// are not errors; use Merge directly to see them.
type MultiSource []ProfileSource

var _ ProfileSource = MultiSource(nil)

// Profile implements ProfileSource.
func (m MultiSource) Profile(ctx context.Context, code creditcode.Code) (*Profile, error) {
	var parts []*Profile
	for _, s := range m {
		p, err := s.Profile(ctx, code)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("%w: profile %s", ErrNotFound, code)
	}
	return m.merge(parts)
}

func (m MultiSource) merge(parts []*Profile) (*Profile, error) {
	p, err := Merge(parts...)
	if errors.Is(err, ErrConflict) {
		err = nil
	}
	return p, err
}

// Profiles implements ProfileSource.
func (m MultiSource) Profiles(ctx context.Context) iter.Seq2[*Profile, error] {
	return func(yield func(*Profile, error) bool) {
		if len(m) == 0 {
			return
		}
		for p, err := range m[0].Profiles(ctx) {
			if err != nil {
				yield(nil, err)
				return
			}
			parts := []*Profile{p}
			for _, s := range m[1:] {
				q, err := s.Profile(ctx, p.Code)
				if errors.Is(err, ErrNotFound) {
					continue
				}
				if err != nil {
					yield(nil, err)
					return
				}
				parts = append(parts, q)
			}
			merged, err := m.merge(parts)
			if !yield(merged, err) || err != nil {
				return
			}
		}
	}
}
