package evaluation_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
)

func unitCards(t *testing.T, p evaluation.Period) []evaluation.Scorecard {
	t.Helper()
	var out []evaluation.Scorecard
	for _, c := range handCards(t, evaluation.ByUnit, p) {
		out = append(out, c)
	}
	return out
}

// TestEvaluateDefaultThresholds applies the default rules to the hand-made
// October: B's 满意率 and 解决率 are 9/11 = 81.82%, below 90% and 85%, over
// 11 orders revisited (at least 10): 约谈 twice. A's are 100% over only 3
// orders. B has the most complaints, 4 against A's 3: 通报.
func TestEvaluateDefaultThresholds(t *testing.T) {
	oct := evaluation.Month(2026, time.October)
	acts, err := evaluation.Evaluate(evaluation.DefaultThresholds(), unitCards(t, oct), nil)
	require.NoError(t, err)
	require.Len(t, acts, 3)
	for _, a := range acts {
		assert.Equal(t, string(shinanHR.CreditCode), a.Group.Code)
		assert.Equal(t, oct, a.Period)
	}
	assert.Equal(t, evaluation.Interview, acts[0].Kind)
	assert.Equal(t, "satisfaction-below-90", acts[0].Evidence.Rule.ID)
	assert.Equal(t, evaluation.Rate{Num: 9, Den: 11}, acts[0].Evidence.Rate)
	assert.Equal(t, "满意率81.82% (9/11)低于90.00%，按规则satisfaction-below-90约谈", acts[0].Evidence.ZH)
	assert.Equal(t, "satisfaction rate 81.82% (9/11) is below 90.00%: interview (rule satisfaction-below-90)", acts[0].Evidence.EN)
	assert.Equal(t, "resolution-below-85", acts[1].Evidence.Rule.ID)
	assert.Equal(t, evaluation.Notice, acts[2].Kind)
	assert.EqualValues(t, 4, acts[2].Evidence.Count)
	assert.Equal(t, "投诉量4，为2个单位中最高，按规则most-complaints通报", acts[2].Evidence.ZH)

	// A confirmed finding calls for 通报 of its unit; an unconfirmed one
	// does not.
	f := evaluation.Finding{Detector: evaluation.BurstDetector, Unit: laiwuHR, Period: oct, Count: 7, ZH: "设备an****01在10分钟内……", EN: "7 ratings …"}
	acts, err = evaluation.Evaluate(evaluation.DefaultThresholds(), nil, []evaluation.Finding{f})
	require.NoError(t, err)
	assert.Empty(t, acts)
	f.Confirmed = &evaluation.Confirmation{At: at(11, 1, 9, 0), By: "济南市好差评办", Note: "系工作人员代评"}
	acts, err = evaluation.Evaluate(evaluation.DefaultThresholds(), nil, []evaluation.Finding{f})
	require.NoError(t, err)
	require.Len(t, acts, 1)
	assert.Equal(t, evaluation.Notice, acts[0].Kind)
	assert.Equal(t, laiwuHR.Name, acts[0].Name)
	assert.Equal(t, "confirmed-false-data", acts[0].Evidence.Rule.ID)
	assert.Contains(t, acts[0].Evidence.ZH, "经济南市好差评办核实数据不实（集中刷评）")
}

// TestEvaluateComparesPublishedFigures: a rate is tested as published,
// rounded to 2 decimals, so that a report never shows 90.00% below 90%.
func TestEvaluateComparesPublishedFigures(t *testing.T) {
	card := func(sat, n int64) evaluation.Scorecard {
		return evaluation.Scorecard{Group: evaluation.Group{By: evaluation.ByUnit, Code: "X"}, Name: "X",
			Counts: evaluation.Counts{OrdersRevisited: n, OrdersSatisfied: sat}}
	}
	rule := evaluation.Thresholds{Rules: []evaluation.Rule{{ID: "s", When: evaluation.RateBelow, Metric: evaluation.SatisfactionRate, Limit: decimal.NewFromInt(90), Action: evaluation.Interview}}}
	for _, tc := range []struct {
		sat, n int64
		fires  bool
	}{
		{17999, 20000, false}, // 89.995% → 90.00%, not below
		{17998, 20000, true},  // 89.99%
		{9, 10, false},        // 90.00%
		{0, 0, false},         // undefined: no action
	} {
		acts, err := evaluation.Evaluate(rule, []evaluation.Scorecard{card(tc.sat, tc.n)}, nil)
		require.NoError(t, err)
		assert.Equal(t, tc.fires, len(acts) == 1, "%d/%d", tc.sat, tc.n)
	}
	above := evaluation.Thresholds{Rules: []evaluation.Rule{{ID: "bad", When: evaluation.RateAbove, Metric: evaluation.BadRate, Limit: decimal.NewFromInt(5), Action: evaluation.Notice}}}
	c := evaluation.Scorecard{Group: evaluation.Group{By: evaluation.ByUnit, Code: "Y"}, Counts: evaluation.Counts{ByLevel: [5]int64{1, 0, 0, 0, 9}}}
	acts, err := evaluation.Evaluate(above, []evaluation.Scorecard{c}, nil)
	require.NoError(t, err)
	require.Len(t, acts, 1, "差评率 10.00% above 5%")
	assert.Contains(t, acts[0].Evidence.EN, "bad-review rate 10.00% (1/10) is above 5.00%")
}

