package evaluation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
)

// TestGeneratedDataIsValid checks the generator: every review passes
// Validate with the default rules, every application its own checks, and
// the volumes are those of a province's month.
func TestGeneratedDataIsValid(t *testing.T) {
	d := genMonths(t, 1, time.September, time.October)
	require.Len(t, d.units, 48)
	for _, r := range d.reviews {
		require.NoError(t, r.Validate(evaluation.DefaultConfig()), "review %s", r.ID)
	}
	for _, a := range d.apps {
		require.NoError(t, a.Validate(), "application %s", a.ID)
	}
	t.Logf("%d applications, %d reviews, %d cases, %d work orders", len(d.apps), len(d.reviews), len(d.cases), len(d.orders))
	assert.Greater(t, len(d.reviews), 3000)
	again := genMonths(t, 1, time.September, time.October)
	require.Equal(t, len(d.reviews), len(again.reviews))
	for i := range d.reviews {
		require.True(t, d.reviews[i].Equal(again.reviews[i]), "deterministic")
	}
}
