package standards_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
	"github.com/onething-gov/onething/standards/division"
)

// demoDay is the day the demo reports are checked on: a Monday.
var demoDay = day(2026, 3, 2)

// TestCheckDemo checks the demo catalog against the demo standards: the one
// error is 莱芜区's township place without hours; the warnings are the
// stricter "宜" clauses; the negative list waives 社会保障卡申领's full online
// handling everywhere.
func TestCheckDemo(t *testing.T) {
	sys, cat := demo(t)
	r, err := standards.Check(sys, cat, demoDay)
	require.NoError(t, err)

	assert.Equal(t, demoDay, r.Date)
	assert.Len(t, r.Standards, 8)
	assert.Equal(t, 1, r.Count(standards.SeverityError))
	assert.Equal(t, 7, r.Count(standards.SeverityWarning))
	assert.Equal(t, 5, r.Waived())
	assert.False(t, r.Conforms())

	// Every base matter and every implementation list is there once.
	n := cat.Len()
	for m := range cat.Matters() {
		n += len(cat.Overlays(m.Code))
	}
	assert.Len(t, r.Entries, n)

	var errs []standards.Finding
	var where []division.Code
	for _, e := range r.Entries {
		for _, f := range e.Findings {
			if f.Severity == standards.SeverityError && f.Counts() {
				errs = append(errs, f)
				where = append(where, e.Division)
			}
		}
	}
	require.Len(t, errs, 1)
	assert.Equal(t, []division.Code{"370116"}, where)
	f := errs[0]
	assert.Equal(t, "DB37/T 9021—2024", f.Standard)
	assert.Equal(t, "5.1", f.Clause)
	assert.Equal(t, standards.RulePlacesHours, f.Rule)
	assert.Equal(t, "/places/1/hours", f.Pointer)
	assert.Contains(t, f.ZH, "莱芜区凤城街道便民服务中心")
	assert.False(t, f.Inherited, "the province's base list has no such place")

	// 菏泽 keeps the base's 5 working days for 社会保障卡申领; 济南 and 青岛 cut
	// them to 3, 莱芜区 to 即办.
	card := entries(r, "370015020000")
	require.Len(t, card, 5)
	for _, e := range card {
		limit := findings(e, "5.2.2")
		switch e.Division {
		case "", "371700":
			require.Len(t, limit, 1, "%s", e.Division)
			assert.Equal(t, e.Division != "", limit[0].Inherited)
			assert.Equal(t, standards.SeverityWarning, limit[0].Severity)
		default:
			assert.Empty(t, limit, "%s", e.Division)
		}
		online := findings(e, "5.3")
		require.Len(t, online, 1)
		assert.Contains(t, online[0].Waived, "负面清单")
	}

	// The standards applied to 资格确认 in 济南.
	e := entries(r, "370015001000")[1]
	assert.Equal(t, division.Code("370100"), e.Division)
	assert.Equal(t, division.Code("370100"), e.City)
	assert.Equal(t, "济南市人力资源和社会保障局", e.Department.Name)
	assert.Equal(t, []string{"DB37/T 9001—2024", "DB37/T 9012—2025", "DB37/T 9021—2024", "DB37/T 9022—2024", "GB/T 39734—2020"}, e.Standards)

	// Groups: the province's base list first, then cities; 莱芜区 with 济南.
	gs := r.Groups()
	assert.Equal(t, division.Code("370000"), gs[0].City)
	assert.Equal(t, "山东省", gs[0].CityName)
	var cities []division.Code
	for _, g := range gs {
		if len(cities) == 0 || cities[len(cities)-1] != g.City {
			cities = append(cities, g.City)
		}
		for _, e := range g.Entries {
			assert.Equal(t, g.City, e.City)
			assert.Equal(t, g.Department.CreditCode, e.Department.CreditCode)
		}
	}
	assert.Equal(t, []division.Code{"370000", "370100", "370200", "371700"}, cities)
	assert.True(t, slices.ContainsFunc(gs, func(g standards.Group) bool {
		return g.Department.Name == "济南市莱芜区人力资源和社会保障局" && g.City == "370100"
	}))
}

