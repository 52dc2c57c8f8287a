package form

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/onething-gov/onething/matter"
)

// Prefilled is what registries already know of an application: values for
// the merged form's element fields, each with its provenance, the
// materials trusted documents make unnecessary (免提交), and the sources
// that failed. It is the start of an application, not a decision: the
// applicant confirms or corrects the values, and Review checks the result.
type Prefilled struct {
	Subject Subject `json:"subject"`
	// At is when Prefill ran.
	At time.Time `json:"at"`
	// Answers hold the pre-filled values, keyed as merged answers.
	Answers Answers `json:"answers"`
	// Fields are the pre-filled fields in merged field order.
	Fields []Filled `json:"fields"`
	// Waived are the materials trusted documents supply.
	Waived []Waiver `json:"waived,omitempty"`
	// Failures are the sources that failed; their values are missing, the
	// application is not.
	Failures []*SourceError `json:"-"`
}

// Filled is a pre-filled field.
type Filled struct {
	Pointer string `json:"pointer"`
	Element string `json:"element"`
	// Value is the value chosen: the highest trust level, then the most
	// recent, then the source given first.
	Value Value `json:"value"`
	// Others are the other values sources gave, best first; a clerk looks
	// at them when they differ from Value.
	Others []Value `json:"others,omitempty"`
}

// Conflicting reports whether sources disagreed about the field.
func (f Filled) Conflicting() bool {
	return slices.ContainsFunc(f.Others, func(o Value) bool { return !jsonEqual(o.Value, f.Value.Value) })
}

// Waiver is a material that a trusted document supplies, so the applicant
// need not (免提交).
type Waiver struct {
	Material string `json:"material"`
	Name     string `json:"name"`
	// Members are the members for which the document replaces the
	// material; Complete reports whether that is every member asking for
	// it.
	Members  []string `json:"members"`
	Complete bool     `json:"complete"`
	Document Document `json:"document"`
}

// Filled returns the pre-filled field at pointer p.
func (p *Prefilled) Filled(ptr string) (Filled, bool) {
	f, ok := p.field(ptr)
	if !ok {
		return Filled{}, false
	}
	f.Others = slices.Clone(f.Others)
	return f, true
}

func (p *Prefilled) field(ptr string) (Filled, bool) {
	for _, f := range p.Fields {
		if f.Pointer == ptr {
			return f, true
		}
	}
	return Filled{}, false
}

// Err returns the failures joined, or nil.
func (p *Prefilled) Err() error {
	errs := make([]error, len(p.Failures))
	for i, f := range p.Failures {
		errs[i] = f
	}
	return errors.Join(errs...)
}

