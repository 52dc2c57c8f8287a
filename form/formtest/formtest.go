// Package formtest is a conformance kit for form.Source implementations:
// the executable form of the rules in form.Source's doc comment, in the
// manner of testing/fstest and testing/slogtest.
//
// It is for whoever writes a Source over a real registry (a civil registry,
// a social insurance system, an e-licence library): run TestSource in any
// program, or Run in a Go test, against a subject the registry knows.
package formtest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

// Fixture describes what the Source under test holds.
type Fixture struct {
	// Known is a subject the source holds values for.
	Known form.Subject
	// Elements are elements the source holds for Known (at least one).
	Elements []string
	// Unknown is a subject the source knows nothing about.
	Unknown form.Subject
	// Documents are material types the source holds documents of for
	// Known, if it is a form.DocumentSource.
	Documents []string
}

// rule is one documented rule of form.Source.
type rule struct {
	name string
	// doc quotes the rule of form.Source's doc comment it checks.
	doc string
	run func(ctx context.Context, s form.Source, fx Fixture) error
}

var rules = []rule{
	{"values", "each with Element, Source (equal to Name), Trust (A–D) and Time set", checkValues},
	{"only-asked", "it returns no value of an element not asked for", checkOnlyAsked},
	{"one-per-element", "and at most one value per element", checkOnePerElement},
	{"unknown-subject", "for a subject it does not know … it returns no values and a nil error", checkUnknownSubject},
	{"unknown-element", "or elements it does not hold, it returns no values and a nil error", checkUnknownElement},
	{"cancelled", "when ctx is done before the lookup is, it returns an error wrapping ctx.Err()", checkCancelled},
	{"concurrent", "Implementations must be safe for concurrent use", checkConcurrent},
	{"lister", "ElementLister: Prefill asks it only for those (the listing must cover what Lookup returns)", checkLister},
	{"documents", "DocumentSource: Documents … with the same rules as Lookup", checkDocuments},
}

// TestSource checks s against every rule of form.Source and returns the
// failures joined, or nil.
func TestSource(ctx context.Context, s form.Source, fx Fixture) error {
	var errs []error
	for _, r := range rules {
		if err := r.run(ctx, s, fx); err != nil {
			errs = append(errs, fmt.Errorf("%s (%s): %w", r.name, r.doc, err))
		}
	}
	return errors.Join(errs...)
}

// Run runs one subtest per rule, each with a fresh source from newSource.
func Run(t *testing.T, newSource func(t *testing.T) (form.Source, Fixture)) {
	t.Helper()
	for _, r := range rules {
		t.Run(r.name, func(t *testing.T) {
			s, fx := newSource(t)
			if err := r.run(t.Context(), s, fx); err != nil {
				t.Errorf("%s: %v", r.doc, err)
			}
		})
	}
}

func validTrust(t matter.Trust) bool {
	return t == matter.TrustA || t == matter.TrustB || t == matter.TrustC || t == matter.TrustD
}

func checkValues(ctx context.Context, s form.Source, fx Fixture) error {
	if len(fx.Elements) == 0 {
		return errors.New("fixture names no elements")
	}
	vals, err := s.Lookup(ctx, fx.Known, fx.Elements)
	if err != nil {
		return err
	}
	if len(vals) == 0 {
		return fmt.Errorf("no values for the known subject %s", fx.Known)
	}
	var errs []error
	for _, v := range vals {
		if !slices.Contains(fx.Elements, v.Element) {
			errs = append(errs, fmt.Errorf("value of %q, not asked for", v.Element))
		}
		if v.Source != s.Name() {
			errs = append(errs, fmt.Errorf("%s: Source %q, want the source's Name %q", v.Element, v.Source, s.Name()))
		}
		if !validTrust(v.Trust) {
			errs = append(errs, fmt.Errorf("%s: trust %q is not A–D", v.Element, v.Trust))
		}
		if v.Time.IsZero() {
			errs = append(errs, fmt.Errorf("%s: no Time", v.Element))
		}
	}
	return errors.Join(errs...)
}

func checkOnlyAsked(ctx context.Context, s form.Source, fx Fixture) error {
	var errs []error
	for _, e := range fx.Elements {
		vals, err := s.Lookup(ctx, fx.Known, []string{e})
		if err != nil {
			return err
		}
		for _, v := range vals {
			if v.Element != e {
				errs = append(errs, fmt.Errorf("asked for %s, got %s", e, v.Element))
			}
		}
	}
	return errors.Join(errs...)
}

