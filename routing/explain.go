package routing

import (
	"fmt"
	"strings"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Step is one rule that fired while routing, in Chinese and English.
type Step struct {
	// Rule is a stable identifier, such as "pension.ten-years" or
	// "agreement".
	Rule string `json:"rule"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
}

// ruleID names a rule the router applies.
type ruleID uint8

const (
	ruleMatter ruleID = iota + 1
	ruleBasis
	rulePension
	ruleDecider
	ruleByPost
	ruleInPlace
	ruleOnline
	ruleCrossPlace
	ruleReach
	ruleAgreement
	ruleMode
	ruleRecognition
	ruleMaterials
	ruleOriginals
	ruleDecision
	ruleParts
	ruleResult
)

// rule is a fired rule and its argument (a deciding office's index).
type rule struct {
	id ruleID
	i  uint8
}

// maxSteps bounds the rules a route records.
const maxSteps = 24

func (rt *Route) step(id ruleID, i uint8) {
	if int(rt.nSteps) < maxSteps {
		rt.steps[rt.nSteps] = rule{id, i}
		rt.nSteps++
	}
}

// Explain returns the rules that produced the route, in the order they
// fired, with the particulars in Chinese and English. It is built on
// request, from what the route recorded, and allocates.
func (rt *Route) Explain() []Step {
	out := make([]Step, 0, rt.nSteps)
	for _, s := range rt.steps[:rt.nSteps] {
		out = append(out, rt.render(s))
	}
	return out
}

// String renders the explanation in English, one rule a line.
func (rt *Route) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s → %s, due %s", rt.Matter, rt.Mode, rt.Receiving.Division, deciders(rt), day(rt.Due))
	for _, s := range rt.Explain() {
		b.WriteString("\n\t")
		b.WriteString(s.Rule)
		b.WriteString(": ")
		b.WriteString(s.EN)
	}
	return b.String()
}

func deciders(rt *Route) string {
	var s []string
	for _, o := range rt.Deciding() {
		s = append(s, string(o.Division))
	}
	return strings.Join(s, "+")
}

func day(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(matter.CST).Format(time.DateOnly)
}

// place renders a division with its name: "370100 济南市".
func place(d division.Code) string {
	if v, ok := division.Lookup(d); ok {
		return string(d) + " " + v.Name
	}
	return string(d)
}

var sourceNames = map[basisSource][2]string{
	fromOption:   {"路由配置", "router option"},
	fromData:     {"通办协议数据中的办理地规则", "jurisdiction rule in the agreements data"},
	fromTag:      {"事项标签", "matter tag"},
	fromAudience: {"按申请人类型默认：自然人为户籍地，企业为登记地", "default for the audience: domicile for a person, registration place for an enterprise"},
}

func (rt *Route) render(s rule) Step {
	st := Step{}
	i := int(s.i)
	switch s.id {
	case ruleMatter:
		st.Rule = "matter"
		st.ZH = fmt.Sprintf("事项%s“%s”在%s有效", rt.Matter, rt.m.Name, day(rt.Received))
		st.EN = fmt.Sprintf("matter %s (%s) is in force on %s", rt.Matter, rt.m.Name, day(rt.Received))
	case ruleBasis:
		var zh, en []string
		for _, b := range rt.bases.slice() {
			z, e := b.Names()
			zh, en = append(zh, z), append(en, e)
		}
		src := sourceNames[rt.bases.src]
		st.Rule = "basis"
		st.ZH = fmt.Sprintf("办理地依据：%s（%s）", strings.Join(zh, "、"), src[0])
		st.EN = fmt.Sprintf("deciding place by %s (%s)", strings.Join(en, ", "), src[1])
	case rulePension:
		st = rt.pension.render()
	case ruleDecider:
		o := rt.deciding[i]
		bz, be := o.Basis.Names()
		st.Rule = "decider"
		st.ZH = fmt.Sprintf("%s，行使层级最低为%s，办理地为%s", bz, tierZH(o.Tier), place(o.Division))
		st.EN = fmt.Sprintf("%s; the lowest tier exercising the matter is %s: deciding office in %s", be, o.Tier, place(o.Division))
	case ruleByPost:
		st.Rule = "channel.post"
		st.ZH = "邮寄申请：材料直接寄送办理地，事项支持寄递"
		st.EN = "application by post: sent straight to the deciding office; the matter supports post"
	case ruleInPlace:
		st.Rule = "in-place"
		st.ZH = fmt.Sprintf("申请地%s在办理地%s辖区内", place(rt.Receiving.Division), place(rt.deciding[i].Division))
		st.EN = fmt.Sprintf("applied in %s, within the jurisdiction of the deciding office in %s", place(rt.Receiving.Division), place(rt.deciding[i].Division))
		if rt.Channel.Online() {
			st.ZH = fmt.Sprintf("在办理地%s的平台网上申请", place(rt.deciding[i].Division))
			st.EN = fmt.Sprintf("applied online on the platform of the deciding place %s", place(rt.deciding[i].Division))
		}
	case ruleOnline:
		st.Rule = "online"
		st.ZH = "网上申请：事项网上办理深度达到全程网办，办理地负面清单未列入该事项"
		st.EN = "online application: the matter is fully online and not on the negative list where it is decided"
	case ruleCrossPlace:
		st.Rule = "cross-place"
		st.ZH = fmt.Sprintf("申请地%s不在办理地%s辖区内，须异地通办", place(rt.Receiving.Division), farList(rt))
		st.EN = fmt.Sprintf("applied in %s, outside the jurisdiction of %s: handled across places", place(rt.Receiving.Division), farList(rt))
	case ruleReach:
		zh, en := reachNames(rt.m.Reach)
		st.Rule = "reach"
		st.ZH = fmt.Sprintf("事项通办范围为“%s”，覆盖两地", zh)
		st.EN = fmt.Sprintf("the matter's reach (%s) covers both places", en)
	case ruleAgreement:
		a := rt.ag
		mzh, men := rt.Mode.Names()
		demo, demoEN := "", ""
		if a.Demo {
			demo, demoEN = "（演示数据）", " (demo data)"
		}
		st.Rule = "agreement"
		st.ZH = fmt.Sprintf("协议“%s”（%s，%s）%s起有效，列明该事项，覆盖两地，允许%s%s", a.Name, a.ID, a.Source, a.Effective, mzh, demo)
		st.EN = fmt.Sprintf("agreement %s (%s), in force from %s, lists the matter for both places and allows %s (%s)%s", a.ID, a.Source, a.Effective, rt.Mode, men, demoEN)
	case ruleMode:
		zh, en := rt.Mode.Names()
		st.Rule = "mode." + rt.Mode.String()
		st.ZH = "通办模式：" + zh
		st.EN = "mode: " + rt.Mode.String() + " (" + en + ")"
	case ruleRecognition:
		var zh, en []string
		for _, m := range rt.Recognised() {
			zh, en = append(zh, m.Name), append(en, m.Type)
		}
		st.Rule = "recognition"
		st.ZH = fmt.Sprintf("跨区域共享互认：%s无需提交纸质材料", strings.Join(zh, "、"))
		st.EN = fmt.Sprintf("mutual recognition: no paper copy of %s", strings.Join(en, ", "))
	case ruleMaterials:
		st = rt.renderMaterials(i)
	case ruleOriginals:
		st.Rule = "leg.originals"
		st.ZH = "须由办理地留存的纸质原件另行邮寄"
		st.EN = "paper originals the deciding office must hold go by post"
	case ruleDecision:
		st = rt.renderDecision(i)
	case ruleParts:
		for _, l := range rt.Legs() {
			if l.Cargo == Part && l.From.Division == rt.deciding[i].Division {
				st.Rule = "leg.part"
				st.ZH = fmt.Sprintf("%s在决定后%d个工作日内将协办结果网上回传%s，%s前", place(l.From.Division), l.Days, place(l.To.Division), day(l.Due))
				st.EN = fmt.Sprintf("%s sends its decision on its share online to %s within %s, by %s", place(l.From.Division), place(l.To.Division), workingDays(l.Days), day(l.Due))
			}
		}
	case ruleResult:
		for _, l := range rt.Legs() {
			if l.Cargo == Result {
				vz, ve := l.Via.Names()
				st.Rule = "leg.result"
				st.ZH = fmt.Sprintf("%s在决定后%d个工作日内将办理结果%s送达申请人，%s前", place(l.From.Division), l.Days, vz, day(l.Due))
				st.EN = fmt.Sprintf("%s sends the result to the applicant %s within %s of the decision, by %s", place(l.From.Division), ve, workingDays(l.Days), day(l.Due))
			}
		}
	}
	return st
}

// renderDecision explains deciding office i's deadline.
func (rt *Route) renderDecision(i int) Step {
	o := rt.deciding[i]
	st := Step{Rule: "deadline.decision"}
	if i == int(rt.lead) && rt.nDeciding > 1 {
		st.ZH = fmt.Sprintf("办理地%s在收齐各地协办结果后作出决定（本地承诺办结时限%s），%s前", place(o.Division), o.Limit, day(o.Due))
		st.EN = fmt.Sprintf("the office in %s decides once the other offices' shares are in (its own promised limit %s), by %s", place(o.Division), o.Limit, day(o.Due))
		return st
	}
	from, fromEN, sameDay, sameDayEN := "材料到达后", "of the materials' arrival", "材料到达当日", "the day the materials arrive"
	if inside(rt.Receiving.Division, o.Division) {
		from, fromEN, sameDay, sameDayEN = "收件后", "of receipt", "收件当日", "the day of receipt"
	}
	if o.Limit.WorkingDays() == 0 {
		st.ZH = fmt.Sprintf("办理地%s于%s作出决定（即办），%s前", place(o.Division), sameDay, day(o.Due))
		st.EN = fmt.Sprintf("the office in %s decides on %s (即办, at once), by %s", place(o.Division), sameDayEN, day(o.Due))
		return st
	}
	st.ZH = fmt.Sprintf("办理地%s在%s%s内作出决定（承诺办结时限），%s前", place(o.Division), from, o.Limit, day(o.Due))
	st.EN = fmt.Sprintf("the office in %s decides within %s %s (promised limit %s), by %s", place(o.Division), workingDays(o.Limit.WorkingDays()), fromEN, o.Limit, day(o.Due))
	return st
}

func (rt *Route) renderMaterials(i int) Step {
	src, srcEN := "路由默认", "router default"
	if rt.daysSrc == fromData {
		src, srcEN = "协议约定", "set by the agreement"
	}
	to := rt.deciding[i].Division
	var vz, ve []string
	var due time.Time
	for _, l := range rt.Legs() {
		if (l.Cargo == Materials || l.Cargo == Originals) && l.To.Division == to {
			z, e := l.Via.Names()
			vz, ve = append(vz, z), append(ve, e)
			due = l.Due
		}
	}
	return Step{
		Rule: "leg.materials",
		ZH: fmt.Sprintf("%s在%d个工作日内（%s）将材料%s转至办理地%s，%s前",
			place(rt.Receiving.Division), rt.forward, src, strings.Join(vz, "、"), place(to), day(due)),
		EN: fmt.Sprintf("%s sends the materials (%s) to %s within %s (%s), by %s",
			place(rt.Receiving.Division), strings.Join(ve, " and "), place(to), workingDays(rt.forward), srcEN, day(due)),
	}
}

func workingDays(n int) string {
	if n == 1 {
		return "1 working day"
	}
	return fmt.Sprintf("%d working days", n)
}

func farList(rt *Route) string {
	var s []string
	for _, o := range rt.Deciding() {
		if !inside(rt.Receiving.Division, o.Division) {
			s = append(s, place(o.Division))
		}
	}
	return strings.Join(s, ", ")
}

func tierZH(t matter.Tier) string {
	switch t {
	case matter.TierNational:
		return "国家级"
	case matter.TierProvince:
		return "省级"
	case matter.TierCity:
		return "市级"
	}
	return "县级"
}

// render explains the pension clause that fired.
func (p pensionTrace) render() Step {
	ym := func(n int) string { return fmt.Sprintf("%d年%d个月", n/12, n%12) }
	ymEN := func(n int) string { return fmt.Sprintf("%d years %d months", n/12, n%12) }
	const basis = "国办发〔2009〕66号第六条"
	switch p.branch {
	case pensionDomicile:
		return Step{Rule: "pension.domicile",
			ZH: fmt.Sprintf("%s第（一）项：基本养老保险关系在户籍所在地%s，由户籍所在地办理待遇领取手续", basis, place(p.current)),
			EN: fmt.Sprintf("国办发〔2009〕66号 art. 6 (1): insured where the 户籍 is (%s), so benefits are claimed there", place(p.current))}
	case pensionTenYears:
		return Step{Rule: "pension.ten-years",
			ZH: fmt.Sprintf("%s第（二）项：基本养老保险关系不在户籍所在地，在参保地%s累计缴费%s，满10年，在该地办理", basis, place(p.place), ym(p.months)),
			EN: fmt.Sprintf("国办发〔2009〕66号 art. 6 (2): insured outside the 户籍 place, with %s in %s (≥ 10 years), so benefits are claimed there", ymEN(p.months), place(p.place))}
	case pensionPrevious:
		return Step{Rule: "pension.previous",
			ZH: fmt.Sprintf("%s第（三）项：在现参保地%s累计缴费不满10年，转回上一个缴费年限满10年的原参保地%s（%s）办理", basis, place(p.current), place(p.place), ym(p.months)),
			EN: fmt.Sprintf("国办发〔2009〕66号 art. 6 (3): under 10 years at the current insured place %s, so back to the previous place with ≥ 10 years, %s (%s)", place(p.current), place(p.place), ymEN(p.months))}
	}
	return Step{Rule: "pension.domicile-fallback",
		ZH: fmt.Sprintf("%s第（四）项：每个参保地累计缴费年限均不满10年，归集到户籍所在地%s办理", basis, place(p.place)),
		EN: fmt.Sprintf("国办发〔2009〕66号 art. 6 (4): no insured place with ≥ 10 years, so benefits are claimed at the 户籍 place %s", place(p.place))}
}
