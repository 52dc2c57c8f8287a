// Package policytest runs scenario files as Go subtests and checks
// implementations of policy.ProfileSource against its documented rules.
//
// It is for a city's developers: keep your own scenarios beside your
// policies and run them in your test suite,
//
//	func TestPolicies(t *testing.T) {
//		fsys := os.DirFS("catalog")
//		set, err := policy.LoadFS(fsys, "policies")
//		if err != nil {
//			t.Fatal(err)
//		}
//		policytest.RunScenarios(t, set, fsys, "policies/scenarios/*.json")
//	}
//
// and check your register adapter with TestSource.
package policytest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/onething-gov/onething/matter/policy"
	"github.com/onething-gov/onething/standards/creditcode"
)

// RunScenarios loads the scenario files of fsys matching pattern and runs
// each scenario as a subtest named "file/scenario name". A file that does
// not load fails the test before any subtest runs. A failing scenario
// reports the differences and the decision's trace.
func RunScenarios(t *testing.T, set *policy.Set, fsys fs.FS, pattern string) {
	t.Helper()
	scs, err := policy.LoadScenarios(set, fsys, pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(scs) == 0 {
		t.Fatalf("no scenarios match %q", pattern)
	}
	for _, sc := range scs {
		t.Run(sc.File+"/"+sc.Name, func(t *testing.T) {
			if err := sc.Check(set); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestSource checks that src holds exactly the profiles want (by credit
// code) and follows the rules of policy.ProfileSource: Profiles lists each
// profile once; Profile returns each listed profile with the same
// attributes; an unknown code gives an error wrapping policy.ErrNotFound; a
// listing stopped early stops; a cancelled context ends a listing with the
// context's error. It returns every failure, joined.
func TestSource(ctx context.Context, src policy.ProfileSource, want []*policy.Profile) error {
	var errs []error
	fail := func(rule, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", rule, fmt.Sprintf(format, args...)))
	}
	wantBy := map[creditcode.Code]*policy.Profile{}
	for _, p := range want {
		wantBy[p.Code] = p
	}
	seen := map[creditcode.Code]bool{}
	for p, err := range src.Profiles(ctx) {
		if err != nil {
			fail("listing", "error: %v", err)
			break
		}
		if seen[p.Code] {
			fail("listing", "%s listed twice", p.Code)
		}
		seen[p.Code] = true
		w, ok := wantBy[p.Code]
		if !ok {
			fail("listing", "%s listed but not wanted", p.Code)
			continue
		}
		if err := same(p, w); err != nil {
			fail("listing", "%s: %v", p.Code, err)
		}
		got, err := src.Profile(ctx, p.Code)
		if err != nil {
			fail("lookup", "Profile(%s) after listing: %v", p.Code, err)
		} else if err := same(got, w); err != nil {
			fail("lookup agrees with listing", "%s: %v", p.Code, err)
		}
	}
	for c := range wantBy {
		if !seen[c] {
			fail("listing", "%s wanted but not listed", c)
		}
	}
	if _, err := src.Profile(ctx, "91370102MA3Z0000XX"); !errors.Is(err, policy.ErrNotFound) {
		fail("not found", "Profile of an unknown code: %v, want an error wrapping ErrNotFound", err)
	}
	if len(want) > 1 {
		n := 0
		for range src.Profiles(ctx) {
			n++
			break
		}
		if n != 1 {
			fail("early stop", "listing yielded %d profiles after the loop broke", n)
		}
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	var last error
	for _, err := range src.Profiles(cctx) {
		last = err
		if err != nil {
			break
		}
	}
	if len(want) > 0 && !errors.Is(last, context.Canceled) {
		fail("context", "listing with a cancelled context ended with %v, want context.Canceled", last)
	}
	return errors.Join(errs...)
}

// same compares two profiles by their JSON form.
func same(a, b *policy.Profile) error {
	ja, err := a.MarshalJSON()
	if err != nil {
		return err
	}
	jb, err := b.MarshalJSON()
	if err != nil {
		return err
	}
	if string(ja) != string(jb) {
		return fmt.Errorf("got %s, want %s", ja, jb)
	}
	return nil
}
