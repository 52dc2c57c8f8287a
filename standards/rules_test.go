package standards_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
)

// TestRules checks that each rule fires on a matter that breaks it, with
// the right pointer, expected and actual values, and stays quiet on one
// that meets it — including the edge where the value equals the limit.
func TestRules(t *testing.T) {
	type want struct{ pointer, expected, actual string }
	asIs := func(*matter.Matter) {}
	cases := []struct {
		name  string
		req   standards.Requirement
		quiet func(m *matter.Matter) // makes conforming() meet the requirement, at its limit where there is one
		fire  func(m *matter.Matter) // makes it break the requirement
		want  []want
	}{
		{"required: missing consult and result type",
			standards.Requirement{Rule: standards.RuleRequired, Elements: []string{"contacts/consult", "result/type", "places"}},
			asIs,
			func(m *matter.Matter) { m.Contacts.Consult = " "; m.Result.Type = "" },
			[]want{{"/contacts/consult", "有咨询方式", "缺失"}, {"/result/type", "有办理结果类型", "缺失"}}},
		{"promised limit: natural days converted",
			standards.Requirement{Rule: standards.RulePromisedLimitMax, Max: intp(5)},
			func(m *matter.Matter) { m.PromisedLimit = matter.TimeLimit{Value: 7, Unit: matter.NaturalDays} }, // 5 working days
			func(m *matter.Matter) { m.PromisedLimit = matter.TimeLimit{Value: 8, Unit: matter.NaturalDays} }, // 6
			[]want{{"/promised_limit", "≤5个工作日", "8日（折合6个工作日）"}}},
		{"promised limit: 即办 required",
			standards.Requirement{Rule: standards.RulePromisedLimitMax, Max: intp(0)},
			func(m *matter.Matter) { m.PromisedLimit = matter.TimeLimit{} },
			func(m *matter.Matter) { m.PromisedLimit = matter.TimeLimit{Value: 2, Unit: matter.Hours} },
			[]want{{"/promised_limit", "≤0个工作日", "2小时（折合1个工作日）"}}},
		{"statutory limit",
			standards.Requirement{Rule: standards.RuleStatutoryLimitMax, Max: intp(10)},
			asIs,
			func(m *matter.Matter) { m.StatutoryLimit = matter.TimeLimit{Value: 11} },
			[]want{{"/statutory_limit", "≤10个工作日", "11个工作日"}}},
		{"visits",
			standards.Requirement{Rule: standards.RuleVisitsMax, Max: intp(1)},
			func(m *matter.Matter) { m.Visits = 1 },
			func(m *matter.Matter) { m.Visits = 2 },
			[]want{{"/visits", "≤1次", "2次"}}},
		{"depth: steps",
			standards.Requirement{Rule: standards.RuleDepthMin, Steps: matter.DepthOf(1, 2, 3, 4)},
			func(m *matter.Matter) { m.Depth = matter.DepthOf(1, 2, 3, 4) },
			func(m *matter.Matter) { m.Depth = matter.DepthOf(1, 2, 6) },
			[]want{{"/depth", "含步骤[1 2 3 4]", "[1 2 6]"}}},
		{"depth: fully online",
			standards.Requirement{Rule: standards.RuleDepthMin, FullyOnline: true},
			func(m *matter.Matter) { m.Depth = matter.DepthOf(2, 4, 5, 6) },
			func(m *matter.Matter) { m.Depth = matter.DepthOf(1, 2, 3, 4, 6) },
			[]want{{"/depth", "全程网办", "[1 2 3 4 6]"}}},
		{"fee",
			standards.Requirement{Rule: standards.RuleFeeZero},
			asIs,
			func(m *matter.Matter) { m.Fee = charged(20) },
			[]want{{"/fee", "不收费", "收费20元"}}},
		{"materials within a set: one finding per extra material",
			standards.Requirement{Rule: standards.RuleMaterialsWithin, Types: []string{"resident-id-card"}},
			func(m *matter.Matter) { m.Materials = m.Materials[:1] },
			asIs,
			[]want{{"/materials/1/type", "不超出材料清单", "termination-certificate"}}},
		{"materials at most",
			standards.Requirement{Rule: standards.RuleMaterialsMax, Max: intp(1)},
			func(m *matter.Matter) { m.Materials = m.Materials[:1] },
			asIs,
			[]want{{"/materials", "≤1件", "2件"}}},
		{"reach",
			standards.Requirement{Rule: standards.RuleReachMin, Reach: matter.ReachCrossProvince},
			func(m *matter.Matter) { m.Reach = matter.ReachNational },
			asIs,
			[]want{{"/reach", "≥跨省通办", "全省通办"}}},
		{"reach: empty counts as none",
			standards.Requirement{Rule: standards.RuleReachMin, Reach: matter.ReachCity},
			asIs,
			func(m *matter.Matter) { m.Reach = "" },
			[]want{{"/reach", "≥全市通办", "不通办"}}},
		{"postal",
			standards.Requirement{Rule: standards.RulePostal},
			asIs,
			func(m *matter.Matter) { m.Postal = false },
			[]want{{"/postal", "支持物流快递", "不支持"}}},
		{"places have hours",
			standards.Requirement{Rule: standards.RulePlacesHours},
			func(m *matter.Matter) { m.Places = nil },
			func(m *matter.Matter) {
				m.Places = append(m.Places, matter.Place{Name: "凤城街道便民服务中心", Hours: "\t"})
			},
			[]want{{"/places/1/hours", "注明办理时间", "未注明"}}},
		{"forms include",
			standards.Requirement{Rule: standards.RuleFormsInclude, Forms: []matter.HandlingForm{matter.Online, matter.ByPost}},
			func(m *matter.Matter) { m.Forms = append(m.Forms, matter.ByPost) },
			asIs,
			[]want{{"/forms", "含网上办理、快递申请", "窗口办理、网上办理"}}},
	}
	covered := map[standards.Rule]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			covered[c.req.Rule] = true
			c.req.Clause = "5.1"
			s := published("DB37/T 1", "2024", day(2024, 1, 1), standards.Scope{Matters: []string{"370015030000"}}, c.req)

			m := conforming()
			c.quiet(m)
			assert.Empty(t, s.Evaluate(m), "quiet")

			m = conforming()
			c.fire(m)
			got := s.Evaluate(m)
			require.Len(t, got, len(c.want))
			for i, w := range c.want {
				f := got[i]
				assert.Equal(t, w, want{f.Pointer, f.Expected, f.Actual})
				assert.Equal(t, "DB37/T 1—2024", f.Standard)
				assert.Equal(t, "5.1", f.Clause)
				assert.Equal(t, c.req.Rule, f.Rule)
				assert.Equal(t, standards.SeverityError, f.Severity, "error by default")
				assert.NotEmpty(t, f.ZH)
				assert.NotEmpty(t, f.EN)
			}
		})
	}
	for _, r := range standards.Rules() {
		assert.True(t, covered[r], "rule %s has a case", r)
	}
}

