package evaluation_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

// keywordTopics stands in for the dispatch rules' vocabulary: the first
// topic one of whose keywords the text holds (as dispatch's first match).
var keywordTopics = evaluation.TopicMatcherFunc(func(text string) (string, bool) {
	for _, t := range []struct {
		topic string
		words []string
	}{
		{"wage-arrears", []string{"欠薪", "拖欠工资", "工资", "工钱"}},
		{"card-loss", []string{"社保卡", "社会保障卡"}},
		{"pension", []string{"养老金", "退休", "养老保险"}},
	} {
		for _, w := range t.words {
			if strings.Contains(text, w) {
				return t.topic, true
			}
		}
	}
	return "", false
})

// repliedOrder is a 12333 order replied on 2026-03-05, due 2026-03-09.
func repliedOrder(cat matter.Category, summary, reply string) *evaluation.WorkOrder {
	return &evaluation.WorkOrder{
		ID: newID(), Intake: evaluation.Intake{
			Number: "GD202603020017", Line: evaluation.Line12333, Category: cat, Channel: matter.Hotline,
			Division: "370100", Summary: summary, Caller: zhang,
		},
		State: evaluation.OrderReplied, ReceivedAt: at(3, 2, 9, 0),
		Unit: jinanHR, Units: []matter.Department{jinanHR}, DispatchedAt: at(3, 2, 10, 0),
		Replies: []evaluation.Reply{{At: at(3, 5, 15, 0), By: "J001", Unit: jinanHR, Text: reply, Due: matter.DateOf(2026, 3, 9), OnTime: true}},
		History: []evaluation.OrderChange{{To: evaluation.OrderReceived, At: at(3, 2, 9, 0), By: "intake"}},
	}
}

const goodReply = "您反映的拖欠工资问题，我局劳动保障监察大队已于2026年3月4日现场核查，" +
	"依据《保障农民工工资支付条例》第三十条已责令该公司于3月10日前足额支付，现已支付完毕。"

func mustInspector(t *testing.T, r evaluation.InspectionRules, m evaluation.TopicMatcher) *evaluation.Inspector {
	t.Helper()
	in, err := evaluation.NewInspector(r, m)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func check(t *testing.T, in evaluation.Inspection, rule evaluation.InspectRule) evaluation.InspectionCheck {
	t.Helper()
	for _, c := range in.Checks {
		if c.Rule == rule {
			return c
		}
	}
	t.Fatalf("no check %s", rule)
	return evaluation.InspectionCheck{}
}

func TestInspectGoodReply(t *testing.T) {
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), keywordTopics)
	w := repliedOrder(matter.Complaint, "公司拖欠工资三个月不发", goodReply)
	got := insp.Inspect(w, at(3, 6, 9, 0))
	if got.Score != 100 || got.Flagged() {
		t.Fatalf("good reply scored %d, failed %v: %+v", got.Score, got.Failed(), got.Checks)
	}
	if len(got.Checks) != len(evaluation.InspectRules()) {
		t.Errorf("checks = %d", len(got.Checks))
	}
}

