package dispatch

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// classifyNaive is the baseline of BenchmarkClassify: the same rules and
// the same decisions, but without the precompiled index. It normalises the
// text the same way, then finds every place name with strings.Index and
// tests each keyword of each rule, in order, with strings.Contains.
func (rs *Rules) classifyNaive(o Order) Decision {
	d := Decision{Order: o.ID}
	if strings.TrimSpace(o.Text) == "" {
		d.Manual, d.Reason = true, ReasonEmptyText
		return d
	}
	text := rs.syn.normalize(o.Text)

	// Place names, leftmost-longest without overlap.
	type hit struct{ at, n, name int }
	var hits []hit
	for i, name := range rs.places.names {
		s := string(name)
		for off := 0; ; {
			k := strings.Index(text[off:], s)
			if k < 0 {
				break
			}
			hits = append(hits, hit{off + k, len(s), i})
			off += k + len(s)
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.at != b.at {
			return a.at - b.at
		}
		return b.n - a.n
	})
	var names []int32
	end := 0
	for _, h := range hits {
		if h.at >= end {
			names = append(names, int32(h.name))
			end = h.at + h.n
		}
	}
	j, from, ambiguous, _ := rs.places.resolve(callerDivision(o.Division), names, nil)

	cat := categoryBit(o.Category)
	has := func(t int32) bool { return strings.Contains(text, rs.terms[t]) }
	for i := range rs.rules {
		r := &rs.rules[i]
		if r.cats != 0 && r.cats&cat == 0 {
			continue
		}
		if len(r.any) > 0 && !slices.ContainsFunc(r.any, has) {
			continue
		}
		if slices.ContainsFunc(r.all, func(t int32) bool { return !has(t) }) {
			continue
		}
		if slices.ContainsFunc(r.none, has) || !r.inScope(j) {
			continue
		}
		return rs.outcome(d, r, j, from, ambiguous)
	}
	d.Manual, d.Reason = true, ReasonNoRule
	return d
}

// benchOrders loads the demo rules and the corpus orders.
func benchOrders(tb testing.TB) (*Rules, []Order) {
	tb.Helper()
	rs, err := LoadRules(os.DirFS("../../examples/catalog"))
	require.NoError(tb, err)
	f, err := os.Open("testdata/corpus.jsonl")
	require.NoError(tb, err)
	defer f.Close()
	labelled, err := ReadCorpus(f)
	require.NoError(tb, err)
	orders := make([]Order, len(labelled))
	for i, l := range labelled {
		orders[i] = l.Order
	}
	return rs, orders
}

// TestNaiveAgrees checks that the baseline makes the same decisions as
// Classify on the whole corpus, so that the benchmarks compare like with
// like.
func TestNaiveAgrees(t *testing.T) {
	rs, orders := benchOrders(t)
	for _, o := range orders {
		require.Equal(t, rs.Classify(o), rs.classifyNaive(o), o.Text)
	}
}

// BenchmarkClassify classifies the corpus orders in turn with the
// precompiled index.
func BenchmarkClassify(b *testing.B) {
	rs, orders := benchOrders(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		rs.Classify(orders[n%len(orders)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "orders/s")
}

// BenchmarkClassifyNaive is the baseline: strings.Contains per keyword per
// rule, strings.Index per place name.
func BenchmarkClassifyNaive(b *testing.B) {
	rs, orders := benchOrders(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		rs.classifyNaive(orders[n%len(orders)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "orders/s")
}

// BenchmarkClassifyParallel runs Classify from every core, sharing one
// Rules.
func BenchmarkClassifyParallel(b *testing.B) {
	rs, orders := benchOrders(b)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		n := 0
		for pb.Next() {
			rs.Classify(orders[n%len(orders)])
			n++
		}
	})
}

// BenchmarkLoadRules loads and compiles the demo rules.
func BenchmarkLoadRules(b *testing.B) {
	fsys := os.DirFS("../../examples/catalog")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadRules(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
