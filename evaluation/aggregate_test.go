package evaluation_test

import (
	"context"
	"errors"
	"iter"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// aggregate feeds every record of d to a new aggregator.
func aggregate(t testing.TB, d *genData, by evaluation.Grouping, p evaluation.Period) *evaluation.Aggregator {
	t.Helper()
	a, err := evaluation.NewAggregator(by, p, time.Time{})
	require.NoError(t, err)
	for _, x := range d.apps {
		a.AddApplication(x)
	}
	for _, r := range d.reviews {
		a.Add(r)
	}
	for _, c := range d.cases {
		a.AddCase(c)
	}
	for _, w := range d.orders {
		a.AddWorkOrder(w)
	}
	return a
}

func sumCounts(cards []evaluation.Scorecard) evaluation.Counts {
	var c evaluation.Counts
	for _, s := range cards {
		c.Add(s.Counts)
	}
	return c
}

// TestAggregatorGeneratedMonth aggregates a generated October of the 16
// cities and checks that the groupings agree: the 48 units add up to the
// total, counties roll up into their cities and the cities into the
// province, and the rates are those of a working province.
func TestAggregatorGeneratedMonth(t *testing.T) {
	d := genMonths(t, 7, time.September, time.October)
	oct := evaluation.Month(2026, time.October)
	total, ok := aggregate(t, d, evaluation.Overall, oct).Scorecard(evaluation.Group{By: evaluation.Overall})
	require.True(t, ok)
	units := aggregate(t, d, evaluation.ByUnit, oct).Scorecards()
	assert.Len(t, units, 48)
	assert.Equal(t, total.Counts, sumCounts(units), "every record of the month has its unit")

	divs := aggregate(t, d, evaluation.ByDivision, oct).Scorecards()
	assert.Len(t, divs, 32, "16 cities and one county each")
	cities, err := evaluation.Rollup(divs, division.City)
	require.NoError(t, err)
	require.Len(t, cities, 16)
	for i, c := range division.Children("370000") {
		assert.Equal(t, string(c.Code), cities[i].Group.Code)
		assert.Equal(t, c.Name, cities[i].Name)
	}
	prov, err := evaluation.Rollup(cities, division.Province)
	require.NoError(t, err)
	require.Len(t, prov, 1)
	assert.Equal(t, total.Counts, prov[0].Counts)

	for _, tc := range []struct {
		m        evaluation.Metric
		low, top float64
	}{
		{evaluation.GoodRate, 92, 98},
		{evaluation.ActiveRate, 60, 80},
		{evaluation.OnTimeRate, 85, 99},
		{evaluation.SatisfactionRate, 88, 99},
		{evaluation.RectifyRate, 50, 100},
		{evaluation.ServiceOnTimeRate, 85, 99},
	} {
		r, _ := total.Rate(tc.m)
		p, _ := r.Percent().Float64()
		assert.True(t, p >= tc.low && p <= tc.top, "%s = %s, expected %v–%v", tc.m, r.Detail(), tc.low, tc.top)
	}
	// The same through a store listing, and through two shards merged.
	ctx := context.Background()
	s := evaluation.NewMemoryStore()
	for _, r := range d.reviews {
		_, err := s.AddReview(ctx, r)
		require.NoError(t, err)
	}
	viaStore, err := evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
	require.NoError(t, err)
	require.NoError(t, viaStore.AddAll(s.ListReviews(ctx, evaluation.ReviewFilter{Period: oct})))
	shards := [2]*evaluation.Aggregator{}
	for i := range shards {
		shards[i], err = evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
		require.NoError(t, err)
	}
	for i, r := range d.reviews {
		shards[i%2].Add(r)
	}
	require.NoError(t, shards[0].Merge(shards[1]))
	direct, err := evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
	require.NoError(t, err)
	for _, r := range slices.Backward(d.reviews) {
		direct.Add(r)
	}
	assert.Equal(t, direct.Scorecards(), viaStore.Scorecards())
	assert.Equal(t, direct.Scorecards(), shards[0].Scorecards())
}

func TestAggregatorAddAllStopsAtFirstError(t *testing.T) {
	boom := errors.New("disk on fire")
	oct := evaluation.Month(2026, time.October)
	list := func(yield func(*evaluation.Review, error) bool) {
		_ = yield(windowReview(evaluation.VerySatisfied, at(10, 12, 9, 0), at(10, 12, 9, 5)), nil) &&
			yield(nil, boom) &&
			yield(windowReview(evaluation.VerySatisfied, at(10, 12, 9, 0), at(10, 12, 9, 5)), nil)
	}
	a, err := evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
	require.NoError(t, err)
	err = a.AddAll(list)
	require.ErrorIs(t, err, boom)
	c, ok := a.Scorecard(evaluation.Group{By: evaluation.ByUnit, Code: string(laiwuHR.CreditCode)})
	require.True(t, ok)
	assert.EqualValues(t, 1, c.Reviews(), "the review after the error is not read")

	for name, f := range map[string]func() error{
		"cases":        func() error { return a.AddCases(failing[*evaluation.Case](boom)) },
		"work orders":  func() error { return a.AddWorkOrders(failing[*evaluation.WorkOrder](boom)) },
		"applications": func() error { return a.AddApplications(failing[*matter.Application](boom)) },
	} {
		assert.ErrorIs(t, f(), boom, name)
	}
}

func failing[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

func TestAggregatorRefuses(t *testing.T) {
	_, err := evaluation.NewAggregator("weekday", evaluation.Period{}, time.Time{})
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	_, err = evaluation.NewAggregator(evaluation.ByUnit, evaluation.Period{From: at(10, 2, 0, 0), To: at(10, 1, 0, 0)}, time.Time{})
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	a, err := evaluation.NewAggregator(evaluation.ByUnit, evaluation.Month(2026, 10), time.Time{})
	require.NoError(t, err)
	b, err := evaluation.NewAggregator(evaluation.ByDivision, evaluation.Month(2026, 10), time.Time{})
	require.NoError(t, err)
	assert.ErrorIs(t, a.Merge(b), evaluation.ErrInvalid)
	c, err := evaluation.NewAggregator(evaluation.ByUnit, evaluation.Month(2026, 9), time.Time{})
	require.NoError(t, err)
	assert.ErrorIs(t, a.Merge(c), evaluation.ErrInvalid)
	// Nil records and records without the grouped field are skipped.
	a.Add(nil)
	a.AddCase(nil)
	a.AddWorkOrder(nil)
	a.AddApplication(nil)
	assert.Zero(t, a.Len())
}

// TestAggregatorUnitCountsEachOffice: a bundle application decided by two
// offices counts once for each, and once for the whole.
func TestAggregatorUnitCountsEachOffice(t *testing.T) {
	x := application(450, laiwuHR, matter.Window, retirement, []string{mQualify, mPension}, at(10, 12, 9, 0), at(10, 14, 9, 0), matter.DateOf(2026, 10, 19), false)
	x.Parts[1].Office = jinanHR
	oct := evaluation.Month(2026, time.October)
	a, err := evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
	require.NoError(t, err)
	a.AddApplication(x)
	a.AddApplication(x.Clone())
	require.Equal(t, 2, a.Len())
	for _, c := range a.Scorecards() {
		assert.EqualValues(t, 2, c.Services, c.Name)
		assert.True(t, c.Volumes)
	}
}

// reviewPool returns a generated October's reviews of the 48 units.
func reviewPool(t testing.TB) []*evaluation.Review {
	return genMonths(t, 3, time.October).reviews
}

// cycle lists n reviews, going round the pool: a listing of any length at
// no cost per review.
func cycle(pool []*evaluation.Review, n int) iter.Seq2[*evaluation.Review, error] {
	return func(yield func(*evaluation.Review, error) bool) {
		for i := range n {
			if !yield(pool[i%len(pool)], nil) {
				return
			}
		}
	}
}

// TestAggregatorMemoryBounded shows that memory does not grow with the
// number of reviews: adding a review of a group already seen allocates
// nothing, and aggregating 20 times as many reviews allocates no more.
func TestAggregatorMemoryBounded(t *testing.T) {
	pool := reviewPool(t)
	oct := evaluation.Month(2026, time.October)
	a, err := evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
	require.NoError(t, err)
	require.NoError(t, a.AddAll(cycle(pool, len(pool))))
	i := 0
	allocs := testing.AllocsPerRun(10000, func() { a.Add(pool[i%len(pool)]); i++ })
	assert.Zero(t, allocs, "allocations per review")

	alloc := func(n int) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		a, err := evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
		require.NoError(t, err)
		require.NoError(t, a.AddAll(cycle(pool, n)))
		runtime.ReadMemStats(&after)
		require.Equal(t, 48, a.Len())
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := alloc(10_000), alloc(200_000)
	t.Logf("bytes allocated: %d for 10k reviews, %d for 200k", small, large)
	assert.Less(t, large, small+4096, "allocation must not grow with the number of reviews")
}
