package evaluation_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
)

func TestIncidentCheck(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	occurred := at(7, 14, 9, 5)
	tests := []struct {
		name                 string
		phone, written, asOf time.Time
		phoneLate            time.Duration // 0: in time
		writtenLate          time.Duration
	}{
		{"both in time", occurred.Add(40 * time.Minute), occurred.Add(70 * time.Minute), occurred.Add(2 * time.Hour), 0, 0},
		{"phone 15 minutes late, written in time after it", occurred.Add(55 * time.Minute), occurred.Add(80 * time.Minute), occurred.Add(2 * time.Hour), 15 * time.Minute, 0},
		{"written 1 hour after the phone", occurred.Add(20 * time.Minute), occurred.Add(80 * time.Minute), occurred.Add(2 * time.Hour), 0, 30 * time.Minute},
		{"nothing yet, 30 minutes on", time.Time{}, time.Time{}, occurred.Add(30 * time.Minute), 0, 0},
		{"nothing yet, 2 hours on", time.Time{}, time.Time{}, occurred.Add(2 * time.Hour), 80 * time.Minute, 50 * time.Minute},
		{"phoned, written missing", occurred.Add(10 * time.Minute), time.Time{}, occurred.Add(45 * time.Minute), 0, 5 * time.Minute},
	}
	for _, tc := range tests {
		i := &evaluation.Incident{ID: newID(), Title: "莱芜区政务服务中心系统宕机", Division: "370116", Unit: laiwuHR,
			OccurredAt: occurred, PhoneAt: tc.phone, WrittenAt: tc.written}
		require.NoError(t, i.Validate(), tc.name)
		c := i.Check(cfg, tc.asOf)
		assert.Equal(t, tc.phoneLate != 0, c.Phone.Late, tc.name)
		assert.Equal(t, tc.phoneLate, c.Phone.By, tc.name)
		assert.Equal(t, tc.writtenLate != 0, c.Written.Late, tc.name)
		assert.Equal(t, tc.writtenLate, c.Written.By, tc.name)
		assert.Equal(t, tc.phoneLate != 0 || tc.writtenLate != 0, c.Late(), tc.name)
		assert.Equal(t, occurred.Add(40*time.Minute), c.Phone.Due, tc.name)
	}
	cfg.Incident.Phone = time.Hour
	i := &evaluation.Incident{OccurredAt: occurred, PhoneAt: occurred.Add(55 * time.Minute)}
	assert.False(t, i.Check(cfg, occurred.Add(time.Hour)).Phone.Late, "limits are configurable")
}

func TestIncidentValidate(t *testing.T) {
	occurred := at(7, 14, 9, 5)
	i := &evaluation.Incident{OccurredAt: occurred, PhoneAt: occurred.Add(-time.Minute), Division: "3701"}
	var ve *evaluation.ValidationError
	require.ErrorAs(t, i.Validate(), &ve)
	for _, rule := range []string{"required", "division", "report-order"} {
		assert.True(t, ve.Has(rule), rule)
	}
	j := &evaluation.Incident{ID: newID(), Title: "t", Division: "370116", Unit: laiwuHR, OccurredAt: occurred, WrittenAt: occurred.Add(time.Hour)}
	require.ErrorAs(t, j.Validate(), &ve)
	assert.True(t, ve.Has("report-order"), "written without phone")
}
