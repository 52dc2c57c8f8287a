package standards_test

import (
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
)

// naiveCheck is the baseline: for one implementation, scan every standard
// version, pick the edition in force by scanning the standard's editions,
// and match the scope by its lists, with no index.
func naiveCheck(all []*standards.Standard, impl standards.Implementation, on matter.Date) standards.Entry {
	m := impl.Matter
	e := standards.Entry{Matter: m.Code, Name: m.Name, Division: impl.Division, Department: m.Body}
	for i := 0; i < len(all); {
		j := i
		for j < len(all) && all[j].Identifier == all[i].Identifier {
			j++
		}
		var cur *standards.Standard
		for k := j - 1; k >= i; k-- {
			s := all[k]
			if s.Status == standards.Draft || s.Effective.After(on) {
				continue
			}
			if s.Withdrawn.IsZero() || on.Before(s.Withdrawn) {
				cur = s
			}
			break
		}
		i = j
		if cur == nil || !cur.Scope.Matches(m) {
			continue
		}
		e.Standards = append(e.Standards, cur.Designation())
		e.Findings = append(e.Findings, cur.Evaluate(m)...)
	}
	return e
}

var benchDay = day(2025, 6, 1)

// TestCheckerMatchesNaive checks the indexed checker against the baseline
// on generated data: the same standards and findings for every
// implementation, on days before, between and after editions.
func TestCheckerMatchesNaive(t *testing.T) {
	sys, impls := generate(400, 4, 200)
	all := sys.Standards()
	for _, on := range []matter.Date{day(2021, 1, 1), day(2023, 6, 1), benchDay, day(2026, 6, 1)} {
		c := standards.NewChecker(sys, on, nil)
		fired := 0
		for _, impl := range impls {
			got, want := c.Check(impl), naiveCheck(all, impl, on)
			got.City = ""
			require.Equal(t, want, got, "%s in %q on %s", impl.Matter.Code, impl.Division, on)
			fired += len(got.Findings)
		}
		if on != day(2021, 1, 1) {
			assert.NotZero(t, fired, "on %s the generated data must exercise the rules", on)
		}
	}
}

var benchData = sync.OnceValues(func() (*standards.System, []standards.Implementation) {
	return generate(5000, 20, 200) // 100,000 implementations, 200 standards
})

func benchSetup(b *testing.B) (*standards.System, []standards.Implementation) {
	sys, impls := benchData()
	b.ReportAllocs()
	b.ResetTimer()
	return sys, impls
}

func perImpl(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/impl")
}

// BenchmarkCheckAll is the whole report: 100k implementation entries against
// 200 standards (about 260 editions), with the index built, entries
// sorted, inheritance marked and coverage computed.
func BenchmarkCheckAll(b *testing.B) {
	sys, impls := benchSetup(b)
	for b.Loop() {
		r := standards.CheckAll(standards.NewChecker(sys, benchDay, nil), slices.Values(impls))
		if len(r.Entries) != len(impls) {
			b.Fatal(len(r.Entries))
		}
	}
	perImpl(b, len(impls))
}

// BenchmarkChecker checks every implementation with the indexed checker,
// without building a report: compare with BenchmarkCheckNaive.
func BenchmarkChecker(b *testing.B) {
	sys, impls := benchSetup(b)
	for b.Loop() {
		c := standards.NewChecker(sys, benchDay, nil)
		for _, impl := range impls {
			_ = c.Check(impl)
		}
	}
	perImpl(b, len(impls))
}

// BenchmarkCheckNaive is the baseline: every implementation scans every
// standard edition and matches its scope by list.
func BenchmarkCheckNaive(b *testing.B) {
	sys, impls := benchSetup(b)
	all := sys.Standards()
	for b.Loop() {
		for _, impl := range impls {
			_ = naiveCheck(all, impl, benchDay)
		}
	}
	perImpl(b, len(impls))
}
