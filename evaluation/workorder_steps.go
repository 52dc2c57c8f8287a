package evaluation

import (
	"fmt"
	"strings"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Validate checks what the hotline recorded: a known line, category and
// channel, a valid division code, a summary, and a well-formed phone number
// if one is given. It returns nil or a *ValidationError.
func (in Intake) Validate() error {
	ps := &problems{subject: "work order intake"}
	in.validate(ps)
	return ps.err()
}

func (in Intake) validate(ps *problems) {
	if !in.Line.Valid() {
		ps.add("/line", "line", "热线%q无效，应为12345或12333", "line %q is neither 12345 nor 12333", in.Line)
	}
	if !in.Category.Valid() {
		ps.add("/category", "category", "诉求类型%q无效", "category %q is not defined", in.Category)
	}
	if !in.Channel.Valid() {
		ps.add("/channel", "channel", "渠道%q无效", "channel %q is not defined", in.Channel)
	}
	if _, err := division.Parse(string(in.Division)); err != nil {
		ps.add("/division", "division", "区划代码%q无效", "division %q is not a valid code", in.Division)
	}
	if strings.TrimSpace(in.Summary) == "" {
		ps.add("/summary", "required", "缺少诉求内容", "summary of the request is missing")
	}
	if in.Caller != nil && in.Caller.Phone != "" && !validPhone(in.Caller.Phone) {
		ps.add("/caller/phone", "phone", "电话号码%s格式不对", "phone number %s is not well formed", MaskPhone(in.Caller.Phone))
	}
}

// NewWorkOrder records a request taken at at by whom (an operator's staff
// number), in the received state with a new id. An intake that fails
// Validate is refused with its *ValidationError.
func NewWorkOrder(in Intake, at time.Time, by string) (*WorkOrder, error) {
	ps := &problems{subject: "work order intake"}
	in.validate(ps)
	if at.IsZero() {
		ps.add("/received_at", "required", "缺少受理时间", "time of receipt is missing")
	}
	if strings.TrimSpace(by) == "" {
		ps.add("/history/0/by", "required", "缺少受理人", "who received the request is missing")
	}
	if err := ps.err(); err != nil {
		return nil, err
	}
	id, err := newID()
	if err != nil {
		return nil, err
	}
	if in.Caller != nil {
		c := *in.Caller
		in.Caller = &c
	}
	return &WorkOrder{
		ID: id, Intake: in, State: OrderReceived, ReceivedAt: at,
		History: []OrderChange{{To: OrderReceived, At: at, By: by}},
	}, nil
}

// refuse returns the error for a step the order cannot take.
func (w *WorkOrder) refuse(step string, late bool, reason string, args ...any) error {
	return &TransitionError{Record: "work order " + w.ID.String(), From: string(w.State), Step: step, Reason: fmt.Sprintf(reason, args...), Late: late}
}

// check applies the rules every step shares: allowed from the present
// state, a time not before the last change, and who.
func (w *WorkOrder) check(step string, at time.Time, by string, from ...OrderState) error {
	ok := false
	for _, s := range from {
		ok = ok || s == w.State
	}
	switch {
	case !ok:
		return w.refuse(step, false, "allowed only from %v", from)
	case at.IsZero():
		return w.refuse(step, false, "the step needs a time")
	case len(w.History) > 0 && at.Before(w.History[len(w.History)-1].At):
		return w.refuse(step, false, "the step at %s is before the last change at %s", at.Format(time.RFC3339), w.History[len(w.History)-1].At.Format(time.RFC3339))
	case strings.TrimSpace(by) == "":
		return w.refuse(step, false, "the step needs who took it")
	}
	return nil
}

func (w *WorkOrder) move(to OrderState, at time.Time, by, note string) {
	w.History = append(w.History, OrderChange{From: w.State, To: to, At: at, By: by, Note: note})
	w.State = to
}

// setDue starts a handling deadline of cfg.Hotline.HandlingDays from at.
func (w *WorkOrder) setDue(cfg Config, at time.Time, step string) error {
	due, err := cfg.due(at, cfg.Hotline.HandlingDays)
	if err != nil {
		return fmt.Errorf("evaluation: work order %s: %s: %w", w.ID, step, err)
	}
	yellow, err := cfg.due(due.Time(), -cfg.Hotline.YellowDays)
	if err != nil {
		return fmt.Errorf("evaluation: work order %s: %s: %w", w.ID, step, err)
	}
	w.Due, w.YellowFrom = due, yellow
	return nil
}

// Dispatch sends a received order to a unit (调度) with a handling deadline
// of cfg.Hotline.HandlingDays working days. Dispatching an order that was
// sent back counts a transfer.
func (w *WorkOrder) Dispatch(cfg Config, at time.Time, by string, unit matter.Department) error {
	if err := w.check("dispatch", at, by, OrderReceived); err != nil {
		return err
	}
	if unit.CreditCode.IsZero() || strings.TrimSpace(unit.Name) == "" {
		return w.refuse("dispatch", false, "the unit needs a name and a credit code")
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	if err := w.setDue(cfg, at, "dispatch"); err != nil {
		return err
	}
	if len(w.Units) > 0 {
		w.Transfers++
	}
	w.Unit, w.Units, w.DispatchedAt = unit, append(w.Units, unit), at
	w.move(OrderDispatched, at, by, unit.Name)
	return nil
}

// SendBack returns an order outside the unit's duties to the dispatcher
// (退回), with the reason, within cfg.Hotline.SendBackDays working days of
// dispatch; a later send-back is refused with an error wrapping ErrLate.
func (w *WorkOrder) SendBack(cfg Config, at time.Time, by, reason string) error {
	if err := w.check("send back", at, by, OrderDispatched, OrderHandling); err != nil {
		return err
	}
	if strings.TrimSpace(reason) == "" {
		return w.refuse("send back", false, "a send-back needs its reason")
	}
	n, err := cfg.calendar().Between(w.DispatchedAt, at)
	if err != nil {
		return fmt.Errorf("evaluation: work order %s: send back: %w", w.ID, err)
	}
	if n > cfg.Hotline.SendBackDays {
		return w.refuse("send back", true, "sent back %d working days after dispatch; the limit is %d", n, cfg.Hotline.SendBackDays)
	}
	w.Unit, w.Due, w.YellowFrom = matter.Department{}, matter.Date{}, matter.Date{}
	w.move(OrderReceived, at, by, reason)
	return nil
}

// Accept records that the unit took the order up (签收, dispatched →
// handling).
func (w *WorkOrder) Accept(at time.Time, by string) error {
	if err := w.check("accept", at, by, OrderDispatched); err != nil {
		return err
	}
	w.move(OrderHandling, at, by, "")
	return nil
}

// Reply records the unit's answer to the caller (回复, handling →
// replied), on time or not against the present deadline.
func (w *WorkOrder) Reply(at time.Time, by, text string) error {
	if err := w.check("reply", at, by, OrderHandling); err != nil {
		return err
	}
	if strings.TrimSpace(text) == "" {
		return w.refuse("reply", false, "a reply needs its text")
	}
	w.Replies = append(w.Replies, Reply{At: at, By: by, Unit: w.Unit, Text: text, Due: w.Due, OnTime: !(Due{Date: w.Due}).Passed(at)})
	w.move(OrderReplied, at, by, "")
	return nil
}

// RecordRevisit records the return visit (回访/评价, replied → revisited):
// the caller's rating and whether the problem was resolved.
func (w *WorkOrder) RecordRevisit(at time.Time, by string, rating Rating, resolved bool, note string) error {
	if err := w.check("revisit", at, by, OrderReplied); err != nil {
		return err
	}
	if !rating.Valid() {
		return w.refuse("revisit", false, "rating %d is not a level from 1 to 5", int(rating))
	}
	w.Revisits = append(w.Revisits, Revisit{At: at, By: by, Rating: rating, Resolved: resolved, Note: note})
	w.move(OrderRevisited, at, by, note)
	return nil
}

// Rehandle reopens an order for 重办 after a revisit that found the caller
// dissatisfied or the problem unresolved (revisited → handling), with a
// new handling deadline.
func (w *WorkOrder) Rehandle(cfg Config, at time.Time, by, note string) error {
	if err := w.check("rehandle", at, by, OrderRevisited); err != nil {
		return err
	}
	if v, ok := w.lastRevisit(); !ok || (v.Satisfied() && v.Resolved) {
		return w.refuse("rehandle", false, "only a dissatisfied or unresolved revisit reopens an order")
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	if err := w.setDue(cfg, at, "rehandle"); err != nil {
		return err
	}
	w.Rehandled++
	w.move(OrderHandling, at, by, note)
	return nil
}

// Close closes the order (办结): after the revisit, or with a note saying
// why there is none — answered at intake (from received) or caller
// unreachable (from replied).
func (w *WorkOrder) Close(at time.Time, by, note string) error {
	if err := w.check("close", at, by, OrderReceived, OrderReplied, OrderRevisited); err != nil {
		return err
	}
	if w.State != OrderRevisited && strings.TrimSpace(note) == "" {
		return w.refuse("close", false, "closing without a revisit needs a note saying why")
	}
	w.move(OrderClosed, at, by, note)
	return nil
}

// Extend extends the handling deadline (延期) by days working days,
// approved by approvedBy for reason, before the deadline has passed. All
// extensions of the order together stay within
// cfg.Hotline.MaxExtensionDays.
func (w *WorkOrder) Extend(cfg Config, at time.Time, days int, approvedBy, reason string) error {
	if err := w.check("extend", at, approvedBy, OrderDispatched, OrderHandling); err != nil {
		return err
	}
	switch {
	case days < 1:
		return w.refuse("extend", false, "an extension is at least 1 working day, not %d", days)
	case w.ExtendedDays+days > cfg.Hotline.MaxExtensionDays:
		return w.refuse("extend", false, "extensions would total %d working days; the limit is %d", w.ExtendedDays+days, cfg.Hotline.MaxExtensionDays)
	case strings.TrimSpace(reason) == "":
		return w.refuse("extend", false, "an extension needs its reason")
	case (Due{Date: w.Due}).Passed(at):
		return w.refuse("extend", true, "the deadline %s has passed", w.Due)
	}
	to, err := cfg.due(w.Due.Time(), days)
	if err != nil {
		return fmt.Errorf("evaluation: work order %s: extend: %w", w.ID, err)
	}
	yellow, err := cfg.due(to.Time(), -cfg.Hotline.YellowDays)
	if err != nil {
		return fmt.Errorf("evaluation: work order %s: extend: %w", w.ID, err)
	}
	w.Extensions = append(w.Extensions, Extension{At: at, Days: days, ApprovedBy: approvedBy, Reason: reason, From: w.Due, To: to})
	w.ExtendedDays += days
	w.Due, w.YellowFrom = to, yellow
	return nil
}

// Supervise attaches a supervision order (督办单) to an open order. The
// reason must hold at at: the order overdue, the last revisit
// dissatisfied, or dissatisfied again after 重办.
func (w *WorkOrder) Supervise(at time.Time, by string, reason SupervisionReason, note string) error {
	if err := w.check("supervise", at, by, OrderReceived, OrderDispatched, OrderHandling, OrderReplied, OrderRevisited); err != nil {
		return err
	}
	v, revisited := w.lastRevisit()
	switch reason {
	case SuperviseOverdue:
		if _, late := w.Overdue(at); !late {
			return w.refuse("supervise", false, "the order is not overdue")
		}
	case SuperviseDissatisfied:
		if !revisited || v.Satisfied() {
			return w.refuse("supervise", false, "the last revisit was not dissatisfied")
		}
	case SuperviseStillDissatisfied:
		if !revisited || v.Satisfied() || w.Rehandled == 0 || len(w.Revisits) <= w.Rehandled {
			return w.refuse("supervise", false, "the caller was not dissatisfied after a 重办")
		}
	default:
		return w.refuse("supervise", false, "reason %q is not defined", reason)
	}
	w.Supervisions = append(w.Supervisions, Supervision{At: at, By: by, Reason: reason, Note: note})
	return nil
}

// AssignLead names the lead unit (牵头单位) of an open order.
func (w *WorkOrder) AssignLead(at time.Time, by string, unit matter.Department) error {
	if err := w.check("assign lead", at, by, OrderReceived, OrderDispatched, OrderHandling, OrderReplied, OrderRevisited); err != nil {
		return err
	}
	if unit.CreditCode.IsZero() || strings.TrimSpace(unit.Name) == "" {
		return w.refuse("assign lead", false, "the unit needs a name and a credit code")
	}
	w.Lead = &Assignment{Unit: unit, At: at, By: by}
	return nil
}

func (w *WorkOrder) lastRevisit() (Revisit, bool) {
	if len(w.Revisits) == 0 {
		return Revisit{}, false
	}
	return w.Revisits[len(w.Revisits)-1], true
}
