package evaluationtest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
)

func addGet(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	return k.wantStored(ctx, s, v, 1)
}

func addIgnoresVersion(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	v := vs[0]
	k.bump(v) // any change; then the version
	k.setVersion(v, 7)
	if err := k.addAll(ctx, s, v); err != nil {
		return err
	}
	return k.wantStored(ctx, s, v, 1)
}

func addIdempotent(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	var errs []error
	for i, again := range []any{v, k.clone(v)} {
		got, err := k.add(ctx, s, again)
		errs = append(errs, wantVersion(fmt.Sprintf("Add(%s) again with an equal record (try %d)", k.id(v), i+1), got, err, 1))
	}
	// After an update, adding the current record again returns its version.
	cur := k.clone(v)
	k.change(cur)
	got, err := k.update(ctx, s, cur, 1)
	if err := wantVersion(fmt.Sprintf("Update(%s, expect 1)", k.id(v)), got, err, 2); err != nil {
		return err
	}
	got, err = k.add(ctx, s, cur)
	errs = append(errs, wantVersion(fmt.Sprintf("Add(%s) with a record equal to the updated one", k.id(v)), got, err, 2))
	errs = append(errs, k.wantStored(ctx, s, cur, 2))
	return errors.Join(errs...)
}

func addDifferent(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	var errs []error
	for what, edit := range map[string]func(any){"top-level field": k.change, "nested field": k.deep, "list": k.bump} {
		other := k.clone(v)
		edit(other)
		_, err := k.add(ctx, s, other)
		errs = append(errs, wantErr(fmt.Sprintf("Add(%s) again with another %s", k.id(v), what), err, evaluation.ErrConflict))
	}
	errs = append(errs, k.wantStored(ctx, s, v, 1))
	return errors.Join(errs...)
}

func addInvalid(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	k.setID(vs[0], uuid.Nil)
	_, err1 := k.add(ctx, s, k.nilRecord)
	_, err2 := k.add(ctx, s, vs[0])
	return errors.Join(
		wantErr("Add(nil)", err1, evaluation.ErrInvalid),
		wantErr("Add(record with a nil ID)", err2, evaluation.ErrInvalid),
	)
}

func getMissing(ctx context.Context, s evaluation.Store, k kind) error {
	id := newID()
	_, err := k.get(ctx, s, id)
	return wantErr(fmt.Sprintf("Get(%s)", id), err, evaluation.ErrNotFound)
}

func updateCurrent(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	var errs []error
	cur := v
	for want := 2; want <= 3; want++ {
		cur = k.clone(cur)
		k.bump(cur)
		got, err := k.update(ctx, s, cur, want-1)
		if err := wantVersion(fmt.Sprintf("Update(%s, expect %d)", k.id(v), want-1), got, err, want); err != nil {
			return err
		}
		errs = append(errs, k.wantStored(ctx, s, cur, want))
	}
	return errors.Join(errs...)
}

func updateStale(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	cur := k.clone(v)
	k.change(cur)
	if got, err := k.update(ctx, s, cur, 1); wantVersion("Update(expect 1)", got, err, 2) != nil {
		return wantVersion(fmt.Sprintf("Update(%s, expect 1)", k.id(v)), got, err, 2)
	}
	var errs []error
	for _, expect := range []int{0, 1, 3} {
		stale := k.clone(cur)
		k.bump(stale)
		_, err := k.update(ctx, s, stale, expect)
		errs = append(errs, wantErr(fmt.Sprintf("Update(%s, expect %d) at version 2", k.id(v), expect), err, evaluation.ErrConflict))
	}
	errs = append(errs, k.wantStored(ctx, s, cur, 2))
	return errors.Join(errs...)
}

func updateMissing(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	var errs []error
	for _, expect := range []int{0, 1} {
		_, err := k.update(ctx, s, vs[0], expect)
		errs = append(errs, wantErr(fmt.Sprintf("Update(%s, expect %d) never added", k.id(vs[0]), expect), err, evaluation.ErrNotFound))
	}
	_, err = k.get(ctx, s, k.id(vs[0]))
	errs = append(errs, wantErr(fmt.Sprintf("Get(%s) after a refused update", k.id(vs[0])), err, evaluation.ErrNotFound))
	return errors.Join(errs...)
}

func updateInvalid(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	noID := k.clone(v)
	k.setID(noID, uuid.Nil)
	_, err1 := k.update(ctx, s, k.nilRecord, 1)
	_, err2 := k.update(ctx, s, noID, 1)
	return errors.Join(
		wantErr("Update(nil, expect 1)", err1, evaluation.ErrInvalid),
		wantErr("Update(record with a nil ID, expect 1)", err2, evaluation.ErrInvalid),
		k.wantStored(ctx, s, v, 1),
	)
}

func copiesIn(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	v := vs[0]
	want := k.clone(v)
	if err := k.addAll(ctx, s, v); err != nil {
		return err
	}
	k.change(v)
	k.deep(v)
	k.bump(v)
	var errs []error
	errs = append(errs, k.wantStored(ctx, s, want, 1))

	upd := k.clone(want)
	k.change(upd)
	want2 := k.clone(upd)
	got, err := k.update(ctx, s, upd, 1)
	if err := wantVersion(fmt.Sprintf("Update(%s, expect 1)", k.id(v)), got, err, 2); err != nil {
		return err
	}
	k.deep(upd)
	k.bump(upd)
	errs = append(errs, k.wantStored(ctx, s, want2, 2))
	return errors.Join(errs...)
}

func copiesOut(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	// The record added stays the caller's too: compare with a copy.
	v = k.clone(v)
	got, err := k.get(ctx, s, k.id(v))
	if err != nil {
		return fmt.Errorf("Get(%s): %w", k.id(v), err)
	}
	k.change(got)
	k.deep(got)
	k.bump(got)
	var errs []error
	errs = append(errs, k.wantStored(ctx, s, v, 1))
	for item, err := range k.list(ctx, s, periodAround(k.key(v)), laiwu) {
		if err != nil {
			return fmt.Errorf("List: %w", err)
		}
		if k.id(item) == k.id(v) {
			k.change(item)
			k.deep(item)
			k.bump(item)
		}
	}
	errs = append(errs, k.wantStored(ctx, s, v, 1))
	return errors.Join(errs...)
}

// periodAround returns a one-second period starting at t.
func periodAround(t time.Time) evaluation.Period {
	return evaluation.Period{From: t, To: t.Add(time.Second)}
}
