package mattertest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// storedOverlay returns o as the store should hold it: at version v.
func storedOverlay(o *matter.Overlay, v int) *matter.Overlay {
	c := *o // the kit only changes Version on this copy
	c.Version = v
	return &c
}

// putOverlays stores new overlays, expecting version 1 for each.
func putOverlays(ctx context.Context, s matter.Store, os ...*matter.Overlay) error {
	for _, o := range os {
		v, err := s.PutOverlay(ctx, o, 0)
		if err := wantVersion(fmt.Sprintf("PutOverlay(%s@%s, expect 0)", o.Matter, o.Division), v, err, 1); err != nil {
			return err
		}
	}
	return nil
}

// wantOverlay reports a problem unless the store holds want for its matter
// and division.
func wantOverlay(ctx context.Context, s matter.Store, want *matter.Overlay) error {
	op := fmt.Sprintf("GetOverlay(%s, %s)", want.Matter, want.Division)
	got, err := s.GetOverlay(ctx, want.Matter, want.Division)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return same(op, want, got, nil)
}

func overlayCreateGet(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	o := f.overlay(f.code(1), laiwu, laiwuHRSS)
	if err := putOverlays(ctx, s, o); err != nil {
		return err
	}
	return wantOverlay(ctx, s, storedOverlay(o, 1))
}

func overlayGetMissing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	if err := putOverlays(ctx, s, f.overlay(f.code(1), laiwu, laiwuHRSS)); err != nil {
		return err
	}
	_, err1 := s.GetOverlay(ctx, f.code(2), laiwu)
	_, err2 := s.GetOverlay(ctx, f.code(1), qingdao)
	_, err3 := s.GetOverlay(ctx, f.code(1), jinan)
	return errors.Join(
		wantErr(fmt.Sprintf("GetOverlay(%s, %s) of a matter with no overlay", f.code(2), laiwu), err1, matter.ErrNotFound),
		wantErr(fmt.Sprintf("GetOverlay(%s, %s) of a division with no overlay", f.code(1), qingdao), err2, matter.ErrNotFound),
		wantErr(fmt.Sprintf("GetOverlay(%s, %s) of the parent of the overlay's division", f.code(1), jinan), err3, matter.ErrNotFound),
	)
}

func overlayVersioning(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	v1 := f.overlay(f.code(1), laiwu, laiwuHRSS)
	if err := putOverlays(ctx, s, v1); err != nil {
		return err
	}
	var errs []error
	again := f.overlay(f.code(1), laiwu, jinanHRSS)
	_, err := s.PutOverlay(ctx, again, 0)
	errs = append(errs, wantErr("PutOverlay(expect 0) of an existing overlay", err, matter.ErrConflict),
		wantOverlay(ctx, s, storedOverlay(v1, 1)))

	missing := f.overlay(f.code(1), heze, hezeHRSS)
	_, err = s.PutOverlay(ctx, missing, 1)
	_, gerr := s.GetOverlay(ctx, missing.Matter, missing.Division)
	errs = append(errs, wantErr("PutOverlay(expect 1) of an overlay never stored", err, matter.ErrConflict),
		wantErr("GetOverlay after a refused update", gerr, matter.ErrNotFound))

	v2 := f.overlay(f.code(1), laiwu, laiwuHRSS)
	v2.PromisedLimit = &matter.TimeLimit{Value: 1}
	v, err := s.PutOverlay(ctx, v2, 1)
	if err := wantVersion("PutOverlay(expect 1)", v, err, 2); err != nil {
		return errors.Join(append(errs, err)...)
	}
	stale := f.overlay(f.code(1), laiwu, laiwuHRSS)
	stale.Contacts.Consult = "0531-76212333"
	_, err = s.PutOverlay(ctx, stale, 1)
	errs = append(errs, wantErr("PutOverlay(expect 1) when version 2 is current", err, matter.ErrConflict),
		wantOverlay(ctx, s, storedOverlay(v2, 2)))
	return errors.Join(errs...)
}

// mineOverlays keeps the overlays of the case's matters.
func (f *fixtures) mineOverlays(os []*matter.Overlay) []*matter.Overlay {
	return slices.DeleteFunc(os, func(o *matter.Overlay) bool { return !strings.HasPrefix(o.Matter, "MT"+f.ns) })
}

