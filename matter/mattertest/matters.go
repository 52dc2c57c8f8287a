package mattertest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/onething-gov/onething/matter"
)

// create stores new matters, expecting version 1 for each.
func create(ctx context.Context, s matter.Store, ms ...*matter.Matter) error {
	for _, m := range ms {
		v, err := s.PutMatter(ctx, m, 0)
		if err := wantVersion(fmt.Sprintf("PutMatter(%s, expect 0)", m.Code), v, err, 1); err != nil {
			return err
		}
	}
	return nil
}

// stored returns want as the store should hold it: at version v.
func stored(want *matter.Matter, v int) *matter.Matter {
	c := want.Clone()
	c.Version = v
	return c
}

// wantMatter reports a problem unless the store's current version of
// want.Code equals want.
func wantMatter(ctx context.Context, s matter.Store, want *matter.Matter) error {
	got, err := s.GetMatter(ctx, want.Code)
	if err != nil {
		return fmt.Errorf("GetMatter(%s): %w", want.Code, err)
	}
	return same(fmt.Sprintf("GetMatter(%s)", want.Code), want, got, nil)
}

// wantHistory reports a problem unless the history of code is want.
func wantHistory(ctx context.Context, s matter.Store, code string, want ...*matter.Matter) error {
	got, err := collect(s.MatterHistory(ctx, code))
	if err != nil {
		return fmt.Errorf("MatterHistory(%s): %w", code, err)
	}
	if len(got) != len(want) {
		return fmt.Errorf("MatterHistory(%s): %d versions, want %d", code, len(got), len(want))
	}
	var errs []error
	for i := range want {
		errs = append(errs, same(fmt.Sprintf("MatterHistory(%s) item %d", code, i), want[i], got[i], nil))
	}
	return errors.Join(errs...)
}

// wantList reports a problem unless ListMatters(f + the case's tag) yields
// the codes want, in that order.
func (fx *fixtures) wantList(ctx context.Context, s matter.Store, f matter.MatterFilter, want ...string) error {
	f.Tag = fx.tag
	op := listMattersOp(f)
	got, err := collect(s.ListMatters(ctx, f))
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if cs := codes(got); !slices.Equal(cs, want) {
		return fmt.Errorf("%s: codes %q, want %q", op, cs, want)
	}
	return nil
}

func matterCreateGet(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	m := f.unemployment(f.code(1), jinanHRSS)
	if err := create(ctx, s, m); err != nil {
		return err
	}
	return wantMatter(ctx, s, stored(m, 1))
}

func matterGetMissing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	_, err := s.GetMatter(ctx, f.code(1))
	return wantErr(fmt.Sprintf("GetMatter(%s) of a code never stored", f.code(1)), err, matter.ErrNotFound)
}

func matterCreateExisting(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	m := f.unemployment(f.code(1), jinanHRSS)
	if err := create(ctx, s, m); err != nil {
		return err
	}
	again := f.unemployment(f.code(1), qingdaoHRSS)
	_, err := s.PutMatter(ctx, again, 0)
	return errors.Join(
		wantErr(fmt.Sprintf("PutMatter(%s, expect 0) of an existing matter", m.Code), err, matter.ErrConflict),
		wantMatter(ctx, s, stored(m, 1)),
		wantHistory(ctx, s, m.Code, stored(m, 1)),
	)
}

func matterUpdateMissing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	m := f.unemployment(f.code(1), jinanHRSS)
	_, err := s.PutMatter(ctx, m, 1)
	_, gerr := s.GetMatter(ctx, m.Code)
	return errors.Join(
		wantErr(fmt.Sprintf("PutMatter(%s, expect 1) of a matter never stored", m.Code), err, matter.ErrConflict),
		wantErr(fmt.Sprintf("GetMatter(%s) after a refused update", m.Code), gerr, matter.ErrNotFound),
	)
}

