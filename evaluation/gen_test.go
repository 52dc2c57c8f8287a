package evaluation_test

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
	"github.com/onething-gov/onething/standards/workday"
)

// The generator makes realistic months of 好差评 and hotline data for the
// 16 cities of Shandong: for every city its 人社局 and 社保中心 and the 人社局
// of its first county (48 units, real division codes from
// division.Children("370000"), credit codes valid under GB 32100), on the
// working days of the real 2026 calendar. It is deterministic: a seeded
// PCG draws everything, ids included. Every record is made through the
// package's own steps (NewCase, Move, Dispatch, Reply, …), so it obeys
// the deadlines of the default configuration.
//
// The data are clean: no burst of ratings from one device, no rater
// rating a unit thrice, no rating before its service, fewer ratings than
// services, no unit with 200 reviews. The plant functions of
// anomaly_test.go add fraud to it.

type gen struct {
	t       testing.TB
	rng     *rand.Rand
	cal     *workday.Calendar
	units   []genUnit
	horizon time.Time // nothing happens at or after it
	data    *genData
}

type genUnit struct {
	dept  matter.Department
	staff []string
}

type genData struct {
	units   []matter.Department
	reviews []*evaluation.Review // by RatedAt
	cases   []*evaluation.Case
	orders  []*evaluation.WorkOrder
	apps    []*matter.Application
}

var (
	genMatters  = []string{"370015010000", "370015020000", "370015023000", "370015030000", "370015008000"}
	genComments = []string{
		"工作人员态度很好，材料一次性告知，没有跑第二趟",
		"网上办理流程清楚，提交后三天就办好了，很方便",
		"窗口排队时间稍长，但办理效率很高，点赞",
		"很好", "满意", "办事快", "指引清楚",
		"爱山东上就能办，不用跑腿，希望更多事项都能这样",
	}
	genReasons = []string{"等待时间过长", "材料要求与办事指南不一致", "工作人员态度生硬", "系统操作复杂，多次提交失败"}
	genNames   = []string{"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴霞"}
)

// genMonths generates the given months of 2026 with the seed.
func genMonths(t testing.TB, seed uint64, months ...time.Month) *genData {
	t.Helper()
	g := &gen{t: t, rng: rand.New(rand.NewPCG(seed, 0x5eed_2026)), cal: workday.China(), data: &genData{}}
	g.makeUnits()
	last := slices.Max(months)
	g.horizon = evaluation.Month(2026, last).To
	for _, m := range months {
		p := evaluation.Month(2026, m)
		for day := p.From; day.Before(p.To); day = day.AddDate(0, 0, 1) {
			ok, err := g.cal.IsWorkday(day)
			require.NoError(t, err)
			if !ok {
				continue
			}
			for _, u := range g.units {
				g.day(u, day)
			}
		}
	}
	slices.SortStableFunc(g.data.reviews, func(a, b *evaluation.Review) int { return a.RatedAt.Compare(b.RatedAt) })
	return g.data
}

// id returns a UUID v7 for time t with random bits from the generator.
func (g *gen) id(t time.Time) uuid.UUID {
	var u uuid.UUID
	var ms [8]byte
	binary.BigEndian.PutUint64(ms[:], uint64(t.UnixMilli()))
	copy(u[:6], ms[2:])
	binary.BigEndian.PutUint64(u[8:], g.rng.Uint64())
	binary.BigEndian.PutUint16(u[6:], uint16(g.rng.Uint32()))
	u[6] = 0x70 | u[6]&0x0f
	u[8] = 0x80 | u[8]&0x3f
	return u
}

// creditCode makes a valid credit code of registry and kind rk (such as
// "11", an organ) in division div.
func (g *gen) creditCode(rk string, div division.Code) creditcode.Code {
	org := fmt.Sprintf("%08d", g.rng.IntN(100_000_000))
	oc, err := creditcode.OrgCheckChar(org)
	require.NoError(g.t, err)
	first := rk + string(div) + org + string(oc)
	cc, err := creditcode.CheckChar(first)
	require.NoError(g.t, err)
	code, err := creditcode.Parse(first + string(cc))
	require.NoError(g.t, err)
	return code
}

