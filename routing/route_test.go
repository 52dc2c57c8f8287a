package routing_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
	"github.com/onething-gov/onething/standards/division"
)

// leg is the expected shape of a route's leg.
type leg struct {
	from, to routing.Role
	cargo    routing.Cargo
	via      routing.Via
	due      string
}

type routeCase struct {
	name       string
	q          routing.Request
	mode       routing.Mode
	receiving  division.Code
	deciding   []division.Code
	agreement  string
	legs       []leg
	due        string
	rules      []string // must fire, in this order (others may come between)
	recognised []string
}

func TestRouteModes(t *testing.T) {
	r := demoRouter(t)
	cases := []routeCase{
		{
			name: "local: 就业困难人员认定 at the 历下区 window by a 历下区 resident",
			q: routing.Request{Matter: mHardToEmploy, Applicant: resident(lixia), Division: lixia,
				Outlet: "370102-quanchenglu-township", Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Local, receiving: lixia, deciding: []division.Code{lixia},
			due:   "2026-03-16", // 10 working days after Monday 2 March
			rules: []string{"matter", "basis", "decider", "in-place", "mode.local", "deadline.decision"},
		},
		{
			name: "local: a county hall receives a city-decided matter in its city",
			q: routing.Request{Matter: mFlexibleEnrolment, Applicant: resident(jinan), Division: lixia,
				Channel: matter.Terminal, At: on(2026, 3, 2)},
			mode: routing.Local, receiving: lixia, deciding: []division.Code{jinan}, due: "2026-03-02",
		},
		{
			name: "online in place: 个人权益记录查询打印 on the 济南 app, e-licence back online",
			q: routing.Request{Matter: mRecordPrint, Applicant: resident(lixia), Division: lixia,
				Channel: matter.App, At: on(2026, 3, 2)},
			mode: routing.Online, receiving: lixia, deciding: []division.Code{lixia},
			legs:  []leg{{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaOnline, "2026-03-03"}},
			due:   "2026-03-03",
			rules: []string{"decider", "in-place", "online", "mode.online", "deadline.decision", "leg.result"},
		},
		{
			name: "online across places: 资格认证 for a 济南 pensioner on the 西安 platform (沿黄河流域)",
			q: routing.Request{Matter: mCertification, Applicant: resident(jinan, years(jinan, 30)), Division: xian,
				Channel: matter.MiniProgram, At: on(2026, 3, 2)},
			mode: routing.Online, receiving: xian, deciding: []division.Code{jinan}, agreement: "yellow-river-hrss",
			legs: []leg{
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
				{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaOnline, "2026-03-05"},
			},
			due:   "2026-03-05",
			rules: []string{"basis", "decider", "online", "cross-place", "reach", "agreement", "mode.online", "leg.materials", "deadline.decision", "leg.result"},
		},
		{
			name: "proxy, 全省通办: 失业登记 applied for in 临沂 by a 济南 resident",
			q: routing.Request{Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: linyi,
				Outlet: "371300-city-hall", Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Proxy, receiving: linyi, deciding: []division.Code{jinan}, agreement: "sd-province-hrss",
			legs: []leg{
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
				{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaOnline, "2026-03-04"},
			},
			due:        "2026-03-04",
			rules:      []string{"decider", "cross-place", "reach", "agreement", "mode.proxy", "recognition", "leg.materials", "deadline.decision", "leg.result"},
			recognised: []string{"resident-id-card", "termination-certificate"},
		},
		{
			name: "joint: 转移接续 from 郑州 to 济南, applied for in 济南 (沿黄河流域)",
			q: routing.Request{Matter: mTransfer, Applicant: resident(jinan, years(zhengzhou, 8), routing.Insured{Division: jinan, Months: 30}),
				Division: jinan, Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Joint, receiving: jinan, deciding: []division.Code{jinan, zhengzhou}, agreement: "yellow-river-hrss",
			legs: []leg{
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
				{routing.RoleDeciding, routing.RoleDeciding, routing.Part, routing.ViaOnline, "2026-03-26"},
				{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaOnline, "2026-03-30"},
			},
			due:        "2026-03-30", // 郑州 decides 15 working days after 3 March (24 March), returns within 2, 济南 sends within 2
			rules:      []string{"basis", "decider", "decider", "in-place", "cross-place", "agreement", "mode.joint", "leg.materials", "deadline.decision", "leg.part", "leg.result"},
			recognised: []string{"resident-id-card", "contribution-certificate"},
		},
		{
			name: "京津冀: 社保卡补换 for a 朝阳区 insured person at a 天津 window, card by post",
			q: routing.Request{Matter: mCardReplace, Applicant: resident(chaoyang, years(chaoyang, 6)), Division: heping,
				Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Proxy, receiving: heping, deciding: []division.Code{chaoyang}, agreement: "jingjinji-hrss",
			legs: []leg{
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
				{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaPost, "2026-03-11"},
			},
			due:        "2026-03-11",
			recognised: []string{"resident-id-card"},
		},
		{
			name: "长三角: 失业保险金 for a 黄浦区 insured person at a 杭州 window",
			q: routing.Request{Matter: mUnemploymentBenefit, Applicant: resident(xihu, years(huangpu, 4)), Division: xihu,
				Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Proxy, receiving: xihu, deciding: []division.Code{huangpu}, agreement: "yangtze-delta-hrss",
			due: "2026-03-11",
		},
		{
			name: "沿黄河流域: 失业保险金 for a 郑州 insured person at a 济南 window",
			q: routing.Request{Matter: mUnemploymentBenefit, Applicant: resident(jinan, years(zhengzhou, 4)), Division: jinan,
				Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Proxy, receiving: jinan, deciding: []division.Code{zhengzhou}, agreement: "yellow-river-hrss",
			due: "2026-03-12", // results within 2 working days under this agreement
		},
		{
			name: "淮河生态经济带: 失业保险金 for a 徐州 insured person at a 临沂 window, the day the agreement starts",
			q: routing.Request{Matter: mUnemploymentBenefit, Applicant: resident(linyi, years(xuzhou, 3)), Division: linyi,
				Channel: matter.Window, At: on(2026, 7, 1)},
			mode: routing.Proxy, receiving: linyi, deciding: []division.Code{xuzhou}, agreement: "huaihe-hrss",
			due: "2026-07-10",
		},
		{
			name: "negative list, at a window: 社保卡申领 for a 济南 insured person in 临沂 goes by proxy",
			q: routing.Request{Matter: mCardApply, Applicant: resident(jinan, years(jinan, 2)), Division: linyi,
				Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Proxy, receiving: linyi, deciding: []division.Code{jinan}, agreement: "sd-province-hrss",
			legs: []leg{
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
				{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaPost, "2026-03-09"},
			},
			due: "2026-03-09", // arrives Tue 3 March; 济南's list promises 3 working days (Fri 6 March); the card is posted by Mon 9 March
		},
		{
			name: "by post: 社保卡信息变更 mailed to the 济南 office from anywhere",
			q: routing.Request{Matter: mCardInfoChange, Applicant: resident(jinan), Division: linyi,
				Channel: matter.Post, At: on(2026, 3, 2)},
			mode: routing.Local, receiving: jinan, deciding: []division.Code{jinan},
			due: "2026-03-09", rules: []string{"decider", "channel.post", "in-place", "mode.local"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rt, err := r.Route(context.Background(), c.q)
			require.NoError(t, err)
			checkRoute(t, c, rt)
		})
	}
}

func checkRoute(t *testing.T, c routeCase, rt routing.Route) {
	t.Helper()
	assert.Equal(t, c.mode, rt.Mode, "mode")
	assert.Equal(t, c.receiving, rt.Receiving.Division, "receiving")
	var dec []division.Code
	for _, o := range rt.Deciding() {
		dec = append(dec, o.Division)
		assert.False(t, o.Due.IsZero(), "deciding office %s has a due date", o.Division)
	}
	assert.Equal(t, c.deciding, dec, "deciding")
	assert.Equal(t, c.agreement, rt.Agreement, "agreement")
	if c.legs != nil {
		var got []leg
		for _, l := range rt.Legs() {
			got = append(got, leg{l.From.Role, l.To.Role, l.Cargo, l.Via, l.Due.Format(time.DateOnly)})
		}
		assert.Equal(t, c.legs, got, "legs")
	}
	if c.due != "" {
		assert.Equal(t, c.due, rt.Due.Format(time.DateOnly), "due")
	}
	if c.rules != nil {
		var fired []string
		for _, s := range rt.Explain() {
			fired = append(fired, s.Rule)
			assert.NotEmpty(t, s.ZH, s.Rule)
			assert.NotEmpty(t, s.EN, s.Rule)
		}
		assert.True(t, subsequence(c.rules, fired), "rules %v should fire in order; fired %v", c.rules, fired)
	}
	if c.recognised != nil {
		var types []string
		for _, m := range rt.Recognised() {
			types = append(types, m.Type)
		}
		assert.Equal(t, c.recognised, types, "recognised")
	}
}

// subsequence reports whether want appears in got in order.
func subsequence(want, got []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

func TestRouteNotRoutable(t *testing.T) {
	r := demoRouter(t)
	cases := []struct {
		name      string
		q         routing.Request
		reason    routing.Reason
		agreement string
		contains  string
	}{
		{
			name: "淮河生态经济带 agreement starts tomorrow",
			q: routing.Request{Matter: mUnemploymentBenefit, Applicant: resident(linyi, years(xuzhou, 3)), Division: linyi,
				Channel: matter.Window, At: on(2026, 6, 30)},
			reason: routing.NotYetInForce, agreement: "huaihe-hrss", contains: "takes effect on 2026-07-01",
		},
		{
			name: "京津冀 lists 失业保险金 for online handling only",
			q: routing.Request{Matter: mUnemploymentBenefit, Applicant: resident(heping, years(chaoyang, 4)), Division: heping,
				Channel: matter.Window, At: on(2026, 3, 2)},
			reason: routing.ModeNotAllowed, agreement: "jingjinji-hrss", contains: "allows online",
		},
		{
			name: "淮河生态经济带 does not allow joint handling",
			q: routing.Request{Matter: mTransfer, Applicant: resident(linyi, years(xuzhou, 5), years(linyi, 2)), Division: linyi,
				Channel: matter.Window, At: on(2026, 7, 1)},
			reason: routing.ModeNotAllowed, agreement: "huaihe-hrss",
		},
		{
			name: "no agreement joins Shandong and Beijing",
			q: routing.Request{Matter: mUnemploymentBenefit, Applicant: resident(jinan, years(jinan, 4)), Division: chaoyang,
				Channel: matter.Window, At: on(2026, 3, 2)},
			reason: routing.NoAgreement, contains: "no agreement lists the matter between 110105 and 370100",
		},
		{
			name: "negative list: 社保卡申领 cannot go fully online",
			q: routing.Request{Matter: mCardApply, Applicant: resident(jinan, years(jinan, 2)), Division: jinan,
				Channel: matter.App, At: on(2026, 3, 2)},
			reason: routing.NegativeList, contains: "negative list",
		},
		{
			name: "negative list: 视同缴费年限认定 online",
			q: routing.Request{Matter: mDeemedYears, Applicant: resident(jinan), Division: jinan,
				Channel: matter.Web, At: on(2026, 3, 2)},
			reason: routing.NegativeList,
		},
		{
			name: "depth: 社保卡信息变更 is not fully online",
			q: routing.Request{Matter: mCardInfoChange, Applicant: resident(jinan), Division: jinan,
				Channel: matter.Web, At: on(2026, 3, 2)},
			reason: routing.NotFullyOnline,
		},
		{
			name: "reach: a province-wide matter cannot be sent to Henan",
			q: routing.Request{Matter: mUnemploymentRegister, Applicant: resident(zhengzhou), Division: jinan,
				Channel: matter.Window, At: on(2026, 3, 2)},
			reason: routing.OutOfReach,
		},
		{
			name: "not on the 全省通办 list: 视同缴费年限认定 at another city's window",
			q: routing.Request{Matter: mDeemedYears, Applicant: resident(jinan), Division: linyi,
				Channel: matter.Window, At: on(2026, 3, 2)},
			reason: routing.NoAgreement,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := r.Route(context.Background(), c.q)
			require.Error(t, err)
			assert.ErrorIs(t, err, routing.ErrNotRoutable)
			var nr *routing.NotRoutableError
			require.ErrorAs(t, err, &nr)
			assert.Equal(t, c.reason, nr.Reason, "reason: %v", err)
			assert.Equal(t, c.agreement, nr.Agreement)
			assert.Equal(t, c.q.Matter, nr.Matter)
			assert.NotEmpty(t, nr.ZH)
			assert.Contains(t, err.Error(), c.contains)
		})
	}
}

// An agreement that starts tomorrow: not routable today, routable tomorrow.
func TestRouteAgreementStartsTomorrow(t *testing.T) {
	r := demoRouter(t)
	q := routing.Request{Matter: mCardReplace, Applicant: resident(xuzhou, years(linyi, 9)), Division: xuzhou,
		Channel: matter.Window, At: on(2026, 6, 30)}
	_, err := r.Route(context.Background(), q)
	var nr *routing.NotRoutableError
	require.ErrorAs(t, err, &nr)
	assert.Equal(t, routing.NotYetInForce, nr.Reason)
	assert.Contains(t, nr.ZH, "2026-07-01起生效")

	q.At = q.At.AddDate(0, 0, 1)
	rt, err := r.Route(context.Background(), q)
	require.NoError(t, err)
	assert.Equal(t, routing.Proxy, rt.Mode)
	assert.Equal(t, "huaihe-hrss", rt.Agreement)
	assert.Equal(t, linyi, rt.Deciding()[0].Division)
}

func TestRouteInvalidRequests(t *testing.T) {
	r := demoRouter(t)
	good := routing.Request{Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: jinan, Channel: matter.Window, At: on(2026, 3, 2)}
	cases := []struct {
		name string
		edit func(*routing.Request)
		want error
	}{
		{"no matter", func(q *routing.Request) { q.Matter = "" }, routing.ErrInvalid},
		{"unknown matter", func(q *routing.Request) { q.Matter = "370099999000" }, matter.ErrNotFound},
		{"bad division", func(q *routing.Request) { q.Division = "3701" }, routing.ErrInvalid},
		{"hotline carries no application", func(q *routing.Request) { q.Channel = matter.Hotline }, routing.ErrInvalid},
		{"unknown channel", func(q *routing.Request) { q.Channel = "fax" }, routing.ErrInvalid},
		{"no time", func(q *routing.Request) { q.At = time.Time{} }, routing.ErrInvalid},
		{"no domicile for a domicile matter", func(q *routing.Request) { q.Applicant.Domicile = "" }, routing.ErrInvalid},
		{"no insurance history for an insured-place matter", func(q *routing.Request) { q.Matter = mUnemploymentBenefit }, routing.ErrInvalid},
		{"negative months", func(q *routing.Request) { q.Applicant.Insurance = []routing.Insured{{Division: jinan, Months: -1}} }, routing.ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := good
			c.edit(&q)
			_, err := r.Route(context.Background(), q)
			assert.ErrorIs(t, err, c.want)
			assert.NotErrorIs(t, err, routing.ErrNotRoutable)
		})
	}
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := r.Route(ctx, good)
		assert.ErrorIs(t, err, context.Canceled)
	})
}

// Routing is deterministic and safe for concurrent use: the same requests
// give the same routes whatever the interleaving.
func TestRouteConcurrent(t *testing.T) {
	r := demoRouter(t)
	reqs := []routing.Request{
		{Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: linyi, Channel: matter.Window, At: on(2026, 2, 13)},
		{Matter: mTransfer, Applicant: resident(jinan, years(zhengzhou, 8), years(jinan, 3)), Division: jinan, Channel: matter.Window, At: on(2026, 3, 2)},
		{Matter: mPensionAward, Applicant: resident(heze, years(qingdao, 12), years(jinan, 3)), Division: jinan, Channel: matter.Window, At: on(2026, 5, 6)},
	}
	want := make([]string, len(reqs))
	for i, q := range reqs {
		rt, err := r.Route(context.Background(), q)
		require.NoError(t, err)
		want[i] = rt.String()
	}
	done := make(chan error)
	for g := 0; g < 8; g++ {
		go func() {
			var err error
			for k := 0; k < 50 && err == nil; k++ {
				i := (g + k) % len(reqs)
				rt, e := r.Route(context.Background(), reqs[i])
				if e != nil {
					err = e
				} else if rt.String() != want[i] {
					err = errors.New("route differs: " + rt.String())
				}
			}
			done <- err
		}()
	}
	for g := 0; g < 8; g++ {
		assert.NoError(t, <-done)
	}
}
