package evaluation

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/workday"
)

// InspectRule names a rule of the smart quality inspection (智能质检).
type InspectRule string

// The rules, in the order Inspect applies them.
const (
	RuleBasis    InspectRule = "basis"    // 政策依据: a 咨询 or 投诉 reply cites a policy or legal basis
	RuleAction   InspectRule = "action"   // 办理情况: the reply states what was done and when
	RuleTopic    InspectRule = "topic"    // 答非所问: the reply answers the topic asked
	RulePII      InspectRule = "pii"      // 信息泄露: no third party's personal numbers
	RuleEvasion  InspectRule = "evasion"  // 推诿: no shirking phrase without a referral
	RuleDeadline InspectRule = "deadline" // 超期: every reply within its deadline
	RuleRevisit  InspectRule = "revisit"  // 回访: a revisit where one is required
)

var inspectRuleNames = map[InspectRule][2]string{
	RuleBasis:    {"政策依据", "policy basis"},
	RuleAction:   {"办理情况", "action and time"},
	RuleTopic:    {"答复切题", "answers the question"},
	RulePII:      {"个人信息保护", "personal data"},
	RuleEvasion:  {"推诿扯皮", "shirking"},
	RuleDeadline: {"按时答复", "reply on time"},
	RuleRevisit:  {"回访", "revisit"},
}

var allInspectRules = []InspectRule{RuleBasis, RuleAction, RuleTopic, RulePII, RuleEvasion, RuleDeadline, RuleRevisit}

// InspectRules lists every rule in order.
func InspectRules() []InspectRule { return slices.Clone(allInspectRules) }

// Valid reports whether r is one of the rules.
func (r InspectRule) Valid() bool { _, ok := inspectRuleNames[r]; return ok }

// Names returns the Chinese and English names of the rule.
func (r InspectRule) Names() (zh, en string) { n := inspectRuleNames[r]; return n[0], n[1] }

// InspectionRules configure the smart quality inspection: which rules run,
// what they look for and how many points a failure costs. They are data
// (JSON, ParseInspectionRules); DefaultInspectionRules gives the defaults,
// all of them this project's reading (unconfirmed), to be tuned locally.
type InspectionRules struct {
	// BasisCategories are the request categories whose reply must cite a
	// basis (default 咨询 and 投诉); BasisPatterns the regular expressions
	// (RE2) any one of which is a citation: 《…》, 第X条, 〔20xx〕N号.
	BasisCategories []matter.Category `json:"basis_categories"`
	BasisPatterns   []string          `json:"basis_patterns"`
	// ActionVerbs are phrases stating what was done (已核实, 已发放, …);
	// TimePatterns the regular expressions of a date or time. A reply
	// passes RuleAction with at least one of each.
	ActionVerbs  []string `json:"action_verbs"`
	TimePatterns []string `json:"time_patterns"`
	// EvasionPhrases are 推诿 phrases; ReferralPhrases the phrases of a
	// referral that make one acceptable (转交, 请联系, 已转).
	EvasionPhrases  []string `json:"evasion_phrases"`
	ReferralPhrases []string `json:"referral_phrases"`
	// RevisitCategories are the categories whose replied orders must be
	// revisited (default all five); RevisitWorkingDays the working days
	// after the last reply's date by which the revisit is due, counted on
	// Calendar (default 5, the hotline's 5-working-day rule of FACTS.md);
	// RevisitExempt the phrases of a closing note that excuse a missing
	// revisit (无法联系, 拒绝回访, …).
	RevisitCategories  []matter.Category `json:"revisit_categories"`
	RevisitWorkingDays int               `json:"revisit_working_days"`
	RevisitExempt      []string          `json:"revisit_exempt"`
	// Calendar counts the working days of RevisitWorkingDays, as
	// Config.Calendar does for every other deadline. Nil means
	// workday.China(). It is not part of the JSON.
	Calendar *workday.Calendar `json:"-"`
	// Weights are the points a failed rule costs from 100; a rule without
	// a weight costs 0 (reported, not scored).
	Weights map[InspectRule]int `json:"weights"`
	// Disabled lists rules not to run.
	Disabled []InspectRule `json:"disabled,omitempty"`
}

