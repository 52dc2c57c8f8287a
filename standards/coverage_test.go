package standards_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
)

// TestCoverageDemo checks the demo's gaps: two high-frequency matters
// without a standard of their own, and one standard naming a matter the
// catalog no longer has.
func TestCoverageDemo(t *testing.T) {
	sys, cat := demo(t)
	r, err := standards.Check(sys, cat, demoDay)
	require.NoError(t, err)
	var gaps []string
	for _, g := range r.Coverage.Uncovered {
		gaps = append(gaps, g.Matter+" "+g.Name)
	}
	assert.Equal(t, []string{"370015036000 技能提升补贴申领", "370018020000 基本医疗保险参保人员异地就医备案"}, gaps)
	assert.Equal(t, []standards.Dangling{{Standard: "DB37/T 9013—2024", Matter: "370015039000", Pointer: "/scope/matters/5"}}, r.Coverage.Dangling)

	// Before DB37/T 9013 took effect, 失业登记 and its neighbours were gaps
	// too, and nothing dangled.
	r, err = standards.Check(sys, cat, day(2024, 12, 31))
	require.NoError(t, err)
	gaps = gaps[:0]
	for _, g := range r.Coverage.Uncovered {
		gaps = append(gaps, g.Matter)
	}
	assert.Equal(t, []string{"370015030000", "370015031000", "370015032000", "370015036000", "370018020000"}, gaps)
	assert.Empty(t, r.Coverage.Dangling)
}

// TestCoverageExpired checks that a standard naming a matter that expired
// is reported with the day, and that the expired matter is not checked.
func TestCoverageExpired(t *testing.T) {
	sys, cat := demo(t)
	c := cat.Contents()
	for _, m := range c.Matters {
		if m.Code == "370015034000" { // 一次性创业补贴申领, named by DB37/T 9013
			m.Expires = day(2026, 1, 1)
		}
	}
	cat, err := matter.Build(c)
	require.NoError(t, err)
	r, err := standards.Check(sys, cat, demoDay)
	require.NoError(t, err)
	assert.Empty(t, entries(r, "370015034000"))
	assert.Contains(t, r.Coverage.Dangling, standards.Dangling{Standard: "DB37/T 9013—2024", Matter: "370015034000",
		Pointer: "/scope/matters/4", Expired: day(2026, 1, 1)})

	r, err = standards.Check(sys, cat, day(2025, 12, 31))
	require.NoError(t, err)
	assert.NotEmpty(t, entries(r, "370015034000"), "still in force the day before")
	for _, d := range r.Coverage.Dangling {
		assert.NotEqual(t, "370015034000", d.Matter)
	}
}

// TestCoverageRequirementAndExclude checks that codes in a requirement's
// matter list and in a scope's exclusions are checked too.
func TestCoverageRequirementAndExclude(t *testing.T) {
	sys := newSystem(t, published("DB37/T 1", "2024", day(2024, 1, 1),
		standards.Scope{Tags: []string{"12333"}, Exclude: []string{"370015098000"}},
		standards.Requirement{Clause: "1", Rule: standards.RuleFeeZero, Matters: []string{"370015030000", "370015097000"}}))
	r := standards.CheckAll(standards.NewChecker(sys, day(2025, 1, 1), nil),
		func(yield func(standards.Implementation) bool) { yield(standards.Implementation{Matter: conforming()}) })
	assert.Equal(t, []standards.Dangling{
		{Standard: "DB37/T 1—2024", Matter: "370015098000", Pointer: "/scope/exclude/0"},
		{Standard: "DB37/T 1—2024", Matter: "370015097000", Pointer: "/requirements/0/matters/1"},
	}, r.Coverage.Dangling)
	assert.Len(t, r.Coverage.Uncovered, 1, "a tag scope does not name 失业登记")
}
