package mattertest

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// storedApp returns a as the store should hold it: at version v.
func storedApp(a *matter.Application, v int) *matter.Application {
	c := a.Clone()
	c.Version = v
	return c
}

// createApps stores new applications, expecting version 1 for each.
func createApps(ctx context.Context, s matter.Store, as ...*matter.Application) error {
	for _, a := range as {
		v, err := s.CreateApplication(ctx, a)
		if err := wantVersion(fmt.Sprintf("CreateApplication(%s)", a.ID), v, err, 1); err != nil {
			return err
		}
	}
	return nil
}

// wantApp reports a problem unless the store holds want under its id.
// Times are compared as instants.
func wantApp(ctx context.Context, s matter.Store, want *matter.Application) error {
	op := fmt.Sprintf("GetApplication(%s)", want.ID)
	got, err := s.GetApplication(ctx, want.ID)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return same(op, want, got, normApplication)
}

// wantApps reports a problem unless ListApplications(f) yields the
// applications want, in that order.
func wantApps(ctx context.Context, s matter.Store, f matter.ApplicationFilter, want ...*matter.Application) error {
	op := listApplicationsOp(f)
	got, err := collect(s.ListApplications(ctx, f))
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if g, w := ids(got), ids(want); !slices.Equal(g, w) {
		return fmt.Errorf("%s: ids %q, want %q", op, g, w)
	}
	var errs []error
	for i := range want {
		errs = append(errs, same(fmt.Sprintf("%s item %d", op, i), want[i], got[i], normApplication))
	}
	return errors.Join(errs...)
}

