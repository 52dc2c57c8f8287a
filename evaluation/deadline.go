package evaluation

import (
	"iter"
	"time"

	"github.com/onething-gov/onething/matter"
)

// Deadline names a time limit that a case, work order or problem order
// must meet.
type Deadline string

// The deadlines.
const (
	// DeadlineContact: contact the rater of a bad review (联系评价人).
	DeadlineContact Deadline = "contact"
	// DeadlineRectify: rectify and answer a bad review (整改答复).
	DeadlineRectify Deadline = "rectify"
	// DeadlineRevisit: verify the fix of a bad review by a revisit (回访核实).
	DeadlineRevisit Deadline = "revisit"
	// DeadlineHandling: the unit handles and replies to a work order (办理时限).
	DeadlineHandling Deadline = "handling"
	// DeadlineFollowUp: the decision on a 问题工单 is carried out (跟踪督办).
	DeadlineFollowUp Deadline = "follow_up"
)

var deadlineNames = map[Deadline][2]string{
	DeadlineContact:  {"联系评价人", "contact the rater"},
	DeadlineRectify:  {"整改答复", "rectify and answer"},
	DeadlineRevisit:  {"回访核实", "verify by a revisit"},
	DeadlineHandling: {"办理答复", "handle and reply"},
	DeadlineFollowUp: {"跟踪落实", "follow up the decision"},
}

// Names returns the Chinese and English names of the deadline.
func (d Deadline) Names() (zh, en string) { n := deadlineNames[d]; return n[0], n[1] }

// Due is a named deadline and its last day: the step is in time when taken
// on or before Date (UTC+8), overdue from the next day on.
type Due struct {
	Deadline Deadline    `json:"deadline"`
	Date     matter.Date `json:"date"`
}

// Passed reports whether the deadline has passed on asOf's day (UTC+8):
// asOf is on a later day than Date. A zero Due never passes.
func (d Due) Passed(asOf time.Time) bool {
	return !d.Date.IsZero() && matter.NewDate(asOf).After(d.Date)
}

// Period is a half-open span of time, From ≤ t < To. A zero bound is
// open: the zero Period contains every time.
type Period struct {
	From time.Time `json:"from,omitzero"`
	To   time.Time `json:"to,omitzero"`
}

// Month returns the calendar month in China Standard Time, as for a
// monthly report (月调度).
func Month(year int, month time.Month) Period {
	from := time.Date(year, month, 1, 0, 0, 0, 0, matter.CST)
	return Period{From: from, To: from.AddDate(0, 1, 0)}
}

// Quarter returns the quarter q (1–4) of year in China Standard Time, as for
// a quarterly analysis (季分析). A q outside 1–4 gives the zero Period.
func Quarter(year, q int) Period {
	if q < 1 || q > 4 {
		return Period{}
	}
	from := time.Date(year, time.Month(3*q-2), 1, 0, 0, 0, 0, matter.CST)
	return Period{From: from, To: from.AddDate(0, 3, 0)}
}

// Contains reports whether t lies in the period.
func (p Period) Contains(t time.Time) bool {
	return (p.From.IsZero() || !t.Before(p.From)) && (p.To.IsZero() || t.Before(p.To))
}

// IsZero reports whether the period is unbounded on both sides.
func (p Period) IsZero() bool { return p.From.IsZero() && p.To.IsZero() }

// Tracked is a record with a deadline: *Case, *WorkOrder and
// *ProblemOrder.
type Tracked interface {
	// Overdue returns the pending deadline if it has passed on asOf's day.
	Overdue(asOf time.Time) (Due, bool)
}

// Overdue yields the records of a listing whose pending deadline has passed
// on asOf's day, in the listing's order, for 督办: the bad-review cases, work
// orders or 问题工单 a Store lists. An error of the listing is yielded and
// ends the iteration.
func Overdue[T Tracked](list iter.Seq2[T, error], asOf time.Time) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for v, err := range list {
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			if _, late := v.Overdue(asOf); late && !yield(v, nil) {
				return
			}
		}
	}
}
