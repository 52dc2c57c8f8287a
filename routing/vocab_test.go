package routing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/routing"
)

func TestVocabulary(t *testing.T) {
	for _, m := range routing.Modes() {
		zh, en := m.Names()
		assert.NotEmpty(t, zh, m)
		assert.NotEmpty(t, en, m)
		b, err := m.MarshalText()
		require.NoError(t, err)
		var back routing.Mode
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back)
	}
	var m routing.Mode
	assert.ErrorIs(t, m.UnmarshalText([]byte("teleport")), routing.ErrInvalid)
	_, err := routing.Mode(9).MarshalText()
	assert.ErrorIs(t, err, routing.ErrInvalid)
	assert.Equal(t, "Mode(9)", routing.Mode(9).String())

	for b := routing.BasisDomicile; b <= routing.BasisBenefitPlace; b++ {
		zh, en := b.Names()
		assert.NotEmpty(t, zh, b)
		assert.NotEmpty(t, en, b)
		text, err := b.MarshalText()
		require.NoError(t, err)
		var back routing.Basis
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, b, back)
	}
	var b routing.Basis
	assert.ErrorIs(t, b.UnmarshalText([]byte("birthplace")), routing.ErrInvalid)
	assert.False(t, routing.Basis(0).Valid())

	for r := routing.NoAgreement; r <= routing.MatterNotInForce; r++ {
		zh, en := r.Names()
		assert.NotEmpty(t, zh, r)
		assert.NotEmpty(t, en, r)
		assert.NotContains(t, r.String(), "Reason(")
	}
	for task := routing.IdentityCheck; task <= routing.DeliverResult; task++ {
		zh, en := task.Names()
		assert.NotEmpty(t, zh, task)
		assert.NotEmpty(t, en, task)
	}
	for _, c := range []routing.Cargo{routing.Materials, routing.Originals, routing.Part, routing.Result} {
		zh, en := c.Names()
		assert.NotEmpty(t, zh)
		assert.NotEmpty(t, en)
	}
	for _, r := range []routing.Role{routing.RoleApplicant, routing.RoleReceiving, routing.RoleDeciding} {
		zh, en := r.Names()
		assert.NotEmpty(t, zh)
		assert.NotEmpty(t, en)
	}
}
