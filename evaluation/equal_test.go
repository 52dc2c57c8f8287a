package evaluation_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
)

func TestEqualIgnoresZoneVersionAndEmptiness(t *testing.T) {
	r := windowReview(evaluation.Satisfied, servedNational, at(10, 8, 9, 0))
	c := r.Clone()
	c.Version = 9
	c.ServedAt, c.RatedAt = c.ServedAt.UTC(), c.RatedAt.UTC()
	assert.True(t, r.Equal(c), "zone and version ignored")
	r.Reasons, c.Reasons = nil, []string{}
	assert.True(t, r.Equal(c), "nil and empty slices alike")
	c.Scores = map[evaluation.Indicator]evaluation.Rating{}
	r.Scores = nil
	assert.True(t, r.Equal(c), "nil and empty maps alike")
	c.RatedAt = c.RatedAt.Add(time.Second)
	assert.False(t, r.Equal(c))
	c = r.Clone()
	c.Reviewer.Name = "李四"
	assert.False(t, r.Equal(c), "the reviewer counts")
	c = r.Clone()
	c.Reviewer = nil
	assert.False(t, r.Equal(c))
	var none *evaluation.Review
	assert.True(t, none.Equal(nil))
	assert.False(t, r.Equal(nil))
}

func TestWorkOrderJSONRoundTrip(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(9, 30, 9, 10))
	require.NoError(t, w.Dispatch(cfg, at(9, 30, 10, 0), "12345-0871", laiwuHR))
	require.NoError(t, w.Extend(cfg, at(10, 8, 9, 0), 2, "分管领导", "需调档"))
	b, err := json.Marshal(w)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"line":"12345"`, "the intake fields sit at the top level")
	assert.Contains(t, string(b), `"due":"2026-10-15"`)
	var back evaluation.WorkOrder
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, w.Equal(&back), "%s", b)

	c, err := evaluation.NewCase(cfg, windowReview(evaluation.Dissatisfied, at(3, 2, 9, 0), at(3, 2, 10, 0)), at(3, 2, 11, 0), "LW")
	require.NoError(t, err)
	b, err = json.Marshal(c)
	require.NoError(t, err)
	var cb evaluation.Case
	require.NoError(t, json.Unmarshal(b, &cb))
	assert.True(t, c.Equal(&cb), "%s", b)
}