// DefaultInspectionRules returns the default rules.
func DefaultInspectionRules() InspectionRules {
	return InspectionRules{
		BasisCategories: []matter.Category{matter.Inquiry, matter.Complaint},
		BasisPatterns: []string{
			`《[^《》]{2,60}》`,
			`第[一二三四五六七八九十百零〇两0-9]+条`,
			`〔(19|20)[0-9]{2}〕[0-9]+号`,
			`[\(（](19|20)[0-9]{2}[\)）][0-9]+号`,
		},
		ActionVerbs: []string{
			"已核实", "已核查", "已办理", "已发放", "已补发", "已补缴", "已联系", "已协调", "已督促",
			"已责令", "已约谈", "已更正", "已到账", "已支付", "已退还", "已转交", "已完成", "已立案",
			"已受理", "已解答", "已告知", "已答复", "已为您", "已于", "已经", "现场核查", "上门",
		},
		TimePatterns: []string{
			`(19|20)[0-9]{2}年[0-9]{1,2}月([0-9]{1,2}日)?`,
			`[0-9]{1,2}月[0-9]{1,2}日`,
			`(19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}`,
			`\b(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])\b`,
			`今天|今日|昨天|昨日|本周[一二三四五六日]?|上周[一二三四五六日]|[0-9]+个?工作日内`,
			`[0-9]{1,2}[:：][0-9]{2}|[0-9]{1,2}时`,
		},
		EvasionPhrases: []string{
			"不归我们管", "不是我们负责", "不归我们负责", "不属于我们管", "找别的部门", "找其他部门",
			"我们管不了", "跟我们没关系", "与我单位无关", "自己去问", "自行联系", "不清楚找谁",
		},
		ReferralPhrases: []string{"转交", "已转", "请联系", "可联系", "移交", "转办", "联系电话", "咨询电话"},
		RevisitCategories: []matter.Category{
			matter.Inquiry, matter.Help, matter.Complaint, matter.Report, matter.Suggestion,
		},
		RevisitWorkingDays: 5,
		RevisitExempt:      []string{"无法联系", "拒绝回访", "不需回访", "无需回访", "空号", "多次联系未接通"},
		Weights: map[InspectRule]int{
			RuleBasis: 10, RuleAction: 15, RuleTopic: 20, RulePII: 30,
			RuleEvasion: 20, RuleDeadline: 15, RuleRevisit: 10,
		},
	}
}

// ParseInspectionRules reads rules from JSON over the defaults: a field
// absent keeps its default, a list given replaces the default list.
// Unknown fields, invalid rule names, categories or regular expressions,
// negative weights and a RevisitWorkingDays below 1 are refused with a
// *ValidationError listing every problem.
func ParseInspectionRules(data []byte) (InspectionRules, error) {
	r := DefaultInspectionRules()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return InspectionRules{}, fmt.Errorf("evaluation: inspection rules: %w: %v", ErrInvalid, err)
	}
	if dec.More() {
		return InspectionRules{}, fmt.Errorf("evaluation: inspection rules: %w: trailing data", ErrInvalid)
	}
	if err := r.Validate(); err != nil {
		return InspectionRules{}, err
	}
	return r, nil
}

// Validate checks the rules.
func (r InspectionRules) Validate() error {
	ps := &problems{subject: "inspection rules"}
	checkCats := func(name string, cs []matter.Category) {
		for i, c := range cs {
			if !c.Valid() {
				ps.add(fmt.Sprintf("/%s/%d", name, i), "category", "未知的诉求类型 %q", "unknown category %q", c)
			}
		}
	}
	checkRes := func(name string, res []string) {
		for i, s := range res {
			if _, err := regexp.Compile(s); err != nil {
				ps.add(fmt.Sprintf("/%s/%d", name, i), "regexp", "正则表达式无效：%v", "invalid regular expression: %v", err)
			}
		}
	}
	checkCats("basis_categories", r.BasisCategories)
	checkCats("revisit_categories", r.RevisitCategories)
	checkRes("basis_patterns", r.BasisPatterns)
	checkRes("time_patterns", r.TimePatterns)
	if len(r.BasisPatterns) == 0 && !slices.Contains(r.Disabled, RuleBasis) {
		ps.add("/basis_patterns", "required", "缺少政策依据的匹配规则", "no basis pattern")
	}
	if (len(r.ActionVerbs) == 0 || len(r.TimePatterns) == 0) && !slices.Contains(r.Disabled, RuleAction) {
		ps.add("/action_verbs", "required", "缺少办理动作或时间的匹配规则", "no action verb or time pattern")
	}
	if r.RevisitWorkingDays < 1 {
		ps.add("/revisit_working_days", "min", "回访期限至少1个工作日", "revisit_working_days must be at least 1")
	}
	for k, w := range r.Weights {
		if !k.Valid() {
			ps.add("/weights/"+string(k), "rule", "未知的质检规则 %q", "unknown rule %q", k)
		}
		if w < 0 || w > 100 {
			ps.add("/weights/"+string(k), "range", "扣分须在0到100之间", "weight must be 0 to 100")
		}
	}
	for i, k := range r.Disabled {
		if !k.Valid() {
			ps.add(fmt.Sprintf("/disabled/%d", i), "rule", "未知的质检规则 %q", "unknown rule %q", k)
		}
	}
	return ps.err()
}
