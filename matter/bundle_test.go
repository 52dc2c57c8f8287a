package matter_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
)

func TestSelect(t *testing.T) {
	_, b := retirement()
	tests := []struct {
		name    string
		choices matter.Choices
		want    [][]string
		err     string
	}{
		{"default: first alternative, mandatory members only", matter.Choices{},
			[][]string{{"370000000001", "370000000009"}, {"370000000002", "370000000005"}, {"370000000006"}}, ""},
		{"special work, with housing fund", matter.Choices{OneOf: map[string]string{"retirement-basis": "370000000003"}, Include: []string{"370000000007"}},
			[][]string{{"370000000003", "370000000009"}, {"370000000002", "370000000005"}, {"370000000006", "370000000007"}}, ""},
		{"choice outside the slot", matter.Choices{OneOf: map[string]string{"retirement-basis": "370000000005"}}, nil,
			`one_of "retirement-basis": "370000000005" is not one of`},
		{"unknown slot", matter.Choices{OneOf: map[string]string{"basis": "370000000003"}}, nil, `one_of "basis": no such slot`},
		{"include a mandatory member", matter.Choices{Include: []string{"370000000006"}}, nil, "not an optional member"},
		{"include a stranger", matter.Choices{Include: []string{"999999999999"}}, nil, "not a member of SD-YJS-TX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := b.Select(tt.choices)
			if tt.err != "" {
				require.Error(t, err)
				assert.True(t, errors.Is(err, matter.ErrInvalid))
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, sel.Steps)
			assert.Equal(t, "SD-YJS-TX", sel.Bundle)
		})
	}
}

func TestBundleValidate(t *testing.T) {
	ms, b := retirement()
	exists := func(code string) bool { return ms[code] != nil }
	require.NoError(t, b.Validate(exists))

	tests := []struct {
		name    string
		break_  func(b *matter.Bundle)
		pointer string
		rule    string
	}{
		{"member missing from catalog", func(b *matter.Bundle) {
			b.Members[6].Matter = "370000000099"
			b.Plan.Steps[2].Slots[0].Member = "370000000099"
		}, "/members/6/matter", "member-exists"},
		{"member not placed", func(b *matter.Bundle) { b.Plan.Steps[2].Slots = b.Plan.Steps[2].Slots[1:] }, "/members/6", "plan-placement"},
		{"member placed twice", func(b *matter.Bundle) {
			b.Plan.Steps[1].Slots = append(b.Plan.Steps[1].Slots, matter.Slot{Member: "370000000006"})
		}, "/members/6", "plan-placement"},
		{"plan places a non-member", func(b *matter.Bundle) { b.Plan.Steps[1].Slots[0].Member = "370000000010" }, "/plan/steps/1/slots/0/member", "plan-member"},
		{"one_of without id", func(b *matter.Bundle) { b.Plan.Steps[0].Slots[0].ID = "" }, "/plan/steps/0/slots/0/id", "slot-id"},
		{"slot with both", func(b *matter.Bundle) { b.Plan.Steps[0].Slots[0].Member = "370000000001" }, "/plan/steps/0/slots/0", "slot-shape"},
		{"optional without condition", func(b *matter.Bundle) { b.Members[7].Condition = "" }, "/members/7/condition", "member-condition"},
		{"duplicate member", func(b *matter.Bundle) { b.Members = append(b.Members, b.Members[0]) }, "/members/9/matter", "member-duplicate"},
		{"no lead name", func(b *matter.Bundle) { b.Lead.Name = "" }, "/lead/name", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, b := retirement()
			tt.break_(b)
			err := b.Validate(exists)
			var ve *matter.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.True(t, errors.Is(err, matter.ErrInvalid))
			assert.Contains(t, problemKeys(ve), tt.pointer+" "+tt.rule, "all: %v", ve)
		})
	}
}

func problemKeys(ve *matter.ValidationError) []string {
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Pointer+" "+p.Rule)
	}
	return out
}

