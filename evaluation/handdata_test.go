package evaluation_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/division"
)

// The hand-made data set: two units, 济南市莱芜区人社局 (A, laiwuHR, 370116)
// and 青岛市市南区人社局 (B, shinanHR, 370203), in October 2026 with a
// smaller September before it. Every figure the tests check is worked out
// by hand in scorecard_test.go from the records below. IDs are fixed so
// that rendered reports are stable: reviews 1xx, cases 2xx, work orders
// 3xx, applications 4xx, 问题工单 5xx, incidents 6xx.

// hid returns the fixed id number n.
func hid(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("01990000-0000-7000-8000-%012d", n))
}

// Real matter codes of the demo catalog.
const (
	mRecord    = "370015010000" // 个人权益记录查询打印 (即办)
	mCard      = "370015020000" // 社会保障卡申领
	mQualify   = "370015001000" // 退休资格确认 (退休一件事)
	mPension   = "370015005000" // 待遇核定发放 (退休一件事)
	retirement = "SD-YJS-TX"    // 退休一件事
	socialCard = "SD-YJS-SBK"   // 社会保障卡居民服务一件事
)

// reportAsOf is when the October report is made.
var reportAsOf = at(time.November, 2, 9, 0)

// cfg is the configuration of the hand-made set: the defaults.
var cfg = evaluation.DefaultConfig()

type handSet struct {
	reviews   []*evaluation.Review
	cases     []*evaluation.Case
	orders    []*evaluation.WorkOrder
	apps      []*matter.Application
	problems  []*evaluation.ProblemOrder
	incidents []*evaluation.Incident
}

// store loads the set into a new MemoryStore.
func (h *handSet) store(t testing.TB) *evaluation.MemoryStore {
	ctx := context.Background()
	s := evaluation.NewMemoryStore()
	for _, r := range h.reviews {
		_, err := s.AddReview(ctx, r)
		require.NoError(t, err)
	}
	for _, c := range h.cases {
		_, err := s.AddCase(ctx, c)
		require.NoError(t, err)
	}
	for _, w := range h.orders {
		_, err := s.AddWorkOrder(ctx, w)
		require.NoError(t, err)
	}
	for _, p := range h.problems {
		_, err := s.AddProblem(ctx, p)
		require.NoError(t, err)
	}
	for _, i := range h.incidents {
		_, err := s.AddIncident(ctx, i)
		require.NoError(t, err)
	}
	return s
}

// application returns a 办件 handled by office: submitted, accepted five
// minutes later and, unless decided is zero, decided (or rejected) then.
// A bundle application has one part per matter; every part is due on due.
func application(n int, office matter.Department, ch matter.Channel, bundle string, matters []string, submitted, decided time.Time, due matter.Date, rejected bool) *matter.Application {
	a := &matter.Application{
		ID: hid(n), Applicant: matter.Applicant{Audience: matter.Person, SubjectID: "370102196501150015"},
		Division: office.Division, Channel: ch, SubmittedAt: submitted,
		History: []matter.StatusChange{{To: matter.Submitted, At: submitted}},
		Status:  matter.Submitted,
	}
	if bundle != "" {
		a.Bundle, a.Selection = bundle, &matter.Selection{Bundle: bundle, Steps: [][]string{matters}}
	} else {
		a.Matter = matters[0]
	}
	for _, m := range matters {
		a.Parts = append(a.Parts, matter.Part{Matter: m, Office: office, Status: matter.Submitted, Due: due})
	}
	move := func(to matter.Status, t time.Time) {
		a.History = append(a.History, matter.StatusChange{From: a.Status, To: to, At: t, By: "clerk"})
		a.Status = to
	}
	if rejected {
		move(matter.Rejected, decided)
		return a
	}
	move(matter.Accepted, submitted.Add(5*time.Minute))
	if decided.IsZero() {
		return a
	}
	move(matter.Decided, decided)
	for i := range a.Parts {
		a.Parts[i].Status, a.Parts[i].DecidedAt = matter.Decided, decided
	}
	return a
}

