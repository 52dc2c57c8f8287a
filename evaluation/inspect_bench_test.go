package evaluation_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/onething-gov/onething/evaluation"
)

// BenchmarkInspect inspects a million replies: the generated year's orders
// (good and planted bad replies, about 38k) cycled to length, with the
// keyword topic matcher. Metrics: replies/s and, from -benchmem, the bytes
// allocated per million.
//
//	go test -run='^$' -bench='Inspect|Hotspots' -benchmem -benchtime=3x ./evaluation/
func BenchmarkInspect(b *testing.B) {
	const n = 1_000_000
	g := generateYear(2026)
	insp, err := evaluation.NewInspector(evaluation.DefaultInspectionRules(), keywordTopics)
	if err != nil {
		b.Fatal(err)
	}
	asOf := mondayOfISOWeek(53)
	b.ResetTimer()
	start := time.Now()
	flagged := 0
	for range b.N {
		for i := range n {
			if insp.Inspect(g.orders[i%len(g.orders)], asOf).Score < 100 {
				flagged++
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "replies/s")
	_ = flagged
}

// BenchmarkHotspots detects the hotspots of a generated year of the 16
// cities, 6 topics, 52 weeks, at the base rates (about 38k orders) and 25
// times them (about 940k orders, a large province's 12333 year). Metrics:
// orders/s and, from -benchmem, the bytes allocated per detection, which
// is what the detector holds at its peak (the orders' ids by cell-week and
// caller).
func BenchmarkHotspots(b *testing.B) {
	for _, scale := range []float64{1, 25} {
		g := generateYearScaled(2026, scale)
		b.Run(fmt.Sprintf("orders=%d", len(g.orders)), func(b *testing.B) { benchHotspots(b, g) })
	}
}

func benchHotspots(b *testing.B, g *genYear) {
	rules := evaluation.DefaultHotspotRules()
	b.ResetTimer()
	start := time.Now()
	var hs []evaluation.Hotspot
	for range b.N {
		var err error
		if hs, err = evaluation.DetectHotspots(rules, orderList(g.orders), matterTopic); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(g.orders)*b.N)/time.Since(start).Seconds(), "orders/s")
	runtime.KeepAlive(hs)
}