func TestInspectRules(t *testing.T) {
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), keywordTopics)
	asOf := at(3, 6, 9, 0)
	cases := []struct {
		name    string
		rule    evaluation.InspectRule
		cat     matter.Category
		summary string
		reply   string
		pass    bool
		applies bool
	}{
		// 政策依据
		{"basis 文号", evaluation.RuleBasis, matter.Inquiry, "退休后养老金怎么算", "根据鲁人社发〔2025〕12号文件，您的养老金已于3月5日核定。", true, true},
		{"basis 条", evaluation.RuleBasis, matter.Inquiry, "退休年龄", "按照《国务院关于渐进式延迟法定退休年龄的办法》第二条，您的退休年龄已核实为60岁1个月，3月5日已告知。", true, true},
		{"basis missing", evaluation.RuleBasis, matter.Inquiry, "退休后养老金怎么算", "您的养老金按规定计算，已于3月5日电话告知。", false, true},
		{"basis not for 求助", evaluation.RuleBasis, matter.Help, "社保卡丢了", "已为您办理社保卡挂失，3月5日起可补办。", true, false},
		// 办理情况
		{"action ok", evaluation.RuleAction, matter.Help, "社保卡丢了", "已为您办理社保卡挂失，3月5日起可补办。", true, true},
		{"action no time", evaluation.RuleAction, matter.Help, "社保卡丢了", "已为您办理社保卡挂失。", false, true},
		{"action no verb", evaluation.RuleAction, matter.Help, "社保卡丢了", "社保卡挂失可在3月5日后到银行网点办理。", false, true},
		{"action compact date", evaluation.RuleAction, matter.Help, "社保卡丢了", "工单GD202603020017已于20260305办结，社保卡已补办。", true, true},
		{"action order number is no date", evaluation.RuleAction, matter.Help, "社保卡丢了", "工单GD202603050012社保卡已补办。", false, true},
		{"action neither", evaluation.RuleAction, matter.Help, "社保卡丢了", "关于社保卡的问题请知悉。", false, true},
		// 答复切题
		{"topic same", evaluation.RuleTopic, matter.Complaint, "公司拖欠工资", goodReply, true, true},
		{"topic other", evaluation.RuleTopic, matter.Complaint, "公司拖欠工资", "您的养老金已于3月5日足额发放。", false, true},
		{"topic none", evaluation.RuleTopic, matter.Complaint, "公司拖欠工资", "已于3月5日处理完毕。", false, true},
		{"topic unknown question", evaluation.RuleTopic, matter.Complaint, "门口路灯不亮", "已于3月5日转交城管部门。", true, false},
		// 个人信息
		{"pii third-party id", evaluation.RulePII, matter.Complaint, "公司拖欠工资", "经核实，该公司法人王某（370203199001011516）已于3月5日被约谈。", false, true},
		{"pii third-party phone", evaluation.RulePII, matter.Complaint, "公司拖欠工资", "已于3月5日联系该公司会计，电话13905318888。", false, true},
		{"pii bank card", evaluation.RulePII, matter.Complaint, "公司拖欠工资", "工资已于3月5日打入6222021602012345676。", false, true},
		{"pii caller's own phone", evaluation.RulePII, matter.Complaint, "公司拖欠工资", "已于3月5日致电您（13805311234）告知工资已到账。", true, true},
		{"pii order number and date", evaluation.RulePII, matter.Complaint, "公司拖欠工资", "工单GD202603020017已于20260305办结，工资已到账。", true, true},
		// 推诿
		{"evasion", evaluation.RuleEvasion, matter.Complaint, "公司拖欠工资", "这个不归我们管，你找别的部门。", false, true},
		{"evasion 不是我们负责", evaluation.RuleEvasion, matter.Complaint, "公司拖欠工资", "工程款纠纷不是我们负责的。", false, true},
		{"evasion with referral", evaluation.RuleEvasion, matter.Complaint, "公司拖欠工资", "工程款结算不归我们管，已于3月5日转交住建局办理，请联系住建局。", true, true},
		{"no evasion", evaluation.RuleEvasion, matter.Complaint, "公司拖欠工资", goodReply, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := check(t, insp.Inspect(repliedOrder(c.cat, c.summary, c.reply), asOf), c.rule)
			if got.Passed != c.pass || got.Applicable != c.applies {
				t.Errorf("%s on %q: passed %v applicable %v (%s), want %v %v", c.rule, c.reply, got.Passed, got.Applicable, got.Evidence, c.pass, c.applies)
			}
			if !got.Passed && got.Evidence == "" {
				t.Error("a failure without evidence")
			}
			if strings.Contains(got.Evidence, "13905318888") || strings.Contains(got.Evidence, "370203199001011516") {
				t.Errorf("evidence leaks: %s", got.Evidence)
			}
		})
	}
}