func matterUpdateStale(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	v1 := f.unemployment(f.code(1), jinanHRSS)
	if err := create(ctx, s, v1); err != nil {
		return err
	}
	v2 := v1.Clone()
	v2.PromisedLimit = matter.TimeLimit{Value: 2}
	v, err := s.PutMatter(ctx, v2, 1)
	if err := wantVersion(fmt.Sprintf("PutMatter(%s, expect 1)", v1.Code), v, err, 2); err != nil {
		return err
	}
	stale := v1.Clone()
	stale.Contacts.Consult = "0531-12333"
	_, err = s.PutMatter(ctx, stale, 1)
	_, ferr := s.PutMatter(ctx, stale, 3)
	return errors.Join(
		wantErr(fmt.Sprintf("PutMatter(%s, expect 1) when version 2 is current", v1.Code), err, matter.ErrConflict),
		wantErr(fmt.Sprintf("PutMatter(%s, expect 3) when version 2 is current", v1.Code), ferr, matter.ErrConflict),
		wantMatter(ctx, s, stored(v2, 2)),
		wantHistory(ctx, s, v1.Code, stored(v1, 1), stored(v2, 2)),
	)
}

func matterUpdateCurrent(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	m := f.employmentCard(f.code(1), laiwuHRSS)
	if err := create(ctx, s, m); err != nil {
		return err
	}
	for want := 2; want <= 3; want++ {
		m = m.Clone()
		m.Contacts.Consult = fmt.Sprintf("0531-7621%04d", want)
		v, err := s.PutMatter(ctx, m, want-1)
		if err := wantVersion(fmt.Sprintf("PutMatter(%s, expect %d)", m.Code, want-1), v, err, want); err != nil {
			return err
		}
		if err := wantMatter(ctx, s, stored(m, want)); err != nil {
			return err
		}
	}
	return nil
}

func matterInvalid(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	bad := f.employmentCard(f.code(1), laiwuHRSS)
	bad.OnSiteReason = "" // one visit needs a reason
	if bad.Validate() == nil {
		return errors.New("fixture: the invalid matter passes Validate")
	}
	_, err := s.PutMatter(ctx, bad, 0)
	_, gerr := s.GetMatter(ctx, bad.Code)
	errs := []error{
		wantErr(fmt.Sprintf("PutMatter(%s, expect 0) of a matter with a visit and no on-site reason", bad.Code), err, matter.ErrInvalid),
		wantErr(fmt.Sprintf("GetMatter(%s) after a refused create", bad.Code), gerr, matter.ErrNotFound),
	}

	good := f.employmentCard(f.code(2), laiwuHRSS)
	if err := create(ctx, s, good); err != nil {
		return errors.Join(append(errs, err)...)
	}
	worse := good.Clone()
	worse.Code = worse.Code[:11] // 11 characters: a different, invalid code
	worse.Name = ""
	_, err = s.PutMatter(ctx, worse, 1)
	errs = append(errs, wantErr("PutMatter of a matter with an 11-character code and no name", err, matter.ErrInvalid))
	noReason := good.Clone()
	noReason.OnSiteReason = ""
	_, err = s.PutMatter(ctx, noReason, 1)
	errs = append(errs,
		wantErr(fmt.Sprintf("PutMatter(%s, expect 1) of an update that fails Validate", good.Code), err, matter.ErrInvalid),
		wantMatter(ctx, s, stored(good, 1)),
	)
	return errors.Join(errs...)
}

func matterHistory(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	v1 := f.unemployment(f.code(1), jinanHRSS)
	if err := create(ctx, s, v1); err != nil {
		return err
	}
	v2 := v1.Clone()
	v2.PromisedLimit = matter.TimeLimit{Value: 2}
	v3 := v2.Clone()
	v3.Materials = v3.Materials[:1]
	v3.Tags = append(v3.Tags, "免申即享")
	for i, m := range []*matter.Matter{v2, v3} {
		v, err := s.PutMatter(ctx, m, i+1)
		if err := wantVersion(fmt.Sprintf("PutMatter(%s, expect %d)", m.Code, i+1), v, err, i+2); err != nil {
			return err
		}
	}
	return wantHistory(ctx, s, v1.Code, stored(v1, 1), stored(v2, 2), stored(v3, 3))
}

