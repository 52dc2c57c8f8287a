package evaluation_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/standards/division"
)

func TestRatePercentRoundsHalfUp(t *testing.T) {
	for _, tc := range []struct {
		num, den int64
		want     string
	}{
		{1, 8, "12.50%"},             // exact
		{1, 32, "3.13%"},             // 3.125 → 3.13 (half-up; banker's rounding would give 3.12)
		{1, 160, "0.63%"},            // 0.625 → 0.63
		{1, 800, "0.13%"},            // 0.125 → 0.13
		{1, 3, "33.33%"},             // 33.333… → 33.33
		{2, 3, "66.67%"},             // 66.666… → 66.67
		{9, 11, "81.82%"},            // 81.8181… → 81.82
		{7, 7, "100.00%"},            // whole
		{0, 5, "0.00%"},              // zero is a value
		{0, 0, "—"},                  // undefined, not 0% or 100%
		{199999, 200000, "100.00%"},  // 99.9995 → 100.00
		{1999890, 2000000, "99.99%"}, // 99.9945 → 99.99, not 100.00 by double rounding
	} {
		r := evaluation.Rate{Num: tc.num, Den: tc.den}
		assert.Equal(t, tc.want, r.String(), "%d/%d", tc.num, tc.den)
	}
	b, err := json.Marshal(evaluation.Rate{Num: 1, Den: 32})
	require.NoError(t, err)
	assert.JSONEq(t, `{"num":1,"den":32,"percent":"3.13"}`, string(b))
	b, err = json.Marshal(evaluation.Rate{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"num":0,"den":0,"percent":null}`, string(b))
	var back evaluation.Rate
	require.NoError(t, json.Unmarshal([]byte(`{"num":3,"den":4,"percent":"99"}`), &back))
	assert.Equal(t, evaluation.Rate{Num: 3, Den: 4}, back, "the percentage is derived, not read")
}

// handCards aggregates the hand-made set by g for October, as of the
// report's moment.
func handCards(t *testing.T, g evaluation.Grouping, p evaluation.Period) map[string]evaluation.Scorecard {
	t.Helper()
	h := handData(t)
	a, err := evaluation.NewAggregator(g, p, reportAsOf)
	require.NoError(t, err)
	for _, r := range h.reviews {
		a.Add(r)
	}
	for _, c := range h.cases {
		a.AddCase(c)
	}
	for _, w := range h.orders {
		a.AddWorkOrder(w)
	}
	for _, x := range h.apps {
		a.AddApplication(x)
	}
	out := map[string]evaluation.Scorecard{}
	for _, c := range a.Scorecards() {
		out[c.Group.Code] = c
	}
	return out
}

func rateOf(t *testing.T, c evaluation.Scorecard, m evaluation.Metric) string {
	t.Helper()
	r, ok := c.Rate(m)
	require.True(t, ok, m)
	return r.Detail()
}

// TestScorecardHandComputed checks every formula on the hand-made set.
func TestScorecardHandComputed(t *testing.T) {
	oct := evaluation.Month(2026, time.October)
	cards := handCards(t, evaluation.ByUnit, oct)
	require.Len(t, cards, 2)
	A, B := cards[string(laiwuHR.CreditCode)], cards[string(shinanHR.CreditCode)]
	assert.Equal(t, laiwuHR.Name, A.Name)

	// Unit A, reviews rated in October: r1 5, r2 5, r3 4, r4 3, r5 2, r6 1,
	// r7 1, r8 1 (excluded after appeal), r9 4 (综合点评), r10 5 (追评 of r2).
	// Counted: level 5 ×3 (r1 r2 r10), 4 ×2 (r3 r9), 3 ×1, 2 ×1, 1 ×2 = 9.
	assert.Equal(t, [5]int64{2, 1, 1, 2, 3}, A.ByLevel)
	assert.EqualValues(t, 9, A.Reviews())
	assert.EqualValues(t, 1, A.ExcludedReviews)
	// 好评率 = (3+2+1)/9 = 6/9 = 66.666…% → 66.67%; 差评率 = 3/9 → 33.33%.
	assert.Equal(t, "66.67% (6/9)", rateOf(t, A, evaluation.GoodRate))
	assert.Equal(t, "33.33% (3/9)", rateOf(t, A, evaluation.BadRate))
	// Cases received in October: c1 (real-name, rectified, revisited), c2
	// (anonymous, rectified, closed), c3 (real-name, verifying), c4
	// (excluded). 差评整改率 = 2/3 → 66.67%; 实名差评回访率 = revisited c1 /
	// real-name rectified c1 = 1/1 → 100.00%.
	assert.Equal(t, "66.67% (2/3)", rateOf(t, A, evaluation.RectifyRate))
	assert.Equal(t, "100.00% (1/1)", rateOf(t, A, evaluation.RevisitRate))
	assert.EqualValues(t, 1, A.ExcludedCases)
	// 主动评价率: first ratings of service events r1–r7 = 7 (r8 excluded, r9
	// not a service event, r10 a follow-up) / services ended in October:
	// a1–a7 decided + a8 rejected = 8 → 87.50%.
	assert.Equal(t, "87.50% (7/8)", rateOf(t, A, evaluation.ActiveRate))
	// Applications: 10 received (a1–a10); decided 7, on time 6 (a5 decided
	// 10-22, due 10-20) → 85.71%; a9 open past its due date 10-16.
	assert.EqualValues(t, 10, A.Applications)
	assert.Equal(t, "85.71% (6/7)", rateOf(t, A, evaluation.ServiceOnTimeRate))
	assert.EqualValues(t, 1, A.OverdueOpen)
	// Work orders handled by A: w1–w5 (w6 was answered at intake, never
	// dispatched); complaints w1 w3 w5 = 3.
	assert.EqualValues(t, 5, A.Orders)
	assert.EqualValues(t, 3, A.Complaints)
	// 按时办结率: due = replied w1 w2 w3 w5 + overdue w4 = 5; on time = w1 w2
	// w5 (w3's first reply was late, w4 is overdue) = 3 → 60.00%.
	assert.Equal(t, "60.00% (3/5)", rateOf(t, A, evaluation.OnTimeRate))
	assert.EqualValues(t, 1, A.OrdersOverdue)
	// Revisited w1 w2 w3; at the last revisit all three resolved and
	// satisfied (w3: 基本满意 after 重办) → 解决率 3/3, 满意率 3/3.
	assert.Equal(t, "100.00% (3/3)", rateOf(t, A, evaluation.ResolveRate))
	assert.Equal(t, "100.00% (3/3)", rateOf(t, A, evaluation.SatisfactionRate))
	// 回访率 = revisited 3 / replied 4 (w5 closed unreachable) → 75.00%;
	// 重办率 = w3 / 4 → 25.00%.
	assert.Equal(t, "75.00% (3/4)", rateOf(t, A, evaluation.OrderRevisitRate))
	assert.Equal(t, "25.00% (1/4)", rateOf(t, A, evaluation.RehandleRate))

	// Unit B: s1 5, s2 5, s3 4, s4 2 → 好评率 3/4 = 75.00%, 差评率 25.00%.
	assert.Equal(t, "75.00% (3/4)", rateOf(t, B, evaluation.GoodRate))
	assert.Equal(t, "25.00% (1/4)", rateOf(t, B, evaluation.BadRate))
	// One case (d1), rectifying: 0/1 = 0.00%; no real-name case rectified:
	// the revisit rate is undefined, not 0% or 100%.
	assert.Equal(t, "0.00% (0/1)", rateOf(t, B, evaluation.RectifyRate))
	assert.Equal(t, "—", rateOf(t, B, evaluation.RevisitRate))
	// 主动评价率 = 4 / 5 services → 80.00%.
	assert.Equal(t, "80.00% (4/5)", rateOf(t, B, evaluation.ActiveRate))
	// 11 orders, all replied on time; 9 resolved and satisfied, 2 not:
	// 9/11 = 81.8181…% → 81.82%.
	assert.Equal(t, "100.00% (11/11)", rateOf(t, B, evaluation.OnTimeRate))
	assert.Equal(t, "81.82% (9/11)", rateOf(t, B, evaluation.ResolveRate))
	assert.Equal(t, "81.82% (9/11)", rateOf(t, B, evaluation.SatisfactionRate))
	assert.Equal(t, "0.00% (0/11)", rateOf(t, B, evaluation.RehandleRate))
	assert.EqualValues(t, 4, B.Complaints)

	// The whole of October: 13 reviews (A 9 + B 4), good 6+3 = 9 → 9/13 =
	// 69.2307…% → 69.23%; orders 5 + 11 + w6 = 17; complaints 3 + 4 = 7;
	// due 5 + 11 = 16, on time 3 + 11 = 14 → 87.50%; revisited 3 + 11 = 14,
	// resolved 3 + 9 = 12 → 85.7142…% → 85.71%; replied 4 + 11 = 15,
	// revisit rate 14/15 = 93.33%, re-handled 1/15 = 6.666…% → 6.67%;
	// cases 3 + 1 = 4, rectified 2 → 50.00%; services 8 + 5 = 13, event
	// ratings 7 + 4 = 11 → 84.6153…% → 84.62%.
	all := handCards(t, evaluation.Overall, oct)[""]
	assert.Equal(t, "合计", all.Name)
	assert.Equal(t, "69.23% (9/13)", rateOf(t, all, evaluation.GoodRate))
	assert.EqualValues(t, 17, all.Orders)
	assert.EqualValues(t, 7, all.Complaints)
	assert.Equal(t, "87.50% (14/16)", rateOf(t, all, evaluation.OnTimeRate))
	assert.Equal(t, "85.71% (12/14)", rateOf(t, all, evaluation.ResolveRate))
	assert.Equal(t, "93.33% (14/15)", rateOf(t, all, evaluation.OrderRevisitRate))
	assert.Equal(t, "6.67% (1/15)", rateOf(t, all, evaluation.RehandleRate))
	assert.Equal(t, "50.00% (2/4)", rateOf(t, all, evaluation.RectifyRate))
	assert.Equal(t, "84.62% (11/13)", rateOf(t, all, evaluation.ActiveRate))

	// The unit cards add up to the total, but for w6, which no unit handled.
	var sum evaluation.Counts
	sum.Add(A.Counts)
	sum.Add(B.Counts)
	sum.Orders++
	assert.Equal(t, all.Counts, sum)
}

func TestScorecardPreviousPeriodAndChange(t *testing.T) {
	sep := handCards(t, evaluation.ByUnit, evaluation.Month(2026, time.September))
	A := sep[string(laiwuHR.CreditCode)]
	// September, unit A: 5 5 4 2 → 3/4 = 75.00%; its one case rectified and
	// revisited; 4 event ratings of 4 services → 100.00%.
	assert.Equal(t, "75.00% (3/4)", rateOf(t, A, evaluation.GoodRate))
	assert.Equal(t, "100.00% (1/1)", rateOf(t, A, evaluation.RectifyRate))
	assert.Equal(t, "100.00% (4/4)", rateOf(t, A, evaluation.ActiveRate))
	oct := handCards(t, evaluation.ByUnit, evaluation.Month(2026, time.October))[string(laiwuHR.CreditCode)]
	ch := evaluation.Compare(oct.Counts, A.Counts, evaluation.GoodRate, evaluation.RevisitRate, evaluation.ComplaintCount, evaluation.ActiveRate)
	require.Len(t, ch, 3, "count metrics are skipped")
	// 66.67 − 75.00 = −8.33 points; 100.00 − 100.00 = 0.00; 87.50 − 100.00 = −12.50.
	assert.Equal(t, "-8.33", ch[0].String())
	assert.Equal(t, "0.00", ch[1].String())
	assert.Equal(t, "-12.50", ch[2].String())
	// B had no real-name case in either month: no change to show.
	b := handCards(t, evaluation.ByUnit, evaluation.Month(2026, time.October))[string(shinanHR.CreditCode)]
	bc := evaluation.Compare(b.Counts, evaluation.Counts{}, evaluation.RevisitRate)
	assert.Equal(t, "—", bc[0].String())
}

func TestScorecardGroupings(t *testing.T) {
	oct := evaluation.Month(2026, time.October)
	// By division: A's records are in 370116, B's in 370203.
	div := handCards(t, evaluation.ByDivision, oct)
	require.Contains(t, div, "370116")
	assert.Equal(t, "莱芜区", div["370116"].Name)
	assert.EqualValues(t, 9, div["370116"].Reviews())
	assert.EqualValues(t, 6, div["370116"].Orders, "w1–w5 and w6, all about 莱芜区")
	// By staff: the window ratings name staff S01 of each unit; app
	// ratings name none and are left out.
	a, err := evaluation.NewAggregator(evaluation.ByStaff, oct, time.Time{})
	require.NoError(t, err)
	for _, r := range handData(t).reviews {
		a.Add(r)
	}
	g := evaluation.Group{By: evaluation.ByStaff, Code: "S01", Unit: laiwuHR.CreditCode}
	s, ok := a.Scorecard(g)
	require.True(t, ok)
	assert.Equal(t, 2, a.Len(), "S01 of A and S01 of B")
	assert.Equal(t, "staff:11370116004215631A/S01", g.String())
	assert.Equal(t, laiwuHR.Name+" S01", s.Name)
	// A's window ratings: r1 5, r3 4, r4 3, r5 2, r7 1 (r8 excluded) — B's
	// window rating s1 is S01 of another unit, a group of its own.
	assert.EqualValues(t, 5, s.Reviews())
	// By channel.
	ch := handCards(t, evaluation.ByChannel, oct)
	assert.Equal(t, "窗口", ch["window"].Name)
	assert.EqualValues(t, 6, ch["window"].Reviews(), "r1 r3 r4 r5 r7 s1")
	// By bundle: only a3–a5 and their ratings r3–r5 belong to 退休一件事.
	bd := handCards(t, evaluation.ByBundle, oct)
	require.Len(t, bd, 1)
	rt := bd[retirement]
	assert.EqualValues(t, 3, rt.Reviews())
	assert.Equal(t, "66.67% (2/3)", rateOf(t, rt, evaluation.ServiceOnTimeRate))
	// By matter: a bundle application counts once for each member matter.
	mt := handCards(t, evaluation.ByMatter, oct)
	assert.EqualValues(t, 3, mt[mPension].Services)
	assert.EqualValues(t, 3, mt[mQualify].Services)
}

func TestRollupCountyCityProvince(t *testing.T) {
	oct := evaluation.Month(2026, time.October)
	div := handCards(t, evaluation.ByDivision, oct)
	var cards []evaluation.Scorecard
	for _, c := range div {
		cards = append(cards, c)
	}
	cities, err := evaluation.Rollup(cards, division.City)
	require.NoError(t, err)
	require.Len(t, cities, 2)
	assert.Equal(t, "370100", cities[0].Group.Code)
	assert.Equal(t, "济南市", cities[0].Name)
	assert.Equal(t, div["370116"].Counts, cities[0].Counts)
	assert.Equal(t, "青岛市", cities[1].Name)
	prov, err := evaluation.Rollup(cities, division.Province)
	require.NoError(t, err)
	require.Len(t, prov, 1)
	assert.Equal(t, "山东省", prov[0].Name)
	all := handCards(t, evaluation.Overall, oct)[""]
	assert.Equal(t, all.Counts, prov[0].Counts, "the province adds up to the total")
	same, err := evaluation.Rollup(cards, division.County)
	require.NoError(t, err)
	assert.Len(t, same, len(cards))

	_, err = evaluation.Rollup([]evaluation.Scorecard{{Group: evaluation.Group{By: evaluation.ByUnit}}}, division.City)
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	_, err = evaluation.Rollup(cards, division.Zone)
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
}

func TestMetrics(t *testing.T) {
	for _, m := range evaluation.Metrics() {
		zh, en := m.Names()
		assert.NotEmpty(t, zh, m)
		assert.NotEmpty(t, en, m)
		fzh, fen, src := m.Formula()
		if m.IsRate() {
			assert.NotEmpty(t, fzh, m)
			assert.NotEmpty(t, fen, m)
			assert.NotEmpty(t, src, m)
		} else {
			assert.Empty(t, fzh, m)
		}
	}
	var m evaluation.Metric
	assert.ErrorIs(t, m.UnmarshalText([]byte("happiness")), evaluation.ErrInvalid)
	require.NoError(t, m.UnmarshalText([]byte("satisfaction_rate")))
	assert.Equal(t, evaluation.SatisfactionRate, m)
}
