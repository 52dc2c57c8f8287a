package evaluation

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Test with errors.Is: richer errors such as
// *ValidationError and *TransitionError unwrap to them.
var (
	// ErrInvalid: the input breaks a documented rule.
	ErrInvalid = errors.New("invalid")
	// ErrNotFound: no record has that id.
	ErrNotFound = errors.New("not found")
	// ErrConflict: a write expected a version that is no longer current, or
	// an add reused an id for a different record.
	ErrConflict = errors.New("conflict")
	// ErrDuplicate: a second rating of one service event in one mode where
	// only a follow-up (追评) would be allowed. Errors wrapping it also wrap
	// ErrInvalid.
	ErrDuplicate = errors.New("duplicate rating")
	// ErrLate: a rating, a send-back or another step came after the window
	// the rules allow. Errors wrapping it also wrap ErrInvalid.
	ErrLate = errors.New("too late")
	// ErrTransition: a case, work order or problem order cannot take that
	// step in its present state. Errors wrapping it also wrap ErrInvalid.
	ErrTransition = errors.New("transition not allowed")
)

// Problem is one broken rule, with where it is and what is wrong in Chinese
// and English. Messages never carry personal data in clear: names, phone
// numbers and ID numbers appear masked.
type Problem struct {
	// Pointer is the JSON pointer of the offending value (RFC 6901).
	Pointer string `json:"pointer"`
	// Rule is a stable identifier of the rule, e.g. "bad-needs-reason".
	Rule string `json:"rule"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
	// Err is the sentinel the problem stands for: ErrInvalid, or a more
	// precise one such as ErrLate or ErrDuplicate.
	Err error `json:"-"`
}

// String returns the pointer, the English message and the rule.
func (p Problem) String() string { return p.Pointer + ": " + p.EN + " (" + p.Rule + ")" }

// ValidationError holds every problem found in one record, so that it is
// fixed in one pass. It unwraps to ErrInvalid and to the sentinel of each
// problem, so errors.Is(err, ErrLate) finds a late rating among others.
type ValidationError struct {
	// Subject names the record: its kind and id.
	Subject  string
	Problems []Problem
}

// Error lists the problems, in English.
func (e *ValidationError) Error() string {
	if len(e.Problems) == 1 {
		return "evaluation: " + e.Subject + ": " + e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "evaluation: %s: %d problems:", e.Subject, len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalid followed by the distinct sentinels of the
// problems.
func (e *ValidationError) Unwrap() []error {
	out := []error{ErrInvalid}
	for _, p := range e.Problems {
		if p.Err != nil && !containsErr(out, p.Err) {
			out = append(out, p.Err)
		}
	}
	return out
}

// Has reports whether a problem breaks the named rule.
func (e *ValidationError) Has(rule string) bool {
	for _, p := range e.Problems {
		if p.Rule == rule {
			return true
		}
	}
	return false
}

func containsErr(list []error, err error) bool {
	for _, e := range list {
		if e == err {
			return true
		}
	}
	return false
}

// TransitionError reports a step a record cannot take: a move not in its
// state machine, a move back in time, or a step missing what it needs (who,
// why). It unwraps to ErrTransition and ErrInvalid, and to ErrLate when the
// step came after its window.
type TransitionError struct {
	// Record is the kind and id of the record, e.g. "case 0190…".
	Record string
	// From is the state the record is in; Step names the step tried.
	From, Step string
	// Reason says in English why the step is refused.
	Reason string
	// Late is set when the step was refused for coming too late.
	Late bool
}

// Error says which step was refused and why.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("evaluation: %s: cannot %s from %s: %s", e.Record, e.Step, e.From, e.Reason)
}

// Unwrap returns ErrTransition and ErrInvalid, and ErrLate for a late step.
func (e *TransitionError) Unwrap() []error {
	if e.Late {
		return []error{ErrTransition, ErrInvalid, ErrLate}
	}
	return []error{ErrTransition, ErrInvalid}
}

// problems collects Problems for one record.
type problems struct {
	subject string
	list    []Problem
}

func (ps *problems) add(pointer, rule, zh, en string, args ...any) {
	ps.addErr(ErrInvalid, pointer, rule, zh, en, args...)
}

func (ps *problems) addErr(err error, pointer, rule, zh, en string, args ...any) {
	ps.list = append(ps.list, Problem{
		Pointer: pointer, Rule: rule, Err: err,
		ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...),
	})
}

// err returns nil or a *ValidationError.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &ValidationError{Subject: ps.subject, Problems: ps.list}
}