func matterHistoryMissing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	got, err := collect(s.MatterHistory(ctx, f.code(1)))
	if len(got) > 0 {
		return fmt.Errorf("MatterHistory(%s) of a code never stored yields %d versions", f.code(1), len(got))
	}
	return wantErr(fmt.Sprintf("MatterHistory(%s) of a code never stored", f.code(1)), err, matter.ErrNotFound)
}

func matterRetire(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	v1 := f.unemployment(f.code(1), jinanHRSS)
	other := f.registration(f.code(2), jinanHRSS)
	if err := create(ctx, s, v1, other); err != nil {
		return err
	}
	v2 := v1.Clone()
	v2.PromisedLimit = matter.TimeLimit{Value: 2}
	v, err := s.PutMatter(ctx, v2, 1)
	if err := wantVersion(fmt.Sprintf("PutMatter(%s, expect 1)", v1.Code), v, err, 2); err != nil {
		return err
	}
	on := matter.DateOf(2026, time.July, 1)
	if err := s.RetireMatter(ctx, v1.Code, on, 2); err != nil {
		return fmt.Errorf("RetireMatter(%s, %s, expect 2): %w", v1.Code, on, err)
	}
	v3 := stored(v2, 3)
	v3.Expires = on
	_, gerr := s.GetMatter(ctx, v1.Code)
	return errors.Join(
		wantErr(fmt.Sprintf("GetMatter(%s) of a retired matter", v1.Code), gerr, matter.ErrNotFound),
		f.wantList(ctx, s, matter.MatterFilter{}, other.Code),
		f.wantList(ctx, s, matter.MatterFilter{Kind: matter.Benefit}),
		wantHistory(ctx, s, v1.Code, stored(v1, 1), stored(v2, 2), v3),
		wantErr(fmt.Sprintf("RetireMatter(%s, expect 3) of a retired matter", v1.Code),
			s.RetireMatter(ctx, v1.Code, on, 3), matter.ErrNotFound),
	)
}

func matterRetireStale(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	v1 := f.unemployment(f.code(1), jinanHRSS)
	if err := create(ctx, s, v1); err != nil {
		return err
	}
	v2 := v1.Clone()
	v2.PromisedLimit = matter.TimeLimit{Value: 2}
	v, err := s.PutMatter(ctx, v2, 1)
	if err := wantVersion(fmt.Sprintf("PutMatter(%s, expect 1)", v1.Code), v, err, 2); err != nil {
		return err
	}
	on := matter.DateOf(2026, time.July, 1)
	return errors.Join(
		wantErr(fmt.Sprintf("RetireMatter(%s, expect 1) when version 2 is current", v1.Code),
			s.RetireMatter(ctx, v1.Code, on, 1), matter.ErrConflict),
		wantMatter(ctx, s, stored(v2, 2)),
		f.wantList(ctx, s, matter.MatterFilter{}, v1.Code),
		wantHistory(ctx, s, v1.Code, stored(v1, 1), stored(v2, 2)),
	)
}

func matterRetireMissing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	err := s.RetireMatter(ctx, f.code(1), matter.DateOf(2026, time.July, 1), 1)
	return wantErr(fmt.Sprintf("RetireMatter(%s) of a code never stored", f.code(1)), err, matter.ErrNotFound)
}