func (g *gen) makeUnits() {
	cities := division.Children("370000")
	require.Len(g.t, cities, 16)
	add := func(rk string, div division.Code, name string) {
		d := matter.Department{CreditCode: g.creditCode(rk, div), Name: name, Division: div}
		g.units = append(g.units, genUnit{dept: d, staff: []string{"S01", "S02", "S03"}})
		g.data.units = append(g.data.units, d)
	}
	for _, c := range cities {
		add("11", c.Code, c.Name+"人力资源和社会保障局")
		add("12", c.Code, c.Name+"社会保险事业中心")
		county := division.Children(c.Code)[0]
		add("11", county.Code, c.Name+county.Name+"人力资源和社会保障局")
	}
}

// at returns day at the given minutes after 8:30.
func clockOn(day time.Time, minutes int) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day(), 8, 30, 0, 0, matter.CST).Add(time.Duration(minutes) * time.Minute)
}

// workdayAfter returns the n-th working day after t's date at the given
// minutes after 8:30.
func (g *gen) workdayAfter(t time.Time, n, minutes int) time.Time {
	d, err := g.cal.Add(t, n)
	require.NoError(g.t, err)
	return clockOn(d, minutes)
}

func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// day makes one unit's applications, ratings, cases and work orders of a
// working day.
func (g *gen) day(u genUnit, day time.Time) {
	// Window services come in slots half an hour apart, each served by
	// the next clerk, so that no window's rating pad sees a burst.
	slots := g.rng.Perm(14)[:g.rng.IntN(7)]
	for i, slot := range slots {
		g.service(u, day, slot*30+g.rng.IntN(15), u.staff[i%len(u.staff)])
	}
	for range g.rng.IntN(3) {
		g.workOrder(u, clockOn(day, g.rng.IntN(480)))
	}
}

func (g *gen) service(u genUnit, day time.Time, minute int, staff string) {
	submitted := clockOn(day, minute)
	ch := matter.Window
	if g.chance(0.45) {
		ch = matter.App
	}
	a := &matter.Application{
		ID: g.id(submitted), Applicant: matter.Applicant{Audience: matter.Person, SubjectID: g.citizenID(u.dept.Division)},
		Division: u.dept.Division, Channel: ch, SubmittedAt: submitted, Status: matter.Submitted,
		History: []matter.StatusChange{{To: matter.Submitted, At: submitted}},
	}
	instant := ch == matter.Window && g.chance(0.5)
	if g.chance(0.15) {
		instant = false
		a.Bundle = retirement
		a.Selection = &matter.Selection{Bundle: retirement, Steps: [][]string{{mQualify, mPension}}}
	} else {
		a.Matter = genMatters[g.rng.IntN(len(genMatters))]
	}
	var due matter.Date
	var decided time.Time
	if instant {
		due = matter.NewDate(submitted)
		decided = submitted.Add(time.Duration(10+g.rng.IntN(20)) * time.Minute)
	} else {
		d, err := g.cal.Add(submitted, 5)
		require.NoError(g.t, err)
		due = matter.NewDate(d)
		k := 1 + g.rng.IntN(5)
		if g.chance(0.06) {
			k = 6 + g.rng.IntN(3) // late
		}
		decided = g.workdayAfter(submitted, k, 60+g.rng.IntN(360))
	}
	members := []string{a.Matter}
	if a.Selection != nil {
		members = a.Selection.Members()
	}
	for _, m := range members {
		a.Parts = append(a.Parts, matter.Part{Matter: m, Office: u.dept, Status: matter.Submitted, Due: due})
	}
	move := func(to matter.Status, at time.Time) {
		a.History = append(a.History, matter.StatusChange{From: a.Status, To: to, At: at, By: staff})
		a.Status = to
	}
	move(matter.Accepted, submitted.Add(3*time.Minute))
	g.data.apps = append(g.data.apps, a)
	if !decided.Before(g.horizon) {
		return // still open at the end
	}
	move(matter.Decided, decided)
	for i := range a.Parts {
		a.Parts[i].Status, a.Parts[i].DecidedAt = matter.Decided, decided
	}
	if g.chance(0.7) {
		g.rating(u, a, decided, staff)
	}
}