// TestEfficiency checks the figures against hand calculation (see the
// comments) for the default selection and for one with choices.
func TestEfficiency(t *testing.T) {
	ms, b := retirement()
	lookup := func(code string) (*matter.Matter, error) {
		if m, ok := ms[code]; ok {
			return m, nil
		}
		return nil, fmt.Errorf("%s: %w", code, matter.ErrNotFound)
	}

	// Default: 资格确认 (10) ∥ 户籍 (即办 0); 视同缴费 (15) ∥ 待遇核定 (10); 医保 (5).
	// Before 10+0+15+10+5 = 40 days; after max(10,0)+max(15,10)+5 = 30.
	// Materials before 2+2+2+2+1 = 9; distinct: 身份证, 档案, 户口簿, 社保卡 = 4.
	e, err := b.Efficiency(b.Default(), lookup)
	require.NoError(t, err)
	assert.Equal(t, matter.Figures{Forms: 5, Materials: 9, Steps: 5, Visits: 0, Days: 40}, e.Before)
	assert.Equal(t, matter.Figures{Forms: 1, Materials: 4, Steps: 1, Visits: 0, Days: 30}, e.After)

	// 因病提前退休 (30 natural days = ⌈30×5/7⌉ = 22 working days, 1 visit) with
	// both optional members (公积金 3; 奖励金 20 natural days = 15).
	// Before 22+0+15+10+5+3+15 = 70; after 22+15+15 = 52; one visit remains.
	sel, err := b.Select(matter.Choices{OneOf: map[string]string{"retirement-basis": "370000000004"}, Include: []string{"370000000007", "370000000008"}})
	require.NoError(t, err)
	e, err = b.Efficiency(sel, lookup)
	require.NoError(t, err)
	assert.Equal(t, matter.Figures{Forms: 7, Materials: 15, Steps: 7, Visits: 1, Days: 70}, e.Before)
	assert.Equal(t, matter.Figures{Forms: 1, Materials: 7, Steps: 1, Visits: 1, Days: 52}, e.After)

	md := e.Markdown()
	assert.Contains(t, md, "| 表单 (forms) | 7 | 1 | 85.71% |")
	assert.Contains(t, md, "| 办理时限（工作日） (working days) | 70 | 52 | 25.71% |")
	assert.Contains(t, md, "| 跑动次数 (visits) | 1 | 1 | 0.00% |")

	js, err := e.JSON()
	require.NoError(t, err)
	assert.Contains(t, string(js), `"days": 52`)

	delete(ms, "370000000006")
	_, err = b.Efficiency(sel, lookup)
	assert.ErrorIs(t, err, matter.ErrNotFound)

	_, err = b.Efficiency(matter.Selection{Bundle: "other"}, lookup)
	assert.ErrorIs(t, err, matter.ErrInvalid)
}

func TestTimeLimitWorkingDays(t *testing.T) {
	tests := []struct {
		limit matter.TimeLimit
		want  int
		text  string
	}{
		{matter.TimeLimit{}, 0, "即办"},
		{matter.TimeLimit{Value: 20}, 20, "20个工作日"},
		{matter.TimeLimit{Value: 20, Unit: matter.WorkingDays}, 20, "20个工作日"},
		{matter.TimeLimit{Value: 7, Unit: matter.NaturalDays}, 5, "7日"},
		{matter.TimeLimit{Value: 8, Unit: matter.NaturalDays}, 6, "8日"}, // 40/7 = 5.71 → 6
		{matter.TimeLimit{Value: 1, Unit: matter.NaturalDays}, 1, "1日"},
		{matter.TimeLimit{Value: 2, Unit: matter.Hours}, 1, "2小时"},
		{matter.TimeLimit{Value: 40, Unit: matter.Minutes}, 1, "40分钟"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.limit.WorkingDays(), "%+v", tt.limit)
		assert.Equal(t, tt.text, tt.limit.String())
	}
}
