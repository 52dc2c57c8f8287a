package evaluation

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// ProblemOrder is a 问题工单: a work order 久拖未决 (see WorkOrder.Stalled)
// escalated for supervision from a higher level (提级督办) and settled by a
// joint consultation (联席会商) that convenes units and experts, takes a
// decision, names the lead unit and sets a follow-up deadline, which is
// itself tracked.
//
//	open → decided → closed
//	       decided → decided (a further consultation replaces the decision)
//
// WorkOrder.Escalate makes one.
type ProblemOrder struct {
	ID uuid.UUID `json:"id"`
	// Order is the work order escalated; Division, Category, Units,
	// Rehandled and Transfers are copied from it when escalated.
	Order     uuid.UUID           `json:"order"`
	Division  division.Code       `json:"division"`
	Category  matter.Category     `json:"category"`
	Reason    StallReason         `json:"reason"`
	Rehandled int                 `json:"rehandled"`
	Transfers int                 `json:"transfers"`
	Units     []matter.Department `json:"units,omitempty"`
	// Level is the level supervising the order now: division.City or
	// division.Province.
	Level division.Level `json:"level"`

	State    ProblemState `json:"state"`
	OpenedAt time.Time    `json:"opened_at"`

	// Consultation is the latest joint consultation, once decided.
	Consultation *Consultation `json:"consultation,omitempty"`
	// FollowUpDue is the last day to carry out the decision.
	FollowUpDue matter.Date `json:"follow_up_due,omitzero"`

	// History lists every change, the first being the escalation.
	History []ProblemChange `json:"history"`
	// Version counts stored revisions, from 1; the store sets it.
	Version int `json:"version"`
}

// Consultation is a joint consultation (联席会商) on a 问题工单.
type Consultation struct {
	At time.Time `json:"at"`
	// By is who chaired it.
	By string `json:"by"`
	// Convened lists the units taking part; Experts the experts consulted
	// (name and field, as published in the minutes).
	Convened []matter.Department `json:"convened"`
	Experts  []string            `json:"experts,omitempty"`
	Decision string              `json:"decision"`
	// Lead is the unit charged with carrying out the decision.
	Lead matter.Department `json:"lead"`
}

// ProblemState is the state of a 问题工单.
type ProblemState string

// The states.
const (
	ProblemOpen    ProblemState = "open"    // 已提级督办
	ProblemDecided ProblemState = "decided" // 已会商决定
	ProblemClosed  ProblemState = "closed"  // 已办结
)

// ProblemStates lists every state in lifecycle order.
func ProblemStates() []ProblemState {
	return []ProblemState{ProblemOpen, ProblemDecided, ProblemClosed}
}

// Valid reports whether s is one of the states.
func (s ProblemState) Valid() bool {
	return s == ProblemOpen || s == ProblemDecided || s == ProblemClosed
}

// ProblemChange is one change of a 问题工单.
type ProblemChange struct {
	From ProblemState `json:"from,omitempty"`
	To   ProblemState `json:"to"`
	At   time.Time    `json:"at"`
	By   string       `json:"by"`
	Note string       `json:"note,omitempty"`
}

func (p *ProblemOrder) refuse(step, reason string, args ...any) error {
	return &TransitionError{Record: "problem order " + p.ID.String(), From: string(p.State), Step: step, Reason: fmt.Sprintf(reason, args...)}
}

func (p *ProblemOrder) check(step string, at time.Time, by string, from ...ProblemState) error {
	switch {
	case !slices.Contains(from, p.State):
		return p.refuse(step, "allowed only from %v", from)
	case at.IsZero():
		return p.refuse(step, "the step needs a time")
	case len(p.History) > 0 && at.Before(p.History[len(p.History)-1].At):
		return p.refuse(step, "the step at %s is before the last change at %s", at.Format(time.RFC3339), p.History[len(p.History)-1].At.Format(time.RFC3339))
	case strings.TrimSpace(by) == "":
		return p.refuse(step, "the step needs who took it")
	}
	return nil
}

// Decide records a joint consultation and its decision (open or decided →
// decided), naming the lead unit, and sets the follow-up deadline
// cfg.Hotline.FollowUpDays working days after it. The caller names the same
// lead on the work order (WorkOrder.AssignLead).
func (p *ProblemOrder) Decide(cfg Config, c Consultation) error {
	if err := p.check("decide", c.At, c.By, ProblemOpen, ProblemDecided); err != nil {
		return err
	}
	switch {
	case len(c.Convened) == 0:
		return p.refuse("decide", "a consultation convenes at least one unit")
	case strings.TrimSpace(c.Decision) == "":
		return p.refuse("decide", "a consultation needs its decision")
	case c.Lead.CreditCode.IsZero() || strings.TrimSpace(c.Lead.Name) == "":
		return p.refuse("decide", "a consultation names the lead unit, with name and credit code")
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	due, err := cfg.due(c.At, cfg.Hotline.FollowUpDays)
	if err != nil {
		return fmt.Errorf("evaluation: problem order %s: decide: %w", p.ID, err)
	}
	c.Convened = slices.Clone(c.Convened)
	c.Experts = slices.Clone(c.Experts)
	p.Consultation = &c
	p.FollowUpDue = due
	p.History = append(p.History, ProblemChange{From: p.State, To: ProblemDecided, At: c.At, By: c.By, Note: c.Decision})
	p.State = ProblemDecided
	return nil
}

// Close closes a decided 问题工单 once the decision is carried out, with
// a note on the outcome.
func (p *ProblemOrder) Close(at time.Time, by, note string) error {
	if err := p.check("close", at, by, ProblemDecided); err != nil {
		return err
	}
	if strings.TrimSpace(note) == "" {
		return p.refuse("close", "closing needs a note on the outcome")
	}
	p.History = append(p.History, ProblemChange{From: p.State, To: ProblemClosed, At: at, By: by, Note: note})
	p.State = ProblemClosed
	return nil
}

// Pending returns the follow-up deadline of a decided 问题工单.
func (p *ProblemOrder) Pending() (Due, bool) {
	if p.State != ProblemDecided || p.FollowUpDue.IsZero() {
		return Due{}, false
	}
	return Due{DeadlineFollowUp, p.FollowUpDue}, true
}

// Overdue returns the follow-up deadline if it has passed on asOf's day.
func (p *ProblemOrder) Overdue(asOf time.Time) (Due, bool) {
	d, ok := p.Pending()
	if !ok || !d.Passed(asOf) {
		return Due{}, false
	}
	return d, true
}

// Clone returns a deep copy.
func (p *ProblemOrder) Clone() *ProblemOrder {
	c := *p
	c.Units = slices.Clone(p.Units)
	if p.Consultation != nil {
		k := *p.Consultation
		k.Convened = slices.Clone(k.Convened)
		k.Experts = slices.Clone(k.Experts)
		c.Consultation = &k
	}
	c.History = slices.Clone(p.History)
	return &c
}

// Equal reports whether p and o are the same problem order apart from
// Version: times are compared as instants and a nil slice equals an empty
// one.
func (p *ProblemOrder) Equal(o *ProblemOrder) bool { return sameRecord(p, o) }
