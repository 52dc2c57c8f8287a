package routing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
)

func TestMemoize(t *testing.T) {
	cat, err := demo()
	require.NoError(t, err)
	memo := routing.Memoize(cat)

	a, err := memo.Resolve(mUnemploymentRegister, "370116")
	require.NoError(t, err)
	b, err := memo.Resolve(mUnemploymentRegister, "370116")
	require.NoError(t, err)
	assert.Same(t, a, b, "resolved once, then shared")
	direct, err := cat.Resolve(mUnemploymentRegister, "370116")
	require.NoError(t, err)
	assert.Equal(t, direct, a)

	_, err = memo.Resolve("370099999000", "370116")
	assert.ErrorIs(t, err, matter.ErrNotFound)

	// A router over the memoized catalog decides exactly as over the catalog.
	agr, err := demoAgreements()
	require.NoError(t, err)
	plain, err := routing.NewRouter(cat, agr, nil)
	require.NoError(t, err)
	shared, err := routing.NewRouter(memo, agr, nil)
	require.NoError(t, err)
	for _, q := range benchRequests() {
		want, err1 := plain.Route(context.Background(), q)
		got, err2 := shared.Route(context.Background(), q)
		require.NoError(t, err1)
		require.NoError(t, err2)
		assert.Equal(t, want.String(), got.String())
	}
}
