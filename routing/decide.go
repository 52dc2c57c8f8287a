package routing

import (
	"context"
	"fmt"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Route decides who receives and who decides the application q, in which
// mode, with the legs between them and their due dates.
//
// The deciding places (办理地) come from the matter's bases (see Basis:
// options, then the agreements' jurisdiction data, then the matter's tags,
// else domicile for a person and registration place for an enterprise), each
// taken to the lowest tier that exercises the matter. The mode follows from
// the channel and the places:
//
//   - an online channel gives Online, if the matter is fully online and not
//     on the negative list where it is decided;
//   - a window or terminal inside the one deciding place's jurisdiction
//     gives Local; outside it, Proxy;
//   - several deciding places (a transfer, for one) give Joint;
//   - a postal application goes straight to the deciding place: Local, or
//     Joint for several.
//
// A route between places — the application made where it is not decided —
// needs the matter's own reach (通办范围) to stretch that far and an
// agreement in force that lists the matter for both places in that mode;
// the first such agreement in load order is used.
//
// No route is an error wrapping ErrNotRoutable, a *NotRoutableError saying
// why; a request lacking what the matter's jurisdiction needs (a 户籍
// division for a domicile matter) wraps ErrInvalid; an unknown matter
// wraps matter.ErrNotFound; a date outside the calendar wraps
// workday.ErrNotCovered. Route does not allocate on success unless the
// catalog does.
func (r *Router) Route(ctx context.Context, q Request) (Route, error) {
	var rt Route
	if err := r.route(ctx, &q, &rt); err != nil {
		return Route{}, err
	}
	return rt, nil
}

// route fills rt for q.
func (r *Router) route(ctx context.Context, q *Request, rt *Route) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := r.check(q); err != nil {
		return err
	}
	m, err := r.cat.Resolve(q.Matter, q.Division)
	if err != nil {
		return fmt.Errorf("routing: %w", err)
	}
	var w where
	w.day = matter.NewDate(q.At)
	rt.Matter, rt.Channel, rt.Received, rt.m = q.Matter, q.Channel, w.day.Time(), m
	if !m.InForceOn(w.day) {
		return notRoutable(q.Matter, q.Division, "", MatterNotInForce, "",
			fmt.Sprintf("事项%s在%s不在有效期内（%s起，%s止）", m.Name, w.day, m.Effective, orNone(m.Expires.String())),
			fmt.Sprintf("the matter is not in force on %s (effective %s, expires %s)", w.day, m.Effective, orNone(m.Expires.String())))
	}
	rt.step(ruleMatter, 0)
	if err := r.decidingPlaces(q, m, rt); err != nil {
		return err
	}
	if err := r.mode(q, m, rt, &w); err != nil {
		return err
	}
	if err := r.acrossPlaces(q, m, rt, &w); err != nil {
		return err
	}
	if err := r.offices(q, m, rt, &w); err != nil {
		return err
	}
	if rt.ag != nil {
		rt.recog = recognised(rt.ag, m, q, rt)
		if rt.recog != 0 {
			rt.step(ruleRecognition, 0)
		}
	}
	return r.plan(q, m, rt)
}

// where holds a route's places while it is worked out.
type where struct {
	day  matter.Date
	from division.Code // where the application is received
	lead int           // the deciding office whose jurisdiction holds from, or -1
}

// decidingPlaces fills the deciding offices: the place each basis names,
// taken to the lowest tier that exercises the matter, each place once.
func (r *Router) decidingPlaces(q *Request, m *matter.Matter, rt *Route) error {
	rt.bases = r.basesOf(m, q.Applicant.Audience)
	rt.step(ruleBasis, 0)
	tier := decidingTier(m)
	for _, b := range rt.bases.slice() {
		place, err := r.placeOf(b, q, rt)
		if err != nil {
			return err
		}
		if b == BasisBenefitPlace {
			rt.step(rulePension, 0)
		}
		d := atTier(place, tier, m.Body.Division)
		if rt.decidedAt(d) >= 0 {
			continue
		}
		rt.deciding[rt.nDeciding] = Office{Division: d, Tier: tier, Basis: b}
		rt.step(ruleDecider, rt.nDeciding)
		rt.nDeciding++
	}
	return nil
}

// mode fixes where the application is received and the mode: Online for an
// online channel, Joint for several deciding offices, else Local inside
// the deciding office's jurisdiction and Proxy outside it. A postal
// application is received by the (first) deciding office itself.
func (r *Router) mode(q *Request, m *matter.Matter, rt *Route, w *where) error {
	w.from = q.Division
	if q.Channel == matter.Post {
		w.from = rt.deciding[0].Division
		rt.step(ruleByPost, 0)
		if !m.Postal {
			return notRoutable(q.Matter, q.Division, w.from, CannotTravel, "",
				"事项不支持邮寄申请（是否支持物流快递：否）", "the matter does not accept applications by post")
		}
	}
	w.lead = -1
	for i, o := range rt.Deciding() {
		if inside(w.from, o.Division) {
			w.lead = i
			break
		}
	}
	online := q.Channel.Online()
	switch {
	case online:
		rt.Mode = Online
	case rt.nDeciding > 1:
		rt.Mode = Joint
	case w.lead == 0:
		rt.Mode = Local
	default:
		rt.Mode = Proxy
	}
	if w.lead >= 0 {
		rt.lead = uint8(w.lead)
		rt.step(ruleInPlace, rt.lead)
	}
	if online {
		return r.checkOnline(q, m, rt)
	}
	return nil
}