func matterListOrder(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	if err := create(ctx, s,
		f.registration(f.code(3), qingdaoHRSS),
		f.unemployment(f.code(1), jinanHRSS),
		f.employmentCard(f.code(12), hezeHRSS),
		f.unemployment(f.code(2), laiwuHRSS),
	); err != nil {
		return err
	}
	if err := f.wantList(ctx, s, matter.MatterFilter{}, f.code(1), f.code(2), f.code(3), f.code(12)); err != nil {
		return err
	}
	// Every listing is in code order, whatever else the store holds.
	all := matter.MatterFilter{Division: shandong}
	got, err := collect(s.ListMatters(ctx, all))
	if err != nil {
		return fmt.Errorf("%s: %w", listMattersOp(all), err)
	}
	if cs := codes(got); !slices.IsSorted(cs) {
		return fmt.Errorf("%s: codes not in order: %q", listMattersOp(all), cs)
	}
	if cs := codes(f.mine(got)); !slices.Equal(cs, []string{f.code(1), f.code(2), f.code(3), f.code(12)}) {
		return fmt.Errorf("%s: this case's codes are %q", listMattersOp(all), cs)
	}
	return nil
}

func matterListCurrent(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	m := f.unemployment(f.code(1), jinanHRSS)
	if err := create(ctx, s, m); err != nil {
		return err
	}
	m2 := m.Clone()
	m2.Name = "失业保险金申领（含失业补助金）"
	v, err := s.PutMatter(ctx, m2, 1)
	if err := wantVersion(fmt.Sprintf("PutMatter(%s, expect 1)", m.Code), v, err, 2); err != nil {
		return err
	}
	op := listMattersOp(matter.MatterFilter{Tag: f.tag})
	got, err := collect(s.ListMatters(ctx, matter.MatterFilter{Tag: f.tag}))
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if len(got) != 1 {
		return fmt.Errorf("%s: %d matters (%q), want the current version of %s only", op, len(got), codes(got), m.Code)
	}
	return same(op+" item", stored(m2, 2), got[0], nil)
}

func matterListDepartment(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	if err := create(ctx, s,
		f.unemployment(f.code(1), jinanHRSS),
		f.unemployment(f.code(2), qingdaoHRSS),
		f.registration(f.code(3), jinanHRSS),
		f.employmentCard(f.code(4), laiwuHRSS),
	); err != nil {
		return err
	}
	return errors.Join(
		f.wantList(ctx, s, matter.MatterFilter{Department: jinanHRSS.CreditCode.String()}, f.code(1), f.code(3)),
		f.wantList(ctx, s, matter.MatterFilter{Department: qingdaoHRSS.CreditCode.String()}, f.code(2)),
		f.wantList(ctx, s, matter.MatterFilter{Department: hezeHRSS.CreditCode.String()}),
	)
}

func matterListDivision(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	if err := create(ctx, s,
		f.unemployment(f.code(1), shandongHRSS),
		f.unemployment(f.code(2), jinanHRSS),
		f.employmentCard(f.code(3), laiwuHRSS),
		f.unemployment(f.code(4), qingdaoHRSS),
		f.registration(f.code(5), hezeHRSS),
	); err != nil {
		return err
	}
	return errors.Join(
		f.wantList(ctx, s, matter.MatterFilter{Division: shandong}, f.code(1), f.code(2), f.code(3), f.code(4), f.code(5)),
		f.wantList(ctx, s, matter.MatterFilter{Division: jinan}, f.code(2), f.code(3)),
		f.wantList(ctx, s, matter.MatterFilter{Division: laiwu}, f.code(3)),
		f.wantList(ctx, s, matter.MatterFilter{Division: heze}, f.code(5)),
		f.wantList(ctx, s, matter.MatterFilter{Division: mudan}),
		f.wantList(ctx, s, matter.MatterFilter{Division: jinan, Department: laiwuHRSS.CreditCode.String()}, f.code(3)),
	)
}

func matterListKind(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	if err := create(ctx, s,
		f.unemployment(f.code(1), jinanHRSS),
		f.registration(f.code(2), jinanHRSS),
		f.employmentCard(f.code(3), laiwuHRSS),
	); err != nil {
		return err
	}
	return errors.Join(
		f.wantList(ctx, s, matter.MatterFilter{Kind: matter.Benefit}, f.code(1)),
		f.wantList(ctx, s, matter.MatterFilter{Kind: matter.PublicService}, f.code(2), f.code(3)),
		f.wantList(ctx, s, matter.MatterFilter{Kind: matter.Licensing}),
		f.wantList(ctx, s, matter.MatterFilter{Kind: matter.PublicService, Division: laiwu}, f.code(3)),
	)
}

