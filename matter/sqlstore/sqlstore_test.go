package sqlstore_test

import (
	"testing"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/mattertest"
	"github.com/onething-gov/onething/matter/sqlstore"
)

// Store passes every rule of matter.Store, each on a fresh database.
func TestConformance(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		mattertest.Run(t, func(t *testing.T) matter.Store { return b.newStore(t) })
	})
}

// With pages of two rows, every listing of the kit crosses page
// boundaries.
func TestConformanceSmallPages(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		mattertest.Run(t, func(t *testing.T) matter.Store {
			s := b.newStore(t)
			sqlstore.SetPageSize(s, 2)
			return s
		})
	})
}

// All the rules hold on one store that keeps every case's data, as on a
// deployment's database.
func TestConformanceOneStore(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		s := b.newStore(t)
		if err := mattertest.TestStore(t.Context(), s); err != nil {
			t.Error(err)
		}
	})
}

// With a pool of one connection, listings still leave the store usable
// inside their loops: they hold no connection while they yield.
func TestConformanceOneConnection(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		mattertest.Run(t, func(t *testing.T) matter.Store {
			db := b.open(t, b.fresh(t))
			db.SetMaxOpenConns(1)
			s, err := sqlstore.New(t.Context(), db, b.dialect)
			if err != nil {
				t.Fatal(err)
			}
			sqlstore.SetPageSize(s, 2)
			return s
		})
	})
}
