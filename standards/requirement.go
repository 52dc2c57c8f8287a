package standards

import (
	"slices"

	"github.com/onething-gov/onething/matter"
)

// Rule is the kind of a machine-checkable requirement over a matter's
// elements. Each rule reads the parameters of Requirement named below.
type Rule string

// The rules.
const (
	// RuleRequired: every element in Elements is present (see Elements).
	RuleRequired Rule = "required"
	// RulePromisedLimitMax: the promised limit (承诺办结时限) is at most Max
	// working days, counted as matter.TimeLimit.WorkingDays counts.
	RulePromisedLimitMax Rule = "promised_limit_max"
	// RuleStatutoryLimitMax: the statutory limit (法定办结时限) is at most Max
	// working days.
	RuleStatutoryLimitMax Rule = "statutory_limit_max"
	// RuleVisitsMax: at most Max visits to the site (到办事现场次数).
	RuleVisitsMax Rule = "visits_max"
	// RuleDepthMin: the online depth (网上办理深度) has every step in Steps,
	// and, if FullyOnline, is 全程网办. A matter on the negative list (负面清单)
	// for its place is excused from FullyOnline, not from Steps.
	RuleDepthMin Rule = "depth_min"
	// RuleFeeZero: the matter charges nothing (不收费).
	RuleFeeZero Rule = "fee_zero"
	// RuleMaterialsWithin: every material's type is one of Types: no
	// material beyond the standard's list (申请材料不超出清单).
	RuleMaterialsWithin Rule = "materials_within"
	// RuleMaterialsMax: at most Max materials are listed, whatever their need.
	RuleMaterialsMax Rule = "materials_max"
	// RuleReachMin: the reach (通办范围) is at least Reach, in the order none,
	// city, province, cross_province, national.
	RuleReachMin Rule = "reach_min"
	// RulePostal: applications and results may travel by post (支持物流快递).
	RulePostal Rule = "postal"
	// RulePlacesHours: every place listed names its hours (办理时间).
	RulePlacesHours Rule = "places_hours"
	// RuleFormsInclude: the handling forms (办理形式) include every one of
	// Forms.
	RuleFormsInclude Rule = "forms_include"
)

// Rules lists every rule in a stable order.
func Rules() []Rule {
	return []Rule{RuleRequired, RulePromisedLimitMax, RuleStatutoryLimitMax, RuleVisitsMax,
		RuleDepthMin, RuleFeeZero, RuleMaterialsWithin, RuleMaterialsMax, RuleReachMin,
		RulePostal, RulePlacesHours, RuleFormsInclude}
}

// Severity says how a finding counts. In the wording of Chinese standards
// an error is a "应" (shall) clause and a warning a "宜" (should) clause.
type Severity string

// The severities.
const (
	SeverityError   Severity = "error"   // 应: the implementation does not conform
	SeverityWarning Severity = "warning" // 宜: recommended, not required
)

// Requirement is one checkable clause of a standard.
type Requirement struct {
	// Clause is the clause number in the standard, e.g. "5.3.1".
	Clause string `json:"clause"`
	Rule   Rule   `json:"rule"`
	// Severity is SeverityError when empty.
	Severity Severity `json:"severity,omitempty"`
	// Text is the clause's wording, for reports.
	Text string `json:"text,omitempty"`
	// Matters, if set, narrows the requirement to these matters of the
	// standard's scope.
	Matters []string `json:"matters,omitempty"`

	// Parameters; which ones a rule reads is documented on the rule.
	Elements    []string              `json:"elements,omitempty"`
	Max         *int                  `json:"max,omitempty"`
	Steps       matter.Depth          `json:"steps,omitzero"`
	FullyOnline bool                  `json:"fully_online,omitempty"`
	Types       []string              `json:"types,omitempty"`
	Reach       matter.Reach          `json:"reach,omitempty"`
	Forms       []matter.HandlingForm `json:"forms,omitempty"`
}

// severity returns the requirement's severity, error by default.
func (r *Requirement) severity() Severity {
	if r.Severity == "" {
		return SeverityError
	}
	return r.Severity
}

// covers reports whether the requirement applies to matter code, given that
// its standard does.
func (r *Requirement) covers(code string) bool {
	return len(r.Matters) == 0 || slices.Contains(r.Matters, code)
}

func (r Requirement) clone() Requirement {
	r.Matters = slices.Clone(r.Matters)
	r.Elements = slices.Clone(r.Elements)
	if r.Max != nil {
		v := *r.Max
		r.Max = &v
	}
	r.Types = slices.Clone(r.Types)
	r.Forms = slices.Clone(r.Forms)
	return r
}