// TestRequirementOptions checks a requirement's own matter list and
// severity.
func TestRequirementOptions(t *testing.T) {
	m := conforming()
	m.Visits = 3
	m.OnSiteReason = "核验原件"
	s := published("DB37/T 1", "2024", day(2024, 1, 1), standards.Scope{Tags: []string{"12333"}},
		standards.Requirement{Clause: "1", Rule: standards.RuleVisitsMax, Max: intp(0), Matters: []string{"370015031000"}},
		standards.Requirement{Clause: "2", Rule: standards.RuleVisitsMax, Max: intp(1), Severity: standards.SeverityWarning, Matters: []string{"370015030000"}},
		standards.Requirement{Clause: "3", Rule: standards.RuleVisitsMax, Max: intp(2)},
	)
	got := s.Evaluate(m)
	require.Len(t, got, 2, "clause 1 names another matter")
	assert.Equal(t, "2", got[0].Clause)
	assert.Equal(t, standards.SeverityWarning, got[0].Severity)
	assert.Equal(t, "3", got[1].Clause)
	assert.Equal(t, standards.SeverityError, got[1].Severity)
}

// TestScopeMatches checks the scope rule: codes, or kinds and tags
// together, never an excluded code.
func TestScopeMatches(t *testing.T) {
	m := conforming() // 370015030000, 公共服务, tags high-frequency and 12333
	cases := []struct {
		name  string
		scope standards.Scope
		want  bool
	}{
		{"by code", standards.Scope{Matters: []string{"370015030000"}}, true},
		{"other code", standards.Scope{Matters: []string{"370015031000"}}, false},
		{"by tag", standards.Scope{Tags: []string{"退休一件事", "12333"}}, true},
		{"other tag", standards.Scope{Tags: []string{"退休一件事"}}, false},
		{"by kind", standards.Scope{Kinds: []matter.Kind{matter.Benefit, matter.PublicService}}, true},
		{"other kind", standards.Scope{Kinds: []matter.Kind{matter.Licensing}}, false},
		{"kind and tag both match", standards.Scope{Kinds: []matter.Kind{matter.PublicService}, Tags: []string{"12333"}}, true},
		{"kind matches, tag does not", standards.Scope{Kinds: []matter.Kind{matter.PublicService}, Tags: []string{"免申即享"}}, false},
		{"code wins over kind", standards.Scope{Matters: []string{"370015030000"}, Kinds: []matter.Kind{matter.Licensing}}, true},
		{"excluded", standards.Scope{Tags: []string{"12333"}, Exclude: []string{"370015030000"}}, false},
		{"excluded though named", standards.Scope{Matters: []string{"370015030000"}, Exclude: []string{"370015030000"}}, false},
		{"empty scope", standards.Scope{}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.scope.Matches(m))
			// The checker's index must agree with the plain rule.
			sys := newSystem(t, published("DB37/T 1", "2024", day(2024, 1, 1), withFallback(c.scope)))
			got := standards.NewChecker(sys, day(2025, 1, 1), nil).Applicable(m)
			assert.Equal(t, c.want, len(got) == 1)
		})
	}
	assert.True(t, standards.Scope{Matters: []string{"370015030000"}, Tags: []string{"x"}}.Names("370015030000"))
	assert.False(t, standards.Scope{Tags: []string{"12333"}}.Names("370015030000"), "a tag does not name the matter")
}

// withFallback gives an empty scope, which the schema refuses, a code that
// matches nothing, so that the index can still be asked.
func withFallback(s standards.Scope) standards.Scope {
	if len(s.Matters) == 0 && len(s.Kinds) == 0 && len(s.Tags) == 0 {
		s.Matters = []string{"000000000000"}
	}
	return s
}
