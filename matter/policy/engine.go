package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"slices"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// Outcome is the decision for one enterprise and one policy.
type Outcome uint8

// The outcomes.
const (
	// NotEligible: a condition is false, an exclusion holds, or the policy
	// is not in force on the day.
	NotEligible Outcome = iota
	// Eligible: every condition holds, no exclusion does, and the amount is
	// known.
	Eligible
	// Undecidable: the profile lacks data the decision needs; Missing names
	// it.
	Undecidable
)

var outcomeNames = [...]string{"not_eligible", "eligible", "undecidable"}

// String returns "eligible", "not_eligible" or "undecidable".
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", o)
}

// Names returns the outcome in Chinese and English, as a clerk reads it.
func (o Outcome) Names() (zh, en string) {
	switch o {
	case Eligible:
		return "符合", "eligible"
	case Undecidable:
		return "无法判定（数据缺失）", "undecidable (data missing)"
	}
	return "不符合", "not eligible"
}

// MarshalText writes the outcome's name.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads an outcome's name.
func (o *Outcome) UnmarshalText(b []byte) error {
	i := slices.Index(outcomeNames[:], string(b))
	if i < 0 {
		return fmt.Errorf("%w: unknown outcome %q", ErrInvalid, b)
	}
	*o = Outcome(i)
	return nil
}

// The reasons a Result gives for an outcome other than Eligible.
const (
	ReasonNotInForce = "not_in_force" // the day lies outside the policy's period
	ReasonCondition  = "condition"    // Clause names the eligibility condition that is false
	ReasonExclusion  = "exclusion"    // Clause names the exclusion that holds
	ReasonMissing    = "missing"      // Missing names the data lacking
	ReasonFault      = "fault"        // a value could not be computed, such as a division by zero or a negative amount
)

// Result is the decision for one enterprise and one policy on a day.
type Result struct {
	Profile *Profile
	Policy  *Policy
	Date    matter.Date
	Outcome Outcome
	// Amount is the benefit, rounded half up to the fen; zero unless
	// Eligible.
	Amount Amount
	// Reason and Clause say why the outcome is not Eligible.
	Reason string
	Clause string
	// Missing names, for an Undecidable outcome, the attributes (or points
	// of a series, such as "ui_premiums[2024]") whose absence decided it.
	Missing []string
}

// resultJSON is the JSON form of a Result.
type resultJSON struct {
	Enterprise creditcode.Code `json:"enterprise"`
	Name       string          `json:"name,omitempty"`
	Policy     string          `json:"policy"`
	Date       matter.Date     `json:"date"`
	Outcome    Outcome         `json:"outcome"`
	Amount     *Amount         `json:"amount,omitempty"`
	Reason     string          `json:"reason,omitempty"`
	Clause     string          `json:"clause,omitempty"`
	Missing    []string        `json:"missing,omitempty"`
}

// MarshalJSON writes the enterprise and policy by code.
func (r Result) MarshalJSON() ([]byte, error) {
	j := resultJSON{Policy: r.Policy.Code, Date: r.Date, Outcome: r.Outcome,
		Reason: r.Reason, Clause: r.Clause, Missing: r.Missing}
	if r.Profile != nil {
		j.Enterprise, j.Name = r.Profile.Code, r.Profile.Name
	}
	if r.Outcome == Eligible {
		a := r.Amount
		j.Amount = &a
	}
	return json.Marshal(j)
}

// evaluator evaluates one policy on one day for many profiles, reusing its
// frame.
type evaluator struct {
	pol *Policy
	f   frame
	in  *interp // reused to name missing data
}

func newEvaluator(pol *Policy, day matter.Date) *evaluator {
	e := &evaluator{pol: pol, f: frame{
		today:  dayNumber(day),
		year:   ratInt(int64(day.Time().Year())),
		params: pol.paramsAt(day),
		memo:   make([]memo, len(pol.Definitions)),
		prog:   pol.prog,
	}}
	e.f.setStatics()
	return e
}

