package evaluationtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

func listOrder(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(4, 8, 9, 0), at(4, 8, 10, 30), at(4, 8, 10, 30), at(4, 8, 10, 30), at(4, 9, 8, 0))
	if err != nil {
		return err
	}
	// Three records share a time: their order is by ID in byte order,
	// whatever order they were added in.
	tied := vs[1:4]
	slices.SortFunc(tied, func(a, b any) int { ia, ib := k.id(a), k.id(b); return bytes.Compare(ia[:], ib[:]) })
	want := slices.Clone(vs)
	added := []any{vs[4], vs[3], vs[0], vs[1], vs[2]}
	if err := k.addAll(ctx, s, added...); err != nil {
		return err
	}
	return k.wantListed(ctx, s, evaluation.Month(2026, 4), "", vs, want, nil)
}

func listPeriod(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit,
		time.Date(2026, 4, 30, 23, 59, 59, 0, matter.CST),
		time.Date(2026, 5, 1, 0, 0, 0, 0, matter.CST),
		time.Date(2026, 5, 31, 23, 59, 59, 0, matter.CST),
		time.Date(2026, 6, 1, 0, 0, 0, 0, matter.CST),
	)
	if err != nil {
		return err
	}
	if err := k.addAll(ctx, s, vs...); err != nil {
		return err
	}
	may := evaluation.Month(2026, 5)
	// The same bounds in UTC: instants, not wall clocks, count.
	mayUTC := evaluation.Period{From: may.From.UTC(), To: may.To.UTC()}
	return errors.Join(
		k.wantListed(ctx, s, may, laiwu, vs, vs[1:3], nil),
		k.wantListed(ctx, s, mayUTC, laiwu, vs, vs[1:3], nil),
		k.wantListed(ctx, s, evaluation.Period{From: may.From}, laiwu, vs, vs[1:], nil),
		k.wantListed(ctx, s, evaluation.Period{To: may.To}, laiwu, vs, vs[:3], nil),
	)
}

func listDivision(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	t := at(5, 12, 9, 0)
	inLaiwu, err := k.makeAt(laiwu, f.unit, t)
	if err != nil {
		return err
	}
	inGangcheng, err := k.makeAt(gangche, f.other, t.Add(time.Minute))
	if err != nil {
		return err
	}
	inQingdao, err := k.makeAt(qingdao, f.other, t.Add(2*time.Minute))
	if err != nil {
		return err
	}
	all := []any{inLaiwu[0], inGangcheng[0], inQingdao[0]}
	if err := k.addAll(ctx, s, all...); err != nil {
		return err
	}
	day := evaluation.Period{From: at(5, 12, 0, 0), To: at(5, 13, 0, 0)}
	return errors.Join(
		k.wantListed(ctx, s, day, jinan, all, all[:2], nil),
		k.wantListed(ctx, s, day, laiwu, all, all[:1], nil),
		k.wantListed(ctx, s, day, qingdao, all, all[2:], nil),
		k.wantListed(ctx, s, day, heze, all, nil, nil),
		k.wantListed(ctx, s, day, "", all, all, nil),
		k.wantListed(ctx, s, evaluation.Period{}, "", all, all, nil),
	)
}

func listVersions(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(6, 1, 9, 0), at(6, 1, 9, 1))
	if err != nil {
		return err
	}
	if err := k.addAll(ctx, s, vs...); err != nil {
		return err
	}
	cur := vs[1]
	for v := 1; v <= 2; v++ {
		cur = k.clone(cur)
		k.bump(cur)
		got, err := k.update(ctx, s, cur, v)
		if err := wantVersion(fmt.Sprintf("Update(%s, expect %d)", k.id(cur), v), got, err, v+1); err != nil {
			return err
		}
	}
	return k.wantListed(ctx, s, evaluation.Month(2026, 6), laiwu, vs, []any{vs[0], cur}, []int{1, 3})
}

func listStopEarly(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(6, 2, 9, 0), at(6, 2, 9, 1), at(6, 2, 9, 2))
	if err != nil {
		return err
	}
	if err := k.addAll(ctx, s, vs...); err != nil {
		return err
	}
	n := 0
	for _, err := range k.list(ctx, s, evaluation.Period{From: at(6, 2, 0, 0), To: at(6, 3, 0, 0)}, laiwu) {
		if err != nil {
			return fmt.Errorf("List: %w", err)
		}
		n++
		break
	}
	if n != 1 {
		return fmt.Errorf("List: the loop body ran %d times after a break", n)
	}
	more, err := k.makeAt(laiwu, f.unit, at(6, 2, 9, 3))
	if err != nil {
		return err
	}
	return within("Add after breaking out of a listing", func() error {
		if err := k.addAll(ctx, s, more...); err != nil {
			return err
		}
		return k.wantStored(ctx, s, more[0], 1)
	})
}

func listWriteInLoop(ctx context.Context, s evaluation.Store, k kind) error {
	f := newFixture()
	vs, err := k.makeAt(laiwu, f.unit, at(6, 3, 9, 0), at(6, 3, 9, 1), at(6, 3, 9, 2))
	if err != nil {
		return err
	}
	if err := k.addAll(ctx, s, vs...); err != nil {
		return err
	}
	mine := map[any]bool{}
	for _, v := range vs {
		mine[k.id(v)] = true
	}
	var updated []any
	err = within("writing inside a listing", func() error {
		for v, err := range k.list(ctx, s, evaluation.Period{From: at(6, 3, 0, 0), To: at(6, 4, 0, 0)}, laiwu) {
			if err != nil {
				return fmt.Errorf("List: %w", err)
			}
			if !mine[k.id(v)] {
				continue
			}
			k.bump(v)
			got, err := k.update(ctx, s, v, k.version(v))
			if err := wantVersion(fmt.Sprintf("Update(%s) inside the listing", k.id(v)), got, err, 2); err != nil {
				return err
			}
			more, err := k.makeAt(laiwu, f.unit, at(6, 3, 12, 0))
			if err != nil {
				return err
			}
			if err := k.addAll(ctx, s, more...); err != nil {
				return fmt.Errorf("inside the listing: %w", err)
			}
			updated = append(updated, v)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(updated) != len(vs) {
		return fmt.Errorf("List: yielded %d of the %d records while the loop wrote", len(updated), len(vs))
	}
	var errs []error
	for _, v := range updated {
		errs = append(errs, k.wantStored(ctx, s, v, 2))
	}
	return errors.Join(errs...)
}
