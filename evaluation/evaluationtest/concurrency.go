package evaluationtest

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/onething-gov/onething/evaluation"
)

const writers = 8

func concurrentConflict(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(9, 7, 9, 0))
	if err != nil {
		return err
	}
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		w := k.clone(v)
		for range i + 1 {
			k.bump(w)
		}
		wg.Go(func() { _, errs[i] = k.update(ctx, s, w, 1) })
	}
	wg.Wait()
	won := -1
	var problems []error
	for i, err := range errs {
		switch {
		case err == nil && won >= 0:
			problems = append(problems, fmt.Errorf("concurrent Update(expect 1): writers %d and %d both succeeded", won, i))
		case err == nil:
			won = i
		case !errors.Is(err, evaluation.ErrConflict):
			problems = append(problems, fmt.Errorf("concurrent Update(expect 1), writer %d: error %q does not wrap %q", i, err, evaluation.ErrConflict))
		}
	}
	if won < 0 {
		return errors.Join(append(problems, errors.New("concurrent Update(expect 1): no writer succeeded"))...)
	}
	got, err := k.get(ctx, s, k.id(v))
	if err != nil {
		return fmt.Errorf("Get(%s): %w", k.id(v), err)
	}
	if want := k.count(v) + won + 1; k.count(got) != want || k.version(got) != 2 {
		problems = append(problems, fmt.Errorf("after concurrent updates: count %d at version %d, want the winner's %d at version 2", k.count(got), k.version(got), want))
	}
	return errors.Join(problems...)
}

func concurrentIncrement(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(9, 8, 9, 0))
	if err != nil {
		return err
	}
	const each = 5
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			for n := 0; n < each; {
				cur, err := k.get(ctx, s, k.id(v))
				if err != nil {
					errs[i] = fmt.Errorf("Get: %w", err)
					return
				}
				k.bump(cur)
				_, err = k.update(ctx, s, cur, k.version(cur))
				switch {
				case err == nil:
					n++
				case !errors.Is(err, evaluation.ErrConflict):
					errs[i] = fmt.Errorf("Update: %w", err)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	got, err := k.get(ctx, s, k.id(v))
	if err != nil {
		return fmt.Errorf("Get(%s): %w", k.id(v), err)
	}
	if want := k.count(v) + writers*each; k.count(got) != want || k.version(got) != 1+writers*each {
		return fmt.Errorf("after %d increments with retry: count %d at version %d, want %d at version %d",
			writers*each, k.count(got), k.version(got), want, 1+writers*each)
	}
	return nil
}

func concurrentAdd(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(9, 9, 9, 0))
	if err != nil {
		return err
	}
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for i := range writers {
		c := k.clone(vs[0])
		wg.Go(func() {
			got, err := k.add(ctx, s, c)
			errs[i] = wantVersion(fmt.Sprintf("concurrent Add(%s), writer %d", k.id(c), i), got, err, 1)
		})
	}
	wg.Wait()
	return errors.Join(append(errs, k.wantStored(ctx, s, vs[0], 1))...)
}
