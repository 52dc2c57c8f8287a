package evaluation_test

import (
	"errors"
	"testing"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

func TestHandlingReview(t *testing.T) {
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), keywordTopics)
	w := repliedOrder(matter.Complaint, "公司拖欠工资三个月", "这事不归我们管，你去找别的部门。")
	if _, err := evaluation.OpenHandlingReview(insp, w, "", at(3, 6, 9, 0), "desk"); !errors.Is(err, evaluation.ErrInvalid) {
		t.Errorf("empty complaint: %v", err)
	}
	unreplied := w.Clone()
	unreplied.Replies = nil
	if _, err := evaluation.OpenHandlingReview(insp, unreplied, "没人回复", at(3, 6, 9, 0), "desk"); !errors.Is(err, evaluation.ErrInvalid) {
		t.Errorf("unreplied: %v", err)
	}
	r, err := evaluation.OpenHandlingReview(insp, w, "承办单位推诿，说不归他们管", at(3, 6, 9, 0), "desk")
	if err != nil {
		t.Fatal(err)
	}
	if r.State != evaluation.HandlingOpen || !r.Inspection.Flagged() || r.Unit != jinanHR {
		t.Fatalf("opened %+v", r)
	}
	// The supervisor sees the rules' evidence.
	if c := check(t, r.Inspection, evaluation.RuleEvasion); c.Passed {
		t.Error("inspection missed the 推诿")
	}
	if err := r.Decide(at(3, 6, 10, 0), "sup-1", true, "推诿属实"); !errors.Is(err, evaluation.ErrTransition) {
		t.Errorf("decide before take: %v", err)
	}
	if err := r.Take(at(3, 6, 10, 0), "sup-1"); err != nil {
		t.Fatal(err)
	}
	if err := r.Take(at(3, 6, 10, 0), "sup-2"); !errors.Is(err, evaluation.ErrTransition) {
		t.Errorf("second take: %v", err)
	}
	if err := r.Decide(at(3, 6, 11, 0), "sup-2", true, "推诿属实"); !errors.Is(err, evaluation.ErrInvalid) {
		t.Errorf("other supervisor: %v", err)
	}
	if err := r.Decide(at(3, 6, 11, 0), "sup-1", true, "推诿属实", evaluation.RuleDeadline); !errors.Is(err, evaluation.ErrInvalid) {
		t.Errorf("confirming a passed rule: %v", err)
	}
	if err := r.Decide(at(3, 6, 11, 0), "sup-1", true, "推诿属实，责令重办", evaluation.RuleEvasion); err != nil {
		t.Fatal(err)
	}
	if r.State != evaluation.HandlingUpheld || len(r.History) != 3 || r.Confirmed[0] != evaluation.RuleEvasion {
		t.Errorf("decided %+v", r)
	}
	if err := r.Reinspect(insp, w, at(3, 7, 9, 0)); !errors.Is(err, evaluation.ErrInvalid) {
		t.Errorf("reinspect decided: %v", err)
	}
	// A dismissal confirms no rule.
	r2, _ := evaluation.OpenHandlingReview(insp, repliedOrder(matter.Complaint, "公司拖欠工资", goodReply), "答复不满意", at(3, 6, 9, 0), "desk")
	_ = r2.Take(at(3, 6, 9, 30), "sup-1")
	if err := r2.Decide(at(3, 6, 11, 0), "sup-1", false, "答复依法依规，投诉不成立"); err != nil || r2.State != evaluation.HandlingDismissed {
		t.Errorf("dismiss: %v %s", err, r2.State)
	}
}
