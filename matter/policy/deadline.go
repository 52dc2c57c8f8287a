package policy

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/workday"
)

// Deadlines are the time limits of the 免申即享 plan, in working days.
type Deadlines struct {
	// Publication: a new policy is published within this many working
	// days of its issue.
	Publication int
	// Payment: a 快申快享 benefit is paid within this many working days of
	// a complete application.
	Payment int
}

// DefaultDeadlines are the plan's: publication within 7 working days,
// 快申快享 payment within 60.
var DefaultDeadlines = Deadlines{Publication: 7, Payment: 60}

// Claim is an application for a 快申快享 benefit, complete on a day (申请
// 材料齐全), paid on another (zero while unpaid).
type Claim struct {
	Policy     string          `json:"policy"`
	Enterprise creditcode.Code `json:"enterprise"`
	Complete   matter.Date     `json:"complete"`
	Paid       matter.Date     `json:"paid,omitzero"`
}

// Overdue is a deadline missed: a policy published late or not yet
// published, or a claim paid late or not yet paid.
type Overdue struct {
	// Kind is "publication" or "payment".
	Kind       string          `json:"kind"`
	Policy     string          `json:"policy"`
	Enterprise creditcode.Code `json:"enterprise,omitempty"`
	// Start is the day the time limit started (issue, or complete
	// application); Due the last day allowed; Done the day it was done,
	// zero while still open.
	Start matter.Date `json:"start"`
	Due   matter.Date `json:"due"`
	Done  matter.Date `json:"done,omitzero"`
	// Late is the number of working days past Due: to Done, or to the day
	// of the report while still open.
	Late int `json:"late"`
}

// Due returns the last day allowed for a time limit of n working days that
// starts on start (the start day not counted).
func due(cal *workday.Calendar, start matter.Date, n int) (matter.Date, error) {
	t, err := cal.Add(start.Time(), n)
	if err != nil {
		return matter.Date{}, err
	}
	return matter.NewDate(t), nil
}

// PublicationDue returns the day by which pol must be published.
func (d Deadlines) PublicationDue(cal *workday.Calendar, pol *Policy) (matter.Date, error) {
	return due(cal, pol.Issued, d.Publication)
}

// PaymentDue returns the day by which a claim must be paid.
func (d Deadlines) PaymentDue(cal *workday.Calendar, c Claim) (matter.Date, error) {
	return due(cal, c.Complete, d.Payment)
}

// Report lists every deadline missed as of today: policies published after
// their deadline or still unpublished past it, and claims on 快申快享
// policies paid late or still unpaid past theirs. A claim on an unknown or
// 免申即享 policy, or a day the calendar does not cover, is an error. The
// list is ordered by due day, then policy and enterprise.
func (d Deadlines) Report(cal *workday.Calendar, today matter.Date, policies []*Policy, claims []Claim) ([]Overdue, error) {
	var out []Overdue
	check := func(o Overdue) error {
		end := o.Done
		if end.IsZero() {
			end = today
		}
		if !end.After(o.Due) {
			return nil
		}
		late, err := cal.Between(o.Due.Time(), end.Time())
		if err != nil {
			return err
		}
		if late > 0 {
			o.Late = late
			out = append(out, o)
		}
		return nil
	}
	byCode := map[string]*Policy{}
	for _, pol := range policies {
		byCode[pol.Code] = pol
		if pol.Issued.After(today) {
			continue
		}
		dd, err := d.PublicationDue(cal, pol)
		if err != nil {
			return nil, fmt.Errorf("policy %s: %w", pol.Code, err)
		}
		if err := check(Overdue{Kind: "publication", Policy: pol.Code, Start: pol.Issued, Due: dd, Done: pol.Published}); err != nil {
			return nil, fmt.Errorf("policy %s: %w", pol.Code, err)
		}
	}
	for _, c := range claims {
		pol, ok := byCode[c.Policy]
		if !ok {
			return nil, fmt.Errorf("%w: claim of %s on unknown policy %q", ErrNotFound, c.Enterprise, c.Policy)
		}
		if pol.Mode != Fast {
			return nil, fmt.Errorf("%w: claim of %s on %s, which is 免申即享 and takes no application", ErrInvalid, c.Enterprise, c.Policy)
		}
		dd, err := d.PaymentDue(cal, c)
		if err != nil {
			return nil, fmt.Errorf("claim of %s on %s: %w", c.Enterprise, c.Policy, err)
		}
		if err := check(Overdue{Kind: "payment", Policy: c.Policy, Enterprise: c.Enterprise, Start: c.Complete, Due: dd, Done: c.Paid}); err != nil {
			return nil, fmt.Errorf("claim of %s on %s: %w", c.Enterprise, c.Policy, err)
		}
	}
	slices.SortFunc(out, func(a, b Overdue) int {
		return cmp.Or(a.Due.Time().Compare(b.Due.Time()), cmp.Compare(a.Policy, b.Policy), cmp.Compare(a.Enterprise, b.Enterprise))
	})
	return out, nil
}
