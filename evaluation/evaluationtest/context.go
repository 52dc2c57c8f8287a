package evaluationtest

import (
	"context"
	"errors"
	"fmt"

	"github.com/onething-gov/onething/evaluation"
)

func contextCancelled(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	v, err := k.seed(ctx, s, f, at(8, 3, 9, 0))
	if err != nil {
		return err
	}
	fresh, err := k.makeAt(laiwu, f.unit, at(8, 3, 9, 1))
	if err != nil {
		return err
	}
	done, cancel := context.WithCancel(ctx)
	cancel()

	var errs []error
	_, err = k.add(done, s, fresh[0])
	errs = append(errs, wantErr("Add with ctx done", err, context.Canceled))
	_, err = k.get(ctx, s, k.id(fresh[0]))
	errs = append(errs, wantErr("Get after an Add with ctx done", err, evaluation.ErrNotFound))

	_, err = k.get(done, s, k.id(v))
	errs = append(errs, wantErr("Get with ctx done", err, context.Canceled))

	changed := k.clone(v)
	k.change(changed)
	_, err = k.update(done, s, changed, 1)
	errs = append(errs, wantErr("Update with ctx done", err, context.Canceled))
	errs = append(errs, k.wantStored(ctx, s, v, 1))

	n := 0
	var listErr error
	for item, err := range k.list(done, s, evaluation.Period{}, laiwu) {
		n++
		if err != nil {
			listErr = err
			break
		}
		_ = item
		if n > 1 {
			break
		}
	}
	switch {
	case listErr == nil:
		errs = append(errs, fmt.Errorf("List with ctx done: yielded %d records and no error", n))
	case n != 1:
		errs = append(errs, fmt.Errorf("List with ctx done: yielded %d records before the error", n-1))
	default:
		errs = append(errs, wantErr("List with ctx done", listErr, context.Canceled))
	}
	return errors.Join(errs...)
}

func contextMidListing(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(8, 4, 9, 0), at(8, 4, 9, 1), at(8, 4, 9, 2))
	if err != nil {
		return err
	}
	if err := k.addAll(ctx, s, vs...); err != nil {
		return err
	}
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items, errCount, afterErr := 0, 0, 0
	var firstErr error
	err = within("a listing cancelled midway", func() error {
		for _, err := range k.list(lctx, s, evaluation.Period{From: at(8, 4, 0, 0), To: at(8, 5, 0, 0)}, laiwu) {
			switch {
			case err != nil:
				errCount++
				if firstErr == nil {
					firstErr = err
				}
			case errCount > 0:
				afterErr++
			default:
				items++
				cancel()
			}
			if items+errCount+afterErr > 10 {
				break
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	switch {
	case items != 1:
		return fmt.Errorf("List: yielded %d records, want 1 before the cancellation shows", items)
	case errCount != 1 || afterErr != 0:
		return fmt.Errorf("List after cancel: yielded %d errors and %d records after the first error, want one error and then nothing", errCount, afterErr)
	}
	return wantErr("List after cancel", firstErr, context.Canceled)
}
