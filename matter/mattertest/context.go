package mattertest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/onething-gov/onething/matter"
)

// listings are the four listings of a Store, each over data a case made.
type listings struct {
	matters      func(ctx context.Context) iter.Seq2[*matter.Matter, error]
	history      func(ctx context.Context) iter.Seq2[*matter.Matter, error]
	overlays     func(ctx context.Context) iter.Seq2[*matter.Overlay, error]
	applications func(ctx context.Context) iter.Seq2[*matter.Application, error]
}

// seed stores three matters (the first with three versions), three
// overlays and three applications, and returns listings that each yield at
// least three values.
func (f *fixtures) seed(ctx context.Context, s matter.Store) (listings, error) {
	m := f.unemployment(f.code(1), jinanHRSS)
	if err := create(ctx, s, m, f.registration(f.code(2), jinanHRSS), f.employmentCard(f.code(3), laiwuHRSS)); err != nil {
		return listings{}, err
	}
	for v := 1; v <= 2; v++ {
		m = m.Clone()
		m.Contacts.Consult = fmt.Sprintf("0531-8660123%d", v)
		got, err := s.PutMatter(ctx, m, v)
		if err := wantVersion(fmt.Sprintf("PutMatter(%s, expect %d)", m.Code, v), got, err, v+1); err != nil {
			return listings{}, err
		}
	}
	if err := putOverlays(ctx, s,
		f.overlay(f.code(1), mudan, hezeHRSS),
		f.overlay(f.code(2), mudan, hezeHRSS),
		f.overlay(f.code(3), mudan, hezeHRSS),
	); err != nil {
		return listings{}, err
	}
	who := person("林峰", mudan)
	as, err := f.apps(who, nil, at(3, 2, 9, 0), at(3, 2, 10, 0), at(3, 2, 11, 0))
	if err != nil {
		return listings{}, err
	}
	if err := createApps(ctx, s, as...); err != nil {
		return listings{}, err
	}
	return listings{
		matters: func(ctx context.Context) iter.Seq2[*matter.Matter, error] {
			return s.ListMatters(ctx, matter.MatterFilter{Tag: f.tag})
		},
		history: func(ctx context.Context) iter.Seq2[*matter.Matter, error] {
			return s.MatterHistory(ctx, f.code(1))
		},
		overlays: func(ctx context.Context) iter.Seq2[*matter.Overlay, error] {
			return s.ListOverlays(ctx, mudan)
		},
		applications: func(ctx context.Context) iter.Seq2[*matter.Application, error] {
			return s.ListApplications(ctx, matter.ApplicationFilter{Applicant: who.SubjectID})
		},
	}, nil
}

func contextCancelled(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	m := f.unemployment(f.code(1), jinanHRSS)
	o := f.overlay(f.code(1), laiwu, laiwuHRSS)
	who := person("黄蕾", laiwu)
	a, err := application(f.code(1), who, laiwu, matter.App, at(3, 2, 9, 0))
	if err != nil {
		return err
	}
	b, err := application(f.code(1), who, laiwu, matter.App, at(3, 2, 9, 5))
	if err != nil {
		return err
	}
	if err := create(ctx, s, m); err != nil {
		return err
	}
	if err := putOverlays(ctx, s, o); err != nil {
		return err
	}
	if err := createApps(ctx, s, a); err != nil {
		return err
	}

	done, cancel := context.WithCancel(ctx)
	cancel()
	m2 := m.Clone()
	m2.PromisedLimit = matter.TimeLimit{Value: 2}
	o2 := storedOverlay(o, 0)
	o2.PromisedLimit = &matter.TimeLimit{Value: 1}
	a2 := a.Clone()
	if err := a2.Move(matter.Accepted, at(3, 2, 9, 30), "LW0107", ""); err != nil {
		return fmt.Errorf("fixture: %w", err)
	}

	var errs []error
	check := func(op string, err error) {
		errs = append(errs, wantErr(op+" with a cancelled context", err, context.Canceled))
	}
	checkList := func(op string, n int, err error) {
		check(op, err)
		if n > 0 {
			errs = append(errs, fmt.Errorf("%s with a cancelled context yields %d values", op, n))
		}
	}
	_, err = s.GetMatter(done, m.Code)
	check("GetMatter", err)
	_, err = s.PutMatter(done, m2, 1)
	check("PutMatter", err)
	ms, err := collect(s.ListMatters(done, matter.MatterFilter{Tag: f.tag}))
	checkList("ListMatters", len(ms), err)
	ms, err = collect(s.MatterHistory(done, m.Code))
	checkList("MatterHistory", len(ms), err)
	check("RetireMatter", s.RetireMatter(done, m.Code, matter.DateOf(2026, time.July, 1), 1))
	_, err = s.GetOverlay(done, o.Matter, o.Division)
	check("GetOverlay", err)
	_, err = s.PutOverlay(done, o2, 1)
	check("PutOverlay", err)
	ovs, err := collect(s.ListOverlays(done, laiwu))
	checkList("ListOverlays", len(ovs), err)
	_, err = s.CreateApplication(done, b)
	check("CreateApplication", err)
	_, err = s.GetApplication(done, a.ID)
	check("GetApplication", err)
	_, err = s.UpdateApplication(done, a2, 1)
	check("UpdateApplication", err)
	as, err := collect(s.ListApplications(done, matter.ApplicationFilter{Applicant: who.SubjectID}))
	checkList("ListApplications", len(as), err)

	// The writes did nothing.
	_, gerr := s.GetApplication(ctx, b.ID)
	errs = append(errs,
		wantMatter(ctx, s, stored(m, 1)),
		wantOverlay(ctx, s, storedOverlay(o, 1)),
		wantApp(ctx, s, storedApp(a, 1)),
		wantErr("GetApplication of an application created with a cancelled context", gerr, matter.ErrNotFound),
	)
	return errors.Join(errs...)
}