// apps makes one application per time, all by who, the i-th in where[i]
// (莱芜区 if where is shorter), in the order given.
func (f *fixtures) apps(who matter.Applicant, where []division.Code, times ...time.Time) ([]*matter.Application, error) {
	var out []*matter.Application
	for i, t := range times {
		d := laiwu
		if i < len(where) {
			d = where[i]
		}
		a, err := application(f.code(1), who, d, matter.App, t)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func applicationCreateGet(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	a, err := application(f.code(1), person("张伟", lixia), laiwu, matter.App, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	if err := createApps(ctx, s, a); err != nil {
		return err
	}
	return wantApp(ctx, s, storedApp(a, 1))
}

func applicationCreateIdempotent(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	who := person("李娜", laiwu)
	a, err := application(f.code(1), who, laiwu, matter.Window, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	if err := createApps(ctx, s, a); err != nil {
		return err
	}
	var errs []error
	for i, again := range []*matter.Application{a, a.Clone()} {
		v, err := s.CreateApplication(ctx, again)
		errs = append(errs, wantVersion(fmt.Sprintf("CreateApplication(%s) again with an equal application (try %d)", a.ID, i+1), v, err, 1))
	}
	errs = append(errs,
		wantApp(ctx, s, storedApp(a, 1)),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: who.SubjectID}, storedApp(a, 1)),
	)
	return errors.Join(errs...)
}

func applicationCreateDifferent(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	a, err := application(f.code(1), person("王芳", lixia), jinan, matter.Web, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	if err := createApps(ctx, s, a); err != nil {
		return err
	}
	channel := a.Clone()
	channel.Channel = matter.Window
	applicant := a.Clone()
	applicant.Applicant = person("刘洋", lixia)
	when := a.Clone()
	when.SubmittedAt = when.SubmittedAt.Add(time.Minute)
	when.History[0].At = when.SubmittedAt
	var errs []error
	for _, tc := range []struct {
		what string
		a    *matter.Application
	}{{"channel", channel}, {"applicant", applicant}, {"submission time", when}} {
		_, err := s.CreateApplication(ctx, tc.a)
		errs = append(errs, wantErr(fmt.Sprintf("CreateApplication(%s) again with another %s", a.ID, tc.what), err, matter.ErrConflict))
	}
	errs = append(errs, wantApp(ctx, s, storedApp(a, 1)))
	return errors.Join(errs...)
}

func applicationInvalid(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	var errs []error
	for _, tc := range []struct {
		what  string
		spoil func(*matter.Application)
	}{
		{"no applicant ID", func(a *matter.Application) { a.Applicant.SubjectID = "" }},
		{"no parts", func(a *matter.Application) { a.Parts = nil }},
		{"a division code with no province", func(a *matter.Application) { a.Division = "990100" }},
		{"a status not in the history", func(a *matter.Application) { a.Status = matter.Decided }},
	} {
		a, err := application(f.code(1), person("陈静", lixia), jinan, matter.App, at(3, 2, 9, 15))
		if err != nil {
			return err
		}
		tc.spoil(a)
		if a.Validate() == nil {
			return fmt.Errorf("fixture: the application with %s passes Validate", tc.what)
		}
		_, err = s.CreateApplication(ctx, a)
		_, gerr := s.GetApplication(ctx, a.ID)
		errs = append(errs,
			wantErr(fmt.Sprintf("CreateApplication of an application with %s", tc.what), err, matter.ErrInvalid),
			wantErr(fmt.Sprintf("GetApplication after refusing an application with %s", tc.what), gerr, matter.ErrNotFound),
		)
	}
	return errors.Join(errs...)
}

func applicationGetMissing(ctx context.Context, s matter.Store) error {
	id, err := uuid.NewV7()
	if err != nil {
		return err
	}
	_, err = s.GetApplication(ctx, id)
	return wantErr(fmt.Sprintf("GetApplication(%s) of an id never stored", id), err, matter.ErrNotFound)
}

func applicationUpdate(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	a, err := application(f.code(1), person("赵磊", laiwu), laiwu, matter.Window, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	if err := createApps(ctx, s, a); err != nil {
		return err
	}
	accepted := a.Clone()
	accepted.Parts[0].Office = laiwuHRSS
	accepted.Parts[0].Due = matter.DateOf(2026, time.March, 5)
	if err := accepted.Move(matter.Accepted, at(3, 2, 10, 0), "LW0107", ""); err != nil {
		return fmt.Errorf("fixture: %w", err)
	}
	v, err := s.UpdateApplication(ctx, accepted, 1)
	if err := wantVersion(fmt.Sprintf("UpdateApplication(%s, expect 1)", a.ID), v, err, 2); err != nil {
		return err
	}
	if err := wantApp(ctx, s, storedApp(accepted, 2)); err != nil {
		return err
	}

	working := accepted.Clone()
	if err := working.Move(matter.InProgress, at(3, 3, 9, 0), "LW0107", ""); err != nil {
		return fmt.Errorf("fixture: %w", err)
	}
	_, err1 := s.UpdateApplication(ctx, working, 1)
	_, err3 := s.UpdateApplication(ctx, working, 3)
	errs := []error{
		wantErr(fmt.Sprintf("UpdateApplication(%s, expect 1) when version 2 is current", a.ID), err1, matter.ErrConflict),
		wantErr(fmt.Sprintf("UpdateApplication(%s, expect 3) when version 2 is current", a.ID), err3, matter.ErrConflict),
		wantApp(ctx, s, storedApp(accepted, 2)),
	}
	v, err = s.UpdateApplication(ctx, working, 2)
	errs = append(errs, wantVersion(fmt.Sprintf("UpdateApplication(%s, expect 2)", a.ID), v, err, 3))
	if err == nil {
		errs = append(errs, wantApp(ctx, s, storedApp(working, 3)))
	}
	return errors.Join(errs...)
}

func applicationUpdateMissing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	a, err := application(f.code(1), person("孙丽", jinan), jinan, matter.App, at(3, 2, 9, 15))
	if err != nil {
		return err
	}
	_, err0 := s.UpdateApplication(ctx, a, 0)
	_, err1 := s.UpdateApplication(ctx, a, 1)
	_, gerr := s.GetApplication(ctx, a.ID)
	return errors.Join(
		wantErr(fmt.Sprintf("UpdateApplication(%s, expect 0) of an id never stored", a.ID), err0, matter.ErrNotFound),
		wantErr(fmt.Sprintf("UpdateApplication(%s, expect 1) of an id never stored", a.ID), err1, matter.ErrNotFound),
		wantErr(fmt.Sprintf("GetApplication(%s) after refused updates", a.ID), gerr, matter.ErrNotFound),
	)
}

// byTimeThenID orders applications as ListApplications must.
func byTimeThenID(as []*matter.Application) []*matter.Application {
	out := slices.Clone(as)
	slices.SortFunc(out, func(a, b *matter.Application) int {
		return cmp.Or(a.SubmittedAt.Compare(b.SubmittedAt), bytes.Compare(a.ID[:], b.ID[:]))
	})
	return out
}

func applicationListOrder(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	who := person("周强", laiwu)
	as, err := f.apps(who, nil,
		at(3, 3, 8, 45), at(3, 2, 10, 30), at(3, 2, 9, 0), at(3, 2, 10, 30), at(3, 2, 10, 30))
	if err != nil {
		return err
	}
	// Store in an order that is neither submission nor id order: the ties
	// at 10:30 go in with the highest id first.
	if err := createApps(ctx, s, as[4], as[0], as[3], as[2], as[1]); err != nil {
		return err
	}
	want := byTimeThenID(as)
	for i := range want {
		want[i] = storedApp(want[i], 1)
	}
	return wantApps(ctx, s, matter.ApplicationFilter{Applicant: who.SubjectID}, want...)
}

func applicationListApplicant(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	x, y := person("吴敏", lixia), person("郑浩", shibei)
	xs, err := f.apps(x, nil, at(3, 2, 9, 0), at(3, 4, 14, 0))
	if err != nil {
		return err
	}
	ys, err := f.apps(y, []division.Code{shibei}, at(3, 3, 11, 0))
	if err != nil {
		return err
	}
	if err := createApps(ctx, s, xs[1], ys[0], xs[0]); err != nil {
		return err
	}
	return errors.Join(
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: x.SubjectID}, storedApp(xs[0], 1), storedApp(xs[1], 1)),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: y.SubjectID}, storedApp(ys[0], 1)),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: person("冯雪", mudan).SubjectID}),
	)
}

