package sqlstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// benchStores are the stores the benchmarks compare: matter.MemoryStore,
// the baseline; Store on SQLite (a file in WAL mode, synchronous FULL); and
// Store on PostgreSQL when ONETHING_TEST_POSTGRES is set.
func benchStores() []struct {
	name string
	open func(b *testing.B) matter.Store
} {
	type entry = struct {
		name string
		open func(b *testing.B) matter.Store
	}
	out := []entry{{"memory", func(*testing.B) matter.Store { return matter.NewMemoryStore() }}}
	for _, be := range backends() {
		out = append(out, entry{be.name, func(b *testing.B) matter.Store { return be.newStore(b) }})
	}
	return out
}

// seed stores n matters, half with a body in 济南 and half in 青岛, and
// returns their codes.
func seed(b *testing.B, s matter.Store, n int) []string {
	codes := make([]string, n)
	for i := range n {
		m := registration(fmt.Sprintf("3700%08d", i))
		if i%2 == 1 {
			m.Body.Division = division.Code("370200")
		}
		if _, err := s.PutMatter(context.Background(), m, 0); err != nil {
			b.Fatal(err)
		}
		codes[i] = m.Code
	}
	return codes
}

// BenchmarkPutMatter updates one matter, each write a new version.
func BenchmarkPutMatter(b *testing.B) {
	for _, st := range benchStores() {
		b.Run(st.name, func(b *testing.B) {
			ctx := context.Background()
			s := st.open(b)
			m := registration("370100000001")
			v, err := s.PutMatter(ctx, m, 0)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if v, err = s.PutMatter(ctx, m, v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGetMatter reads the matters of a catalog of 1000 in turn.
func BenchmarkGetMatter(b *testing.B) {
	for _, st := range benchStores() {
		b.Run(st.name, func(b *testing.B) {
			ctx := context.Background()
			s := st.open(b)
			codes := seed(b, s, 1000)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := s.GetMatter(ctx, codes[i%len(codes)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// BenchmarkListMatters lists the 500 matters of 济南 in a catalog of 1000
// (one iteration is one whole listing).
func BenchmarkListMatters(b *testing.B) {
	for _, st := range benchStores() {
		b.Run(st.name, func(b *testing.B) {
			ctx := context.Background()
			s := st.open(b)
			seed(b, s, 1000)
			b.ReportAllocs()
			for b.Loop() {
				n := 0
				for _, err := range s.ListMatters(ctx, matter.MatterFilter{Division: "370100"}) {
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				if n != 500 {
					b.Fatalf("listed %d matters, want 500", n)
				}
			}
		})
	}
}