func TestInspectDeadlineAndRevisit(t *testing.T) {
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), nil)
	w := repliedOrder(matter.Complaint, "公司拖欠工资", goodReply)
	if c := check(t, insp.Inspect(w, at(3, 6, 9, 0)), evaluation.RuleDeadline); !c.Passed {
		t.Errorf("on-time reply failed: %s", c.Evidence)
	}
	if c := check(t, insp.Inspect(w, at(3, 6, 9, 0)), evaluation.RuleTopic); c.Applicable {
		t.Error("topic applies without a matcher")
	}
	late := w.Clone()
	late.Replies[0].OnTime = false
	if c := check(t, insp.Inspect(late, at(3, 6, 9, 0)), evaluation.RuleDeadline); c.Passed || !strings.Contains(c.Evidence, "2026-03-09") {
		t.Errorf("late reply: %+v", c)
	}
	// Revisit: replied Thu 3-05, due 5 working days later on Thu 3-12;
	// not yet required on 3-12, missing from 3-13.
	if c := check(t, insp.Inspect(w, at(3, 12, 16, 0)), evaluation.RuleRevisit); c.Applicable {
		t.Error("revisit due too early")
	}
	if c := check(t, insp.Inspect(w, at(3, 13, 9, 0)), evaluation.RuleRevisit); c.Passed {
		t.Error("missing revisit passed")
	}
	visited := w.Clone()
	visited.State = evaluation.OrderRevisited
	visited.Revisits = []evaluation.Revisit{{At: at(3, 9, 10, 0), By: "R01", Rating: evaluation.Satisfied, Resolved: true}}
	if c := check(t, insp.Inspect(visited, at(3, 12, 16, 0)), evaluation.RuleRevisit); !c.Passed {
		t.Error("revisited order failed")
	}
	closed := w.Clone()
	closed.State = evaluation.OrderClosed
	closed.History = append(closed.History, evaluation.OrderChange{From: evaluation.OrderReplied, To: evaluation.OrderClosed, At: at(3, 6, 9, 0), By: "R01", Note: "多次联系未接通，无法联系来电人"})
	if c := check(t, insp.Inspect(closed, at(3, 6, 10, 0)), evaluation.RuleRevisit); c.Applicable {
		t.Error("exempt close requires a revisit")
	}
	closed.History[len(closed.History)-1].Note = "办结"
	if c := check(t, insp.Inspect(closed, at(3, 6, 10, 0)), evaluation.RuleRevisit); c.Passed {
		t.Error("close without revisit passed")
	}
	// Score: weights add up and the floor is 0.
	bad := repliedOrder(matter.Complaint, "公司拖欠工资", "不归我们管，有事找会计13905318888")
	bad.Replies[0].OnTime = false
	got := insp.Inspect(bad, at(3, 20, 9, 0))
	// basis 10 + action 15 + pii 30 + evasion 20 + deadline 15 + revisit 10
	if got.Score != 0 || len(got.Failed()) != 6 {
		t.Errorf("bad reply: score %d failed %v", got.Score, got.Failed())
	}
	r := evaluation.DefaultInspectionRules()
	r.Weights = map[evaluation.InspectRule]int{evaluation.RulePII: 50}
	r.Disabled = []evaluation.InspectRule{evaluation.RuleRevisit}
	got = mustInspector(t, r, nil).Inspect(bad, at(3, 20, 9, 0))
	if got.Score != 50 || slices.Contains(got.Failed(), evaluation.RuleRevisit) {
		t.Errorf("configured: score %d failed %v", got.Score, got.Failed())
	}
}

