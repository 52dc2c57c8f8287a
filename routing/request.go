package routing

import (
	"fmt"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Request is one application to route: the matter, who applies, where and
// how, and when.
type Request struct {
	// Matter is the 基本编码 of the matter applied for.
	Matter    string
	Applicant Applicant
	// Division is where the application is made: the outlet's division for a
	// window or terminal, the division whose platform (政务服务网, app,
	// mini-program) receives it for an online channel. An application made on
	// the deciding place's own platform is made in place.
	Division division.Code
	// Outlet is the receiving outlet's id, if any; the route reports it.
	Outlet string
	// Channel is how the application is made: window, terminal, web, app,
	// mini-program or post. Hotline and SMS carry no applications.
	Channel matter.Channel
	// At is when the application is received. Deadlines count working days
	// from its date in China Standard Time, that day not counted.
	At time.Time
}

// Applicant is what the router needs to know of who applies.
type Applicant struct {
	// Audience is person, enterprise, …; empty means the matter's first
	// audience.
	Audience matter.Audience
	// Domicile is the 户籍 division from the civil registry — not the first
	// six digits of the ID number, which give where the ID was first
	// issued.
	Domicile division.Code
	// Insurance is the insurance history: the places insured, in the order
	// insured, the last being the current insured place (参保关系所在地),
	// each with the cumulative contribution there. A place that recurs is
	// counted once, with its entries added up.
	Insurance []Insured
	// Registration is an enterprise's registration division (登记地).
	Registration division.Code
}

// Insured is one place of an insurance history.
type Insured struct {
	Division division.Code
	// Months is the cumulative contribution there, in months (累计缴费
	// 月数); ten years is 120.
	Months int
}

// check validates the request's own fields.
func (r *Router) check(q *Request) error {
	if q.Matter == "" {
		return fmt.Errorf("routing: %w: request names no matter", ErrInvalid)
	}
	if err := r.checkCode("division", q.Division); err != nil {
		return err
	}
	switch q.Channel {
	case matter.Window, matter.Terminal, matter.Web, matter.App, matter.MiniProgram, matter.Post:
	case matter.Hotline, matter.SMS:
		return fmt.Errorf("routing: %w: channel %s carries no applications", ErrInvalid, q.Channel)
	default:
		return fmt.Errorf("routing: %w: unknown channel %q", ErrInvalid, q.Channel)
	}
	if q.At.IsZero() {
		return fmt.Errorf("routing: %w: request has no time", ErrInvalid)
	}
	for i, p := range q.Applicant.Insurance {
		if p.Months < 0 {
			return fmt.Errorf("routing: %w: insurance[%d]: negative months %d", ErrInvalid, i, p.Months)
		}
	}
	return nil
}

// checkCode checks that d has the shape of a division code with a real
// province prefix, without allocating for a good one.
func (r *Router) checkCode(field string, d division.Code) error {
	if d.Level() == division.LevelUnknown || !r.provinces[prefix2(d)] {
		return fmt.Errorf("routing: %w: %s %q is not a division code", ErrInvalid, field, d)
	}
	return nil
}
