package dispatch_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/onething-gov/onething/routing/dispatch"
)

// TestHeldOutSplit checks the split against FNV-1a values computed
// independently, and that about 30% of many IDs are held out.
func TestHeldOutSplit(t *testing.T) {
	assert.True(t, dispatch.HeldOut("GD202601050002"))  // FNV-1a 1046265102, 2 mod 10
	assert.False(t, dispatch.HeldOut("GD202601050001")) // 1029487483, 3 mod 10
	assert.True(t, dispatch.HeldOut("GD202601060003"))  // 770740120, 0 mod 10
	assert.True(t, dispatch.HeldOut(""))                // the offset basis 2166136261, 1 mod 10
	var orders []dispatch.Labeled
	for i := range 10000 {
		orders = append(orders, dispatch.Labeled{Order: dispatch.Order{ID: fmt.Sprintf("X%05d", i)}})
	}
	tuning, held := dispatch.Split(orders)
	assert.Len(t, tuning, len(orders)-len(held))
	assert.InDelta(t, 0.3, float64(len(held))/float64(len(orders)), 0.02)
	for _, o := range held {
		assert.True(t, dispatch.HeldOut(o.ID))
	}
	for _, o := range tuning {
		assert.False(t, dispatch.HeldOut(o.ID))
	}
}

func TestRatio(t *testing.T) {
	cases := []struct {
		r       dispatch.Ratio
		percent string
		atLeast bool // ≥ 85%
	}{
		{dispatch.Ratio{Num: 15, Den: 16}, "93.75%", true},
		{dispatch.Ratio{Num: 17, Den: 20}, "85.00%", true},
		{dispatch.Ratio{Num: 84, Den: 99}, "84.85%", false},
		{dispatch.Ratio{Num: 1, Den: 3}, "33.33%", false},
		{dispatch.Ratio{Num: 2, Den: 3}, "66.67%", false},    // 66.666… rounds up
		{dispatch.Ratio{Num: 1, Den: 8}, "12.50%", false},    // exact
		{dispatch.Ratio{Num: 1, Den: 80000}, "0.00%", false}, // 0.00125 rounds down
		{dispatch.Ratio{Num: 1, Den: 20000}, "0.01%", false}, // 0.005 rounds half up
		{dispatch.Ratio{}, "n/a", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.percent, c.r.Percent(), "%d/%d", c.r.Num, c.r.Den)
		assert.Equal(t, c.atLeast, c.r.AtLeast(85, 100), "%d/%d", c.r.Num, c.r.Den)
	}
	assert.Equal(t, "93.75% (15/16)", dispatch.Ratio{Num: 15, Den: 16}.String())
}
