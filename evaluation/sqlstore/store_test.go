package sqlstore_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/evaluationtest"
	"github.com/onething-gov/onething/evaluation/sqlstore"
)

// TestStore runs the conformance kit on every backend, with the listing's
// page as in production and with pages of two rows, so that listings
// cross page boundaries.
func TestStore(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			evaluationtest.Run(t, func(t *testing.T) evaluation.Store { return b.newStore(t) })
		})
		t.Run(b.name+"/paged", func(t *testing.T) {
			evaluationtest.Run(t, func(t *testing.T) evaluation.Store {
				s := b.newStore(t)
				sqlstore.SetPageSize(s, 2)
				return s
			})
		})
	}
}

// TestStoreOneStore runs every case of the kit on one store, as a
// deployment's health check would.
func TestStoreOneStore(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			require.NoError(t, evaluationtest.TestStore(t.Context(), b.newStore(t)))
		})
	}
}