// eval decides one pair on the fast path; only an undecidable pair goes to
// the interpreter, to name what is missing.
func (e *evaluator) eval(p *Profile, day matter.Date) Result {
	pol := e.pol
	r := Result{Profile: p, Policy: pol, Date: day}
	if !pol.InForce(day) {
		r.Reason = ReasonNotInForce
		return r
	}
	f := &e.f
	f.p = p
	clear(f.memo)
	prog := pol.prog
	unknown := false
	for i, c := range prog.elig {
		switch c(f) {
		case triFalse:
			r.Reason, r.Clause = ReasonCondition, pol.Eligibility[i].ID
			return r
		case triUnknown:
			unknown = true
		}
	}
	for i, c := range prog.excl {
		switch c(f) {
		case triTrue:
			r.Reason, r.Clause = ReasonExclusion, pol.Exclusions[i].ID
			return r
		case triUnknown:
			unknown = true
		}
	}
	var amount rat
	ok := false
	if !unknown {
		amount, ok = prog.amount(f)
	}
	if !ok {
		r.Outcome, r.Reason = Undecidable, ReasonMissing
		r.Missing, r.Clause = e.missing(p, day)
		if len(r.Missing) == 0 {
			r.Reason = ReasonFault
		}
		return r
	}
	fen, fits := amount.fen()
	if !fits || fen < 0 {
		r.Outcome, r.Reason = Undecidable, ReasonFault
		return r
	}
	r.Outcome, r.Amount = Eligible, Amount(fen)
	return r
}

// missing runs the interpreter over an undecidable pair and returns all the
// data lacking for a decision and a payment (those of the amount included),
// and the first clause that could not be decided.
func (e *evaluator) missing(p *Profile, day matter.Date) ([]string, string) {
	if e.in == nil {
		f := e.f
		e.in = newInterp(&f, e.pol)
		e.in.lite = true
	}
	in := e.in
	in.f.p = p
	in.reset()
	var missing []string
	first := ""
	for _, cs := range [][]Clause{e.pol.Eligibility, e.pol.Exclusions} {
		for _, c := range cs {
			_, known, st := in.eval(c.When, c.t)
			if !known {
				missing = union(missing, st.Missing)
				if first == "" {
					first = c.ID
				}
			}
		}
	}
	// The amount's data are needed too, to pay once the rest is known.
	_, _, st := in.eval(e.pol.Amount.Expr, e.pol.Amount.t)
	missing = union(missing, st.Missing)
	slices.Sort(missing)
	return missing, first
}

// Evaluate decides one policy for one profile on day.
func Evaluate(pol *Policy, p *Profile, day matter.Date) (Result, error) {
	if p.reg != pol.scope.reg {
		return Result{}, fmt.Errorf("%w: profile %s was built against another registry", ErrInvalid, p.Code)
	}
	return newEvaluator(pol, day).eval(p, day), nil
}

// Match decides every policy in force on day for every profile of a
// register, streaming one Result per profile and policy in force, profile
// by profile. It holds no more than one profile at a time and builds no
// trace: ask Explain for the pairs a clerk wants to read. A profile built
// against another registry than the policies', or an error from profiles,
// is yielded as an error and ends the stream; so does ctx being done.
func Match(ctx context.Context, day matter.Date, policies []*Policy, profiles iter.Seq2[*Profile, error]) iter.Seq2[Result, error] {
	return func(yield func(Result, error) bool) {
		var evs []*evaluator
		for _, pol := range policies {
			if pol.InForce(day) {
				evs = append(evs, newEvaluator(pol, day))
			}
		}
		n := 0
		for p, err := range profiles {
			if err != nil {
				yield(Result{}, err)
				return
			}
			if n++; n%256 == 0 {
				if err := ctx.Err(); err != nil {
					yield(Result{}, err)
					return
				}
			}
			for _, e := range evs {
				if p.reg != e.pol.scope.reg {
					yield(Result{}, fmt.Errorf("%w: profile %s was built against another registry", ErrInvalid, p.Code))
					return
				}
				if !yield(e.eval(p, day), nil) {
					return
				}
			}
		}
	}
}
