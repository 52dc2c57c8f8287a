package standards

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/onething-gov/onething/matter"
)

// Evaluate checks matter m against every requirement of s that covers it
// and returns the findings, in requirement order. It assumes m is in the
// standard's scope (Scope.Matches) and reports every gap; waivers by the
// negative list are Check's business.
func (s *Standard) Evaluate(m *matter.Matter) []Finding {
	return s.evaluate(nil, m, s.Designation())
}

// evaluate appends the findings of m against s, whose designation is
// given, to dst.
func (s *Standard) evaluate(dst []Finding, m *matter.Matter, designation string) []Finding {
	e := evaluator{std: designation, m: m, out: dst}
	for i := range s.Requirements {
		r := &s.Requirements[i]
		if !r.covers(m.Code) {
			continue
		}
		e.r = r
		e.check()
	}
	return e.out
}

// evaluator checks one matter against one requirement at a time.
type evaluator struct {
	std string
	m   *matter.Matter
	r   *Requirement
	out []Finding
}

func (e *evaluator) add(pointer, expected, actual, zh, en string) {
	e.out = append(e.out, Finding{
		Standard: e.std, Clause: e.r.Clause, Rule: e.r.Rule, Severity: e.r.severity(),
		Pointer: pointer, Expected: expected, Actual: actual, ZH: zh, EN: en,
	})
}

func (e *evaluator) max() int {
	if e.r.Max == nil {
		return 0
	}
	return *e.r.Max
}

func (e *evaluator) check() {
	m, r := e.m, e.r
	switch r.Rule {
	case RuleRequired:
		for _, name := range r.Elements {
			el, ok := elements[name]
			if ok && !el.present(m) {
				e.add("/"+name, "有"+el.zh, "缺失",
					fmt.Sprintf("缺少%s（%s）", el.zh, name), fmt.Sprintf("element %s is missing", name))
			}
		}
	case RulePromisedLimitMax:
		e.limit("/promised_limit", "承诺", "promised", m.PromisedLimit)
	case RuleStatutoryLimitMax:
		e.limit("/statutory_limit", "法定", "statutory", m.StatutoryLimit)
	case RuleVisitsMax:
		if n := e.max(); m.Visits > n {
			e.add("/visits", fmt.Sprintf("≤%d次", n), fmt.Sprintf("%d次", m.Visits),
				fmt.Sprintf("到办事现场%d次，标准要求至多%d次", m.Visits, n),
				fmt.Sprintf("%d visits to the site, at most %d allowed", m.Visits, n))
		}
	case RuleDepthMin:
		e.depth()
	case RuleFeeZero:
		if m.Fee.Charged || !m.Fee.Amount.IsZero() {
			amount := m.Fee.Amount.String()
			e.add("/fee", "不收费", "收费"+amount+"元",
				fmt.Sprintf("收费%s元，标准要求不收费", amount),
				fmt.Sprintf("charges %s yuan; the standard requires no fee", amount))
		}
	case RuleMaterialsWithin:
		for i, mat := range m.Materials {
			if !slices.Contains(r.Types, mat.Type) {
				e.add(fmt.Sprintf("/materials/%d/type", i), "不超出材料清单", mat.Type,
					fmt.Sprintf("申请材料“%s”（%s）超出标准的材料清单", mat.Name, mat.Type),
					fmt.Sprintf("material %s is not in the standard's list", mat.Type))
			}
		}
	case RuleMaterialsMax:
		if n := e.max(); len(m.Materials) > n {
			e.add("/materials", fmt.Sprintf("≤%d件", n), fmt.Sprintf("%d件", len(m.Materials)),
				fmt.Sprintf("申请材料%d件，标准要求至多%d件", len(m.Materials), n),
				fmt.Sprintf("%d materials, at most %d allowed", len(m.Materials), n))
		}
	case RuleReachMin:
		if reachRank(m.Reach) < reachRank(r.Reach) {
			e.add("/reach", "≥"+reachZH(r.Reach), reachZH(m.Reach),
				fmt.Sprintf("通办范围为%s，标准要求至少%s", reachZH(m.Reach), reachZH(r.Reach)),
				fmt.Sprintf("reach %s is below %s", reachEN(m.Reach), r.Reach))
		}
	case RulePostal:
		if !m.Postal {
			e.add("/postal", "支持物流快递", "不支持", "不支持物流快递（申请材料和办理结果不能邮寄）",
				"applications and results cannot travel by post")
		}
	case RulePlacesHours:
		for i, p := range m.Places {
			if !nonBlank(p.Hours) {
				e.add(fmt.Sprintf("/places/%d/hours", i), "注明办理时间", "未注明",
					fmt.Sprintf("办理地点“%s”未注明办理时间", p.Name),
					fmt.Sprintf("place %q does not state its hours", p.Name))
			}
		}
	case RuleFormsInclude:
		var missing []string
		for _, f := range r.Forms {
			if !slices.Contains(m.Forms, f) {
				missing = append(missing, string(f))
			}
		}
		if len(missing) > 0 {
			e.add("/forms", "含"+formsZH(r.Forms), formsZH(m.Forms),
				"办理形式缺少"+formsZH(toForms(missing)),
				"handling forms lack "+strings.Join(missing, ", "))
		}
	}
}

