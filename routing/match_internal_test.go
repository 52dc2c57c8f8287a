package routing

import (
	"os"
	"slices"
	"testing"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// naiveAgreementFor is the baseline lookup: a linear scan of every
// agreement, checking places with division.Code.Contains and matters and
// modes with slices.Contains.
func naiveAgreementFor(list []Agreement, code string, from division.Code, far []division.Code, day matter.Date, mode Mode) (Agreement, bool) {
	holds := func(a *Agreement, d division.Code) bool {
		return slices.ContainsFunc(a.Partners, func(p division.Code) bool { return p.Contains(d) })
	}
	for i := range list {
		a := &list[i]
		if !a.InForceOn(day) || !a.Allows(code, mode) || !holds(a, from) {
			continue
		}
		if !slices.ContainsFunc(far, func(d division.Code) bool { return !holds(a, d) }) {
			return *a, true
		}
	}
	return Agreement{}, false
}

type matchCase struct {
	code     string
	from, to division.Code
	mode     Mode
	want     string
}

var matchCases = []matchCase{
	{"370015030000", "371300", "370100", Proxy, "sd-province-hrss"},
	{"370015031000", "330106", "310101", Proxy, "yangtze-delta-hrss"},
	{"370015009000", "370100", "410100", Joint, "yellow-river-hrss"},
	{"370015023000", "120101", "110105", Proxy, "jingjinji-hrss"},
	{"370015031000", "371300", "320300", Proxy, "huaihe-hrss"},
}

func loadDemo(t testing.TB) *Router {
	a, err := LoadAgreements(os.DirFS("../examples/catalog"))
	if err != nil {
		t.Fatal(err)
	}
	return &Router{agr: a}
}

// The index and the naive scan agree.
func TestAgreementForMatchesNaive(t *testing.T) {
	r := loadDemo(t)
	list := r.agr.List()
	day := matter.DateOf(2026, 7, 1)
	for _, c := range matchCases {
		got, err := r.agreementFor(c.code, c.from, []division.Code{c.to}, day, c.mode)
		want, ok := naiveAgreementFor(list, c.code, c.from, []division.Code{c.to}, day, c.mode)
		if err != nil || !ok || got.ID != want.ID || got.ID != c.want {
			t.Errorf("%v: index %v %v, naive %v %v", c, got, err, want.ID, ok)
		}
	}
}

func BenchmarkAgreementFor(b *testing.B) {
	r := loadDemo(b)
	day := matter.DateOf(2026, 7, 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := &matchCases[i%len(matchCases)]
		if _, err := r.agreementFor(c.code, c.from, []division.Code{c.to}, day, c.mode); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAgreementForNaive is the baseline: a linear scan.
func BenchmarkAgreementForNaive(b *testing.B) {
	r := loadDemo(b)
	list := r.agr.List()
	day := matter.DateOf(2026, 7, 1)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := &matchCases[i%len(matchCases)]
		if _, ok := naiveAgreementFor(list, c.code, c.from, []division.Code{c.to}, day, c.mode); !ok {
			b.Fatal("no agreement")
		}
		i++
	}
}

// inside agrees with division.Code.Contains for every current division
// against every province and city of the table.
func TestInsideMatchesContains(t *testing.T) {
	var holders []division.Code
	all := division.All()
	for _, d := range all {
		if !d.Retired && (d.Level == division.Province || d.Level == division.City) {
			holders = append(holders, d.Code)
		}
	}
	for _, p := range all {
		if p.Retired {
			continue
		}
		for _, h := range holders {
			if got, want := inside(p.Code, h), h.Contains(p.Code); got != want {
				t.Fatalf("inside(%s, %s) = %v, Contains says %v", p.Code, h, got, want)
			}
		}
		if !inside(p.Code, p.Code) {
			t.Fatalf("inside(%s, itself) = false", p.Code)
		}
	}
}