func TestEvaluateHighestTies(t *testing.T) {
	mk := func(code string, complaints int64) evaluation.Scorecard {
		return evaluation.Scorecard{Group: evaluation.Group{By: evaluation.ByUnit, Code: code}, Name: code, Counts: evaluation.Counts{Complaints: complaints}}
	}
	th := evaluation.Thresholds{Rules: []evaluation.Rule{{ID: "most", When: evaluation.Highest, Metric: evaluation.ComplaintCount, Action: evaluation.Notice}}}
	acts, err := evaluation.Evaluate(th, []evaluation.Scorecard{mk("A", 5), mk("B", 7), mk("C", 7), {Group: evaluation.Group{By: evaluation.Overall}, Counts: evaluation.Counts{Complaints: 19}}}, nil)
	require.NoError(t, err)
	require.Len(t, acts, 2, "ties share the notice; the total is not a unit")
	assert.Equal(t, "B", acts[0].Name)
	assert.Equal(t, "C", acts[1].Name)
	acts, err = evaluation.Evaluate(th, []evaluation.Scorecard{mk("A", 0), mk("B", 0)}, nil)
	require.NoError(t, err)
	assert.Empty(t, acts, "no complaints, no notice")
	acts, err = evaluation.Evaluate(th, []evaluation.Scorecard{mk("A", 9)}, nil)
	require.NoError(t, err)
	assert.Empty(t, acts, "one unit alone is not the highest of anything")
}

func TestThresholdsJSON(t *testing.T) {
	data := []byte(`{"rules": [
		{"id": "satisfaction-below-92", "when": "rate_below", "metric": "satisfaction_rate", "limit": "92.5", "min_base": 20, "action": "interview"},
		{"id": "on-time-below-95", "when": "rate_below", "metric": "on_time_rate", "limit": 95, "action": "interview"},
		{"id": "most-overdue", "when": "highest", "metric": "overdue_orders", "action": "notice"},
		{"id": "fraud", "when": "confirmed_fraud", "action": "notice"}
	]}`)
	th, err := evaluation.ParseThresholds(data)
	require.NoError(t, err)
	require.Len(t, th.Rules, 4)
	assert.True(t, th.Rules[0].Limit.Equal(decimal.RequireFromString("92.5")))
	assert.True(t, th.Rules[1].Limit.Equal(decimal.NewFromInt(95)))
	// The defaults round-trip.
	b, err := json.Marshal(evaluation.DefaultThresholds())
	require.NoError(t, err)
	back, err := evaluation.ParseThresholds(b)
	require.NoError(t, err)
	assert.Equal(t, len(evaluation.DefaultThresholds().Rules), len(back.Rules))
	assert.NotContains(t, string(b), `"limit":"0"`, "limit omitted where zero")

	_, err = evaluation.ParseThresholds([]byte(`{"rules":[{"id":"x","when":"rate_below","metric":"satisfaction_rate","limit":90,"action":"interview","colour":"red"}]}`))
	assert.ErrorIs(t, err, evaluation.ErrInvalid, "unknown field")
	_, err = evaluation.ParseThresholds([]byte(`{"rules":[
		{"id":"x","when":"rate_below","metric":"complaints","limit":120,"action":"fine"},
		{"id":"x","when":"highest","metric":"good_rate","action":"notice","min_base":-1},
		{"when":"sometimes","action":"notice"}]}`))
	var ve *evaluation.ValidationError
	require.True(t, errors.As(err, &ve))
	for _, rule := range []string{"rule-metric", "rule-limit", "action", "rule-id", "config-range", "required", "rule-kind"} {
		assert.True(t, ve.Has(rule), rule)
	}
	_, err = evaluation.ParseThresholds([]byte(`{"rules":[{"id":"x","when":"rate_below","metric":"happiness","action":"notice"}]}`))
	assert.ErrorIs(t, err, evaluation.ErrInvalid, "unknown metric")
	_, err = evaluation.Evaluate(evaluation.Thresholds{Rules: []evaluation.Rule{{ID: "x"}}}, nil, nil)
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
}