// review returns a rating of application app: 一次一评 at a window or
// 一事一评 in the app, served when the application was decided.
func review(n int, app *matter.Application, rating evaluation.Rating, ratedAt time.Time) *evaluation.Review {
	office := app.Parts[0].Office
	r := &evaluation.Review{
		ID: hid(n), Application: app.ID, Matter: app.Parts[0].Matter, Bundle: app.Bundle,
		Unit: office, Division: office.Division, Channel: app.Channel,
		RatedAt: ratedAt, Rating: rating,
	}
	if end, ok := evaluation.ServiceEnd(app); ok {
		r.ServedAt = end
	}
	if app.Channel.Online() {
		r.Mode = evaluation.PerMatter
		r.Reviewer = &evaluation.Reviewer{Device: fmt.Sprintf("android-%04X", n)}
	} else {
		r.Mode, r.Staff = evaluation.PerService, "S01"
		r.Reviewer = &evaluation.Reviewer{Device: "pad-" + office.Division.String()}
	}
	if rating.IsBad() {
		r.ReasonText = "办理等待时间过长"
	}
	return r
}

// cid completes an ID number with its GB 11643 check character.
func cid(first17 string) string {
	c, err := citizenid.CheckChar(first17)
	if err != nil {
		panic(err)
	}
	return first17 + string(c)
}

// realName makes r a real-name rating by the named person.
func realName(r *evaluation.Review, name, phone, id string) *evaluation.Review {
	v := rater(name, phone, id)
	v.Device = r.Reviewer.Device
	r.RealName, r.Reviewer = true, v
	return r
}

func must(t testing.TB, err error) {
	t.Helper()
	require.NoError(t, err)
}

// newCase opens the case of a bad review with a fixed id and takes the
// given steps.
func newCase(t testing.TB, n int, r *evaluation.Review, received time.Time, steps ...evaluation.CaseChange) *evaluation.Case {
	t.Helper()
	c, err := evaluation.NewCase(cfg, r, received, "好差评办")
	require.NoError(t, err)
	c.ID = hid(n)
	for _, s := range steps {
		must(t, c.Move(cfg, s))
	}
	return c
}

func cstep(to evaluation.CaseState, t time.Time, note string) evaluation.CaseChange {
	return evaluation.CaseChange{To: to, At: t, By: "LW0012", Note: note}
}

// order records a work order received at recv and dispatched to unit an
// hour later, accepted at once.
func order(t testing.TB, n int, unit matter.Department, cat matter.Category, recv time.Time) *evaluation.WorkOrder {
	t.Helper()
	w, err := evaluation.NewWorkOrder(evaluation.Intake{
		Number: fmt.Sprintf("GD2026%04d", n), Line: evaluation.Line12345, Category: cat, Channel: matter.Hotline,
		Division: unit.Division, Matter: mCard, Summary: "社保卡办理进度咨询",
	}, recv, "12345-0871")
	require.NoError(t, err)
	w.ID = hid(n)
	must(t, w.Dispatch(cfg, recv.Add(time.Hour), "12345-0871", unit))
	must(t, w.Accept(recv.Add(90*time.Minute), unit.Name))
	return w
}

// reply, revisit and close take the usual steps of an order.
func reply(t testing.TB, w *evaluation.WorkOrder, at time.Time) {
	t.Helper()
	must(t, w.Reply(at, "unit", "已答复来电人"))
}

func revisitClose(t testing.TB, w *evaluation.WorkOrder, at time.Time, rating evaluation.Rating, resolved bool) {
	t.Helper()
	must(t, w.RecordRevisit(at, "12345-回访", rating, resolved, ""))
	must(t, w.Close(at.Add(30*time.Minute), "12345-回访", ""))
}