func TestParseInspectionRules(t *testing.T) {
	r, err := evaluation.ParseInspectionRules([]byte(`{"revisit_working_days": 3, "weights": {"pii": 40}}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.RevisitWorkingDays != 3 || r.Weights[evaluation.RulePII] != 40 || len(r.EvasionPhrases) == 0 {
		t.Errorf("parsed %+v", r)
	}
	for _, bad := range []string{
		`{"revisit_dayz": 3}`,
		`{"revisit_working_days": 0}`,
		`{"weights": {"nonsense": 1}}`,
		`{"weights": {"pii": -1}}`,
		`{"basis_patterns": ["("]}`,
		`{"basis_categories": ["gossip"]}`,
		`{"disabled": ["nope"]}`,
		`{} {}`,
	} {
		if _, err := evaluation.ParseInspectionRules([]byte(bad)); !errors.Is(err, evaluation.ErrInvalid) {
			t.Errorf("%s: err = %v", bad, err)
		}
	}
}

func TestSummarizeAndSample(t *testing.T) {
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), keywordTopics)
	var orders []*evaluation.WorkOrder
	for i := range 10 {
		text := goodReply
		if i%3 == 0 {
			text = "不归我们管"
		}
		w := repliedOrder(matter.Complaint, "公司拖欠工资", text)
		if i%2 == 0 {
			w.Replies[0].Unit = qingdaoHR
		}
		orders = append(orders, w)
	}
	list, err := insp.InspectAll(orderList(orders), evaluation.Period{}, at(3, 6, 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	_ = list
	sum := evaluation.SummarizeInspections(list)
	if len(sum) != 2 {
		t.Fatalf("units = %d", len(sum))
	}
	total, flagged := 0, 0
	for _, u := range sum {
		total += u.Orders
		flagged += u.Flagged
		if u.Failures[evaluation.RuleEvasion] != u.Flagged {
			t.Errorf("%s: failures %v flagged %d", u.Unit.Name, u.Failures, u.Flagged)
		}
	}
	if total != 10 || flagged != 4 {
		t.Errorf("total %d flagged %d", total, flagged)
	}
	s1, err := evaluation.SampleInspections("2026-03 lottery 07 12 33", 1, evaluation.Period{}, orders, list, true)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(orders)
	s2, _ := evaluation.SampleInspections("2026-03 lottery 07 12 33", 1, evaluation.Period{}, orders, list, true)
	if len(s1.Strata) != 2 || s1.Strata[0].Drawn[0] != s2.Strata[0].Drawn[0] {
		t.Fatalf("sample not reproducible: %+v %+v", s1.Strata, s2.Strata)
	}
	flaggedIDs := map[string]bool{}
	for _, in := range list {
		if in.Flagged() {
			flaggedIDs[in.Order.String()] = true
		}
	}
	for _, st := range s1.Strata {
		if st.Population != 2 {
			t.Errorf("population %d, want the 2 flagged", st.Population)
		}
		for _, d := range st.Drawn {
			if !flaggedIDs[d.Order.String()] {
				t.Errorf("drew an unflagged order")
			}
		}
	}
}

var _ = time.Now

// The revisit deadline counts working days on the calendar: a reply on Wed
// 2026-09-30 is followed by 国庆 10-01..07; 10-08, 10-09, the make-up
// Saturday 10-10, 10-12 and 10-13 are the 5 working days, so the revisit is
// due by 10-13 and missing from 10-14. An order replied in a year the
// calendar does not cover is reported unchecked, with evidence.
func TestInspectRevisitWorkingDays(t *testing.T) {
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), nil)
	w := repliedOrder(matter.Complaint, "公司拖欠工资", goodReply)
	w.ReceivedAt, w.DispatchedAt = at(9, 28, 9, 0), at(9, 28, 10, 0)
	w.History[0].At = w.ReceivedAt
	w.Replies[0].At, w.Replies[0].Due = at(9, 30, 15, 0), matter.DateOf(2026, 10, 9)
	if c := check(t, insp.Inspect(w, at(10, 13, 18, 0)), evaluation.RuleRevisit); c.Applicable || !c.Passed || c.Unchecked {
		t.Errorf("revisit required before 10-13 ended: %+v", c)
	}
	if c := check(t, insp.Inspect(w, at(10, 14, 9, 0)), evaluation.RuleRevisit); !c.Applicable || c.Passed {
		t.Errorf("missing revisit passed on 10-14: %+v", c)
	}
	// Calendar days would have made it due on 10-07, in the holiday.
	if c := check(t, insp.Inspect(w, at(10, 8, 9, 0)), evaluation.RuleRevisit); c.Applicable {
		t.Errorf("revisit counted in calendar days: %+v", c)
	}

	far := w.Clone()
	far.Replies[0].At = time.Date(2035, 3, 5, 15, 0, 0, 0, matter.CST)
	c := check(t, insp.Inspect(far, time.Date(2035, 4, 1, 9, 0, 0, 0, matter.CST)), evaluation.RuleRevisit)
	if !c.Unchecked || c.Applicable || !c.Passed || !strings.Contains(c.Evidence, "无法计算回访期限") {
		t.Errorf("uncovered year: %+v", c)
	}
}
