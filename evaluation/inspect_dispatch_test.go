package evaluation_test

// This test adapts the dispatch rules of the example catalog to
// TopicMatcher. Only the test imports routing/dispatch (layer 4.5); the
// package evaluation (layer 4) does not.

import (
	"os"
	"testing"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing/dispatch"
)

// dispatchTopics is the adapter a caller writes: the topic of the first
// rule that matches, none for the manual queue without a suggestion.
type dispatchTopics struct{ rules *dispatch.Rules }

func (d dispatchTopics) MatchTopic(text string) (string, bool) {
	dec := d.rules.Classify(dispatch.Order{Text: text, Division: "370100"})
	return dec.Topic.ID, dec.Topic.ID != ""
}

func TestInspectTopicWithDispatchRules(t *testing.T) {
	rules, err := dispatch.LoadRules(os.DirFS("../examples/catalog"))
	if err != nil {
		t.Fatal(err)
	}
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), dispatchTopics{rules})
	for _, c := range []struct {
		summary, reply string
		pass           bool
	}{
		{"包工头拖欠工钱半年不给", "您反映的拖欠工钱问题，已于3月4日责令项目部结清，工资已到账。", true},
		{"社保卡丢了怎么补办", "已于3月5日为您办理社保卡挂失和补办，7个工作日内可领取。", true},
		{"包工头拖欠工钱半年不给", "您的社保卡已于3月5日制卡完成，请到银行网点领取。", false},
	} {
		got := check(t, insp.Inspect(repliedOrder(matter.Complaint, c.summary, c.reply), at(3, 6, 9, 0)), evaluation.RuleTopic)
		if got.Passed != c.pass || !got.Applicable {
			t.Errorf("%q → %q: passed %v applicable %v (%s)", c.summary, c.reply, got.Passed, got.Applicable, got.Evidence)
		}
	}
}