func applicationListDivision(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	who := person("冯雪", lixia)
	as, err := f.apps(who, []division.Code{laiwu, jinan, shibei, mudan},
		at(3, 2, 9, 0), at(3, 2, 10, 0), at(3, 3, 9, 0), at(3, 4, 9, 0))
	if err != nil {
		return err
	}
	if err := createApps(ctx, s, as...); err != nil {
		return err
	}
	for i := range as {
		as[i] = storedApp(as[i], 1)
	}
	return errors.Join(
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: who.SubjectID, Division: shandong}, as...),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: who.SubjectID, Division: jinan}, as[0], as[1]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: who.SubjectID, Division: laiwu}, as[0]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: who.SubjectID, Division: qingdao}, as[2]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: who.SubjectID, Division: heze}, as[3]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: who.SubjectID, Division: lixia}),
	)
}

func applicationListPeriod(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	who := person("蒋涛", laiwu)
	from, to := at(3, 3, 0, 0), at(3, 5, 0, 0)
	as, err := f.apps(who, nil,
		from.Add(-time.Second), from, at(3, 4, 16, 30), to.Add(-time.Second), to)
	if err != nil {
		return err
	}
	if err := createApps(ctx, s, as...); err != nil {
		return err
	}
	for i := range as {
		as[i] = storedApp(as[i], 1)
	}
	id := who.SubjectID
	return errors.Join(
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, From: from, To: to}, as[1], as[2], as[3]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, From: from.UTC(), To: to.UTC()}, as[1], as[2], as[3]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, From: from}, as[1], as[2], as[3], as[4]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, To: to}, as[0], as[1], as[2], as[3]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, From: to, To: to.Add(time.Hour)}, as[4]),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, From: from, To: from}),
	)
}

