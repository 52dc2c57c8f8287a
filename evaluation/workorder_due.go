package evaluation

import (
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Pending returns the handling deadline while a unit holds the order
// (dispatched or handling).
func (w *WorkOrder) Pending() (Due, bool) {
	if (w.State != OrderDispatched && w.State != OrderHandling) || w.Due.IsZero() {
		return Due{}, false
	}
	return Due{DeadlineHandling, w.Due}, true
}

// Overdue returns the handling deadline if it has passed on asOf's day.
func (w *WorkOrder) Overdue(asOf time.Time) (Due, bool) {
	d, ok := w.Pending()
	if !ok || !d.Passed(asOf) {
		return Due{}, false
	}
	return d, true
}

// Card returns the card the order shows on asOf's day while a unit holds
// it: Red once the due date has passed, Yellow from YellowFrom (when
// HotlineRules.YellowDays working days are left) to the due date, NoCard
// otherwise and in every other state. With the default of one working day,
// an order due on Friday is yellow on Thursday and Friday, red from
// Saturday, so the first working day past due always shows red.
func (w *WorkOrder) Card(asOf time.Time) Card {
	if _, ok := w.Pending(); !ok {
		return NoCard
	}
	day := matter.NewDate(asOf)
	switch {
	case day.After(w.Due):
		return Red
	case !w.YellowFrom.IsZero() && !day.Before(w.YellowFrom):
		return Yellow
	}
	return NoCard
}

// Stalled reports whether an open order is 久拖未决 under cfg: re-handled
// cfg.Hotline.StallRehandled times or more and not resolved at the last
// revisit, or transferred cfg.Hotline.StallTransfers times or more with no
// lead unit.
func (w *WorkOrder) Stalled(cfg Config) (StallReason, bool) {
	if !w.State.Open() {
		return "", false
	}
	if v, ok := w.lastRevisit(); w.Rehandled >= cfg.Hotline.StallRehandled && !(ok && v.Resolved && w.State == OrderRevisited) {
		return StallRehandled, true
	}
	if w.Transfers >= cfg.Hotline.StallTransfers && w.Lead == nil {
		return StallTransferred, true
	}
	return "", false
}

// Escalate turns a stalled order into a 问题工单 supervised from the given
// level (提级督办: division.City or division.Province, above the order's
// division), and links the order to it. The caller stores both. An order
// that is not stalled, or already escalated, is refused.
func (w *WorkOrder) Escalate(cfg Config, at time.Time, by string, level division.Level) (*ProblemOrder, error) {
	if err := w.check("escalate", at, by, OrderReceived, OrderDispatched, OrderHandling, OrderReplied, OrderRevisited); err != nil {
		return nil, err
	}
	reason, stalled := w.Stalled(cfg)
	switch {
	case w.Problem != uuid.Nil:
		return nil, w.refuse("escalate", false, "already escalated to problem order %s", w.Problem)
	case !stalled:
		return nil, w.refuse("escalate", false, "the order is not 久拖未决: %d re-handlings, %d transfers", w.Rehandled, w.Transfers)
	case level != division.City && level != division.Province:
		return nil, w.refuse("escalate", false, "escalation is to the city or the province, not %s", level)
	case w.Division.Level() != division.LevelUnknown && level >= w.Division.Level():
		return nil, w.refuse("escalate", false, "level %s is not above the order's division %s", level, w.Division)
	}
	id, err := newID()
	if err != nil {
		return nil, err
	}
	p := &ProblemOrder{
		ID: id, Order: w.ID, Division: w.Division, Category: w.Category, Reason: reason,
		Rehandled: w.Rehandled, Transfers: w.Transfers, Units: append([]matter.Department(nil), w.Units...),
		Level: level, State: ProblemOpen, OpenedAt: at,
		History: []ProblemChange{{To: ProblemOpen, At: at, By: by, Note: string(reason)}},
	}
	w.Problem = p.ID
	return p, nil
}