func matterListTag(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	a := f.unemployment(f.code(1), jinanHRSS)
	b := f.registration(f.code(2), jinanHRSS)
	second := f.tag + "-enterprise"
	b.Tags = append(b.Tags, second)
	c := f.employmentCard(f.code(3), laiwuHRSS)
	c.Tags = []string{second}
	if err := create(ctx, s, a, b, c); err != nil {
		return err
	}
	op := listMattersOp(matter.MatterFilter{Tag: second})
	got, err := collect(s.ListMatters(ctx, matter.MatterFilter{Tag: second}))
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return errors.Join(
		f.wantList(ctx, s, matter.MatterFilter{}, f.code(1), f.code(2)),
		func() error {
			if cs := codes(got); !slices.Equal(cs, []string{f.code(2), f.code(3)}) {
				return fmt.Errorf("%s: codes %q, want %q", op, cs, []string{f.code(2), f.code(3)})
			}
			return nil
		}(),
	)
}

// scribble changes m everywhere a shallow copy would share memory with the
// store: slices' elements, nested slices, and plain fields.
func scribble(m *matter.Matter) {
	m.Name = "篡改"
	m.Version = 99
	m.Body.Name = "篡改"
	for i := range m.LegalBasis {
		m.LegalBasis[i] = "篡改"
	}
	for i := range m.Audience {
		m.Audience[i] = matter.Government
	}
	for i := range m.Conditions {
		m.Conditions[i] = "篡改"
	}
	for i := range m.Process {
		m.Process[i].Name = "篡改"
	}
	for i := range m.Places {
		m.Places[i].Name = "篡改"
	}
	for i := range m.Materials {
		m.Materials[i].Name = "篡改"
		for j := range m.Materials[i].Trust {
			m.Materials[i].Trust[j] = matter.TrustD
		}
	}
	for i := range m.Items {
		m.Items[i].Name = "篡改"
	}
	for i := range m.Tags {
		m.Tags[i] = "篡改"
	}
}

func matterAliasing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	m := f.unemployment(f.code(1), jinanHRSS)
	want := stored(f.unemployment(f.code(1), jinanHRSS), 1)
	if err := create(ctx, s, m); err != nil {
		return err
	}
	scribble(m)
	if err := wantMatter(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the matter passed to PutMatter: %w", err)
	}

	got, err := s.GetMatter(ctx, want.Code)
	if err != nil {
		return fmt.Errorf("GetMatter(%s): %w", want.Code, err)
	}
	scribble(got)
	if err := wantMatter(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the matter GetMatter returned: %w", err)
	}

	listed, err := collect(s.ListMatters(ctx, matter.MatterFilter{Tag: f.tag}))
	if err != nil {
		return fmt.Errorf("ListMatters: %w", err)
	}
	for _, l := range listed {
		scribble(l)
	}
	if err := wantMatter(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the matters ListMatters yielded: %w", err)
	}

	hist, err := collect(s.MatterHistory(ctx, want.Code))
	if err != nil {
		return fmt.Errorf("MatterHistory(%s): %w", want.Code, err)
	}
	for _, h := range hist {
		scribble(h)
	}
	if err := wantHistory(ctx, s, want.Code, want); err != nil {
		return fmt.Errorf("after changing the versions MatterHistory yielded: %w", err)
	}
	return wantMatter(ctx, s, want)
}

// writers is the number of concurrent writers in the concurrency cases.
const writers = 8