// handData builds the set. See the figures worked out in scorecard_test.go.
func handData(t testing.TB) *handSet {
	h := &handSet{}
	A, B := laiwuHR, shinanHR
	d := matter.DateOf
	oct := time.October

	// ---- Applications of October.
	a1 := application(401, A, matter.Window, "", []string{mRecord}, at(oct, 9, 9, 0), at(oct, 9, 9, 20), d(2026, oct, 9), false)
	a2 := application(402, A, matter.App, "", []string{mCard}, at(oct, 12, 10, 0), at(oct, 13, 16, 0), d(2026, oct, 19), false)
	a3 := application(403, A, matter.Window, retirement, []string{mQualify, mPension}, at(oct, 12, 9, 0), at(oct, 16, 10, 0), d(2026, oct, 19), false)
	a4 := application(404, A, matter.Window, retirement, []string{mQualify, mPension}, at(oct, 13, 9, 0), at(oct, 19, 11, 0), d(2026, oct, 20), false)
	a5 := application(405, A, matter.Window, retirement, []string{mQualify, mPension}, at(oct, 13, 10, 0), at(oct, 22, 10, 0), d(2026, oct, 20), false) // late
	a6 := application(406, A, matter.App, "", []string{mCard}, at(oct, 15, 9, 0), at(oct, 16, 11, 0), d(2026, oct, 22), false)
	a7 := application(407, A, matter.Window, "", []string{mRecord}, at(oct, 20, 9, 0), at(oct, 20, 9, 20), d(2026, oct, 20), false)
	a8 := application(408, A, matter.Window, "", []string{mRecord}, at(oct, 21, 9, 0), at(oct, 21, 9, 15), matter.Date{}, true) // rejected at pre-review
	a9 := application(409, A, matter.Window, "", []string{mCard}, at(oct, 10, 9, 0), time.Time{}, d(2026, oct, 16), false)      // open, overdue
	a10 := application(410, A, matter.Window, "", []string{mCard}, at(oct, 28, 9, 0), time.Time{}, d(2026, time.November, 4), false)
	b := make([]*matter.Application, 5)
	for i := range b {
		ch := matter.Window
		if i > 0 {
			ch = matter.App
		}
		day := 14 + 3*i
		b[i] = application(411+i, B, ch, "", []string{mCard}, at(oct, day, 9, 0), at(oct, day, 10, 0), d(2026, oct, day+5), false)
	}
	h.apps = append(h.apps, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10)
	h.apps = append(h.apps, b...)

	// ---- Reviews of October.
	r1 := realName(review(101, a1, evaluation.VerySatisfied, at(oct, 9, 9, 25)), "张建国", "13805311234", "370102196501150015")
	r1.Publish, r1.Comment = true, "窗口工作人员耐心细致，一次就办好了权益记录打印"
	r2 := review(102, a2, evaluation.VerySatisfied, at(oct, 13, 18, 0))
	r3 := review(103, a3, evaluation.Satisfied, at(oct, 16, 10, 30))
	r3.Publish, r3.Comment = true, "很好" // too short to publish
	r4 := review(104, a4, evaluation.FairlySatisfied, at(oct, 19, 14, 0))
	r5 := realName(review(105, a5, evaluation.Dissatisfied, at(oct, 22, 11, 0)), "李秀英", "15965421987", "370203198807124021")
	r5.Publish, r5.Comment = true, "退休一件事办了九天，超过承诺时限"
	r6 := review(106, a6, evaluation.VeryDissatisfied, at(oct, 16, 14, 0))
	r6.ReasonText = "社保卡申领材料清单与办事指南不一致" // verified but not consented: not published
	r7 := realName(review(107, a7, evaluation.VeryDissatisfied, at(oct, 20, 9, 30)), "王志强", "13905317788", cid("37010219700302003"))
	r8 := review(108, a8, evaluation.VeryDissatisfied, at(oct, 22, 9, 0)) // excluded below
	r9 := &evaluation.Review{ID: hid(109), Mode: evaluation.Public, Unit: A, Division: "370116", Channel: matter.Web,
		RatedAt: at(oct, 25, 20, 0), Rating: evaluation.Satisfied, Comment: "莱芜区人社服务整体不错"}
	r10 := review(110, a2, evaluation.VerySatisfied, at(oct, 14, 9, 0))
	r10.FollowUpOf, r10.Reviewer, r10.Comment = r2.ID, r2.Reviewer, "补充：卡片已经收到"
	s1 := realName(review(111, b[0], evaluation.VerySatisfied, at(oct, 14, 10, 30)), "赵丽", "13698765432", cid("37020319900101002"))
	s1.Publish, s1.Comment = true, "大厅引导很清楚，材料一次告知，工作人员留了电话13698765432方便咨询"
	s2 := review(112, b[1], evaluation.VerySatisfied, at(oct, 17, 11, 0))
	s3 := review(113, b[2], evaluation.Satisfied, at(oct, 20, 9, 30)) // before b3 was decided at 10:00
	s3.ServedAt = at(oct, 20, 9, 0)
	s4 := review(114, b[3], evaluation.Dissatisfied, at(oct, 26, 10, 0))
	s4.Publish, s4.Comment = true, "线上申领后迟迟没有进度"

	// ---- Cases of October.
	c1 := newCase(t, 201, r5, at(oct, 22, 12, 0),
		cstep(evaluation.CaseVerifying, at(oct, 23, 9, 0), "电话联系评价人"),
		cstep(evaluation.CaseRectifying, at(oct, 23, 10, 0), ""),
		cstep(evaluation.CaseRectified, at(oct, 26, 15, 0), "已增设退休一件事综合窗口，并向评价人说明办理进度"),
		cstep(evaluation.CaseRevisited, at(oct, 28, 10, 0), "评价人对整改满意"),
		cstep(evaluation.CaseClosed, at(oct, 28, 11, 0), ""))
	c2 := newCase(t, 202, r6, at(oct, 16, 15, 0),
		cstep(evaluation.CaseVerifying, at(oct, 19, 9, 0), ""),
		cstep(evaluation.CaseRectifying, at(oct, 19, 10, 0), ""),
		cstep(evaluation.CaseRectified, at(oct, 20, 15, 0), "已更新办事指南材料清单"),
		cstep(evaluation.CaseClosed, at(oct, 21, 9, 0), "匿名评价，无法回访"))
	c3 := newCase(t, 203, r7, at(oct, 20, 11, 0), cstep(evaluation.CaseVerifying, at(oct, 21, 9, 0), "")) // overdue for rectification
	c4 := newCase(t, 204, r8, at(oct, 22, 10, 0),
		cstep(evaluation.CaseAppealed, at(oct, 22, 14, 0), "评价人系因个人纠纷恶意差评"),
		evaluation.CaseChange{To: evaluation.CaseExcluded, At: at(oct, 26, 9, 0), By: "济南市好差评办", Note: "经申诉复核，认定为恶意评价", Kind: evaluation.Malicious})
	r8.Exclusion = c4.Exclusion
	d1 := newCase(t, 211, s4, at(oct, 26, 11, 0),
		cstep(evaluation.CaseVerifying, at(oct, 27, 9, 0), ""),
		cstep(evaluation.CaseRectifying, at(oct, 27, 10, 0), ""))
	h.reviews = append(h.reviews, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, s1, s2, s3, s4)
	h.cases = append(h.cases, c1, c2, c3, c4, d1)

	// ---- Work orders of October.
	w1 := order(t, 301, A, matter.Complaint, at(oct, 12, 9, 0))
	reply(t, w1, at(oct, 14, 15, 0))
	revisitClose(t, w1, at(oct, 15, 10, 0), evaluation.Satisfied, true)
	w2 := order(t, 302, A, matter.Inquiry, at(oct, 13, 9, 0))
	reply(t, w2, at(oct, 13, 16, 0))
	revisitClose(t, w2, at(oct, 14, 9, 0), evaluation.VerySatisfied, true)
	w3 := order(t, 303, A, matter.Complaint, at(oct, 8, 9, 0)) // due 10-14
	reply(t, w3, at(oct, 16, 10, 0))                           // late
	must(t, w3.RecordRevisit(at(oct, 16, 15, 0), "12345-回访", evaluation.Dissatisfied, false, "仍未解决"))
	must(t, w3.Rehandle(cfg, at(oct, 19, 9, 0), "12345-0871", "重办"))
	reply(t, w3, at(oct, 21, 10, 0))
	revisitClose(t, w3, at(oct, 22, 10, 0), evaluation.FairlySatisfied, true)
	w4 := order(t, 304, A, matter.Help, at(oct, 20, 9, 0)) // due 10-27, never replied
	w5 := order(t, 305, A, matter.Complaint, at(oct, 21, 9, 0))
	reply(t, w5, at(oct, 23, 10, 0))
	must(t, w5.Close(at(oct, 26, 9, 0), "12345-回访", "回访三次未接通，按规定办结"))
	w6, err := evaluation.NewWorkOrder(evaluation.Intake{Number: "GD20260306", Line: evaluation.Line12345, Category: matter.Suggestion,
		Channel: matter.Hotline, Division: "370116", Summary: "建议延长周末服务时间"}, at(oct, 22, 9, 0), "12345-0871")
	require.NoError(t, err)
	w6.ID = hid(306)
	must(t, w6.Close(at(oct, 22, 9, 10), "12345-0871", "当场答复，已转有关部门参考"))
	h.orders = append(h.orders, w1, w2, w3, w4, w5, w6)
	for k := range 11 {
		cat := matter.Inquiry
		if k < 4 {
			cat = matter.Complaint
		}
		w := order(t, 311+k, B, cat, at(oct, 14, 9, k))
		reply(t, w, at(oct, 15, 10, k))
		if k < 9 {
			revisitClose(t, w, at(oct, 16, 10, k), evaluation.VerySatisfied, true)
		} else {
			revisitClose(t, w, at(oct, 16, 10, k), evaluation.Dissatisfied, false)
		}
		h.orders = append(h.orders, w)
	}

	// ---- September, the previous period.
	sep := time.September
	p1 := application(421, A, matter.Window, "", []string{mRecord}, at(sep, 15, 9, 0), at(sep, 15, 9, 20), d(2026, sep, 15), false)
	p2 := application(422, A, matter.Window, "", []string{mRecord}, at(sep, 16, 9, 0), at(sep, 16, 9, 20), d(2026, sep, 16), false)
	p3 := application(423, A, matter.App, "", []string{mCard}, at(sep, 16, 10, 0), at(sep, 17, 10, 0), d(2026, sep, 23), false)
	p4 := application(424, A, matter.Window, "", []string{mRecord}, at(sep, 18, 9, 0), at(sep, 18, 9, 20), d(2026, sep, 18), false)
	q1 := application(431, B, matter.Window, "", []string{mCard}, at(sep, 15, 9, 0), at(sep, 15, 10, 0), d(2026, sep, 21), false)
	q2 := application(432, B, matter.App, "", []string{mCard}, at(sep, 16, 9, 0), at(sep, 16, 10, 0), d(2026, sep, 22), false)
	h.apps = append(h.apps, p1, p2, p3, p4, q1, q2)
	pr4 := realName(review(124, p4, evaluation.Dissatisfied, at(sep, 18, 10, 0)), "孙伟", "13305318888", cid("37011619800515001"))
	h.reviews = append(h.reviews,
		review(121, p1, evaluation.VerySatisfied, at(sep, 15, 9, 30)),
		review(122, p2, evaluation.VerySatisfied, at(sep, 16, 9, 30)),
		review(123, p3, evaluation.Satisfied, at(sep, 17, 12, 0)),
		pr4,
		review(131, q1, evaluation.VerySatisfied, at(sep, 15, 11, 0)),
		review(132, q2, evaluation.VerySatisfied, at(sep, 16, 11, 0)))
	h.cases = append(h.cases, newCase(t, 205, pr4, at(sep, 18, 11, 0),
		cstep(evaluation.CaseVerifying, at(sep, 21, 9, 0), ""),
		cstep(evaluation.CaseRectifying, at(sep, 21, 10, 0), ""),
		cstep(evaluation.CaseRectified, at(sep, 22, 15, 0), "已优化叫号流程"),
		cstep(evaluation.CaseRevisited, at(sep, 23, 10, 0), "评价人满意"),
		cstep(evaluation.CaseClosed, at(sep, 23, 11, 0), "")))
	for k, u := range []matter.Department{A, B, B} {
		w := order(t, 331+k, u, matter.Complaint, at(sep, 15, 9, k))
		reply(t, w, at(sep, 16, 10, k))
		revisitClose(t, w, at(sep, 17, 10, k), evaluation.Satisfied, true)
		h.orders = append(h.orders, w)
	}

	// ---- A 问题工单 whose follow-up is overdue, and two incidents.
	h.problems = append(h.problems, &evaluation.ProblemOrder{
		ID: hid(501), Order: hid(399), Division: "370116", Category: matter.Complaint, Reason: evaluation.StallRehandled,
		Rehandled: 3, Units: []matter.Department{A}, Level: division.City, State: evaluation.ProblemDecided, OpenedAt: at(oct, 12, 9, 0),
		Consultation: &evaluation.Consultation{At: at(oct, 16, 9, 0), By: "济南市12345热线办", Convened: []matter.Department{A, jinanHR},
			Decision: "由莱芜区人社局牵头核查待遇补发", Lead: A},
		FollowUpDue: d(2026, oct, 23),
		History: []evaluation.ProblemChange{
			{To: evaluation.ProblemOpen, At: at(oct, 12, 9, 0), By: "济南市12345热线办"},
			{From: evaluation.ProblemOpen, To: evaluation.ProblemDecided, At: at(oct, 16, 9, 0), By: "济南市12345热线办"},
		},
	})
	h.incidents = append(h.incidents,
		&evaluation.Incident{ID: hid(601), Title: "莱芜区政务服务大厅系统宕机", Division: "370116", Unit: A,
			OccurredAt: at(oct, 15, 10, 0), PhoneAt: at(oct, 15, 10, 55), WrittenAt: at(oct, 15, 11, 20)},
		&evaluation.Incident{ID: hid(602), Title: "市南区大厅停电", Division: "370203", Unit: B,
			OccurredAt: at(oct, 20, 14, 0), PhoneAt: at(oct, 20, 14, 30), WrittenAt: at(oct, 20, 14, 50)})
	return h
}
