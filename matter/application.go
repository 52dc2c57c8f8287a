package matter

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/standards/division"
)

// Application is a 办件: one application for a matter or for a bundle
// selection. Routing fills in its parts, evaluation counts it (service
// volumes, on-time share, one rating per service event) and the server
// stores it.
type Application struct {
	ID uuid.UUID `json:"id"`
	// Exactly one of Matter and Bundle is set. For a bundle, Selection holds
	// the chosen members.
	Matter    string     `json:"matter,omitempty"`
	Bundle    string     `json:"bundle,omitempty"`
	Selection *Selection `json:"selection,omitempty"`

	Applicant Applicant `json:"applicant"`
	// Division, Channel and Outlet say where and how it was made.
	Division division.Code `json:"division"`
	Channel  Channel       `json:"channel"`
	Outlet   string        `json:"outlet,omitempty"`

	// Parts hold one entry per member matter (one for a single matter).
	Parts []Part `json:"parts"`

	Status  Status         `json:"status"`
	History []StatusChange `json:"history"`
	// SubmittedAt is when the application was made.
	SubmittedAt time.Time `json:"submitted_at"`
	// Version counts stored revisions, from 1.
	Version int `json:"version"`
}

// Applicant is who applies: a person by citizen ID number, or an enterprise
// or other body by credit code.
type Applicant struct {
	Audience Audience `json:"audience"`
	// SubjectID is the citizen ID number or the credit code. It is personal
	// data: stores keep it, logs and reports mask it.
	SubjectID string `json:"subject_id"`
	Name      string `json:"name,omitempty"`
}

// Part is the share of an application that one member matter decides.
type Part struct {
	Matter string `json:"matter"`
	// Office decides the part (办理地的部门).
	Office Department `json:"office"`
	Status Status     `json:"status"`
	// Due is the promised completion date, counted in working days.
	Due       Date      `json:"due,omitzero"`
	DecidedAt time.Time `json:"decided_at,omitzero"`
	Result    string    `json:"result,omitempty"`
}

// Status is the state of an application or a part.
type Status string

// The statuses. An application moves submitted → accepted → in progress →
// decided → closed, or submitted → rejected when pre-review fails.
const (
	Submitted  Status = "submitted"   // 已提交
	Rejected   Status = "rejected"    // 预审未通过
	Accepted   Status = "accepted"    // 已受理
	InProgress Status = "in_progress" // 办理中
	Decided    Status = "decided"     // 已办结（已作出决定）
	Closed     Status = "closed"      // 已归档（结果已送达）
)

// transitions lists the allowed moves. An immediate matter may be decided
// straight from accepted.
var transitions = map[Status][]Status{
	Submitted:  {Rejected, Accepted},
	Accepted:   {InProgress, Decided},
	InProgress: {Decided},
	Decided:    {Closed},
}

// CanMove reports whether an application may move from one status to another.
func CanMove(from, to Status) bool { return slices.Contains(transitions[from], to) }

// Terminal reports whether no move leaves s.
func (s Status) Terminal() bool { return s == Rejected || s == Closed }

