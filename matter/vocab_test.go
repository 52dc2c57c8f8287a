package matter_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
)

func TestDateJSON(t *testing.T) {
	var v struct {
		D matter.Date `json:"d"`
		Z matter.Date `json:"z,omitzero"`
	}
	require.NoError(t, json.Unmarshal([]byte(`{"d":"2026-02-14"}`), &v))
	assert.Equal(t, "2026-02-14", v.D.String())
	assert.Equal(t, time.Date(2026, 2, 14, 0, 0, 0, 0, matter.CST), v.D.Time())
	out, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2026-02-14"}`, string(out))

	for _, bad := range []string{`{"d":"2025-02-29"}`, `{"d":"2026-13-01"}`, `{"d":20260214}`, `{"d":"14/02/2026"}`} {
		err := json.Unmarshal([]byte(bad), &v)
		assert.ErrorIs(t, err, matter.ErrInvalid, bad)
	}
	// A time late in the UTC day is already the next day in China.
	assert.Equal(t, "2026-01-05", matter.NewDate(time.Date(2026, 1, 4, 17, 0, 0, 0, time.UTC)).String())
}

func TestDepthJSON(t *testing.T) {
	var d matter.Depth
	require.NoError(t, json.Unmarshal([]byte(`[6,1,2,4,5]`), &d))
	assert.True(t, d.FullyOnline())
	assert.False(t, d.Has(matter.OnlinePreReview))
	out, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, `[1,2,4,5,6]`, string(out))

	require.NoError(t, json.Unmarshal([]byte(`[1,2,3]`), &d))
	assert.False(t, d.FullyOnline())
	for _, bad := range []string{`[0]`, `[8]`, `[1,1]`, `"1"`, `{}`} {
		assert.ErrorIs(t, json.Unmarshal([]byte(bad), &d), matter.ErrInvalid, bad)
	}
	zh, en := matter.OnlineAcceptance.Names()
	assert.Equal(t, "互联网受理", zh)
	assert.Equal(t, "online acceptance", en)
}

func TestVocabulary(t *testing.T) {
	var ch matter.Channel
	require.NoError(t, json.Unmarshal([]byte(`"mini_program"`), &ch))
	assert.True(t, ch.Online())
	assert.ErrorIs(t, json.Unmarshal([]byte(`"fax"`), &ch), matter.ErrInvalid)
	assert.Len(t, matter.Channels(), 8)

	var cat matter.Category
	require.NoError(t, json.Unmarshal([]byte(`"complaint"`), &cat))
	zh, _ := cat.Names()
	assert.Equal(t, "投诉", zh)
	assert.ErrorIs(t, json.Unmarshal([]byte(`"praise"`), &cat), matter.ErrInvalid)
	assert.Len(t, matter.Categories(), 5)

	assert.Equal(t, "行政确认", matter.Confirmation.String())
	assert.Equal(t, "Kind(11)", matter.Kind(11).String())
	assert.True(t, matter.PublicService.Valid())
}
