package matter

import (
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"sync"
	"testing"
	"time"
)

// heapSampler records the peak of live and unswept heap objects while it
// runs, sampling runtime/metrics (which does not stop the world).
type heapSampler struct {
	stop chan struct{}
	done chan uint64
}

const heapMetric = "/memory/classes/heap/objects:bytes"

func heapObjects() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func startHeapSampler() *heapSampler {
	h := &heapSampler{stop: make(chan struct{}), done: make(chan uint64, 1)}
	go func() {
		var peak uint64
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if v := heapObjects(); v > peak {
				peak = v
			}
			select {
			case <-h.stop:
				h.done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) peak() uint64 {
	close(h.stop)
	return <-h.done
}

// liveHeap returns the live heap after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	return heapObjects()
}

// loadMeasured loads dir and returns the catalog with the peak heap during
// the load and the heap the catalog retains, both above the heap before.
func loadMeasured(tb testing.TB, dir string) (cat *Catalog, peak, retained uint64) {
	base := liveHeap()
	h := startHeapSampler()
	cat, err := LoadFS(os.DirFS(dir))
	p := h.peak()
	if err != nil {
		tb.Fatal(err)
	}
	r := liveHeap()
	runtime.KeepAlive(cat)
	return cat, p - min(p, base), r - min(r, base)
}

// BenchmarkLoadFS100k loads one 100,000-matter file (about 110 MB):
// streaming, schema check of each entry, decoding, Build and the search
// index. peak-MB is the sampled peak heap above the heap before the load,
// retained-MB what the catalog keeps after GC.
func BenchmarkLoadFS100k(b *testing.B) {
	dir := b.TempDir()
	size, err := writeGenCatalog(dir, 100_000)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var peak, retained uint64
	b.ResetTimer()
	for range b.N {
		cat, p, r := loadMeasured(b, dir)
		if cat.Len() != 100_000 {
			b.Fatalf("loaded %d matters", cat.Len())
		}
		peak, retained = max(peak, p), max(retained, r)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	b.ReportMetric(float64(retained)/(1<<20), "retained-MB")
	b.ReportMetric(float64(peak)/float64(retained), "peak/retained")
}

// TestLoadFSPeakHeap checks that loading a large file needs memory in
// proportion to the catalog, not to the file's generic JSON tree: the
// sampled peak (which can only under-read) stays within 3× what the
// catalog retains plus 32 MiB of slack for GC pacing.
func TestLoadFSPeakHeap(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("writes and loads a 20,000-matter file; not with -short or -race")
	}
	dir := t.TempDir()
	size, err := writeGenCatalog(dir, 20_000)
	if err != nil {
		t.Fatal(err)
	}
	_, peak, retained := loadMeasured(t, dir)
	t.Logf("file %.1f MB, peak %.1f MB, retained %.1f MB", float64(size)/(1<<20), float64(peak)/(1<<20), float64(retained)/(1<<20))
	if limit := 3*retained + 32<<20; peak > limit {
		t.Errorf("peak heap %d > 3 × retained %d + 32 MiB", peak, retained)
	}
}

var benchCatalog = sync.OnceValues(func() (*Catalog, error) {
	return Build(Contents{Matters: genMatters(100_000)})
})

func benchSearch(b *testing.B, search func(c *Catalog, q string) []Hit) {
	cat, err := benchCatalog()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		search(cat, genQueries[i%len(genQueries)])
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(times[len(times)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkSearch runs the query mix (limit 20) through the gram index
// over 100,000 matters; BenchmarkSearchLinear is its baseline.
func BenchmarkSearch(b *testing.B) {
	benchSearch(b, func(c *Catalog, q string) []Hit { return c.Search(q, 20) })
}

// BenchmarkSearchLinear answers the same queries over the same entries by a
// strings.Contains scan of every entry.
func BenchmarkSearchLinear(b *testing.B) {
	benchSearch(b, func(c *Catalog, q string) []Hit { return linearSearch(c.search, q, 20) })
}
