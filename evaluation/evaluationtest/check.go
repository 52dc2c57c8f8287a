package evaluationtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// lockWait is how long the kit waits for a store that may be left locked.
const lockWait = 10 * time.Second

// wantErr reports a problem unless err wraps target.
func wantErr(op string, err, target error) error {
	switch {
	case err == nil:
		return fmt.Errorf("%s: no error, want one wrapping %q", op, target)
	case !errors.Is(err, target):
		return fmt.Errorf("%s: error %q does not wrap %q", op, err, target)
	}
	return nil
}

// wantVersion reports a problem unless a write succeeded with version want.
func wantVersion(op string, got int, err error, want int) error {
	switch {
	case err != nil:
		return fmt.Errorf("%s: %w", op, err)
	case got != want:
		return fmt.Errorf("%s: version %d, want %d", op, got, want)
	}
	return nil
}

// collect gathers what seq yields up to and including the first error.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// make builds n records of kind k at the given times (the first time
// again if there are fewer), in division d for unit u.
func (k kind) makeAt(d division.Code, u matter.Department, times ...time.Time) ([]any, error) {
	var out []any
	for _, t := range times {
		v, err := k.make(t, d, u)
		if err != nil {
			return nil, fmt.Errorf("making a %s fixture: %w", k.name, err)
		}
		out = append(out, v)
	}
	return out, nil
}

// addAll adds records, expecting version 1 for each.
func (k kind) addAll(ctx context.Context, s evaluation.Store, vs ...any) error {
	for _, v := range vs {
		got, err := k.add(ctx, s, v)
		if err := wantVersion(fmt.Sprintf("Add(%s)", k.id(v)), got, err, 1); err != nil {
			return err
		}
	}
	return nil
}

// seed makes and adds one record keyed at t.
func (k kind) seed(ctx context.Context, s evaluation.Store, f *fixture, t time.Time) (any, error) {
	vs, err := k.makeAt(laiwu, f.unit, t)
	if err != nil {
		return nil, err
	}
	return vs[0], k.addAll(ctx, s, vs[0])
}

// wantStored reports a problem unless Get returns a record equal to want
// at version v.
func (k kind) wantStored(ctx context.Context, s evaluation.Store, want any, v int) error {
	op := fmt.Sprintf("Get(%s)", k.id(want))
	got, err := k.get(ctx, s, k.id(want))
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return k.same(op, want, got, v)
}

// same reports a problem unless got equals want (by the record's Equal)
// and has version v.
func (k kind) same(op string, want, got any, v int) error {
	if got == nil || got == k.nilRecord {
		return fmt.Errorf("%s: nil record", op)
	}
	if !k.equal(want, got) {
		w, _ := json.Marshal(want)
		g, _ := json.Marshal(got)
		return fmt.Errorf("%s: got %s, want %s", op, g, w)
	}
	if gv := k.version(got); gv != v {
		return fmt.Errorf("%s: Version %d, want %d", op, gv, v)
	}
	return nil
}

// wantListed lists with the period and division and reports a problem
// unless everything listed passes the filter, in the documented order, and
// the records of ours listed are want, in that order, equal to them and at
// the versions given (1 if versions is nil).
func (k kind) wantListed(ctx context.Context, s evaluation.Store, p evaluation.Period, d division.Code, ours, want []any, versions []int) error {
	op := fmt.Sprintf("List(period %s–%s, division %q)", stamp(p.From), stamp(p.To), d)
	all, err := collect(k.list(ctx, s, p, d))
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return k.checkListed(op, all, ours, want, versions, func(v any) bool { return k.match(p, d, v) })
}

// checkListed checks a listing already collected; see wantListed.
func (k kind) checkListed(op string, all, ours, want []any, versions []int, match func(any) bool) error {
	mine := map[uuid.UUID]bool{}
	for _, v := range ours {
		mine[k.id(v)] = true
	}
	var errs []error
	var got []any
	for i, v := range all {
		if v == nil || v == k.nilRecord {
			return fmt.Errorf("%s: item %d is nil", op, i)
		}
		if !match(v) {
			errs = append(errs, fmt.Errorf("%s: item %d (%s) does not pass the filter", op, i, k.id(v)))
		}
		if i > 0 && k.less(v, all[i-1]) {
			errs = append(errs, fmt.Errorf("%s: item %d (%s at %s) listed after %s at %s: want oldest first, ties by ID",
				op, i, k.id(v), stamp(k.key(v)), k.id(all[i-1]), stamp(k.key(all[i-1]))))
		}
		if mine[k.id(v)] {
			got = append(got, v)
		}
	}
	gotIDs, wantIDs := k.ids(got), k.ids(want)
	if !slices.Equal(gotIDs, wantIDs) {
		errs = append(errs, fmt.Errorf("%s: listed %v of the case's records, want %v", op, gotIDs, wantIDs))
		return errors.Join(errs...)
	}
	for i := range want {
		v := 1
		if versions != nil {
			v = versions[i]
		}
		errs = append(errs, k.same(fmt.Sprintf("%s item %s", op, k.id(want[i])), want[i], got[i], v))
	}
	return errors.Join(errs...)
}

// less reports whether a sorts before b in listings.
func (k kind) less(a, b any) bool {
	if c := k.key(a).Compare(k.key(b)); c != 0 {
		return c < 0
	}
	ia, ib := k.id(a), k.id(b)
	return bytes.Compare(ia[:], ib[:]) < 0
}

func (k kind) ids(vs []any) []uuid.UUID {
	out := make([]uuid.UUID, len(vs))
	for i, v := range vs {
		out[i] = k.id(v)
	}
	return out
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return "open"
	}
	return t.In(matter.CST).Format(time.DateTime)
}

// within runs f and reports an error if it does not return within
// lockWait: the store is then probably left locked.
func within(what string, f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(lockWait):
		return fmt.Errorf("%s: no answer within %s; is the store left locked?", what, lockWait)
	}
}
