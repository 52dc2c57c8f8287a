package sqlstore_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// A value the store could not give back is refused, not stored: a row
// that cannot be read would break every listing that reaches it.
func TestRefusesWhatCannotBeReadBack(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := t.Context()
		s := b.newStore(t)

		bad := registration("370000000005")
		bad.Body.CreditCode = "11370100003023179X" // wrong check character
		bad.ImplementationCode = ""
		require.NoError(t, bad.Validate(), "fixture: Validate does not check the credit code's checksum")
		_, err := s.PutMatter(ctx, bad, 0)
		assert.ErrorIs(t, err, matter.ErrInvalid)

		nul := registration("370000000006")
		nul.Name = "职工参保\x00登记"
		_, err = s.PutMatter(ctx, nul, 0)
		assert.ErrorIs(t, err, matter.ErrInvalid)

		_, err = s.GetMatter(ctx, bad.Code)
		assert.ErrorIs(t, err, matter.ErrNotFound)
		_, err = s.GetMatter(ctx, nul.Code)
		assert.ErrorIs(t, err, matter.ErrNotFound)

		o := &matter.Overlay{Matter: "370000000007", Division: "370116", ImplementationCode: "\x00"}
		_, err = s.PutOverlay(ctx, o, 0)
		assert.ErrorIs(t, err, matter.ErrInvalid)
	})
}

// A repeated create is compared in the form the store returns, so a value
// the JSON codec normalises (a credit code in lower case) still equals
// itself.
func TestCreateApplicationAgainWithNormalisedValues(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := t.Context()
		s := b.newStore(t)
		a := application("370000000008", at(9, 30))
		a.Parts[0].Office = jinanHRSS
		a.Parts[0].Office.CreditCode = creditcode.Code("11370100003023179j")
		v, err := s.CreateApplication(ctx, a)
		require.NoError(t, err)
		assert.Equal(t, 1, v)
		v, err = s.CreateApplication(ctx, a)
		require.NoError(t, err, "the same application again")
		assert.Equal(t, 1, v)
		got, err := s.GetApplication(ctx, a.ID)
		require.NoError(t, err)
		assert.Equal(t, creditcode.Code("11370100003023179J"), got.Parts[0].Office.CreditCode)
	})
}
