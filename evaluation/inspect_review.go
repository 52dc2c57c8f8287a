package evaluation

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
)

// HandlingReviewState is the state of a HandlingReview.
type HandlingReviewState string

// The states: open → reviewing (a supervisor took it) → upheld or dismissed.
const (
	HandlingOpen      HandlingReviewState = "open"      // 待复核
	HandlingReviewing HandlingReviewState = "reviewing" // 复核中
	HandlingUpheld    HandlingReviewState = "upheld"    // 投诉成立
	HandlingDismissed HandlingReviewState = "dismissed" // 投诉不成立
)

// Valid reports whether s is one of the states.
func (s HandlingReviewState) Valid() bool {
	switch s {
	case HandlingOpen, HandlingReviewing, HandlingUpheld, HandlingDismissed:
		return true
	}
	return false
}

// Decided reports whether the review is decided.
func (s HandlingReviewState) Decided() bool { return s == HandlingUpheld || s == HandlingDismissed }

// HandlingReview is the review of one work order opened by a complaint
// about how it was handled (热线办理质效投诉, measure 8 of the plan). It
// holds what the inspection rules saw when it was opened, and is worked by
// a supervisor who records a finding; both are shown together, so the
// supervisor sees the rules' evidence and the rules' output is checked by
// a person. An upheld review names the rules the supervisor confirmed.
type HandlingReview struct {
	ID     uuid.UUID         `json:"id"`
	Order  uuid.UUID         `json:"order"`
	Number string            `json:"number,omitempty"`
	Unit   matter.Department `json:"unit,omitzero"`
	// Complaint is what the caller complained of; OpenedAt and OpenedBy when
	// and by whom the review was opened.
	Complaint string    `json:"complaint"`
	OpenedAt  time.Time `json:"opened_at"`
	OpenedBy  string    `json:"opened_by"`
	// Inspection is the inspection of the order at opening (and after each
	// Reinspect).
	Inspection Inspection          `json:"inspection"`
	State      HandlingReviewState `json:"state"`
	Supervisor string              `json:"supervisor,omitempty"`
	// Finding is the supervisor's conclusion; Confirmed the inspection
	// rules whose faults the supervisor confirmed (upheld reviews only).
	Finding   string         `json:"finding,omitempty"`
	Confirmed []InspectRule  `json:"confirmed,omitempty"`
	DecidedAt time.Time      `json:"decided_at,omitzero"`
	History   []HandlingStep `json:"history"`
	// Version counts stored revisions, from 1; the store sets it.
	Version int `json:"version"`
}

// Clone returns a deep copy.
func (r *HandlingReview) Clone() *HandlingReview {
	c := *r
	c.Inspection.Checks = slices.Clone(r.Inspection.Checks)
	c.Confirmed = slices.Clone(r.Confirmed)
	c.History = slices.Clone(r.History)
	return &c
}

// Equal reports whether r and o are the same handling review apart from
// Version: times are compared as instants and a nil slice equals an empty
// one.
func (r *HandlingReview) Equal(o *HandlingReview) bool { return sameRecord(r, o) }

// HandlingStep is one step of a HandlingReview.
type HandlingStep struct {
	To   HandlingReviewState `json:"to"`
	At   time.Time           `json:"at"`
	By   string              `json:"by"`
	Note string              `json:"note,omitempty"`
}

// OpenHandlingReview opens the review of an order complained about,
// inspecting it as of at. The complaint text, who opens it and the time
// are required; an order never replied to cannot have its handling
// reviewed (ErrInvalid).
func OpenHandlingReview(in *Inspector, w *WorkOrder, complaint string, at time.Time, by string) (*HandlingReview, error) {
	switch {
	case in == nil || w == nil:
		return nil, fmt.Errorf("evaluation: handling review: %w: inspector and order are required", ErrInvalid)
	case strings.TrimSpace(complaint) == "" || by == "" || at.IsZero():
		return nil, fmt.Errorf("evaluation: handling review: %w: complaint, opener and time are required", ErrInvalid)
	case len(w.Replies) == 0:
		return nil, fmt.Errorf("evaluation: handling review: %w: order %s has no reply to review", ErrInvalid, w.ID)
	case at.Before(w.Replies[0].At):
		return nil, fmt.Errorf("evaluation: handling review: %w: complaint before the first reply", ErrInvalid)
	}
	insp := in.Inspect(w, at)
	r := &HandlingReview{
		ID: uuid.Must(uuid.NewV7()), Order: w.ID, Number: w.Number, Unit: insp.Unit,
		Complaint: complaint, OpenedAt: at, OpenedBy: by, Inspection: insp, State: HandlingOpen,
	}
	r.History = []HandlingStep{{To: HandlingOpen, At: at, By: by, Note: complaint}}
	return r, nil
}

func (r *HandlingReview) step(to HandlingReviewState, at time.Time, by, note string, from ...HandlingReviewState) error {
	if !slices.Contains(from, r.State) {
		return &TransitionError{Record: "handling review " + r.ID.String(), Step: string(to), From: string(r.State), Reason: "no such move"}
	}
	if by == "" || at.Before(r.History[len(r.History)-1].At) {
		return fmt.Errorf("evaluation: handling review: %w: a step needs who and a time not before the last step", ErrInvalid)
	}
	r.State = to
	r.History = append(r.History, HandlingStep{To: to, At: at, By: by, Note: note})
	return nil
}

// Take assigns the review to a supervisor (open → reviewing).
func (r *HandlingReview) Take(at time.Time, supervisor string) error {
	if err := r.step(HandlingReviewing, at, supervisor, "", HandlingOpen); err != nil {
		return err
	}
	r.Supervisor = supervisor
	return nil
}

// Reinspect inspects the order again, for example after 重办, while the
// review is not decided.
func (r *HandlingReview) Reinspect(in *Inspector, w *WorkOrder, at time.Time) error {
	if r.State.Decided() || w.ID != r.Order {
		return fmt.Errorf("evaluation: handling review: %w: decided, or another order", ErrInvalid)
	}
	r.Inspection = in.Inspect(w, at)
	return nil
}

// Decide records the supervisor's finding (reviewing → upheld or
// dismissed). Only the supervisor who took the review decides it; a finding
// is required; confirmed lists the rules whose faults the supervisor
// confirms, which must be among those the inspection failed, plus none
// otherwise for a dismissal.
func (r *HandlingReview) Decide(at time.Time, by string, upheld bool, finding string, confirmed ...InspectRule) error {
	if r.State == HandlingReviewing && by != r.Supervisor {
		return fmt.Errorf("evaluation: handling review: %w: only %s decides it", ErrInvalid, r.Supervisor)
	}
	if strings.TrimSpace(finding) == "" {
		return fmt.Errorf("evaluation: handling review: %w: a finding is required", ErrInvalid)
	}
	failed := r.Inspection.Failed()
	for _, c := range confirmed {
		if !upheld || !slices.Contains(failed, c) {
			return fmt.Errorf("evaluation: handling review: %w: rule %q was not failed by the inspection or the review is dismissed", ErrInvalid, c)
		}
	}
	to := HandlingDismissed
	if upheld {
		to = HandlingUpheld
	}
	if err := r.step(to, at, by, finding, HandlingReviewing); err != nil {
		return err
	}
	r.Finding, r.Confirmed, r.DecidedAt = finding, slices.Clone(confirmed), at
	return nil
}