// acrossPlaces checks the deciding places outside the receiving place's
// jurisdiction: the matter's reach must stretch to them and an agreement
// must allow the mode between the places. It sets the agreement and the
// leg days.
func (r *Router) acrossPlaces(q *Request, m *matter.Matter, rt *Route, w *where) error {
	rt.forward, rt.ret, rt.daysSrc = r.forward, r.ret, fromOption
	var far [maxBases]division.Code
	nFar := 0
	for _, o := range rt.Deciding() {
		if inside(w.from, o.Division) {
			continue
		}
		if !reaches(m.Reach, w.from, o.Division) {
			zh, _ := reachNames(m.Reach)
			return notRoutable(q.Matter, w.from, o.Division, OutOfReach, "",
				fmt.Sprintf("事项通办范围为“%s”，不覆盖%s与%s", zh, w.from, o.Division),
				fmt.Sprintf("the matter's reach (%s) does not stretch from %s to %s", m.Reach, w.from, o.Division))
		}
		far[nFar] = o.Division
		nFar++
	}
	if nFar > 0 {
		rt.step(ruleCrossPlace, 0)
		rt.step(ruleReach, 0)
		ag, err := r.agreementFor(q.Matter, w.from, far[:nFar], w.day, rt.Mode)
		if err != nil {
			return err
		}
		rt.ag, rt.Agreement = ag, ag.ID
		if ag.ForwardDays != nil {
			rt.forward, rt.daysSrc = *ag.ForwardDays, fromData
		}
		if ag.ReturnDays != nil {
			rt.ret, rt.daysSrc = *ag.ReturnDays, fromData
		}
		rt.step(ruleAgreement, 0)
	}
	rt.step(ruleMode, 0)
	return nil
}

// offices fills the offices as the catalog implements the matter in each
// place: the implementing body and the promised limit.
func (r *Router) offices(q *Request, m *matter.Matter, rt *Route, w *where) error {
	for i := range rt.Deciding() {
		o := &rt.deciding[i]
		dm := m
		if o.Division != q.Division {
			var err error
			if dm, err = r.cat.Resolve(q.Matter, o.Division); err != nil {
				return fmt.Errorf("routing: %w", err)
			}
		}
		o.Department, o.Limit = localBody(dm, o.Division), dm.PromisedLimit
	}
	if q.Channel == matter.Post || q.Channel.Online() && w.lead >= 0 {
		// Received by the deciding office itself, by post or on its own
		// platform.
		d := &rt.deciding[rt.lead]
		rt.Receiving = Office{Division: d.Division, Department: d.Department, Outlet: q.Outlet}
	} else {
		rt.Receiving = Office{Division: w.from, Department: localBody(m, w.from), Outlet: q.Outlet}
	}
	return nil
}

// checkOnline checks that every deciding place can handle the matter fully
// online.
func (r *Router) checkOnline(q *Request, m *matter.Matter, rt *Route) error {
	for _, o := range rt.Deciding() {
		if e, ok := r.cat.Negative(q.Matter, o.Division); ok {
			return notRoutable(q.Matter, q.Division, o.Division, NegativeList, "",
				fmt.Sprintf("事项在%s列入负面清单，不能全程网办：%s（%s）；请到窗口申请（本地办理或异地代收代办）", o.Division, e.Reason, e.LegalBasis),
				fmt.Sprintf("the matter is on the negative list in %s and cannot be handled fully online (%s); apply at a window instead", o.Division, e.Reason))
		}
	}
	if !m.Depth.FullyOnline() {
		return notRoutable(q.Matter, q.Division, rt.deciding[0].Division, NotFullyOnline, "",
			fmt.Sprintf("事项网上办理深度为%v，未达到全程网办（须互联网收件、受理、办理和结果反馈）", m.Depth),
			fmt.Sprintf("the matter's online depth %v falls short of fully online (online receipt, acceptance, handling and result feedback)", m.Depth))
	}
	rt.step(ruleOnline, 0)
	return nil
}

// decidedAt returns the index of the deciding office in d, or -1.
func (rt *Route) decidedAt(d division.Code) int {
	for i, o := range rt.Deciding() {
		if o.Division == d {
			return i
		}
	}
	return -1
}

// localBody returns the matter's implementing body if it sits in the same
// province as d, else the zero Department.
func localBody(m *matter.Matter, d division.Code) matter.Department {
	if sameProvince(m.Body.Division, d) {
		return m.Body
	}
	return matter.Department{}
}

// sameProvince reports whether two well-formed codes lie in one province:
// whether their first two digits agree.
func sameProvince(a, b division.Code) bool { return len(a) == 6 && len(b) == 6 && a[:2] == b[:2] }

func notRoutable(code string, from, to division.Code, why Reason, agreement, zh, en string) error {
	return &NotRoutableError{Matter: code, From: from, To: to, Reason: why, Agreement: agreement, ZH: zh, EN: en}
}

func orNone(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

var reachZH = map[matter.Reach]string{
	matter.ReachNone:          "不通办",
	matter.ReachCity:          "全市通办",
	matter.ReachProvince:      "全省通办",
	matter.ReachCrossProvince: "跨省通办",
	matter.ReachNational:      "全国通办",
}

func reachNames(r matter.Reach) (zh, en string) {
	if s, ok := reachZH[r]; ok {
		return s, string(r)
	}
	return string(r), string(r)
}