func (g *gen) citizenID(div division.Code) string {
	first := fmt.Sprintf("%s%04d%02d%02d%03d", div, 1950+g.rng.IntN(45), 1+g.rng.IntN(12), 1+g.rng.IntN(28), g.rng.IntN(1000))
	c, err := citizenid.CheckChar(first)
	require.NoError(g.t, err)
	return first + string(c)
}

func (g *gen) rating(u genUnit, a *matter.Application, served time.Time, staff string) {
	r := &evaluation.Review{
		Application: a.ID, Matter: a.Parts[0].Matter, Bundle: a.Bundle,
		Unit: u.dept, Division: u.dept.Division, Channel: a.Channel, ServedAt: served,
	}
	if a.Channel == matter.Window {
		r.Mode, r.Staff = evaluation.PerService, staff
		r.RatedAt = served.Add(time.Duration(1+g.rng.IntN(4)) * time.Minute)
		r.Reviewer = &evaluation.Reviewer{Device: "pad-" + string(u.dept.Division) + "-" + staff}
	} else {
		r.Mode = evaluation.PerMatter
		r.RatedAt = served.Add(time.Duration(10+g.rng.IntN(1440)) * time.Minute)
		r.Reviewer = &evaluation.Reviewer{Device: fmt.Sprintf("android-%08X", g.rng.Uint32())}
	}
	if !r.RatedAt.Before(g.horizon) {
		return
	}
	r.ID = g.id(r.RatedAt)
	switch x := g.rng.Float64(); {
	case x < 0.70:
		r.Rating = evaluation.VerySatisfied
	case x < 0.88:
		r.Rating = evaluation.Satisfied
	case x < 0.95:
		r.Rating = evaluation.FairlySatisfied
	case x < 0.98:
		r.Rating = evaluation.Dissatisfied
	default:
		r.Rating = evaluation.VeryDissatisfied
	}
	if g.chance(0.4) {
		id, err := citizenid.Parse(g.citizenID(u.dept.Division))
		require.NoError(g.t, err)
		r.RealName = true
		r.Reviewer.Name = genNames[g.rng.IntN(len(genNames))]
		r.Reviewer.Phone = fmt.Sprintf("1%d%09d", 3+g.rng.IntN(7), g.rng.IntN(1_000_000_000))
		r.Reviewer.CitizenID = id
	}
	r.Publish = g.chance(0.3)
	if g.chance(0.3) {
		r.Comment = genComments[g.rng.IntN(len(genComments))]
	}
	if r.Rating.IsBad() {
		r.ReasonText = genReasons[g.rng.IntN(len(genReasons))]
		r.Comment = r.ReasonText
	}
	g.data.reviews = append(g.data.reviews, r)
	if r.Rating.IsBad() {
		g.badCase(r)
	}
}

// before reports whether t is before the horizon, so that the step may
// be taken.
func (g *gen) before(t time.Time) bool { return t.Before(g.horizon) }

