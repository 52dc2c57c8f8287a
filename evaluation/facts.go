package evaluation

import (
	"time"

	"github.com/onething-gov/onething/matter"
)

// ServiceEnd returns when an application's service ended (办结): the time
// of its move to decided or, for an application rejected at pre-review,
// to rejected. An application still open returns false. It is the time
// by which an application counts in a period's service volume, and the
// time before which a rating is early (先评后办).
func ServiceEnd(a *matter.Application) (time.Time, bool) {
	for _, h := range a.History {
		if h.To == matter.Decided || h.To == matter.Rejected {
			return h.At, true
		}
	}
	return time.Time{}, false
}

// decided reports whether an application ended with a decision, not a
// rejection.
func decided(a *matter.Application) bool {
	for _, h := range a.History {
		if h.To == matter.Decided {
			return true
		}
		if h.To == matter.Rejected {
			return false
		}
	}
	return false
}

// partsOnTime reports whether every part with a due date was decided on or
// before it; a part without its own decision time is taken as decided at
// end.
func partsOnTime(a *matter.Application, end time.Time) bool {
	for _, p := range a.Parts {
		if p.Due.IsZero() {
			continue
		}
		at := p.DecidedAt
		if at.IsZero() {
			at = end
		}
		if matter.NewDate(at).After(p.Due) {
			return false
		}
	}
	return true
}

// partsOverdue reports whether a part of an open application is undecided
// past its due date on asOf's day.
func partsOverdue(a *matter.Application, asOf time.Time) bool {
	for _, p := range a.Parts {
		if !p.Due.IsZero() && p.DecidedAt.IsZero() && (Due{Date: p.Due}).Passed(asOf) {
			return true
		}
	}
	return false
}

// HandlingUnit returns the unit answerable for a work order: the unit of
// its last reply, else the unit holding it, else the last unit it was
// dispatched to. An order never dispatched returns false.
func (w *WorkOrder) HandlingUnit() (matter.Department, bool) {
	switch {
	case len(w.Replies) > 0:
		return w.Replies[len(w.Replies)-1].Unit, true
	case !w.Unit.CreditCode.IsZero():
		return w.Unit, true
	case len(w.Units) > 0:
		return w.Units[len(w.Units)-1], true
	}
	return matter.Department{}, false
}

// orderFacts adds one work order to c, as of asOf.
func orderFacts(c *Counts, w *WorkOrder, asOf time.Time) {
	c.Orders++
	if w.Category == matter.Complaint {
		c.Complaints++
	}
	replied := len(w.Replies) > 0
	_, overdue := w.Overdue(asOf)
	if replied || overdue {
		c.OrdersDue++
		onTime := !overdue
		for _, r := range w.Replies {
			onTime = onTime && r.OnTime
		}
		if onTime {
			c.OrdersOnTime++
		}
	}
	if overdue {
		c.OrdersOverdue++
	}
	if replied {
		c.OrdersReplied++
	}
	if v, ok := w.lastRevisit(); ok {
		c.OrdersRevisited++
		if v.Resolved {
			c.OrdersResolved++
		}
		if v.Satisfied() {
			c.OrdersSatisfied++
		}
	}
	if w.Rehandled > 0 {
		c.OrdersRehandled++
	}
}

// caseFacts adds one bad-review case to c.
func caseFacts(c *Counts, k *Case) {
	if k.State == CaseExcluded || k.Exclusion != nil {
		c.ExcludedCases++
		return
	}
	c.Cases++
	var rectified, revisited bool
	for _, h := range k.History {
		rectified = rectified || h.To == CaseRectified
		revisited = revisited || h.To == CaseRevisited
	}
	if rectified {
		c.Rectified++
		if k.RealName {
			c.RevisitDue++
			if revisited {
				c.Revisited++
			}
		}
	}
}