// StatusChange records one move.
type StatusChange struct {
	From Status    `json:"from,omitempty"`
	To   Status    `json:"to"`
	At   time.Time `json:"at"`
	// By is who made the move: a clerk's staff number or a system name.
	By     string `json:"by,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Move changes the application's status, recording the change. A move not
// in the lifecycle, or back in time, is an error wrapping ErrInvalid and
// leaves the application unchanged.
func (a *Application) Move(to Status, at time.Time, by, reason string) error {
	if !CanMove(a.Status, to) {
		return fmt.Errorf("matter: application %s: %w: cannot move from %s to %s", a.ID, ErrInvalid, a.Status, to)
	}
	if n := len(a.History); n > 0 && at.Before(a.History[n-1].At) {
		return fmt.Errorf("matter: application %s: %w: move to %s at %s is before the last change at %s",
			a.ID, ErrInvalid, to, at.Format(time.RFC3339), a.History[n-1].At.Format(time.RFC3339))
	}
	if to == Rejected && strings.TrimSpace(reason) == "" {
		return fmt.Errorf("matter: application %s: %w: a rejection needs a reason", a.ID, ErrInvalid)
	}
	a.History = append(a.History, StatusChange{From: a.Status, To: to, At: at, By: by, Reason: reason})
	a.Status = to
	return nil
}

// NewApplication starts an application in the submitted state, with a new
// time-ordered id. For a bundle, pass the bundle code and a selection; for a
// single matter, the matter code and a nil selection. Parts are created for
// every member, with no office yet (routing assigns it).
func NewApplication(matterOrBundle string, sel *Selection, applicant Applicant, where division.Code, ch Channel, at time.Time) (*Application, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return nil, fmt.Errorf("matter: new application id: %w", err)
	}
	a := &Application{
		ID: id, Applicant: applicant, Division: where, Channel: ch,
		Status: Submitted, SubmittedAt: at, Version: 0,
		History: []StatusChange{{To: Submitted, At: at}},
	}
	if sel != nil {
		a.Bundle, a.Selection = matterOrBundle, sel
		for _, m := range sel.Members() {
			a.Parts = append(a.Parts, Part{Matter: m, Status: Submitted})
		}
	} else {
		a.Matter = matterOrBundle
		a.Parts = []Part{{Matter: matterOrBundle, Status: Submitted}}
	}
	return a, a.Validate()
}

// Validate checks an application's shape: one of matter and bundle, a
// selection that matches the parts, a valid applicant, division, channel and
// a status history that follows the lifecycle. It returns nil or a
// *ValidationError.
func (a *Application) Validate() error {
	ps := &problems{subject: a.ID.String()}
	if a.ID == uuid.Nil {
		ps.add("/id", "required", "缺少办件编号", "application id is missing")
	}
	switch {
	case (a.Matter == "") == (a.Bundle == ""):
		ps.add("/matter", "application-target", "办件须且只能指向一个事项或一件事", "an application names exactly one of matter and bundle")
	case a.Bundle != "" && a.Selection == nil:
		ps.add("/selection", "required", "一件事办件缺少成员选择", "a bundle application needs its selection")
	case a.Bundle != "" && a.Selection.Bundle != a.Bundle:
		ps.add("/selection/bundle", "selection-bundle", "选择所属一件事%s与办件%s不符", "selection is for bundle %s, not %s", a.Selection.Bundle, a.Bundle)
	}
	var want []string
	if a.Selection != nil {
		want = a.Selection.Members()
	} else if a.Matter != "" {
		want = []string{a.Matter}
	}
	var have []string
	for _, p := range a.Parts {
		have = append(have, p.Matter)
	}
	if !slices.Equal(want, have) {
		ps.add("/parts", "application-parts", "分项%v与所选事项%v不符", "parts %v do not match the selected matters %v", have, want)
	}
	switch a.Applicant.Audience {
	case "":
		ps.add("/applicant/audience", "required", "缺少申请人类型", "applicant audience is missing")
	}
	if strings.TrimSpace(a.Applicant.SubjectID) == "" {
		ps.add("/applicant/subject_id", "required", "缺少申请人证件号码", "applicant subject id is missing")
	}
	if _, err := division.Parse(string(a.Division)); err != nil {
		ps.add("/division", "division", "受理地区划代码%q无效", "division %q is not a valid code", a.Division)
	}
	if !a.Channel.Valid() {
		ps.add("/channel", "channel", "渠道%q无效", "channel %q is not defined", a.Channel)
	}
	if a.SubmittedAt.IsZero() {
		ps.add("/submitted_at", "required", "缺少提交时间", "submission time is missing")
	}
	prev := Status("")
	for i, h := range a.History {
		ptr := fmt.Sprintf("/history/%d", i)
		if h.From != prev || (i == 0 && h.To != Submitted) || (i > 0 && !CanMove(h.From, h.To)) {
			ps.add(ptr, "application-history", "状态变更%s→%s不合流程", "change %s → %s does not follow the lifecycle", h.From, h.To)
		}
		if i > 0 && h.At.Before(a.History[i-1].At) {
			ps.add(ptr+"/at", "application-history", "状态变更时间倒序", "change is earlier than the one before it")
		}
		prev = h.To
	}
	if len(a.History) > 0 && prev != a.Status {
		ps.add("/status", "application-history", "当前状态%s与最后一次变更%s不符", "status %s does not match the last change %s", a.Status, prev)
	}
	return ps.err()
}

// Clone returns a deep copy.
func (a *Application) Clone() *Application {
	c := *a
	if a.Selection != nil {
		s := *a.Selection
		s.Steps = make([][]string, len(a.Selection.Steps))
		for i, st := range a.Selection.Steps {
			s.Steps[i] = slices.Clone(st)
		}
		c.Selection = &s
	}
	c.Parts = slices.Clone(a.Parts)
	c.History = slices.Clone(a.History)
	return &c
}
