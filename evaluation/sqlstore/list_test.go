package sqlstore_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/sqlstore"
)

// A listing holds no connection while its loop body runs: with a pool of
// one connection, the body still writes, across pages.
func TestWriteInListingOneConnection(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := t.Context()
			db, _ := b.open(t)
			db.SetMaxOpenConns(1)
			s, err := sqlstore.New(ctx, db, b.dialect)
			require.NoError(t, err)
			sqlstore.SetPageSize(s, 2)
			var want []*evaluation.Review
			for i := range 5 {
				r := windowReview(laiwuHR, "370116", at(5, 6, 9, i))
				_, err := s.AddReview(ctx, r)
				require.NoError(t, err)
				want = append(want, r)
			}
			f := evaluation.ReviewFilter{Unit: laiwuHR.CreditCode, Period: evaluation.Month(2026, 5)}
			done := make(chan int)
			go func() {
				n := 0
				for r, err := range s.ListReviews(ctx, f) {
					if !assert.NoError(t, err) {
						break
					}
					r.Comment = "已回访"
					_, err := s.UpdateReview(ctx, r, r.Version)
					assert.NoError(t, err)
					n++
				}
				done <- n
			}()
			select {
			case n := <-done:
				assert.Equal(t, len(want), n)
			case <-time.After(10 * time.Second):
				t.Fatal("a listing whose body writes did not finish: deadlock on the one connection?")
			}
			for _, r := range want {
				got, err := s.GetReview(ctx, r.ID)
				require.NoError(t, err)
				assert.Equal(t, "已回访", got.Comment)
				assert.Equal(t, 2, got.Version)
			}
		})
	}
}
