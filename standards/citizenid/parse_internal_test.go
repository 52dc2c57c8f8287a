package citizenid

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestParseToday checks that "today" is the calendar day in China (UTC+8),
// whatever the location of now.
func TestParseToday(t *testing.T) {
	const (
		born1March = "370102202603010011" // born 2026-03-01
		born2March = "370102202603020017" // born 2026-03-02
	)
	tests := []struct {
		name string
		id   string
		now  time.Time
		ok   bool
	}{
		{"born today", born1March, time.Date(2026, 3, 1, 0, 0, 0, 0, cst), true},
		{"born tomorrow", born2March, time.Date(2026, 3, 1, 23, 59, 59, 0, cst), false},
		{"UTC still 28 Feb but China is 1 Mar", born1March, time.Date(2026, 2, 28, 16, 0, 0, 0, time.UTC), true},
		{"UTC 28 Feb, China still 28 Feb", born1March, time.Date(2026, 2, 28, 15, 59, 59, 0, time.UTC), false},
		{"long ago", born1March, time.Date(2026, 3, 2, 0, 0, 0, 0, cst), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := parse(tt.id, tt.now)
			if tt.ok {
				assert.NoError(t, err)
				assert.Equal(t, tt.id, id.String())
				return
			}
			assert.ErrorIs(t, err, ErrInvalid)
			assert.ErrorContains(t, err, "in the future")
		})
	}
}

func TestMaskInput(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"12345678", "********"},
		{"123456789", "********9"},
		{"1234567890", "1********0"},
		{"370102900307123", "3701********123"},
		{"37010219900307123", "37010********7123"},
		{"370102199003071238", "370102********1238"},
		{"3701021990030712380", "370102*********2380"},
		{"3701021990中3071238", "370102********1238"},
		{"370102" + string(make([]byte, 40)) + "1238", "370102****************…1238"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, maskInput(tt.in), "%q", tt.in)
	}
}