// limit checks a time limit against Max working days.
func (e *evaluator) limit(pointer, zh, en string, t matter.TimeLimit) {
	n, got := e.max(), t.WorkingDays()
	if got <= n {
		return
	}
	actual := t.String()
	if t.Unit != "" && t.Unit != matter.WorkingDays {
		actual += "（折合" + strconv.Itoa(got) + "个工作日）"
	}
	e.add(pointer, fmt.Sprintf("≤%d个工作日", n), actual,
		fmt.Sprintf("%s办结时限%s，超过标准要求的%d个工作日", zh, actual, n),
		fmt.Sprintf("%s limit of %d working days exceeds %d", en, got, n))
}

// depth checks the online depth: missing steps first; full online handling
// only when the steps are there.
func (e *evaluator) depth() {
	d, r := e.m.Depth, e.r
	if missing := r.Steps &^ d; missing != 0 {
		e.add("/depth", "含步骤"+r.Steps.String(), d.String(),
			fmt.Sprintf("网上办理深度%s缺少步骤%s", d, missing),
			fmt.Sprintf("online depth %s lacks steps %s", d, missing))
		return
	}
	if r.FullyOnline && !d.FullyOnline() {
		e.add("/depth", expectFullyOnline, d.String(),
			fmt.Sprintf("未实现全程网办（网上办理深度%s）", d),
			fmt.Sprintf("not fully online (depth %s)", d))
	}
}

// expectFullyOnline is the Expected value of the finding that a matter is
// not fully online, the one finding a negative-list entry waives.
const expectFullyOnline = "全程网办"

// reachRank orders reaches from none (and empty) to national.
func reachRank(r matter.Reach) int {
	switch r {
	case matter.ReachCity:
		return 1
	case matter.ReachProvince:
		return 2
	case matter.ReachCrossProvince:
		return 3
	case matter.ReachNational:
		return 4
	}
	return 0
}

func reachZH(r matter.Reach) string {
	switch r {
	case matter.ReachCity:
		return "全市通办"
	case matter.ReachProvince:
		return "全省通办"
	case matter.ReachCrossProvince:
		return "跨省通办"
	case matter.ReachNational:
		return "全国通办"
	}
	return "不通办"
}

func reachEN(r matter.Reach) string {
	if r == "" {
		return string(matter.ReachNone)
	}
	return string(r)
}

func formsZH(fs []matter.HandlingForm) string {
	if len(fs) == 0 {
		return "无"
	}
	s := make([]string, len(fs))
	for i, f := range fs {
		switch f {
		case matter.AtWindow:
			s[i] = "窗口办理"
		case matter.Online:
			s[i] = "网上办理"
		case matter.ByPost:
			s[i] = "快递申请"
		default:
			s[i] = string(f)
		}
	}
	return strings.Join(s, "、")
}

func toForms(ss []string) []matter.HandlingForm {
	out := make([]matter.HandlingForm, len(ss))
	for i, s := range ss {
		out[i] = matter.HandlingForm(s)
	}
	return out
}
