package policy

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/onething-gov/onething/matter"
)

// Scenario is a test case written as data, by us or by a city's developers:
// a profile, a policy, a day, and the outcome expected. Scenario files live
// beside the policies (policies/scenarios/*.json in the demo catalog) and
// are checked against the schema scenarios.json:
//
//	{
//	  "policy": "SD-HRSS-WGFH",          default for the scenarios below
//	  "date": "2024-06-30",               default day of evaluation
//	  "scenarios": [{
//	    "name": "小微企业返还60%",
//	    "profile": { …a profile, as DecodeProfile reads… },
//	    "expect": {"outcome": "eligible", "amount": "4800.00"}
//	  }]
//	}
//
// expect may also give reason, clause (the failed condition or the
// exclusion) and missing (the exact list of data lacking); what it leaves
// out is not checked.
type Scenario struct {
	// File and Pointer locate the scenario, for messages.
	File    string
	Pointer string
	Name    string
	Note    string
	Policy  string
	Date    matter.Date
	Profile *Profile
	Expect  Expectation
}

// Expectation is what a scenario expects of the decision.
type Expectation struct {
	Outcome Outcome  `json:"outcome"`
	Amount  *Amount  `json:"amount,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	Clause  string   `json:"clause,omitempty"`
	Missing []string `json:"missing,omitempty"`
}

type scenarioFile struct {
	Schema    string      `json:"$schema"`
	Policy    string      `json:"policy"`
	Date      matter.Date `json:"date"`
	Scenarios []struct {
		Name    string          `json:"name"`
		Policy  string          `json:"policy"`
		Date    matter.Date     `json:"date"`
		Note    string          `json:"note"`
		Profile json.RawMessage `json:"profile"`
		Expect  Expectation     `json:"expect"`
	} `json:"scenarios"`
}

// LoadScenarios reads the scenario files of fsys matching pattern (as
// fs.Glob, such as "policies/scenarios/*.json"), building each profile
// against set's registry. Every problem of every file is reported in one
// *LoadError wrapping ErrInvalid, including a scenario naming a policy the
// set does not have.
func LoadScenarios(set *Set, fsys fs.FS, pattern string) ([]Scenario, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("%w: pattern %q: %v", ErrInvalid, pattern, err)
	}
	var ps problems
	var out []Scenario
	for _, name := range names {
		file := path.Base(name)
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			ps.add(file, "", "%v", err)
			continue
		}
		var sf scenarioFile
		if !validate(file, "scenarios.json", b, &sf, &ps) {
			continue
		}
		for i, s := range sf.Scenarios {
			ptr := fmt.Sprintf("/scenarios/%d", i)
			sc := Scenario{File: file, Pointer: ptr, Name: s.Name, Note: s.Note,
				Policy: cmp.Or(s.Policy, sf.Policy), Date: s.Date, Expect: s.Expect}
			if sc.Date.IsZero() {
				sc.Date = sf.Date
			}
			if _, ok := set.Policy(sc.Policy); !ok {
				ps.add(file, ptr+"/policy", "no policy %q", sc.Policy)
			}
			if sc.Date.IsZero() {
				ps.add(file, ptr+"/date", "no date for the scenario or the file")
			}
			p, err := set.reg.decodeProfile(file, ptr+"/profile", s.Profile)
			var le *LoadError
			if errors.As(err, &le) {
				ps = append(ps, le.Problems...)
			}
			sc.Profile = p
			out = append(out, sc)
		}
	}
	if err := ps.err(ErrInvalid); err != nil {
		return nil, err
	}
	return out, nil
}

// ScenarioError is a scenario whose decision differs from its expectation.
// Its message lists the differences and the trace in English.
type ScenarioError struct {
	Scenario Scenario
	Got      Result
	Diffs    []string
	Trace    *Trace
}

// Error names the scenario, the differences and explains the decision.
func (e *ScenarioError) Error() string {
	s := e.Scenario
	msg := fmt.Sprintf("%s#%s %q: %s", s.File, s.Pointer, s.Name, strings.Join(e.Diffs, "; "))
	if e.Trace != nil {
		msg += "\n" + e.Trace.Explain("en")
	}
	return msg
}

// Check decides the scenario with set and compares the result with the
// expectation; it returns a *ScenarioError on a difference.
func (s Scenario) Check(set *Set) error {
	pol, ok := set.Policy(s.Policy)
	if !ok {
		return fmt.Errorf("%w: %s#%s: no policy %q", ErrNotFound, s.File, s.Pointer, s.Policy)
	}
	got, err := Evaluate(pol, s.Profile, s.Date)
	if err != nil {
		return err
	}
	var diffs []string
	want := s.Expect
	if got.Outcome != want.Outcome {
		diffs = append(diffs, fmt.Sprintf("outcome %s, want %s", got.Outcome, want.Outcome))
	}
	if want.Amount != nil && got.Amount != *want.Amount {
		diffs = append(diffs, fmt.Sprintf("amount %s, want %s", got.Amount, *want.Amount))
	}
	if want.Reason != "" && got.Reason != want.Reason {
		diffs = append(diffs, fmt.Sprintf("reason %q, want %q", got.Reason, want.Reason))
	}
	if want.Clause != "" && got.Clause != want.Clause {
		diffs = append(diffs, fmt.Sprintf("clause %q, want %q", got.Clause, want.Clause))
	}
	if want.Missing != nil {
		w := slices.Sorted(slices.Values(want.Missing))
		if !slices.Equal(got.Missing, w) {
			diffs = append(diffs, fmt.Sprintf("missing %q, want %q", got.Missing, w))
		}
	}
	if len(diffs) == 0 {
		return nil
	}
	tr, _ := Explain(pol, s.Profile, s.Date)
	return &ScenarioError{Scenario: s, Got: got, Diffs: diffs, Trace: tr}
}

// CheckScenarios loads the scenario files of fsys matching pattern and
// checks them all, returning every failure joined (errors.Join), or nil.
// It is the runner for a city's own scenario folder; package policytest
// runs the same checks as subtests.
func CheckScenarios(set *Set, fsys fs.FS, pattern string) error {
	scs, err := LoadScenarios(set, fsys, pattern)
	if err != nil {
		return err
	}
	var errs []error
	for _, s := range scs {
		if err := s.Check(set); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