// TestCheckSkipsMattersNotInForce checks that a matter not yet in effect
// is not checked: the 退休 matters take effect on 2025-01-01.
func TestCheckSkipsMattersNotInForce(t *testing.T) {
	sys, cat := demo(t)
	r, err := standards.Check(sys, cat, day(2024, 12, 31))
	require.NoError(t, err)
	assert.Empty(t, entries(r, "370015001000"))
	assert.NotEmpty(t, entries(r, "370015030000"))
}

// TestCheckerWithoutNegativeList checks that without a negative list
// nothing is waived.
func TestCheckerWithoutNegativeList(t *testing.T) {
	sys, cat := demo(t)
	m, ok := cat.Matter("370015020000")
	require.True(t, ok)
	c := standards.NewChecker(sys, demoDay, nil)
	assert.Equal(t, demoDay, c.Date())
	e := c.Check(standards.Implementation{Matter: m})
	online := findings(e, "5.3")
	require.Len(t, online, 1)
	assert.True(t, online[0].Counts())

	c = standards.NewChecker(sys, demoDay, cat.Negative)
	e = c.Check(standards.Implementation{Matter: m})
	assert.False(t, findings(e, "5.3")[0].Counts())
}

// TestCheckAll checks the report of a stream of implementations, with
// coverage against the matters checked.
func TestCheckAll(t *testing.T) {
	sys := newSystem(t,
		published("DB37/T 1", "2024", day(2024, 1, 1), standards.Scope{Matters: []string{"370015030000", "370015099000"}},
			standards.Requirement{Clause: "1", Rule: standards.RulePromisedLimitMax, Max: intp(3)}),
		published("DB37/T 2", "2024", day(2024, 1, 1), standards.Scope{Tags: []string{"high-frequency"}},
			standards.Requirement{Clause: "1", Rule: standards.RuleFeeZero}))
	base := conforming() // promised 5
	local := conforming()
	local.PromisedLimit = matter.TimeLimit{Value: 3}
	other := conforming()
	other.Code, other.Name = "370015031000", "失业保险金申领"
	c := standards.NewChecker(sys, day(2025, 1, 1), nil)
	r := standards.CheckAll(c, slices.Values([]standards.Implementation{
		{Division: "370200", Matter: local}, {Matter: other}, {Matter: base}, {Division: "371700", Matter: base},
	}))
	require.Len(t, r.Entries, 4)
	assert.Equal(t, "370015030000", r.Entries[0].Matter, "the base matter sorts first in the province")
	assert.Equal(t, 2, r.Count(standards.SeverityError))
	assert.True(t, r.Entries[3].Findings[0].Inherited, "菏泽 keeps the base limit")
	assert.Empty(t, r.Entries[2].Findings, "青岛 cut it")

	require.Len(t, r.Coverage.Uncovered, 1, "DB37/T 2 covers 失业保险金申领 only by tag")
	assert.Equal(t, "370015031000", r.Coverage.Uncovered[0].Matter)
	require.Len(t, r.Coverage.Dangling, 1)
	assert.Equal(t, standards.Dangling{Standard: "DB37/T 1—2024", Matter: "370015099000", Pointer: "/scope/matters/1"}, r.Coverage.Dangling[0])
}

func entries(r *standards.Report, code string) []standards.Entry {
	var out []standards.Entry
	for _, e := range r.Entries {
		if e.Matter == code {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b standards.Entry) int { return strings.Compare(string(a.Division), string(b.Division)) })
	return out
}

func findings(e standards.Entry, clause string) []standards.Finding {
	var out []standards.Finding
	for _, f := range e.Findings {
		if f.Clause == clause {
			out = append(out, f)
		}
	}
	return out
}

// TestNilMatter checks that an implementation without a matter is skipped,
// not a panic.
func TestNilMatter(t *testing.T) {
	sys, _ := demo(t)
	c := standards.NewChecker(sys, demoDay, nil)
	assert.Equal(t, standards.Entry{Division: "370100"}, c.Check(standards.Implementation{Division: "370100"}))
	assert.Nil(t, c.Applicable(nil))
	r := standards.CheckAll(c, slices.Values([]standards.Implementation{{}, {Matter: conforming()}}))
	assert.Len(t, r.Entries, 1)
}