func applicationListStatus(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	who := person("韩梅", jinan)
	as, err := f.apps(who, nil, at(3, 2, 9, 0), at(3, 2, 10, 0), at(3, 2, 11, 0))
	if err != nil {
		return err
	}
	if err := createApps(ctx, s, as...); err != nil {
		return err
	}
	accepted, rejected := as[1].Clone(), as[2].Clone()
	if err := errors.Join(
		accepted.Move(matter.Accepted, at(3, 2, 10, 20), "LW0107", ""),
		rejected.Move(matter.Rejected, at(3, 2, 11, 5), "LW0107", "失业登记信息不完整"),
	); err != nil {
		return fmt.Errorf("fixture: %w", err)
	}
	for _, a := range []*matter.Application{accepted, rejected} {
		v, err := s.UpdateApplication(ctx, a, 1)
		if err := wantVersion(fmt.Sprintf("UpdateApplication(%s, expect 1)", a.ID), v, err, 2); err != nil {
			return err
		}
	}
	id := who.SubjectID
	return errors.Join(
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, Status: matter.Submitted}, storedApp(as[0], 1)),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, Status: matter.Accepted}, storedApp(accepted, 2)),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, Status: matter.Rejected}, storedApp(rejected, 2)),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id, Status: matter.Decided}),
		wantApps(ctx, s, matter.ApplicationFilter{Applicant: id}, storedApp(as[0], 1), storedApp(accepted, 2), storedApp(rejected, 2)),
	)
}

// scribbleApp changes a everywhere a shallow copy would share memory with
// the store.
func scribbleApp(a *matter.Application) {
	a.Version = 99
	a.Status = matter.Closed
	a.Channel = matter.Hotline
	a.Applicant.Name = "篡改"
	for i := range a.Parts {
		a.Parts[i].Matter = "篡改"
		a.Parts[i].Status = matter.Closed
		a.Parts[i].Office.Name = "篡改"
	}
	for i := range a.History {
		a.History[i].By = "篡改"
		a.History[i].To = matter.Closed
	}
	if a.Selection != nil {
		a.Selection.Bundle = "篡改"
		for _, st := range a.Selection.Steps {
			for j := range st {
				st[j] = "篡改"
			}
		}
	}
}

func applicationAliasing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	who := person("杨光", mudan)
	sel := &matter.Selection{Bundle: f.code(90), Steps: [][]string{{f.code(1), f.code(2)}, {f.code(3)}}}
	a, err := matter.NewApplication(sel.Bundle, sel, who, heze, matter.Window, at(3, 2, 9, 0))
	if err != nil {
		return fmt.Errorf("fixture: %w", err)
	}
	want := storedApp(a, 1)
	if err := createApps(ctx, s, a); err != nil {
		return err
	}
	scribbleApp(a)
	if err := wantApp(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the application passed to CreateApplication: %w", err)
	}
	got, err := s.GetApplication(ctx, want.ID)
	if err != nil {
		return fmt.Errorf("GetApplication: %w", err)
	}
	scribbleApp(got)
	if err := wantApp(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the application GetApplication returned: %w", err)
	}
	listed, err := collect(s.ListApplications(ctx, matter.ApplicationFilter{Applicant: who.SubjectID}))
	if err != nil {
		return fmt.Errorf("ListApplications: %w", err)
	}
	for _, l := range listed {
		scribbleApp(l)
	}
	if err := wantApp(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the applications ListApplications yielded: %w", err)
	}

	// An update hands over a value too.
	b := want.Clone()
	if err := b.Move(matter.Accepted, at(3, 2, 9, 30), "HZ0031", ""); err != nil {
		return fmt.Errorf("fixture: %w", err)
	}
	wantB := storedApp(b, 2)
	v, err := s.UpdateApplication(ctx, b, 1)
	if err := wantVersion("UpdateApplication(expect 1)", v, err, 2); err != nil {
		return err
	}
	scribbleApp(b)
	if err := wantApp(ctx, s, wantB); err != nil {
		return fmt.Errorf("after changing the application passed to UpdateApplication: %w", err)
	}
	return nil
}
