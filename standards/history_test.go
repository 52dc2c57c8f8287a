package standards_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
)

// TestAt checks which version of a demo standard applied on a day.
func TestAt(t *testing.T) {
	sys, _ := demo(t)
	cases := []struct {
		name, id string
		on       matter.Date
		want     string // version, "" for none
	}{
		{"before the first edition", "DB37/T 9012", day(2024, 9, 30), ""},
		{"first edition's first day", "DB37/T 9012", day(2024, 10, 1), "2024"},
		{"superseded edition until its successor", "DB37/T 9012", day(2025, 6, 30), "2024"},
		{"successor's first day", "DB37/T 9012", day(2025, 7, 1), "2025"},
		{"later", "DB37/T 9012", day(2026, 11, 27), "2025"},
		{"withdrawn: day before", "DB37/T 9023", day(2025, 12, 30), "2024"},
		{"withdrawn: withdrawal day", "DB37/T 9023", day(2025, 12, 31), ""},
		{"draft never applies", "DB37/T 9015", day(2027, 6, 1), ""},
		{"national standard", "GB/T 39734", day(2021, 1, 1), "2020"},
		{"unknown", "DB37/T 404", day(2026, 1, 1), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, ok := sys.At(c.id, c.on)
			if c.want == "" {
				assert.False(t, ok)
				return
			}
			require.True(t, ok)
			assert.Equal(t, c.want, s.Version)
		})
	}
	h := sys.History("DB37/T 9012")
	require.Len(t, h, 2)
	assert.Equal(t, "DB37/T 9012—2024", h[0].Designation())
	assert.Equal(t, standards.Superseded, h[0].Status)
}

// TestAtWithdrawnSuccessor checks that withdrawing the current edition
// withdraws the standard: the edition it superseded does not come back.
func TestAtWithdrawnSuccessor(t *testing.T) {
	scope := standards.Scope{Matters: []string{"370015030000"}}
	old := published("DB37/T 1", "2020", day(2020, 1, 1), scope)
	old.Status = standards.Superseded
	cur := published("DB37/T 1", "2024", day(2024, 1, 1), scope)
	cur.Status, cur.Withdrawn = standards.Withdrawn, day(2026, 1, 1)
	draft := published("DB37/T 1", "2027", day(2027, 1, 1), scope)
	draft.Status = standards.Draft
	sys := newSystem(t, draft, cur, old)

	for _, c := range []struct {
		on   matter.Date
		want string
	}{{day(2019, 12, 31), ""}, {day(2023, 12, 31), "2020"}, {day(2025, 12, 31), "2024"}, {day(2026, 1, 1), ""}, {day(2028, 1, 1), ""}} {
		s, ok := sys.At("DB37/T 1", c.on)
		got := ""
		if ok {
			got = s.Version
		}
		assert.Equal(t, c.want, got, "on %s", c.on)
	}
	var versions []string
	for _, s := range sys.History("DB37/T 1") {
		versions = append(versions, s.Version)
	}
	assert.Equal(t, []string{"2020", "2024", "2027"}, versions, "oldest first, whatever the input order")
}

// TestLookups checks the lookups by day, category and matter on the demo
// system.
func TestLookups(t *testing.T) {
	sys, cat := demo(t)
	designations := func(ss []*standards.Standard) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Designation())
		}
		return out
	}
	assert.Equal(t, []string{"DB37/T 9001—2024", "DB37/T 9011—2024", "DB37/T 9012—2024", "DB37/T 9013—2024",
		"DB37/T 9014—2024", "DB37/T 9021—2024", "DB37/T 9022—2024", "DB37/T 9023—2024", "GB/T 39734—2020"},
		designations(sys.InForce(day(2025, 6, 1))))
	assert.Equal(t, []string{"DB37/T 9011—2024", "DB37/T 9012—2025", "DB37/T 9013—2024", "DB37/T 9014—2024"},
		designations(sys.InCategory("200", day(2026, 3, 2))), "服务提供 and below; the draft is left out")
	assert.Equal(t, []string{"DB37/T 9021—2024"}, designations(sys.InCategory("301", day(2026, 3, 2))), "9023 withdrawn")
	assert.Empty(t, sys.InCategory("999", day(2026, 3, 2)))

	m, ok := cat.Matter("370015001000") // 资格确认
	require.True(t, ok)
	assert.Equal(t, []string{"DB37/T 9001—2024", "DB37/T 9012—2024", "DB37/T 9021—2024", "DB37/T 9022—2024", "DB37/T 9023—2024", "GB/T 39734—2020"},
		designations(sys.ForMatter(m, day(2025, 6, 1))))
	assert.Equal(t, []string{"DB37/T 9001—2024", "DB37/T 9012—2025", "DB37/T 9021—2024", "DB37/T 9022—2024", "GB/T 39734—2020"},
		designations(sys.ForMatter(m, day(2026, 3, 2))))
}

// TestCheckVersionByDate checks that Check applies the edition in force:
// DB37/T 9012—2025 tightened 资格确认 to 15 working days, the 2024 edition
// allowed 20.
func TestCheckVersionByDate(t *testing.T) {
	scope := standards.Scope{Matters: []string{"370015030000"}}
	v1 := published("DB37/T 1", "2024", day(2024, 1, 1), scope,
		standards.Requirement{Clause: "5.2", Rule: standards.RulePromisedLimitMax, Max: intp(5)})
	v1.Status = standards.Superseded
	v2 := published("DB37/T 1", "2025", day(2025, 7, 1), scope,
		standards.Requirement{Clause: "5.2", Rule: standards.RulePromisedLimitMax, Max: intp(3)})
	sys := newSystem(t, v1, v2)
	impl := standards.Implementation{Matter: conforming()} // promised 5

	e := standards.NewChecker(sys, day(2025, 6, 30), nil).Check(impl)
	assert.Equal(t, []string{"DB37/T 1—2024"}, e.Standards)
	assert.Empty(t, e.Findings)

	e = standards.NewChecker(sys, day(2025, 7, 1), nil).Check(impl)
	assert.Equal(t, []string{"DB37/T 1—2025"}, e.Standards)
	require.Len(t, e.Findings, 1)
	assert.Equal(t, "DB37/T 1—2025", e.Findings[0].Standard)
}
