package creditcode_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards/creditcode"
)

// FuzzParse checks the warning contract: a non-zero Code comes with no error
// or with exactly the warnings its characters explain, a zero Code with a
// hard error, and valid codes round-trip.
func FuzzParse(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := creditcode.Parse(s)
		if c.IsZero() {
			require.Error(t, err)
			assert.ErrorIs(t, err, creditcode.ErrInvalid)
			assert.NotErrorIs(t, err, creditcode.ErrChecksum, "hard failure carries a warning")
			assert.NotErrorIs(t, err, creditcode.ErrUnknownKind, "hard failure carries a warning")
			return
		}
		require.Len(t, c.String(), 18)
		require.True(t, utf8.ValidString(c.String()))
		check, cerr := creditcode.CheckChar(c.String()[:17])
		require.NoError(t, cerr)
		_, known := c.Describe()
		if err != nil {
			assert.ErrorIs(t, err, creditcode.ErrInvalid)
		}
		assert.Equal(t, check != c.String()[17], errors.Is(err, creditcode.ErrChecksum), "ErrChecksum iff the 18th character is wrong: %v", err)
		assert.Equal(t, !known, errors.Is(err, creditcode.ErrUnknownKind), "ErrUnknownKind iff the pair is unknown: %v", err)

		again, err2 := creditcode.Parse(c.String())
		assert.Equal(t, c, again, "round trip")
		assert.Equal(t, err == nil, err2 == nil, "round trip error")
		lower, _ := creditcode.Parse(strings.ToLower(c.String()))
		assert.Equal(t, c, lower, "lower case")
	})
}