func checkOnePerElement(ctx context.Context, s form.Source, fx Fixture) error {
	ask := append(slices.Clone(fx.Elements), fx.Elements...) // repeated on purpose
	vals, err := s.Lookup(ctx, fx.Known, ask)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, v := range vals {
		if seen[v.Element] {
			return fmt.Errorf("two values of %s", v.Element)
		}
		seen[v.Element] = true
	}
	return nil
}

func checkUnknownSubject(ctx context.Context, s form.Source, fx Fixture) error {
	vals, err := s.Lookup(ctx, fx.Unknown, fx.Elements)
	if err != nil {
		return fmt.Errorf("error for an unknown subject: %w", err)
	}
	if len(vals) > 0 {
		return fmt.Errorf("%d values for an unknown subject", len(vals))
	}
	return nil
}

func checkUnknownElement(ctx context.Context, s form.Source, fx Fixture) error {
	vals, err := s.Lookup(ctx, fx.Known, []string{"formtest.no_such_element"})
	if err != nil {
		return fmt.Errorf("error for an element it does not hold: %w", err)
	}
	if len(vals) > 0 {
		return fmt.Errorf("%d values for an element no dictionary defines", len(vals))
	}
	vals, err = s.Lookup(ctx, fx.Known, nil)
	if err != nil || len(vals) > 0 {
		return fmt.Errorf("asked for nothing: %d values, error %v", len(vals), err)
	}
	return nil
}

func checkCancelled(ctx context.Context, s form.Source, fx Fixture) error {
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err := s.Lookup(cctx, fx.Known, fx.Elements)
	if !errors.Is(err, context.Canceled) {
		return fmt.Errorf("Lookup with a cancelled context: error %v, want one wrapping context.Canceled", err)
	}
	return nil
}

func checkConcurrent(ctx context.Context, s form.Source, fx Fixture) error {
	want, err := s.Lookup(ctx, fx.Known, fx.Elements)
	if err != nil {
		return err
	}
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got, err := s.Lookup(ctx, fx.Known, fx.Elements)
			switch {
			case err != nil:
				errs[i] = err
			case len(got) != len(want):
				errs[i] = fmt.Errorf("concurrent lookup %d: %d values, want %d", i, len(got), len(want))
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

func checkLister(ctx context.Context, s form.Source, fx Fixture) error {
	l, ok := s.(form.ElementLister)
	if !ok {
		return nil
	}
	held := l.Elements()
	vals, err := s.Lookup(ctx, fx.Known, fx.Elements)
	if err != nil {
		return err
	}
	var errs []error
	for _, v := range vals {
		if !slices.Contains(held, v.Element) {
			errs = append(errs, fmt.Errorf("Lookup returned %s, which Elements does not list", v.Element))
		}
	}
	// The fast path (asking only for listed elements) must agree with
	// asking for everything.
	narrow, err := s.Lookup(ctx, fx.Known, slices.DeleteFunc(slices.Clone(fx.Elements), func(e string) bool { return !slices.Contains(held, e) }))
	if err != nil {
		return err
	}
	if len(narrow) != len(vals) {
		errs = append(errs, fmt.Errorf("asking only for listed elements gives %d values, asking for all %d", len(narrow), len(vals)))
	}
	return errors.Join(errs...)
}

func checkDocuments(ctx context.Context, s form.Source, fx Fixture) error {
	ds, ok := s.(form.DocumentSource)
	if !ok {
		return nil
	}
	if len(fx.Documents) == 0 {
		return errors.New("a DocumentSource fixture must name document types")
	}
	docs, err := ds.Documents(ctx, fx.Known, fx.Documents)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return errors.New("no documents for the known subject")
	}
	var errs []error
	for _, d := range docs {
		if !slices.Contains(fx.Documents, d.Type) {
			errs = append(errs, fmt.Errorf("document of type %q, not asked for", d.Type))
		}
		if d.Source != s.Name() || !validTrust(d.Trust) || d.Issued.IsZero() {
			errs = append(errs, fmt.Errorf("document %s: Source %q, Trust %q, Issued %v: want the source's name, A–D and a time", d.Type, d.Source, d.Trust, d.Issued))
		}
	}
	if docs, err := ds.Documents(ctx, fx.Unknown, fx.Documents); err != nil || len(docs) > 0 {
		errs = append(errs, fmt.Errorf("unknown subject: %d documents, error %v", len(docs), err))
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ds.Documents(cctx, fx.Known, fx.Documents); !errors.Is(err, context.Canceled) {
		errs = append(errs, fmt.Errorf("Documents with a cancelled context: error %v, want context.Canceled", err))
	}
	return errors.Join(errs...)
}
