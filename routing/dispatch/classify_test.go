package dispatch_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing/dispatch"
	"github.com/onething-gov/onething/standards/division"
)

func TestClassify(t *testing.T) {
	rs := testRulesLoaded(t)
	type want struct {
		rule         string
		topic        string
		jurisdiction division.Code
		from         dispatch.Source
		reason       dispatch.Reason // empty: routed
	}
	cases := []struct {
		name     string
		text     string
		division division.Code
		category matter.Category
		want     want
	}{
		// Keywords.
		{"any keyword", "老板欠我三千块工钱不给", "370102", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370102", from: dispatch.FromCaller}},
		{"all and any keywords", "社保卡丢了怎么办", "370102", matter.Help,
			want{rule: "card-loss", topic: "card-loss", jurisdiction: "370102", from: dispatch.FromCaller}},
		{"none keyword excludes the rule", "电子社保卡丢了怎么办", "370102", matter.Help,
			want{reason: dispatch.ReasonNoRule}},
		{"all keywords needed", "退休金怎么领", "370102", matter.Inquiry,
			want{rule: "pension", topic: "pension-claim", jurisdiction: "370102", from: dispatch.FromCaller}},
		// Synonyms, in the text and in the rules.
		{"text variant 拖欠工资 is 欠薪", "公司拖欠工资三个月", "370102", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370102", from: dispatch.FromCaller}},
		{"text variant 医保卡 is 社保卡", "医保卡挂失在哪办", "370102", matter.Inquiry,
			want{rule: "card-loss", topic: "card-loss", jurisdiction: "370102", from: dispatch.FromCaller}},
		{"rule keyword 退休金 matches the term 养老金", "养老金没到账", "370102", matter.Complaint,
			want{rule: "pension", topic: "pension-claim", jurisdiction: "370102", from: dispatch.FromCaller}},
		{"rule keyword 退休金 matches the variant 养老待遇", "养老待遇怎么算", "370102", matter.Inquiry,
			want{rule: "pension", topic: "pension-claim", jurisdiction: "370102", from: dispatch.FromCaller}},
		// Width and case folding.
		{"full-width upper-case APP", "养老金在ＡＰＰ上查不到", "370102", matter.Inquiry,
			want{rule: "pension-app", topic: "pension-claim", jurisdiction: "370102", from: dispatch.FromCaller}},
		{"full-width lower-case app", "退休金ａｐｐ", "370102", matter.Inquiry,
			want{rule: "pension-app", topic: "pension-claim", jurisdiction: "370102", from: dispatch.FromCaller}},
		{"ASCII mixed case", "养老金 App", "370102", matter.Inquiry,
			want{rule: "pension-app", topic: "pension-claim", jurisdiction: "370102", from: dispatch.FromCaller}},
		// Category.
		{"category report picks its rule", "举报某厂拖欠工资", "370102", matter.Report,
			want{rule: "wage-report", topic: "wage-arrears", jurisdiction: "370102", from: dispatch.FromCaller}},
		{"other category skips it", "拖欠工资怎么办", "370102", matter.Inquiry,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370102", from: dispatch.FromCaller}},
		// Division scope.
		{"within: caller in 崂山区, inside 青岛", "讨薪", "370212", matter.Complaint,
			want{rule: "wage-qingdao", topic: "wage-arrears", jurisdiction: "370212", from: dispatch.FromCaller}},
		{"within: place in the text", "我在城阳区干活被拖欠工资", "370102", matter.Complaint,
			want{rule: "wage-qingdao", topic: "wage-arrears", jurisdiction: "370214", from: dispatch.FromText}},
		{"prefix 3717", "讨薪", "371721", matter.Complaint,
			want{rule: "wage-heze", topic: "wage-arrears", jurisdiction: "371721", from: dispatch.FromCaller}},
		// First match wins.
		{"first match: fraud before pension", "有人打电话诈骗说我养老金要停发", "370102", matter.Report,
			want{rule: "fraud", reason: "out of scope: fraud"}},
		{"first match: within before category", "举报城阳区某厂拖欠工资", "370102", matter.Report,
			want{rule: "wage-qingdao", topic: "wage-arrears", jurisdiction: "370214", from: dispatch.FromText}},
		// Manual queue reasons.
		{"empty text", " \t　", "370102", matter.Inquiry, want{reason: dispatch.ReasonEmptyText}},
		{"no rule matched", "路灯坏了一个多星期", "370102", matter.Complaint, want{reason: dispatch.ReasonNoRule}},
		{"ambiguous division: 市中区 with a caller in 菏泽", "在市中区饭店打工被拖欠工资", "371700", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", reason: dispatch.ReasonAmbiguousDivision}},
		{"ambiguous division: two unrelated cities", "在潍坊和烟台都被拖欠工资", "370100", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", reason: dispatch.ReasonAmbiguousDivision}},
		{"no division: unknown caller, no place", "拖欠工资", "", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", reason: dispatch.ReasonNoDivision}},
		{"no division: caller code not in the table", "拖欠工资", "371081", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", reason: dispatch.ReasonNoDivision}},
		// Jurisdiction.
		{"place containing the caller keeps the caller", "菏泽的养老金什么时候发", "371702", matter.Inquiry,
			want{rule: "pension", topic: "pension-claim", jurisdiction: "371702", from: dispatch.FromCaller}},
		{"place elsewhere wins: 莱芜 is 370116", "莱芜的养老金什么时候发", "370600", matter.Inquiry,
			want{rule: "pension", topic: "pension-claim", jurisdiction: "370116", from: dispatch.FromText}},
		{"retired 莱芜市 reads as 莱芜", "莱芜市的养老金", "370600", matter.Inquiry,
			want{rule: "pension", topic: "pension-claim", jurisdiction: "370116", from: dispatch.FromText}},
		{"retired name with one successor: 章丘市 → 章丘区", "章丘市拖欠工资", "", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370114", from: dispatch.FromText}},
		{"the more precise place: 济南市历城区", "济南市历城区某工地拖欠工资", "370600", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370112", from: dispatch.FromText}},
		{"市中区 settled by the caller's city 枣庄", "在市中区工地拖欠工资", "370481", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370402", from: dispatch.FromText}},
		{"市中区 settled by 济南 in the text", "济南市市中区某饭店拖欠工资", "371700", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370103", from: dispatch.FromText}},
		{"two cities, the caller's one wins", "在青岛交了十年，回菏泽领退休金", "371702", matter.Inquiry,
			want{rule: "pension", topic: "pension-claim", jurisdiction: "371702", from: dispatch.FromCaller}},
		{"leftmost-longest: 枣庄市中区 reads as 枣庄市", "枣庄市中区某工地拖欠工资", "370100", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370400", from: dispatch.FromText}},
		{"alias 泉城", "泉城一家公司拖欠工资", "371700", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370100", from: dispatch.FromText}},
		{"ignored short name 市中 (市中心)", "市中心医院旁边的公司拖欠工资", "370600", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370600", from: dispatch.FromCaller}},
		{"short name 东营 is the city, not 东营区", "东营一家公司拖欠工资", "370100", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370500", from: dispatch.FromText}},
		{"retired caller code 370882 兖州市 → 370812", "拖欠工资", "370882", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370812", from: dispatch.FromCaller}},
		{"retired caller code 371200 莱芜市 has two successors: unknown", "拖欠工资", "371200", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", reason: dispatch.ReasonNoDivision}},
		{"city-level department lifts 莱芜区 to 济南", "公积金怎么提取", "370116", matter.Inquiry,
			want{rule: "fund", topic: "fund-withdrawal", jurisdiction: "370100", from: dispatch.FromCaller}},
		{"full-width digits in the caller's code", "拖欠工资", "３７０１０２", matter.Complaint,
			want{rule: "wage", topic: "wage-arrears", jurisdiction: "370102", from: dispatch.FromCaller}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := dispatch.Order{ID: "T1", Text: c.text, Division: c.division, Category: c.category}
			d := rs.Classify(o)
			assert.Equal(t, "T1", d.Order)
			assert.Equal(t, c.want.rule, d.Rule, "rule")
			assert.Equal(t, c.want.topic, d.Topic.ID, "topic")
			assert.Equal(t, c.want.reason, d.Reason, "reason")
			assert.Equal(t, c.want.reason != "", d.Manual, "manual")
			assert.Equal(t, c.want.jurisdiction, d.Jurisdiction, "jurisdiction")
			assert.Equal(t, c.want.from, d.From, "from")
			if c.want.topic != "" {
				_, dep, ok := rs.Topic(c.want.topic)
				assert.True(t, ok)
				assert.Equal(t, dep, d.Department, "department of the topic")
			}
		})
	}
}

func TestDecisionNames(t *testing.T) {
	rs := testRulesLoaded(t)
	d := rs.Classify(dispatch.Order{ID: "A", Text: "莱芜区某厂拖欠工资", Division: "370100", Category: matter.Complaint})
	assert.Equal(t, "济南市莱芜区劳动保障监察大队", d.Office())
	assert.Equal(t, "labour-inspection/wage-arrears @ 370116 (rule wage)", d.String())
	assert.True(t, d.Routed())

	d = rs.Classify(dispatch.Order{ID: "B", Text: "公积金提取", Division: "371721"})
	assert.Equal(t, "菏泽市住房公积金管理中心", d.Office())
	assert.Equal(t, dispatch.LevelCity, d.Department.Level)

	d = rs.Classify(dispatch.Order{ID: "C", Text: "路灯坏了", Division: "371721"})
	assert.Equal(t, "", d.Office())
	assert.Equal(t, "manual: no rule matched", d.String())
	assert.False(t, d.Routed())
}

func TestTopicLookup(t *testing.T) {
	rs := testRulesLoaded(t)
	topic, dep, ok := rs.Topic("pension-claim")
	assert.True(t, ok)
	assert.Equal(t, "370015005000", topic.Matter)
	assert.Equal(t, "pension", dep.ID)
	_, _, ok = rs.Topic("nope")
	assert.False(t, ok)
	assert.Len(t, rs.Departments(), 4)
}

func TestZeroRules(t *testing.T) {
	var rs dispatch.Rules
	d := rs.Classify(dispatch.Order{ID: "Z", Text: "拖欠工资"})
	assert.True(t, d.Manual)
	assert.Equal(t, dispatch.ReasonNoRule, d.Reason)
}
