package matter

import (
	"fmt"
	"strings"

	"github.com/onething-gov/onething/standards/division"
)

// Problem is one broken rule, with where it is and what is wrong in Chinese
// and English.
type Problem struct {
	// Subject is the code of the matter, bundle, overlay or entry at fault.
	Subject string `json:"subject"`
	// File is the catalog file, when the problem was found while loading.
	File string `json:"file,omitempty"`
	// Pointer is the JSON pointer of the offending value (RFC 6901).
	Pointer string `json:"pointer"`
	// Rule is a stable identifier of the rule, e.g. "on-site-reason".
	Rule string `json:"rule"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
}

func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		b.WriteString(": ")
	}
	if p.Subject != "" {
		b.WriteString(p.Subject)
		b.WriteString(": ")
	}
	if p.Pointer != "" {
		b.WriteString(p.Pointer)
		b.WriteString(": ")
	}
	b.WriteString(p.EN)
	b.WriteString(" (")
	b.WriteString(p.Rule)
	b.WriteString(")")
	return b.String()
}

// ValidationError holds every problem found, so that a catalog editor fixes
// them in one pass. It unwraps to ErrInvalid.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string {
	if len(e.Problems) == 1 {
		return "matter: " + e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "matter: %d problems:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// problems collects Problems for one subject.
type problems struct {
	subject string
	list    []Problem
}

func (ps *problems) add(pointer, rule, zh, en string, args ...any) {
	ps.list = append(ps.list, Problem{
		Subject: ps.subject, Pointer: pointer, Rule: rule,
		ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...),
	})
}

// err returns nil or a *ValidationError.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps.list}
}

// Validate checks a matter on its own: required elements, valid codes and
// the consistency rules of the implementation list. It returns nil or a
// *ValidationError listing every problem.
func (m *Matter) Validate() error {
	ps := &problems{subject: m.Code}
	m.validate(ps)
	return ps.err()
}

func (m *Matter) validate(ps *problems) {
	if len(m.Code) != 12 {
		ps.add("/code", "code-length", "基本编码应为12位，实为%d位", "basic code must have 12 characters, has %d", len([]rune(m.Code)))
	}
	if strings.TrimSpace(m.Name) == "" {
		ps.add("/name", "required", "缺少事项名称", "name is missing")
	}
	if !m.Kind.Valid() {
		ps.add("/kind", "kind", "事项类型%d不在11类之中", "kind %d is not one of the eleven kinds", int(m.Kind))
	}
	m.Body.validate(ps, "/body")
	if m.ImplementationCode != "" && m.Body.CreditCode.String() != "" &&
		!strings.HasPrefix(m.ImplementationCode, m.Body.CreditCode.String()) {
		ps.add("/implementation_code", "implementation-code", "实施编码应以实施主体统一社会信用代码开头", "implementation code must begin with the implementing body's credit code %s", m.Body.CreditCode)
	}
	if len(m.LegalBasis) == 0 {
		ps.add("/legal_basis", "required", "缺少设定依据", "legal basis is missing")
	}
	if len(m.Audience) == 0 {
		ps.add("/audience", "required", "缺少服务对象", "audience is missing")
	}
	m.validateLimits(ps)
	if m.Fee.Charged && strings.TrimSpace(m.Fee.Basis) == "" {
		ps.add("/fee/basis", "fee-basis", "收费事项须写明收费依据", "a charged matter needs its fee basis")
	}
	if m.Fee.Amount.IsNegative() {
		ps.add("/fee/amount", "fee-amount", "收费金额不能为负", "fee amount cannot be negative")
	}
	if !m.Fee.Charged && !m.Fee.Amount.IsZero() {
		ps.add("/fee/amount", "fee-amount", "不收费事项不应有收费金额", "a matter that does not charge cannot have a fee amount")
	}
	if m.Visits < 0 {
		ps.add("/visits", "visits", "到现场次数不能为负", "visits cannot be negative")
	}
	if m.Visits > 0 && strings.TrimSpace(m.OnSiteReason) == "" {
		ps.add("/on_site_reason", "on-site-reason", "到现场%d次，须写明必须现场办理原因", "%d visits to the site need a reason for on-site handling", m.Visits)
	}
	if m.Visits == 0 && !m.Depth.FullyOnline() && !m.Postal {
		ps.add("/postal", "zero-visit-postal", "零跑动但非全程网办的事项须支持物流快递", "a matter with no visits that is not fully online must accept post")
	}
	if m.Depth.FullyOnline() && m.Visits > 0 {
		ps.add("/visits", "full-online-visits", "全程网办（Ⅳ级）事项到现场次数应为0", "a fully online (level IV) matter needs 0 visits, has %d", m.Visits)
	}
	switch m.Reach {
	case "", ReachNone, ReachCity, ReachProvince, ReachCrossProvince, ReachNational:
	default:
		ps.add("/reach", "reach", "通办范围%q无效", "reach %q is not a defined value", m.Reach)
	}
	for i, p := range m.Places {
		if p.Division != "" {
			if _, err := division.Parse(string(p.Division)); err != nil {
				ps.add(fmt.Sprintf("/places/%d/division", i), "division", "办理地点区划代码%q无效", "place division %q is not a valid code", p.Division)
			}
		}
	}
	seen := map[string]int{}
	for i, mat := range m.Materials {
		ptr := fmt.Sprintf("/materials/%d", i)
		if mat.Type == "" {
			ps.add(ptr+"/type", "required", "材料缺少类型编码", "material type is missing")
		} else if j, dup := seen[mat.Type]; dup {
			ps.add(ptr+"/type", "material-duplicate", "材料类型%q与第%d项重复", "material type %q repeats item %d", mat.Type, j)
		}
		seen[mat.Type] = i
		if strings.TrimSpace(mat.Name) == "" {
			ps.add(ptr+"/name", "required", "材料缺少名称", "material name is missing")
		}
		switch mat.Need {
		case Required, Optional:
		case Conditional:
			if strings.TrimSpace(mat.Condition) == "" {
				ps.add(ptr+"/condition", "material-condition", "容缺或条件性材料须写明适用情形", "a conditional material needs its condition")
			}
		default:
			ps.add(ptr+"/need", "material-need", "材料必要性%q无效", "need %q is not required, conditional or optional", mat.Need)
		}
		switch mat.Medium {
		case "", Paper, Electronic, Either:
		default:
			ps.add(ptr+"/medium", "material-medium", "材料形式%q无效", "medium %q is not paper, electronic or either", mat.Medium)
		}
		if mat.Copies < 0 {
			ps.add(ptr+"/copies", "material-copies", "份数不能为负", "copies cannot be negative")
		}
		for j, t := range mat.Trust {
			if t < TrustA || t > TrustD || len(t) != 1 {
				ps.add(fmt.Sprintf("%s/trust/%d", ptr, j), "trust", "可信等级%q应为A–D", "trust level %q is not A–D", t)
			}
		}
	}
	if strings.TrimSpace(m.Result.Name) == "" {
		ps.add("/result/name", "required", "缺少办理结果名称", "result name is missing")
	}
	if !m.Expires.IsZero() && !m.Effective.IsZero() && !m.Expires.After(m.Effective) {
		ps.add("/expires", "dates", "失效日期应晚于生效日期", "expiry %s must be after the effective date %s", m.Expires, m.Effective)
	}
}

func (m *Matter) validateLimits(ps *problems) {
	for _, l := range []struct {
		ptr string
		t   TimeLimit
	}{{"/statutory_limit", m.StatutoryLimit}, {"/promised_limit", m.PromisedLimit}} {
		if l.t.Value < 0 {
			ps.add(l.ptr+"/value", "time-limit", "时限不能为负", "time limit cannot be negative")
		}
		switch l.t.Unit {
		case "", WorkingDays, NaturalDays, Hours, Minutes:
		default:
			ps.add(l.ptr+"/unit", "time-limit", "时限单位%q无效", "time limit unit %q is not defined", l.t.Unit)
		}
	}
	if m.PromisedLimit.minutes() > m.StatutoryLimit.minutes() && !m.StatutoryLimit.Immediate() {
		ps.add("/promised_limit", "promised-within-statutory", "承诺时限%s超过法定时限%s", "promised limit %s exceeds the statutory limit %s", m.PromisedLimit, m.StatutoryLimit)
	}
	switch m.Handling {
	case Immediate:
		if !m.PromisedLimit.Immediate() {
			ps.add("/handling", "immediate-handling", "即办件的承诺时限应为即办", "an immediate (即办件) matter cannot promise %s", m.PromisedLimit)
		}
	case Promised:
		if m.PromisedLimit.Immediate() {
			ps.add("/handling", "immediate-handling", "承诺时限为即办，办件类型应为即办件", "a matter handled at once (即办) must be an immediate (即办件) matter")
		}
	default:
		ps.add("/handling", "handling", "办件类型%q应为即办件或承诺件", "handling %q is neither immediate nor promised", m.Handling)
	}
}

func (d Department) validate(ps *problems, ptr string) {
	if strings.TrimSpace(d.Name) == "" {
		ps.add(ptr+"/name", "required", "缺少部门名称", "department name is missing")
	}
	if d.CreditCode.String() == "" {
		ps.add(ptr+"/credit_code", "credit-code", "缺少统一社会信用代码", "credit code is missing")
	}
	if d.Division == "" {
		ps.add(ptr+"/division", "required", "缺少部门所在区划", "department division is missing")
	} else if _, err := division.Parse(string(d.Division)); err != nil {
		ps.add(ptr+"/division", "division", "区划代码%q无效", "division %q is not a valid code", d.Division)
	}
}

// Validate checks a bundle against the matters it names (by 基本编码): its
// lead department, that every member exists, is placed in the plan exactly
// once and only once listed, and that every "one of" slot has an ID and at
// least two alternatives. Steps run in series, so a plan cannot hold a
// cycle. It returns nil or a *ValidationError listing every problem.
func (b *Bundle) Validate(matters func(code string) bool) error {
	ps := &problems{subject: b.Code}
	b.validate(ps, matters)
	return ps.err()
}

func (b *Bundle) validate(ps *problems, matters func(code string) bool) {
	if strings.TrimSpace(b.Code) == "" {
		ps.add("/code", "required", "缺少一件事编码", "bundle code is missing")
	}
	if strings.TrimSpace(b.Name) == "" {
		ps.add("/name", "required", "缺少一件事名称", "bundle name is missing")
	}
	b.Lead.validate(ps, "/lead")
	if len(b.Members) < 2 {
		ps.add("/members", "bundle-size", "一件事至少包含2个事项", "a bundle needs at least 2 member matters, has %d", len(b.Members))
	}
	listed := map[string]bool{}
	for i, mem := range b.Members {
		ptr := fmt.Sprintf("/members/%d/matter", i)
		if listed[mem.Matter] {
			ps.add(ptr, "member-duplicate", "成员事项%s重复", "member %s is listed twice", mem.Matter)
		}
		listed[mem.Matter] = true
		if matters != nil && !matters(mem.Matter) {
			ps.add(ptr, "member-exists", "成员事项%s不在目录中", "member %s is not in the catalog", mem.Matter)
		}
		if mem.Optional && strings.TrimSpace(mem.Condition) == "" {
			ps.add(fmt.Sprintf("/members/%d/condition", i), "member-condition", "可选成员须写明适用情形", "optional member %s needs its condition", mem.Matter)
		}
	}
	if len(b.Plan.Steps) == 0 {
		ps.add("/plan/steps", "plan-empty", "一件事缺少办理流程", "plan has no steps")
	}
	ids := map[string]bool{}
	for i, st := range b.Plan.Steps {
		if len(st.Slots) == 0 {
			ps.add(fmt.Sprintf("/plan/steps/%d/slots", i), "plan-empty-step", "第%d步为空", "step %d is empty", i+1)
		}
		for j, sl := range st.Slots {
			ptr := fmt.Sprintf("/plan/steps/%d/slots/%d", i, j)
			switch {
			case sl.Member != "" && len(sl.OneOf) > 0:
				ps.add(ptr, "slot-shape", "一个位置只能是单个事项或多选一", "a slot is either a member or one_of, not both")
			case sl.Member == "" && len(sl.OneOf) == 0:
				ps.add(ptr, "slot-shape", "位置为空", "a slot needs a member or one_of")
			case len(sl.OneOf) == 1:
				ps.add(ptr+"/one_of", "slot-shape", "多选一至少需要2个备选", "one_of needs at least 2 alternatives")
			}
			if len(sl.OneOf) > 0 {
				if sl.ID == "" {
					ps.add(ptr+"/id", "slot-id", "多选一位置须有标识", "a one_of slot needs an id")
				} else if ids[sl.ID] {
					ps.add(ptr+"/id", "slot-id", "多选一标识%q重复", "one_of id %q repeats", sl.ID)
				}
				ids[sl.ID] = true
			}
			for k, m := range append([]string{sl.Member}, sl.OneOf...) {
				if m != "" && !listed[m] {
					p := ptr + "/member"
					if k > 0 {
						p = fmt.Sprintf("%s/one_of/%d", ptr, k-1)
					}
					ps.add(p, "plan-member", "流程中的%s不是成员事项", "plan places %s, which is not a member", m)
				}
			}
		}
	}
	placed := b.Plan.placements()
	for i, mem := range b.Members {
		switch n := placed[mem.Matter]; {
		case n == 0:
			ps.add(fmt.Sprintf("/members/%d", i), "plan-placement", "成员事项%s未排入流程", "member %s is not placed in the plan", mem.Matter)
		case n > 1:
			ps.add(fmt.Sprintf("/members/%d", i), "plan-placement", "成员事项%s在流程中出现%d次", "member %s is placed %d times in the plan", mem.Matter, n)
		}
	}
}
