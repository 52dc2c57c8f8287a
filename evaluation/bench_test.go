package evaluation_test

import (
	"database/sql"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/onething-gov/onething/evaluation"
)

// BenchmarkAggregate aggregates a million reviews of the 48 units by unit,
// with the Aggregator and, as the baseline, with SQLite (modernc.org/sqlite,
// in memory, the rows behind a covering index) running the equivalent
// GROUP BY over the same rows. The reviews are a generated October cycled
// to length, so that the listing costs nothing per review.
//
// Metrics: reviews/s; heap-B, the heap the aggregator holds after
// aggregating (it does not grow with the number of reviews: compare 100k
// and 1M); from -benchmem, the bytes allocated per aggregation, the peak
// it can use; and on the SQLite line, aggregator-speedup, the aggregator's
// rate over SQLite's in the same run.
//
//	go test -run='^$' -bench=Aggregate -benchmem ./evaluation/
func BenchmarkAggregate(b *testing.B) {
	const n = 1_000_000
	pool := reviewPool(b)
	oct := evaluation.Month(2026, time.October)
	db := sqliteReviews(b, pool, n)
	defer db.Close()
	want := aggregateOnce(b, pool, n, oct)
	checkSQLite(b, db, oct, want)

	perSecond := map[string]float64{}
	for _, size := range []int{100_000, n} {
		name := fmt.Sprintf("aggregator/%dk", size/1000)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a, err := evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
				require.NoError(b, err)
				require.NoError(b, a.AddAll(cycle(pool, size)))
			}
			rate := float64(size) * float64(b.N) / b.Elapsed().Seconds()
			perSecond[name] = rate
			b.ReportMetric(rate, "reviews/s")
			b.ReportMetric(float64(heldHeap(b, pool, size, oct)), "heap-B")
		})
	}
	b.Run("sqlite/1000k", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sqliteGroupBy(b, db, oct)
		}
		rate := float64(n) * float64(b.N) / b.Elapsed().Seconds()
		b.ReportMetric(rate, "reviews/s")
		if agg := perSecond["aggregator/1000k"]; agg > 0 {
			b.ReportMetric(agg/rate, "aggregator-speedup")
		}
	})
}

// heldHeap returns the heap an aggregator holds once it has aggregated n
// reviews: live heap after, less live heap before, both after a GC.
func heldHeap(b *testing.B, pool []*evaluation.Review, n int, p evaluation.Period) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	a, err := evaluation.NewAggregator(evaluation.ByUnit, p, time.Time{})
	require.NoError(b, err)
	require.NoError(b, a.AddAll(cycle(pool, n)))
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(a)
	return after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)
}

// aggregateOnce returns the unit cards of n cycled reviews.
func aggregateOnce(b *testing.B, pool []*evaluation.Review, n int, p evaluation.Period) map[string]evaluation.Counts {
	a, err := evaluation.NewAggregator(evaluation.ByUnit, p, time.Time{})
	require.NoError(b, err)
	require.NoError(b, a.AddAll(cycle(pool, n)))
	out := map[string]evaluation.Counts{}
	for _, c := range a.Scorecards() {
		out[c.Group.Code] = c.Counts
	}
	return out
}

// sqliteReviews loads the same n reviews into an in-memory SQLite table.
func sqliteReviews(b *testing.B, pool []*evaluation.Review, n int) *sql.DB {
	db, err := sql.Open("sqlite", ":memory:")
	require.NoError(b, err)
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`CREATE TABLE reviews (
		id INTEGER PRIMARY KEY, unit TEXT NOT NULL, rating INTEGER NOT NULL, rated_at INTEGER NOT NULL,
		event INTEGER NOT NULL, excluded INTEGER NOT NULL)`)
	require.NoError(b, err)
	tx, err := db.Begin()
	require.NoError(b, err)
	stmt, err := tx.Prepare(`INSERT INTO reviews (unit, rating, rated_at, event, excluded) VALUES (?, ?, ?, ?, ?)`)
	require.NoError(b, err)
	for r := range cycle(pool, n) {
		event := r.Mode.ServiceEvent() && r.FollowUpOf == uuid.Nil
		_, err := stmt.Exec(string(r.Unit.CreditCode), int(r.Rating), r.RatedAt.UnixMilli(), event, r.Exclusion != nil)
		require.NoError(b, err)
	}
	require.NoError(b, stmt.Close())
	require.NoError(b, tx.Commit())
	_, err = db.Exec(`CREATE INDEX reviews_unit ON reviews (unit, rated_at, rating, event, excluded)`)
	require.NoError(b, err)
	_, err = db.Exec(`ANALYZE`)
	require.NoError(b, err)
	return db
}

const sqliteQuery = `SELECT unit,
	SUM(excluded = 0 AND rating = 1), SUM(excluded = 0 AND rating = 2), SUM(excluded = 0 AND rating = 3),
	SUM(excluded = 0 AND rating = 4), SUM(excluded = 0 AND rating = 5),
	SUM(excluded = 0 AND event = 1), SUM(excluded)
	FROM reviews WHERE rated_at >= ? AND rated_at < ? GROUP BY unit`

// sqliteGroupBy runs the baseline query and reads every group.
func sqliteGroupBy(b *testing.B, db *sql.DB, p evaluation.Period) map[string]evaluation.Counts {
	rows, err := db.Query(sqliteQuery, p.From.UnixMilli(), p.To.UnixMilli())
	require.NoError(b, err)
	defer rows.Close()
	out := map[string]evaluation.Counts{}
	for rows.Next() {
		var unit string
		var c evaluation.Counts
		require.NoError(b, rows.Scan(&unit, &c.ByLevel[0], &c.ByLevel[1], &c.ByLevel[2], &c.ByLevel[3], &c.ByLevel[4], &c.EventReviews, &c.ExcludedReviews))
		out[unit] = c
	}
	require.NoError(b, rows.Err())
	return out
}

// checkSQLite makes sure both sides compute the same thing.
func checkSQLite(b *testing.B, db *sql.DB, p evaluation.Period, want map[string]evaluation.Counts) {
	got := sqliteGroupBy(b, db, p)
	require.Equal(b, want, got, "SQLite and the aggregator disagree")
}