func overlayList(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	c1, c2 := f.code(1), f.code(2)
	if err := putOverlays(ctx, s,
		f.overlay(c2, laiwu, laiwuHRSS),
		f.overlay(c1, qingdao, qingdaoHRSS),
		f.overlay(c1, laiwu, laiwuHRSS),
		f.overlay(c2, jinan, jinanHRSS),
		f.overlay(c1, jinan, jinanHRSS),
		f.overlay(c2, heze, hezeHRSS),
		f.overlay(c1, mudan, hezeHRSS),
		f.overlay(c2, shibei, qingdaoHRSS),
	); err != nil {
		return err
	}
	key := func(c string, d division.Code) string { return c + "@" + string(d) }
	var errs []error
	for _, tc := range []struct {
		d    division.Code
		want []string
	}{
		{shandong, []string{key(c1, jinan), key(c1, laiwu), key(c1, qingdao), key(c1, mudan),
			key(c2, jinan), key(c2, laiwu), key(c2, shibei), key(c2, heze)}},
		{jinan, []string{key(c1, jinan), key(c1, laiwu), key(c2, jinan), key(c2, laiwu)}},
		{laiwu, []string{key(c1, laiwu), key(c2, laiwu)}},
		{qingdao, []string{key(c1, qingdao), key(c2, shibei)}},
		{heze, []string{key(c1, mudan), key(c2, heze)}},
		{lixia, nil},
	} {
		op := fmt.Sprintf("ListOverlays(%s)", tc.d)
		got, err := collect(s.ListOverlays(ctx, tc.d))
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", op, err))
			continue
		}
		for _, o := range got {
			if !tc.d.Contains(o.Division) {
				errs = append(errs, fmt.Errorf("%s yields the overlay %s@%s, outside the division", op, o.Matter, o.Division))
			}
		}
		if !slices.IsSortedFunc(got, func(a, b *matter.Overlay) int {
			return cmp.Or(strings.Compare(a.Matter, b.Matter), strings.Compare(string(a.Division), string(b.Division)))
		}) {
			errs = append(errs, fmt.Errorf("%s: not ordered by matter code then division: %q", op, overlayKeys(got)))
		}
		if keys := overlayKeys(f.mineOverlays(got)); !slices.Equal(keys, tc.want) {
			errs = append(errs, fmt.Errorf("%s: this case's overlays are %q, want %q", op, keys, tc.want))
		}
	}
	return errors.Join(errs...)
}

// scribbleOverlay changes o everywhere a shallow copy would share memory
// with the store.
func scribbleOverlay(o *matter.Overlay) {
	o.ImplementationCode = "篡改"
	o.Version = 99
	if o.Body != nil {
		o.Body.Name = "篡改"
	}
	for i := range o.Places {
		o.Places[i].Name = "篡改"
	}
	if o.Contacts != nil {
		o.Contacts.Consult = "篡改"
	}
	if o.PromisedLimit != nil {
		o.PromisedLimit.Value = 99
	}
	if o.Visits != nil {
		*o.Visits = 99
	}
	for i := range o.LegalBasis {
		o.LegalBasis[i] = "篡改"
	}
	for i := range o.Conditions {
		o.Conditions[i] = "篡改"
	}
	for i := range o.Materials {
		o.Materials[i].Name = "篡改"
		for j := range o.Materials[i].Trust {
			o.Materials[i].Trust[j] = matter.TrustD
		}
	}
}

func overlayAliasing(ctx context.Context, s matter.Store) error {
	f := newFixtures()
	build := func() *matter.Overlay {
		o := f.overlay(f.code(1), laiwu, laiwuHRSS)
		o.Conditions = []string{"失业前用人单位和本人已经缴纳失业保险费满一年"}
		o.Materials = []matter.Material{{Type: "resident-id-card", Name: "居民身份证", Need: matter.Required, Trust: []matter.Trust{matter.TrustA}}}
		return o
	}
	o := build()
	want := storedOverlay(build(), 1)
	if err := putOverlays(ctx, s, o); err != nil {
		return err
	}
	scribbleOverlay(o)
	if err := wantOverlay(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the overlay passed to PutOverlay: %w", err)
	}
	got, err := s.GetOverlay(ctx, want.Matter, want.Division)
	if err != nil {
		return fmt.Errorf("GetOverlay: %w", err)
	}
	scribbleOverlay(got)
	if err := wantOverlay(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the overlay GetOverlay returned: %w", err)
	}
	listed, err := collect(s.ListOverlays(ctx, laiwu))
	if err != nil {
		return fmt.Errorf("ListOverlays(%s): %w", laiwu, err)
	}
	for _, l := range f.mineOverlays(listed) {
		scribbleOverlay(l)
	}
	if err := wantOverlay(ctx, s, want); err != nil {
		return fmt.Errorf("after changing the overlays ListOverlays yielded: %w", err)
	}
	return nil
}
