package division_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/onething-gov/onething/standards/division"
)

var sink division.Code

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c, err := division.Parse("370116")
		if err != nil {
			b.Fatal(err)
		}
		sink = c
	}
}

func BenchmarkParseFullWidth(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c, err := division.Parse("３７０１１６")
		if err != nil {
			b.Fatal(err)
		}
		sink = c
	}
}

// BenchmarkParseNaive is the baseline: a regular expression and a set of
// province prefixes, as a hand-written validator would do it.
func BenchmarkParseNaive(b *testing.B) {
	re := regexp.MustCompile(`^\d{6}$`)
	provinces := map[string]bool{}
	for _, d := range division.All() {
		if d.Level == division.Province {
			provinces[string(d.Code[:2])] = true
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		s := strings.TrimSpace("370116")
		if !re.MatchString(s) || !provinces[s[:2]] {
			b.Fatal("rejected")
		}
		sink = division.Code(s)
	}
}

func BenchmarkParent(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		sink = division.Code("370116").Parent()
	}
}
