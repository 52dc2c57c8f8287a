package evaluation_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
)

// FuzzParseThresholds: any input is either refused with an error or gives
// a valid rule set that survives a round trip through JSON.
func FuzzParseThresholds(f *testing.F) {
	seed, err := os.ReadFile("testdata/thresholds.json")
	require.NoError(f, err)
	f.Add(seed)
	def, err := json.Marshal(evaluation.DefaultThresholds())
	require.NoError(f, err)
	f.Add(def)
	f.Add([]byte(`{"rules":[{"id":"x","when":"rate_below","metric":"good_rate","limit":"1e3","action":"notice"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		th, err := evaluation.ParseThresholds(data)
		if err != nil {
			require.ErrorIs(t, err, evaluation.ErrInvalid)
			return
		}
		require.NoError(t, th.Validate())
		b, err := json.Marshal(th)
		require.NoError(t, err)
		back, err := evaluation.ParseThresholds(b)
		require.NoError(t, err)
		require.Equal(t, len(th.Rules), len(back.Rules))
		for i := range th.Rules {
			require.True(t, th.Rules[i].Limit.Equal(back.Rules[i].Limit))
		}
	})
}

func TestThresholdsFile(t *testing.T) {
	data, err := os.ReadFile("testdata/thresholds.json")
	require.NoError(t, err)
	th, err := evaluation.ParseThresholds(data)
	require.NoError(t, err)
	acts, err := evaluation.Evaluate(th, unitCards(t, evaluation.Month(2026, 10)), nil)
	require.NoError(t, err)
	// Hand-made October: B's 满意率 and 解决率 (81.82%) and its complaints as
	// by default; A's 按时办结率 60.00% is over 5 orders, under min_base 20;
	// the 差评率s (33.33%, 25.00%) are over fewer than 50 reviews.
	require.Len(t, acts, 3)
}
