package evaluation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
)

func TestDefaultConfig(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	require.NoError(t, cfg.Validate())
	assert.Equal(t, 5, cfg.Review.LateDays)
	assert.Equal(t, evaluation.CaseRules{ContactDays: 1, RectifyDays: 5, RevisitDays: 5}, cfg.Case)
	assert.Equal(t, 5, cfg.Hotline.HandlingDays)
	assert.Equal(t, 10, cfg.Hotline.MaxExtensionDays)
	assert.Equal(t, 2, cfg.Hotline.SendBackDays)
	assert.Equal(t, 40*time.Minute, cfg.Incident.Phone)
	assert.Equal(t, 30*time.Minute, cfg.Incident.Written)
	c2017 := evaluation.ComplaintLine2017()
	assert.Equal(t, 15, c2017.HandlingDays)
	assert.Equal(t, 7, c2017.MaxExtensionDays)

	// Each call is a new value: changing one changes no other.
	cfg.Review.Reasons = append(cfg.Review.Reasons, "x")
	cfg.Case.ContactDays = 9
	assert.Empty(t, evaluation.DefaultConfig().Review.Reasons)
	assert.Equal(t, 1, evaluation.DefaultConfig().Case.ContactDays)
}

func TestConfigValidate(t *testing.T) {
	var cfg evaluation.Config
	var ve *evaluation.ValidationError
	require.ErrorAs(t, cfg.Validate(), &ve)
	assert.GreaterOrEqual(t, len(ve.Problems), 8, "every missing limit is named: %v", ve)
	cfg = evaluation.DefaultConfig()
	cfg.Review.LateDays = -1
	assert.ErrorIs(t, cfg.Validate(), evaluation.ErrInvalid)
}

func TestPeriods(t *testing.T) {
	sep := evaluation.Month(2026, 9)
	assert.True(t, sep.Contains(at(9, 1, 0, 0)))
	assert.True(t, sep.Contains(at(9, 30, 23, 59)))
	assert.False(t, sep.Contains(at(10, 1, 0, 0)))
	// 2026-08-31 16:30 UTC is 2026-09-01 00:30 in China.
	assert.True(t, sep.Contains(time.Date(2026, 8, 31, 16, 30, 0, 0, time.UTC)))
	q4 := evaluation.Quarter(2026, 4)
	assert.True(t, q4.Contains(at(12, 31, 23, 0)))
	assert.False(t, q4.Contains(at(9, 30, 23, 0)))
	assert.True(t, evaluation.Quarter(2026, 5).IsZero())
	assert.True(t, evaluation.Period{}.Contains(time.Time{}))
}
