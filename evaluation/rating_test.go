package evaluation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

func TestRatingLevels(t *testing.T) {
	tests := []struct {
		r         evaluation.Rating
		zh        string
		good, bad bool
	}{
		{evaluation.VerySatisfied, "非常满意", true, false},
		{evaluation.Satisfied, "满意", true, false},
		{evaluation.FairlySatisfied, "基本满意", true, false},
		{evaluation.Dissatisfied, "不满意", false, true},
		{evaluation.VeryDissatisfied, "非常不满意", false, true},
		{0, "", false, false},
		{6, "", false, false},
	}
	for _, tc := range tests {
		zh, _ := tc.r.Names()
		assert.Equal(t, tc.zh, zh, "rating %d", int(tc.r))
		assert.Equal(t, tc.good, tc.r.IsGood(), "IsGood(%d)", int(tc.r))
		assert.Equal(t, tc.bad, tc.r.IsBad(), "IsBad(%d)", int(tc.r))
		assert.Equal(t, tc.zh != "", tc.r.Valid(), "Valid(%d)", int(tc.r))
	}
	assert.Equal(t, []evaluation.Rating{5, 4, 3, 2, 1}, evaluation.Ratings())
	assert.Equal(t, "Rating(7)", evaluation.Rating(7).String())
	assert.Equal(t, "fairly satisfied", evaluation.FairlySatisfied.String())
}

func TestIndicatorsByChannel(t *testing.T) {
	for _, ch := range matter.Channels() {
		set := evaluation.Indicators(ch)
		if ch.Online() {
			assert.Len(t, set, 4, ch)
			assert.Contains(t, set, evaluation.Operability, ch)
		} else {
			assert.Len(t, set, 3, ch)
			assert.Contains(t, set, evaluation.ServiceAttitude, ch)
		}
		for _, i := range set {
			zh, _ := i.Names()
			assert.NotEmpty(t, zh, i)
		}
	}
	zh, _ := evaluation.GuideAccuracy.Names()
	assert.Equal(t, "办事指南精确度", zh)
}

func TestModes(t *testing.T) {
	for _, m := range evaluation.Modes() {
		assert.True(t, m.Valid(), m)
	}
	assert.True(t, evaluation.PerService.ServiceEvent())
	assert.True(t, evaluation.PerMatter.ServiceEvent())
	assert.False(t, evaluation.Public.ServiceEvent())
	assert.False(t, evaluation.Supervisory.ServiceEvent())
	var m evaluation.Mode
	assert.ErrorIs(t, m.UnmarshalText([]byte("per_visit")), evaluation.ErrInvalid)
	assert.NoError(t, m.UnmarshalText([]byte("per_matter")))
	assert.Equal(t, evaluation.PerMatter, m)
}
