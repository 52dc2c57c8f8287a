package sqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/onething-gov/onething/evaluation"
)

// benchStores returns the stores to compare: MemoryStore, the baseline,
// then the SQL backends.
func benchStores(b *testing.B) []struct {
	name string
	s    evaluation.Store
} {
	out := []struct {
		name string
		s    evaluation.Store
	}{{"memory", evaluation.NewMemoryStore()}}
	for _, be := range backends() {
		out = append(out, struct {
			name string
			s    evaluation.Store
		}{be.name, be.newStore(b)})
	}
	return out
}

// BenchmarkAddReview adds new reviews one by one, each acknowledged: on
// SQLite every add is a commit synced to disk (synchronous FULL).
func BenchmarkAddReview(b *testing.B) {
	ctx := context.Background()
	for _, s := range benchStores(b) {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			t := at(5, 6, 9, 0)
			for b.Loop() {
				t = t.Add(time.Second)
				if _, err := s.s.AddReview(ctx, windowReview(laiwuHR, "370116", t)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkListReviews lists a month of 1000 reviews, half of them of the
// unit whose reviews a second listing selects.
func BenchmarkListReviews(b *testing.B) {
	ctx := context.Background()
	const n = 1000
	month := evaluation.Month(2026, 5)
	for _, s := range benchStores(b) {
		t := month.From
		for i := range n {
			t = t.Add(40 * time.Minute)
			u := laiwuHR
			if i%2 == 1 {
				u = qingdaoHR
			}
			if _, err := s.s.AddReview(ctx, windowReview(u, u.Division, t)); err != nil {
				b.Fatal(err)
			}
		}
		for _, f := range []struct {
			name   string
			filter evaluation.ReviewFilter
			want   int
		}{
			{"month", evaluation.ReviewFilter{Period: month}, n},
			{"unit", evaluation.ReviewFilter{Period: month, Unit: laiwuHR.CreditCode}, n / 2},
		} {
			b.Run(s.name+"/"+f.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					got := 0
					for _, err := range s.s.ListReviews(ctx, f.filter) {
						if err != nil {
							b.Fatal(err)
						}
						got++
					}
					if got != f.want {
						b.Fatalf("listed %d reviews, want %d", got, f.want)
					}
				}
			})
		}
	}
}
