package division_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards/division"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want division.Code
		err  bool
	}{
		{"county", "370116", "370116", false},
		{"spaces", "  370116\t", "370116", false},
		{"full-width digits", "３７０１１６", "370116", false},
		{"full-width space", "\u3000110105", "110105", false},
		{"province", "370000", "370000", false},
		{"hong kong", "810000", "810000", false},
		{"retired city", "371200", "371200", false},
		{"code not in table but real province", "370199", "370199", false},
		{"empty", "", "", true},
		{"five digits", "37011", "", true},
		{"seven digits", "3701160", "", true},
		{"letter", "37011X", "", true},
		{"no such province", "990000", "", true},
		{"province 00", "000000", "", true},
		{"sign", "-37011", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := division.Parse(tt.in)
			if tt.err {
				require.Error(t, err)
				assert.True(t, errors.Is(err, division.ErrInvalid), "error %v does not wrap ErrInvalid", err)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
