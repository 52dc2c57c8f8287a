package form

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
)

// Verdict is the outcome of a pre-review.
type Verdict string

// The verdicts.
const (
	Pass             Verdict = "pass"               // 通过
	PassWithWarnings Verdict = "pass_with_warnings" // 通过（有警告）: a clerk looks
	Fail             Verdict = "fail"               // 不通过: the applicant must correct
)

// Problem is one thing pre-review found.
type Problem struct {
	// Pointer is the JSON pointer of the field in the merged answers.
	Pointer string `json:"pointer"`
	// Matters are the member matters affected, in plan order.
	Matters []string `json:"matters"`
	// Code is stable ("schema.required", "element.citizen_id.checksum",
	// "retirement.too_early", …): the key of the message catalogs.
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	// Message explains the problem in Chinese and English, personal data
	// masked.
	Message Text `json:"message"`
}

// Approval says whether a member that declares automatic approval
// (自动审批, "x-auto-approve") may be approved without a clerk, and why.
type Approval struct {
	Matter     string `json:"matter"`
	Approvable bool   `json:"approvable"`
	// Basis is the declaration's basis.
	Basis string `json:"basis"`
	// Reasons explain the decision: why it is approvable, or every
	// condition that failed.
	Reasons []Text `json:"reasons"`
}

// Report is the result of a pre-review (智能预审).
type Report struct {
	Form    string    `json:"form"`
	Verdict Verdict   `json:"verdict"`
	At      time.Time `json:"at"`
	// Problems are sorted by pointer, then code.
	Problems []Problem `json:"problems"`
	// Approvals are the members that declare automatic approval, in plan
	// order.
	Approvals []Approval `json:"approvals,omitempty"`
}

// Err returns nil unless the verdict is Fail; then a join of *FieldError,
// one per error-severity problem, each wrapping ErrInvalid.
func (r *Report) Err() error {
	if r.Verdict != Fail {
		return nil
	}
	var errs []error
	for _, p := range r.Problems {
		if p.Severity == Error {
			errs = append(errs, &FieldError{Pointer: p.Pointer, Code: p.Code, Err: fmt.Errorf("%w: %s", ErrInvalid, p.Message.EN)})
		}
	}
	return errors.Join(errs...)
}

// AutoApprovable reports whether member code may be approved without a
// clerk.
func (r *Report) AutoApprovable(code string) bool {
	for _, a := range r.Approvals {
		if a.Matter == code {
			return a.Approvable
		}
	}
	return false
}

// ReviewOption adjusts a Review.
type ReviewOption func(*reviewConfig)

type reviewConfig struct {
	prefill *Prefilled
	today   time.Time
}

// WithPrefill gives Review the pre-fill the answers started from: checks
// and automatic approval then know which values came from which source, and
// Review reports answers about another subject than the pre-fill's.
func WithPrefill(p *Prefilled) ReviewOption { return func(c *reviewConfig) { c.prefill = p } }

// On sets the day of the review (default: now), which checks may use.
func On(day time.Time) ReviewOption { return func(c *reviewConfig) { c.today = day } }

// Review pre-reviews merged answers (智能预审): the merged JSON Schema (with
// formats), then each element field's validator, then the cross-field checks
// the member forms declare in x-rules, then automatic approval for members
// that declare x-auto-approve. Every problem is reported with its pointer in
// the merged form, the member matters affected, a stable code and messages
// in Chinese and English with personal data masked.
//
// A value the schema rejects is not also run through its validator, and a
// check whose required values are missing or invalid does not run: each
// fault is reported once. When ctx is done before the review is, the report
// fails with the problem "review.incomplete".
func Review(ctx context.Context, m *Merged, a Answers, opts ...ReviewOption) *Report {
	cfg := reviewConfig{}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.today.IsZero() {
		cfg.today = time.Now()
	}
	cfg.today = cfg.today.In(matter.CST)
	rv := &reviewer{m: m, a: a, cfg: cfg}
	rv.r = &Report{Form: m.id, At: cfg.today, Problems: []Problem{}}
	rv.run(ctx)
	return rv.r
}

type reviewer struct {
	m   *Merged
	a   Answers
	cfg reviewConfig
	r   *Report
	bad map[string]bool // pointers with a problem
}

func (rv *reviewer) run(ctx context.Context) {
	if err := ctx.Err(); err == nil {
		rv.schema()
		rv.elements()
		rv.subject()
		rv.checks(ctx)
	}
	if err := ctx.Err(); err != nil {
		rv.incomplete(err)
	}
	slices.SortStableFunc(rv.r.Problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Pointer, b.Pointer), cmp.Compare(a.Code, b.Code))
	})
	rv.compact()
	rv.r.Verdict = Pass
	for _, p := range rv.r.Problems {
		if p.Severity == Error {
			rv.r.Verdict = Fail
			break
		}
		rv.r.Verdict = PassWithWarnings
	}
	rv.approvals()
}

