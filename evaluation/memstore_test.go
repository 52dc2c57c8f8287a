package evaluation_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/evaluationtest"
)

func TestMemoryStore(t *testing.T) {
	evaluationtest.Run(t, func(*testing.T) evaluation.Store { return evaluation.NewMemoryStore() })
}

// TestMemoryStoreShared runs every case against one store, as a deployment
// would: the cases must not collide.
func TestMemoryStoreShared(t *testing.T) {
	s := evaluation.NewMemoryStore()
	require.NoError(t, evaluationtest.TestStore(t.Context(), s))
	require.NoError(t, evaluationtest.TestStore(t.Context(), s), "a second run on the same store")
}
