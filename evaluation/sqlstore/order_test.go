package sqlstore_test

import (
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/sqlstore"
	"github.com/onething-gov/onething/standards/division"
)

// Listings agree with MemoryStore's, the reference, record for record:
// times apart by a nanosecond or equal to it, period bounds to the
// nanosecond, divisions at every level, across pages.
func TestListingsAgreeWithMemoryStore(t *testing.T) {
	base := at(5, 6, 9, 30)
	// Where the reviews were given, and by whom.
	places := []struct {
		d division.Code
		u int
	}{
		{"370116", 1}, // 莱芜区
		{"370117", 1}, // 钢城区
		{"370171", 0}, // 济南高新区, a zone
		{"370100", 0}, // 济南市 itself
		{"370202", 2}, // 青岛市市南区
		{"370000", 0}, // 山东省 itself
	}
	units := []struct{ name, code, div string }{
		{jinanHR.Name, string(jinanHR.CreditCode), "370100"},
		{laiwuHR.Name, string(laiwuHR.CreditCode), "370116"},
		{qingdaoHR.Name, string(qingdaoHR.CreditCode), "370200"},
	}
	var reviews []*evaluation.Review
	for i := range 48 {
		// Groups of four share a second; within it, two share the
		// nanosecond and two are a nanosecond and a microsecond later.
		t := base.Add(time.Duration(i/4) * time.Second)
		switch i % 4 {
		case 2:
			t = t.Add(time.Nanosecond)
		case 3:
			t = t.Add(time.Microsecond)
		}
		p := places[i%len(places)]
		u := units[p.u]
		reviews = append(reviews, windowReview(unit(u.code, u.name, u.div), p.d, t))
	}
	second := base.Add(3 * time.Second)
	filters := []struct {
		f evaluation.ReviewFilter
		n int // records listed
	}{
		{evaluation.ReviewFilter{}, 48},
		{evaluation.ReviewFilter{Period: evaluation.Period{From: second.Add(time.Nanosecond)}}, 48 - 12 - 2},
		{evaluation.ReviewFilter{Period: evaluation.Period{To: second.Add(time.Nanosecond)}}, 12 + 2},
		{evaluation.ReviewFilter{Period: evaluation.Period{From: second, To: second.Add(time.Microsecond)}}, 3},
		{evaluation.ReviewFilter{Division: "370000"}, 48},
		{evaluation.ReviewFilter{Division: "370100"}, 32},
		{evaluation.ReviewFilter{Division: "370116"}, 8},
		{evaluation.ReviewFilter{Division: "370171"}, 8},
		{evaluation.ReviewFilter{Division: "370200"}, 8},
		{evaluation.ReviewFilter{Division: "371700"}, 0},
		{evaluation.ReviewFilter{Division: "3701"}, 0},
		{evaluation.ReviewFilter{Division: "000000"}, 0},
		{evaluation.ReviewFilter{Unit: laiwuHR.CreditCode}, 16},
		{evaluation.ReviewFilter{Unit: jinanHR.CreditCode, Division: "370100"}, 16},
		{evaluation.ReviewFilter{Application: reviews[5].Application}, 1},
	}
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := t.Context()
			s := b.newStore(t)
			sqlstore.SetPageSize(s, 5)
			m := evaluation.NewMemoryStore()
			for _, r := range reviews {
				_, err := s.AddReview(ctx, r)
				require.NoError(t, err)
				_, err = m.AddReview(ctx, r)
				require.NoError(t, err)
			}
			for _, tc := range filters {
				want, err := ids(m.ListReviews(ctx, tc.f))
				require.NoError(t, err)
				require.Len(t, want, tc.n, "MemoryStore, filter %+v", tc.f)
				got, err := ids(s.ListReviews(ctx, tc.f))
				require.NoError(t, err)
				assert.Equal(t, want, got, "filter %+v", tc.f)
			}
		})
	}
}

func ids(seq iter.Seq2[*evaluation.Review, error]) ([]uuid.UUID, error) {
	var out []uuid.UUID
	for r, err := range seq {
		if err != nil {
			return out, fmt.Errorf("listing: %w", err)
		}
		out = append(out, r.ID)
	}
	return out, nil
}