// compact folds problems repeated at one pointer with one code and message
// into one, with the union of their matters in plan order.
func (rv *reviewer) compact() {
	ps := rv.r.Problems
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && out[n-1].Pointer == p.Pointer && out[n-1].Code == p.Code && out[n-1].Message == p.Message {
			out[n-1].Matters = rv.union(out[n-1].Matters, p.Matters)
			continue
		}
		out = append(out, p)
	}
	rv.r.Problems = out
}

// union returns the members in either list, in plan order.
func (rv *reviewer) union(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	for _, m := range rv.m.members {
		if slices.Contains(a, m) || slices.Contains(b, m) {
			out = append(out, m)
		}
	}
	return out
}

// add records a problem of the values themselves (schema, validators): a
// check does not run on a value with an error.
func (rv *reviewer) add(p Problem) {
	if p.Severity == Error {
		if rv.bad == nil {
			rv.bad = map[string]bool{}
		}
		rv.bad[p.Pointer] = true
	}
	rv.r.Problems = append(rv.r.Problems, p)
}

// addFinding records a problem a check found; other checks still read the
// values.
func (rv *reviewer) addFinding(p Problem) { rv.r.Problems = append(rv.r.Problems, p) }

func (rv *reviewer) incomplete(err error) {
	rv.add(Problem{Pointer: "", Matters: slices.Clone(rv.m.members), Code: "review.incomplete", Severity: Error,
		Message: rv.m.dict.Message("review.incomplete", err.Error())})
}

// schema validates the answers against the merged JSON Schema.
func (rv *reviewer) schema() {
	s, err := rv.m.schema()
	if err != nil {
		rv.incomplete(err)
		return
	}
	if err := s.Validate(map[string]any(rv.a)); err != nil {
		for _, p := range rv.m.schemaProblems(err) {
			rv.add(p)
		}
	}
}

// elements runs the element validators over the values the schema accepted.
func (rv *reviewer) elements() {
	for _, mf := range rv.m.fields {
		if mf.element == "" || mf.elem.Validate == nil || rv.bad[mf.pointer] {
			continue
		}
		v, ok := rv.a[mf.element]
		if !ok || !typeAccepts(mf.elem.Type, jsonType(v)) {
			continue
		}
		if f := mf.elem.Validate(v); f != nil {
			args := append([]any{mf.label, mf.elem.MaskValue(v)}, f.Args...)
			rv.add(Problem{Pointer: mf.pointer, Matters: slices.Clone(mf.members), Code: f.Code, Severity: f.Severity,
				Message: rv.m.dict.Message(f.Code, args...)})
		}
	}
}

// subject reports answers about someone other than the pre-fill's subject.
func (rv *reviewer) subject() {
	p := rv.cfg.prefill
	if p == nil {
		return
	}
	check := func(element, want string) {
		mf, ok := rv.m.byElement[element]
		if !ok || want == "" {
			return
		}
		got, ok := rv.a[element].(string)
		if !ok || got == want {
			return
		}
		if element == "person.id_number" && !p.Subject.Person.IsZero() {
			if id, err := citizenid.Parse(got); err == nil && id == p.Subject.Person {
				return
			}
		}
		rv.add(Problem{Pointer: mf.pointer, Matters: slices.Clone(mf.members), Code: "prefill.subject_mismatch", Severity: Error,
			Message: rv.m.dict.Message("prefill.subject_mismatch", mf.label, mf.elem.MaskValue(got))})
	}
	check("person.id_number", p.Subject.Person.String())
	check("enterprise.credit_code", string(p.Subject.Enterprise))
}

// checks runs the declared cross-field checks.
func (rv *reviewer) checks(ctx context.Context) {
	in := &CheckInput{Values: map[string]any{}, Today: rv.cfg.today, Prefilled: rv.cfg.prefill, dict: rv.m.dict}
	for _, r := range rv.m.rules {
		if ctx.Err() != nil {
			return
		}
		chk, ok := rv.m.dict.checks[r.check]
		if !ok {
			continue
		}
		clear(in.Values) // checks must not keep their input
		in.bind = r.binds
		runnable := true
		for _, prm := range chk.Params {
			b, bound := r.binds[prm.Name]
			var v any
			var ok bool
			if bound {
				v, ok = lookup(rv.a, b.tokens)
			}
			if ok && rv.bad[b.pointer] {
				ok = false
			}
			if ok {
				in.Values[prm.Name] = v
			} else if prm.Required {
				runnable = false
			}
		}
		if !runnable {
			continue
		}
		for _, f := range chk.Run(ctx, in) {
			ptr := r.binds[f.Param].pointer
			rv.addFinding(Problem{Pointer: ptr, Matters: slices.Clone(r.matters), Code: f.Code, Severity: f.Severity,
				Message: rv.m.dict.Message(f.Code, f.Args...)})
		}
	}
}