func matterConcurrentConflict(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	m := f.unemployment(f.code(1), jinanHRSS)
	if err := create(ctx, s, m); err != nil {
		return err
	}
	type result struct {
		m   *matter.Matter
		v   int
		err error
	}
	results := make([]result, writers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range writers {
		c := m.Clone()
		c.Contacts.Consult = fmt.Sprintf("0531-8660%04d", i)
		results[i].m = c
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					results[i].err = fmt.Errorf("panic: %v", r)
				}
			}()
			<-start
			results[i].v, results[i].err = s.PutMatter(ctx, c, 1)
		})
	}
	close(start)
	wg.Wait()

	var winner *matter.Matter
	var errs []error
	for i, r := range results {
		switch {
		case r.err == nil:
			if winner != nil {
				errs = append(errs, fmt.Errorf("writer %d also succeeded expecting version 1 (version %d)", i, r.v))
				continue
			}
			winner = r.m
			if r.v != 2 {
				errs = append(errs, fmt.Errorf("writer %d succeeded with version %d, want 2", i, r.v))
			}
		case !errors.Is(r.err, matter.ErrConflict):
			errs = append(errs, fmt.Errorf("writer %d: error %q does not wrap %q", i, r.err, matter.ErrConflict))
		}
	}
	if winner == nil {
		return errors.Join(append(errs, fmt.Errorf("none of %d concurrent writers expecting version 1 succeeded", writers))...)
	}
	errs = append(errs,
		wantMatter(ctx, s, stored(winner, 2)),
		wantHistory(ctx, s, m.Code, stored(m, 1), stored(winner, 2)),
	)
	return errors.Join(errs...)
}

func matterConcurrentIncrement(ctx context.Context, s matter.Store) error {
	const perWriter = 4
	const attempts = 200 // per increment; each failed attempt means another writer won
	f := newFixtures()
	m := f.unemployment(f.code(1), jinanHRSS)
	m.Items = nil
	if err := create(ctx, s, m); err != nil {
		return err
	}
	errs := make([]error, writers)
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					errs[w] = fmt.Errorf("writer %d: panic: %v", w, r)
				}
			}()
			for n := range perWriter {
				item := matter.Item{Code: fmt.Sprintf("%s%d%d", m.Code, w, n), Name: "变更"}
				done := false
				for range attempts {
					cur, err := s.GetMatter(ctx, m.Code)
					if err != nil {
						errs[w] = fmt.Errorf("writer %d: GetMatter: %w", w, err)
						return
					}
					cur.Items = append(cur.Items, item)
					_, err = s.PutMatter(ctx, cur, cur.Version)
					if err == nil {
						done = true
						break
					}
					if !errors.Is(err, matter.ErrConflict) {
						errs[w] = fmt.Errorf("writer %d: PutMatter(expect %d): %w", w, cur.Version, err)
						return
					}
				}
				if !done {
					errs[w] = fmt.Errorf("writer %d: no update succeeded in %d attempts", w, attempts)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	got, err := s.GetMatter(ctx, m.Code)
	if err != nil {
		return fmt.Errorf("GetMatter(%s): %w", m.Code, err)
	}
	want := 1 + writers*perWriter
	var problems []error
	if got.Version != want {
		problems = append(problems, fmt.Errorf("after %d successful increments from version 1, version is %d, want %d", writers*perWriter, got.Version, want))
	}
	if len(got.Items) != writers*perWriter {
		problems = append(problems, fmt.Errorf("after %d successful read-modify-write updates the matter holds %d items: updates were lost", writers*perWriter, len(got.Items)))
	}
	hist, err := collect(s.MatterHistory(ctx, m.Code))
	if err != nil {
		problems = append(problems, fmt.Errorf("MatterHistory(%s): %w", m.Code, err))
	} else if len(hist) != want {
		problems = append(problems, fmt.Errorf("MatterHistory(%s): %d versions, want %d", m.Code, len(hist), want))
	} else {
		for i, h := range hist {
			if h.Version != i+1 {
				problems = append(problems, fmt.Errorf("MatterHistory(%s) item %d has version %d, want %d", m.Code, i, h.Version, i+1))
				break
			}
		}
	}
	return errors.Join(problems...)
}
