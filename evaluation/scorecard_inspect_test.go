package evaluation_test

import (
	"slices"
	"testing"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

// Eight orders of 济南人社 inspected by hand: three pass with 100, five are
// flagged with 90, 80, 75, 70 and 66. 质检合格率 = 3/8 = 37.50%; the mean
// score = 681/8 = 85.125, published half-up as 85.13 (half-even would give
// 85.12). A ninth order received in April is outside the period, and an
// inspection of another order is ignored.
func TestAggregatorInspections(t *testing.T) {
	agg, err := evaluation.NewAggregator(evaluation.ByUnit, evaluation.Month(2026, 3), at(4, 30, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	flagged := []evaluation.InspectionCheck{{Rule: evaluation.RuleDeadline, Applicable: true, Evidence: "工单已超期"}}
	for _, score := range []int{100, 100, 100, 90, 80, 75, 70, 66} {
		w := repliedOrder(matter.Complaint, "公司拖欠工资", goodReply)
		in := evaluation.Inspection{Order: w.ID, Score: score, Checks: []evaluation.InspectionCheck{{Rule: evaluation.RuleBasis, Passed: true, Applicable: true}}}
		if score < 100 {
			in.Checks = flagged
		}
		agg.AddInspection(w, in)
	}
	april := repliedOrder(matter.Complaint, "公司拖欠工资", goodReply)
	april.ReceivedAt = at(4, 2, 9, 0)
	agg.AddInspection(april, evaluation.Inspection{Order: april.ID, Score: 0, Checks: flagged})
	other := repliedOrder(matter.Complaint, "公司拖欠工资", goodReply)
	agg.AddInspection(other, evaluation.Inspection{Order: april.ID, Score: 0, Checks: flagged})

	card, ok := agg.Scorecard(evaluation.Group{By: evaluation.ByUnit, Code: string(jinanHR.CreditCode)})
	if !ok {
		t.Fatal("no scorecard for 济南人社")
	}
	if card.Inspected != 8 || card.InspectedPassed != 3 || card.InspectionScore != 681 {
		t.Fatalf("counts %+v", card.Counts)
	}
	if r, _ := card.Rate(evaluation.InspectionPass); r.String() != "37.50%" {
		t.Errorf("pass rate %s", r)
	}
	if r, _ := card.Rate(evaluation.InspectionScore); r.Percent().StringFixed(2) != "85.13" {
		t.Errorf("mean score %s", r.Percent().StringFixed(2))
	}
	if zh, _, src := evaluation.InspectionPass.Formula(); zh == "" || src != "conventional" {
		t.Errorf("formula %q %q", zh, src)
	}
	if !slices.Contains(evaluation.Metrics(), evaluation.InspectionScore) {
		t.Error("metric not listed")
	}

	// AddInspections runs the inspector as of the aggregator's time.
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), nil)
	agg2, _ := evaluation.NewAggregator(evaluation.Overall, evaluation.Month(2026, 3), at(3, 6, 9, 0))
	w := repliedOrder(matter.Complaint, "公司拖欠工资", goodReply)
	if err := agg2.AddInspections(func(yield func(*evaluation.WorkOrder, error) bool) { yield(w, nil) }, insp); err != nil {
		t.Fatal(err)
	}
	c, _ := agg2.Scorecard(evaluation.Group{By: evaluation.Overall})
	want := insp.Inspect(w, at(3, 6, 9, 0))
	if c.Inspected != 1 || c.InspectionScore != int64(want.Score) || (c.InspectedPassed == 1) == want.Flagged() {
		t.Errorf("AddInspections %+v vs %+v", c.Counts, want)
	}
}