// Prefill asks the sources, concurrently, for the element fields of m
// about subject, and documents for m's materials from sources that are
// DocumentSources. Each source is asked only for the elements the form
// needs (and, for an ElementLister, that it holds).
//
// Where sources disagree, the value of the highest trust level wins, then
// the most recent, then the source listed first; the others are kept in
// Filled.Others. A value that is not a valid value of its element (type,
// enum, validator) is not used and is reported as a failure of its source.
// A material is waived for a member when a document of its type came at
// trust A or B, is at least as strong as a level the member accepts, and has
// not expired.
//
// A source that fails, panics or outlives ctx is reported in Failures and
// contributes nothing; Prefill itself does not fail, and returns when ctx
// is done even if a source ignores it.
func Prefill(ctx context.Context, m *Merged, subject Subject, sources ...Source) *Prefilled {
	p := &Prefilled{Subject: subject, At: time.Now(), Answers: Answers{}}
	var need []string
	for _, mf := range m.fields {
		if mf.element != "" {
			need = append(need, mf.element)
		}
	}
	var types []string
	for _, mat := range m.materials {
		types = append(types, mat.Type)
	}
	type result struct {
		i    int
		vals []Value
		docs []Document
		errs []error
	}
	results := make(chan result, len(sources))
	pending := 0
	for i, s := range sources {
		ask := need
		if l, ok := s.(ElementLister); ok {
			held := l.Elements()
			ask = slices.DeleteFunc(slices.Clone(need), func(e string) bool { return !slices.Contains(held, e) })
		}
		ds, isDocs := s.(DocumentSource)
		if len(ask) == 0 && (!isDocs || len(types) == 0) {
			continue
		}
		pending++
		go func() {
			r := result{i: i}
			defer func() {
				if v := recover(); v != nil {
					r.vals, r.docs = nil, nil
					r.errs = append(r.errs, fmt.Errorf("panic: %v", v))
				}
				results <- r
			}()
			if len(ask) > 0 {
				vals, err := s.Lookup(ctx, subject, ask)
				if err != nil {
					r.errs = append(r.errs, err)
				} else {
					r.vals = vals
				}
			}
			if isDocs && len(types) > 0 {
				docs, err := ds.Documents(ctx, subject, types)
				if err != nil {
					r.errs = append(r.errs, err)
				} else {
					r.docs = docs
				}
			}
		}()
	}
	got := make([]*result, len(sources))
	for pending > 0 {
		select {
		case r := <-results:
			got[r.i] = &r
			pending--
		case <-ctx.Done():
			pending = 0
		}
	}
	byElement := map[string][]Value{}
	var docs []Document
	for i, s := range sources {
		r := got[i]
		if r == nil {
			if ctx.Err() != nil {
				p.Failures = append(p.Failures, &SourceError{Source: s.Name(), Err: ctx.Err()})
			}
			continue
		}
		for _, err := range r.errs {
			p.Failures = append(p.Failures, &SourceError{Source: s.Name(), Err: err})
		}
		for _, v := range r.vals {
			mf, ok := m.byElement[v.Element]
			if !ok {
				continue // not asked for
			}
			nv, err := normalizeValue(mf.elem, v.Value)
			if err == nil {
				v.Value = nv
				err = acceptable(mf.elem, v)
			}
			if err != nil {
				p.Failures = append(p.Failures, &SourceError{Source: s.Name(), Err: &FieldError{Pointer: mf.pointer, Code: "prefill.invalid_value", Err: err}})
				continue
			}
			byElement[v.Element] = append(byElement[v.Element], v) // source order breaks ties
		}
		docs = append(docs, r.docs...)
	}
	for _, mf := range m.fields {
		vals := byElement[mf.element]
		if mf.element == "" || len(vals) == 0 {
			continue
		}
		slices.SortStableFunc(vals, func(a, b Value) int {
			if d := trustRank(a.Trust) - trustRank(b.Trust); d != 0 {
				return d
			}
			return b.Time.Compare(a.Time)
		})
		p.Fields = append(p.Fields, Filled{Pointer: mf.pointer, Element: mf.element, Value: vals[0], Others: vals[1:]})
		p.Answers[mf.element] = clone(vals[0].Value)
	}
	p.Waived = waivers(m, docs, p.At)
	return p
}

// acceptable checks a source's value against its element.
func acceptable(e *Element, v Value) error {
	if trustRank(v.Trust) > 3 {
		return fmt.Errorf("%w: trust level %q is not A–D", ErrInvalid, v.Trust)
	}
	if !e.allows(v.Value) {
		return fmt.Errorf("%w: %s is not a value of %s", ErrInvalid, e.MaskValue(v.Value), e.ID)
	}
	if e.Validate != nil {
		if f := e.Validate(v.Value); f != nil && f.Severity == Error {
			return fmt.Errorf("%w: %s: %s", ErrInvalid, f.Code, e.MaskValue(v.Value))
		}
	}
	return nil
}

// satisfies reports whether a document of trust t meets a member's accepted
// levels: trusted (A or B) and at least as strong as one accepted level (an
// empty list accepts any).
func satisfies(t matter.Trust, accepted []matter.Trust) bool {
	if trustRank(t) > 1 {
		return false
	}
	if len(accepted) == 0 {
		return true
	}
	return slices.ContainsFunc(accepted, func(a matter.Trust) bool { return trustRank(t) <= trustRank(a) })
}

// waivers finds the materials documents supply.
func waivers(m *Merged, docs []Document, now time.Time) []Waiver {
	slices.SortStableFunc(docs, func(a, b Document) int {
		if d := trustRank(a.Trust) - trustRank(b.Trust); d != 0 {
			return d
		}
		return b.Issued.Compare(a.Issued)
	})
	var out []Waiver
	for _, mat := range m.materials {
		for _, d := range docs {
			if d.Type != mat.Type || (!d.Expires.IsZero() && !now.Before(d.Expires)) {
				continue
			}
			w := Waiver{Material: mat.Type, Name: mat.Name, Document: d}
			for _, need := range mat.Members {
				if satisfies(d.Trust, need.Trust) {
					w.Members = append(w.Members, need.Matter)
				}
			}
			if len(w.Members) > 0 {
				w.Complete = len(w.Members) == len(mat.Members)
				out = append(out, w)
				break
			}
		}
	}
	return out
}

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }
