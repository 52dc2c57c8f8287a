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

// Case is a bad-review case (差评整改): the work a bad review sets off, from
// contacting the rater to the verified fix, with three deadlines in working
// days (see CaseRules). The unit reviewed may appeal (申诉); an appeal upheld
// after 申诉复核 excludes the review as a 误评 or 恶意评价.
//
// The states and moves:
//
//	received → verifying → rectifying → rectified → revisited → closed
//	                                    rectified → closed (anonymous only)
//	received, verifying, rectifying → appealed → excluded
//	                                  appealed → the state before the appeal
//
// Every real-name (实名) bad review is revisited before it closes; an
// anonymous one may close once rectified. A case is appealed at most once.
// When a case is excluded, the caller sets the review's Exclusion to the
// case's and updates the review, so that scores leave it out.
type Case struct {
	ID uuid.UUID `json:"id"`
	// Review is the bad review the case is for.
	Review uuid.UUID `json:"review"`
	// Unit, Division and Matter are copied from the review, for listings.
	Unit     matter.Department `json:"unit"`
	Division division.Code     `json:"division"`
	Matter   string            `json:"matter,omitempty"`
	// RealName is copied from the review: a real-name case must be revisited.
	RealName bool `json:"real_name"`

	State      CaseState `json:"state"`
	ReceivedAt time.Time `json:"received_at"`
	// ContactDue, RectifyDue and RevisitDue are the last days of the three
	// deadlines; RevisitDue is set when the case is rectified, for a
	// real-name case.
	ContactDue matter.Date `json:"contact_due"`
	RectifyDue matter.Date `json:"rectify_due"`
	RevisitDue matter.Date `json:"revisit_due,omitzero"`

	// Exclusion records the decision that excluded the review.
	Exclusion *Exclusion `json:"exclusion,omitempty"`
	// History lists every move, the first being the receipt.
	History []CaseChange `json:"history"`
	// Version counts stored revisions, from 1; the store sets it.
	Version int `json:"version"`
}

// CaseState is the state of a bad-review case.
type CaseState string

// The states.
const (
	CaseReceived   CaseState = "received"   // 已受理
	CaseVerifying  CaseState = "verifying"  // 核实中: the rater has been contacted
	CaseRectifying CaseState = "rectifying" // 整改中
	CaseRectified  CaseState = "rectified"  // 已整改并答复
	CaseRevisited  CaseState = "revisited"  // 已回访核实
	CaseClosed     CaseState = "closed"     // 已办结
	CaseAppealed   CaseState = "appealed"   // 申诉复核中
	CaseExcluded   CaseState = "excluded"   // 已剔除 (误评, 恶意评价)
)

var caseStateNames = map[CaseState][2]string{
	CaseReceived:   {"已受理", "received"},
	CaseVerifying:  {"核实中", "verifying"},
	CaseRectifying: {"整改中", "rectifying"},
	CaseRectified:  {"已整改", "rectified"},
	CaseRevisited:  {"已回访", "revisited"},
	CaseClosed:     {"已办结", "closed"},
	CaseAppealed:   {"申诉中", "appealed"},
	CaseExcluded:   {"已剔除", "excluded"},
}

// CaseStates lists every state in lifecycle order.
func CaseStates() []CaseState {
	return []CaseState{CaseReceived, CaseVerifying, CaseRectifying, CaseRectified, CaseRevisited, CaseClosed, CaseAppealed, CaseExcluded}
}

// Valid reports whether s is one of the states.
func (s CaseState) Valid() bool { _, ok := caseStateNames[s]; return ok }

// Names returns the Chinese and English names of the state.
func (s CaseState) Names() (zh, en string) { n := caseStateNames[s]; return n[0], n[1] }

// Terminal reports whether no move leaves s.
func (s CaseState) Terminal() bool { return s == CaseClosed || s == CaseExcluded }

var caseMoves = map[CaseState][]CaseState{
	CaseReceived:   {CaseVerifying, CaseAppealed},
	CaseVerifying:  {CaseRectifying, CaseAppealed},
	CaseRectifying: {CaseRectified, CaseAppealed},
	CaseRectified:  {CaseRevisited, CaseClosed},
	CaseRevisited:  {CaseClosed},
	CaseAppealed:   {CaseExcluded, CaseReceived, CaseVerifying, CaseRectifying},
}

// CanMoveCase reports whether the state machine has a move from one state
// to another. Move checks more: a rejected appeal returns only to the state
// before the appeal, and only an anonymous case closes from rectified.
func CanMoveCase(from, to CaseState) bool { return slices.Contains(caseMoves[from], to) }

// CaseChange is one move of a case: what, when, who and why.
type CaseChange struct {
	From CaseState `json:"from,omitempty"`
	To   CaseState `json:"to"`
	At   time.Time `json:"at"`
	// By is who made the move: a staff number or an office name.
	By string `json:"by"`
	// Note is the answer given to the rater (→ rectified), the grounds of
	// an appeal (→ appealed), or the reasons of the appeal decision (→
	// excluded, or back from appealed); free text otherwise.
	Note string `json:"note,omitempty"`
	// Kind is the finding of an upheld appeal (→ excluded).
	Kind ExclusionKind `json:"kind,omitempty"`
}

// Exclusion is the decision, after 申诉复核, that a review is a 误评 or a
// 恶意评价 and counts in no score.
type Exclusion struct {
	Kind ExclusionKind `json:"kind"`
	At   time.Time     `json:"at"`
	// By is who decided; Reason why.
	By     string `json:"by"`
	Reason string `json:"reason"`
}

func (e *Exclusion) validate(ps *problems, ptr string) {
	if !e.Kind.Valid() {
		ps.add(ptr+"/kind", "exclusion", "剔除类型%q无效", "exclusion kind %q is not defined", e.Kind)
	}
	if strings.TrimSpace(e.By) == "" || strings.TrimSpace(e.Reason) == "" || e.At.IsZero() {
		ps.add(ptr, "exclusion", "剔除须写明决定人、时间和理由", "an exclusion needs who decided, when and why")
	}
}

// ExclusionKind is why a review is excluded.
type ExclusionKind string

// The kinds of exclusion.
const (
	Mistaken  ExclusionKind = "mistaken"  // 误评: the rater meant another rating or another unit
	Malicious ExclusionKind = "malicious" // 恶意评价: a malicious bad review
)

// Valid reports whether k is one of the kinds.
func (k ExclusionKind) Valid() bool { return k == Mistaken || k == Malicious }

// Names returns the Chinese and English names of the kind.
func (k ExclusionKind) Names() (zh, en string) {
	switch k {
	case Mistaken:
		return "误评", "mistaken rating"
	case Malicious:
		return "恶意评价", "malicious rating"
	}
	return "", ""
}

// NewCase opens the case for a bad review received at at, by whom (an
// office or system name), with a new id and the contact and rectification
// deadlines of cfg. The review must be a bad review with an id and not
// excluded.
func NewCase(cfg Config, r *Review, at time.Time, by string) (*Case, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	switch {
	case r == nil || r.ID == uuid.Nil:
		return nil, fmt.Errorf("evaluation: new case: %w: no review", ErrInvalid)
	case !r.Rating.IsBad():
		return nil, fmt.Errorf("evaluation: new case for review %s: %w: rating %s is not a bad review", r.ID, ErrInvalid, r.Rating)
	case r.Exclusion != nil:
		return nil, fmt.Errorf("evaluation: new case for review %s: %w: the review is excluded", r.ID, ErrInvalid)
	case at.IsZero() || strings.TrimSpace(by) == "":
		return nil, fmt.Errorf("evaluation: new case for review %s: %w: receipt needs a time and who received it", r.ID, ErrInvalid)
	}
	contact, err := cfg.due(at, cfg.Case.ContactDays)
	if err != nil {
		return nil, err
	}
	rectify, err := cfg.due(at, cfg.Case.RectifyDays)
	if err != nil {
		return nil, err
	}
	id, err := newID()
	if err != nil {
		return nil, err
	}
	return &Case{
		ID: id, Review: r.ID, Unit: r.Unit, Division: r.Division, Matter: r.Matter, RealName: r.RealName,
		State: CaseReceived, ReceivedAt: at, ContactDue: contact, RectifyDue: rectify,
		History: []CaseChange{{To: CaseReceived, At: at, By: by}},
	}, nil
}

// Move takes one step of the case, given by ch.To, ch.At, ch.By and, where
// needed, ch.Note and ch.Kind; ch.From, if set, must be the present state.
// Every step needs who and when, no earlier than the last step. A step not
// allowed returns a *TransitionError and leaves the case unchanged.
// Rectifying sets the revisit deadline of a real-name case, counted by
// cfg's calendar from ch.At; an excluding step sets Exclusion.
func (c *Case) Move(cfg Config, ch CaseChange) error {
	refuse := func(reason string, args ...any) error {
		return &TransitionError{Record: "case " + c.ID.String(), From: string(c.State), Step: "move to " + string(ch.To), Reason: fmt.Sprintf(reason, args...)}
	}
	before := c.beforeAppeal()
	switch {
	case ch.From != "" && ch.From != c.State:
		return refuse("the step was made for state %s", ch.From)
	case !CanMoveCase(c.State, ch.To):
		return refuse("not a move of the case lifecycle")
	case c.State == CaseAppealed && ch.To != CaseExcluded && ch.To != before:
		return refuse("a rejected appeal returns the case to %s", before)
	case c.State == CaseRectified && ch.To == CaseClosed && c.RealName:
		return refuse("a real-name bad review must be revisited before the case closes")
	case ch.To == CaseAppealed && c.appealed():
		return refuse("the case has already been appealed once")
	case ch.At.IsZero():
		return refuse("the step needs a time")
	case len(c.History) > 0 && ch.At.Before(c.History[len(c.History)-1].At):
		return refuse("the step at %s is before the last one at %s", ch.At.Format(time.RFC3339), c.History[len(c.History)-1].At.Format(time.RFC3339))
	case strings.TrimSpace(ch.By) == "":
		return refuse("the step needs who took it")
	case strings.TrimSpace(ch.Note) == "" && (ch.To == CaseRectified || ch.To == CaseAppealed || c.State == CaseAppealed):
		return refuse("the step needs a note: the answer, the grounds of the appeal or the reasons of the decision")
	case ch.To == CaseExcluded && !ch.Kind.Valid():
		return refuse("an exclusion needs its kind, %s or %s", Mistaken, Malicious)
	case ch.To != CaseExcluded && ch.Kind != "":
		return refuse("only an exclusion has a kind")
	}
	var revisit matter.Date
	if ch.To == CaseRectified && c.RealName {
		d, err := cfg.due(ch.At, cfg.Case.RevisitDays)
		if err != nil {
			return fmt.Errorf("evaluation: case %s: %w", c.ID, err)
		}
		revisit = d
	}
	ch.From = c.State
	c.History = append(c.History, ch)
	c.State = ch.To
	if !revisit.IsZero() {
		c.RevisitDue = revisit
	}
	if ch.To == CaseExcluded {
		c.Exclusion = &Exclusion{Kind: ch.Kind, At: ch.At, By: ch.By, Reason: ch.Note}
	}
	return nil
}

// beforeAppeal returns the state the case was in when last appealed, or "".
func (c *Case) beforeAppeal() CaseState {
	for _, h := range slices.Backward(c.History) {
		if h.To == CaseAppealed {
			return h.From
		}
	}
	return ""
}

func (c *Case) appealed() bool {
	return slices.ContainsFunc(c.History, func(h CaseChange) bool { return h.To == CaseAppealed })
}

// Pending returns the deadline the case is waiting on in its state: the
// contact when received, the rectification when verifying or rectifying,
// the revisit when a real-name case is rectified. Deadlines do not stop for
// an appeal: an appealed case waits on the deadline of the state it was
// appealed from. A case waiting on nothing returns false.
func (c *Case) Pending() (Due, bool) {
	s := c.State
	if s == CaseAppealed {
		s = c.beforeAppeal()
	}
	switch {
	case s == CaseReceived:
		return Due{DeadlineContact, c.ContactDue}, true
	case s == CaseVerifying || s == CaseRectifying:
		return Due{DeadlineRectify, c.RectifyDue}, true
	case s == CaseRectified && c.RealName && !c.RevisitDue.IsZero():
		return Due{DeadlineRevisit, c.RevisitDue}, true
	}
	return Due{}, false
}

// Overdue returns the pending deadline if it has passed on asOf's day, for
// 督办.
func (c *Case) Overdue(asOf time.Time) (Due, bool) {
	d, ok := c.Pending()
	if !ok || !d.Passed(asOf) {
		return Due{}, false
	}
	return d, true
}

// Clone returns a deep copy.
func (c *Case) Clone() *Case {
	d := *c
	d.History = slices.Clone(c.History)
	if c.Exclusion != nil {
		e := *c.Exclusion
		d.Exclusion = &e
	}
	return &d
}

// Equal reports whether c and o are the same case apart from Version:
// times are compared as instants and a nil slice equals an empty one.
func (c *Case) Equal(o *Case) bool { return sameRecord(c, o) }
