package sqlstore_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/sqlstore"
)

// Two stores on separate connection pools stand for two server
// processes: the database, not a lock in the process, decides between
// their writers.
func TestCrossConnectionConflict(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := t.Context()
			dbA, reopen := b.open(t)
			a, err := sqlstore.New(ctx, dbA, b.dialect)
			require.NoError(t, err)
			other, err := sqlstore.New(ctx, reopen(), b.dialect)
			require.NoError(t, err)
			stores := []*sqlstore.Store{a, other}

			r := windowReview(laiwuHR, "370116", at(5, 6, 9, 30))
			_, err = other.UpdateReview(ctx, r, 1)
			assert.ErrorIs(t, err, evaluation.ErrNotFound, "update before the add")
			_, err = a.AddReview(ctx, r)
			require.NoError(t, err)
			v, err := other.AddReview(ctx, r.Clone())
			require.NoError(t, err, "the same record from the other process")
			assert.Equal(t, 1, v)

			const writers = 10
			errs := make([]error, writers)
			var wg sync.WaitGroup
			for i := range writers {
				w := r.Clone()
				w.Comment = "writer " + string(rune('0'+i))
				wg.Go(func() { _, errs[i] = stores[i%2].UpdateReview(ctx, w, 1) })
			}
			wg.Wait()
			won := 0
			for _, err := range errs {
				switch {
				case err == nil:
					won++
				case !errors.Is(err, evaluation.ErrConflict):
					t.Errorf("a losing writer: %v, want ErrConflict", err)
				}
			}
			assert.Equal(t, 1, won, "writers that succeeded")

			got := make([]*evaluation.Review, 2)
			for i, s := range stores {
				got[i], err = s.GetReview(ctx, r.ID)
				require.NoError(t, err)
				assert.Equal(t, 2, got[i].Version)
			}
			assert.True(t, got[0].Equal(got[1]))
		})
	}
}