// cancelMidway cancels the context of a listing after its first value and
// reports a problem unless the listing then yields one error wrapping
// context.Canceled and nothing after it. Values already on their way
// between the cancellation and the error are allowed.
func cancelMidway[T any](ctx context.Context, op string, list func(context.Context) iter.Seq2[T, error]) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var values, errs, after int
	var first error
	for _, err := range list(ctx) {
		if err != nil {
			errs++
			if first == nil {
				first = err
			}
			continue
		}
		if errs > 0 {
			after++
		}
		values++
		if values == 1 {
			cancel()
		}
	}
	switch {
	case values == 0 && first != nil:
		return fmt.Errorf("%s: %w", op, first)
	case values == 0:
		return fmt.Errorf("%s yields nothing; the case stored at least three values", op)
	case errs == 0:
		return fmt.Errorf("%s ends without an error after its context was cancelled (%d values)", op, values)
	case !errors.Is(first, context.Canceled):
		return fmt.Errorf("%s, context cancelled: error %q does not wrap %q", op, first, context.Canceled)
	case errs > 1:
		return fmt.Errorf("%s, context cancelled: %d errors, want one", op, errs)
	case after > 0:
		return fmt.Errorf("%s, context cancelled: %d values after the error", op, after)
	}
	return nil
}

func contextCancelledMidIteration(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	l, err := f.seed(ctx, s)
	if err != nil {
		return err
	}
	return errors.Join(
		cancelMidway(ctx, "ListMatters", l.matters),
		cancelMidway(ctx, "MatterHistory", l.history),
		cancelMidway(ctx, "ListOverlays", l.overlays),
		cancelMidway(ctx, "ListApplications", l.applications),
	)
}

// stopEarly breaks out of a listing after its first value, then lists it
// again to the end.
func stopEarly[T any](ctx context.Context, op string, list func(context.Context) iter.Seq2[T, error]) error {
	for _, err := range list(ctx) {
		if err != nil {
			return fmt.Errorf("%s: %w", op, err)
		}
		break
	}
	all, err := collect(list(ctx))
	if err != nil {
		return fmt.Errorf("%s again after breaking out of it: %w", op, err)
	}
	if len(all) < 3 {
		return fmt.Errorf("%s again after breaking out of it: %d values, want at least 3", op, len(all))
	}
	return nil
}

// settle is how long the kit waits for a write after abandoning listings
// before it reports the store as blocked.
const settle = 10 * time.Second

func iterationStopEarly(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	l, err := f.seed(ctx, s)
	if err != nil {
		return err
	}
	if err := errors.Join(
		stopEarly(ctx, "ListMatters", l.matters),
		stopEarly(ctx, "MatterHistory", l.history),
		stopEarly(ctx, "ListOverlays", l.overlays),
		stopEarly(ctx, "ListApplications", l.applications),
	); err != nil {
		return err
	}
	// An abandoned listing must not hold anything a writer needs.
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		m := f.registration(f.code(2), jinanHRSS)
		m.Contacts.Consult = "0531-86601234"
		v, err := s.PutMatter(ctx, m, 1)
		done <- wantVersion(fmt.Sprintf("PutMatter(%s, expect 1) after abandoned listings", m.Code), v, err, 2)
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(settle):
		return fmt.Errorf("PutMatter after abandoned listings has not returned in %v: a listing left the store locked", settle)
	}
}