func (g *gen) badCase(r *evaluation.Review) {
	received := r.RatedAt.Add(time.Hour)
	if !g.before(received) {
		return
	}
	c, err := evaluation.NewCase(cfg, r, received, "好差评办")
	require.NoError(g.t, err)
	c.ID = g.id(received)
	g.data.cases = append(g.data.cases, c)
	mv := func(to evaluation.CaseState, at time.Time, note string, kind evaluation.ExclusionKind) bool {
		if !g.before(at) || at.Before(c.History[len(c.History)-1].At) {
			return false
		}
		require.NoError(g.t, c.Move(cfg, evaluation.CaseChange{To: to, At: at, By: "clerk", Note: note, Kind: kind}))
		return true
	}
	if g.chance(0.05) {
		if mv(evaluation.CaseAppealed, received.Add(2*time.Hour), "评价与所办事项无关", "") &&
			mv(evaluation.CaseExcluded, g.workdayAfter(received, 2, 60), "经申诉复核认定为误评", evaluation.Mistaken) {
			r.Exclusion = c.Exclusion
		}
		return
	}
	if !mv(evaluation.CaseVerifying, g.workdayAfter(received, 1, 30), "已联系评价人", "") ||
		!mv(evaluation.CaseRectifying, g.workdayAfter(received, 1, 60), "", "") {
		return
	}
	if g.chance(0.08) {
		return // rectification stalls: overdue
	}
	if !mv(evaluation.CaseRectified, g.workdayAfter(received, 2+g.rng.IntN(3), 240), "已整改并答复评价人", "") {
		return
	}
	last := c.History[len(c.History)-1].At
	if r.RealName {
		if !mv(evaluation.CaseRevisited, g.workdayAfter(last, 1+g.rng.IntN(3), 90), "回访满意", "") {
			return
		}
		last = c.History[len(c.History)-1].At
	}
	mv(evaluation.CaseClosed, last.Add(time.Hour), "办结", "")
}

func (g *gen) workOrder(u genUnit, recv time.Time) {
	cats := []matter.Category{matter.Complaint, matter.Complaint, matter.Complaint, matter.Inquiry, matter.Inquiry, matter.Inquiry, matter.Inquiry, matter.Help, matter.Help, matter.Suggestion}
	cat := cats[g.rng.IntN(len(cats))]
	if g.chance(0.04) {
		cat = matter.Report
	}
	w, err := evaluation.NewWorkOrder(evaluation.Intake{
		Number: fmt.Sprintf("GD%s%04d", recv.Format("20060102"), g.rng.IntN(10000)), Line: evaluation.Line12345, Category: cat,
		Channel: matter.Hotline, Division: u.dept.Division, Matter: genMatters[g.rng.IntN(len(genMatters))], Summary: "社保业务诉求",
	}, recv, "12345")
	require.NoError(g.t, err)
	w.ID = g.id(recv)
	g.data.orders = append(g.data.orders, w)
	step := func(at time.Time, f func() error) bool {
		if !g.before(at) || at.Before(w.History[len(w.History)-1].At) {
			return false
		}
		require.NoError(g.t, f())
		return true
	}
	if !step(recv.Add(30*time.Minute), func() error { return w.Dispatch(cfg, recv.Add(30*time.Minute), "12345", u.dept) }) ||
		!step(recv.Add(time.Hour), func() error { return w.Accept(recv.Add(time.Hour), u.dept.Name) }) {
		return
	}
	for round := 0; ; round++ {
		k := g.rng.IntN(5)
		if g.chance(0.07) {
			k = 6 + g.rng.IntN(2)
		}
		last := w.History[len(w.History)-1].At
		replyAt := g.workdayAfter(last, k, 300+g.rng.IntN(150))
		if !replyAt.After(last) {
			replyAt = last.Add(2 * time.Hour)
		}
		if !step(replyAt, func() error { return w.Reply(replyAt, u.dept.Name, "已答复") }) {
			return
		}
		visit := g.workdayAfter(replyAt, 1, 60)
		if g.chance(0.08) {
			step(visit, func() error { return w.Close(visit, "12345", "回访未接通，按规定办结") })
			return
		}
		rating, resolved := evaluation.VerySatisfied, true
		if g.chance(0.07) {
			rating = evaluation.Dissatisfied
		}
		if g.chance(0.1) {
			resolved = false
		}
		if !step(visit, func() error { return w.RecordRevisit(visit, "12345", rating, resolved, "") }) {
			return
		}
		if (rating.IsGood() && resolved) || round > 0 || !g.chance(0.5) {
			step(visit.Add(time.Hour), func() error { return w.Close(visit.Add(time.Hour), "12345", "") })
			return
		}
		again := visit.Add(2 * time.Hour)
		if !step(again, func() error { return w.Rehandle(cfg, again, "12345", "重办") }) {
			return
		}
	}
}
