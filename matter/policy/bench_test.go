package policy

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/policy/expr"
	"github.com/onething-gov/onething/standards/creditcode"
)

// benchSet is the demo folder with each of the five policies copied ten
// times under new codes: 50 policies.
func benchSet(tb testing.TB) *Set {
	tb.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(catalog, "policies", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Dir(name) != "policies" || !strings.HasSuffix(name, ".json") {
			return err
		}
		b, err := fs.ReadFile(catalog, name)
		if err != nil {
			return err
		}
		base := path.Base(name)
		if base == AttributesFile || base == ParametersFile {
			m["p/"+base] = &fstest.MapFile{Data: b}
			return nil
		}
		for v := range 10 {
			var doc map[string]any
			if err := json.Unmarshal(b, &doc); err != nil {
				return err
			}
			doc["code"] = fmt.Sprintf("%s-%d", doc["code"], v)
			out, _ := json.Marshal(doc)
			m[fmt.Sprintf("p/%d-%s", v, base)] = &fstest.MapFile{Data: out}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	s, err := LoadFS(m, "p")
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// genCode makes a valid credit code from a number.
func genCode(i int) creditcode.Code {
	const alpha = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	org := []byte("MA")
	for k, n := 0, i; k < 5; k++ {
		org = append(org, alpha[n%31])
		n /= 31
	}
	org = append(org, '1')
	oc, _ := creditcode.OrgCheckChar(string(org))
	f17 := "91370102" + string(org) + string(oc)
	c, _ := creditcode.CheckChar(f17)
	return creditcode.Code(f17 + string(c))
}

// genProfiles makes n profiles of plausible enterprises, about 3% of them
// missing a datum, and the same data as map[string]any for the baseline.
func genProfiles(s *Set, n int, withMaps bool) ([]*Profile, []map[string]any) {
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := []string{"large", "medium", "small", "micro"}
	ps := make([]*Profile, n)
	var ms []map[string]any
	if withMaps {
		ms = make([]map[string]any, n)
	}
	for i := range n {
		p := s.reg.NewProfile(genCode(i), fmt.Sprintf("示例企业%d", i))
		m := map[string]any{}
		set := func(name string, v any) {
			m[name] = v
			switch v := v.(type) {
			case string:
				_ = p.SetString(name, v)
			case bool:
				_ = p.SetBool(name, v)
			case int:
				_ = p.SetInt(name, int64(v))
			case decimal.Decimal:
				_ = p.SetNumber(name, v)
			}
		}
		setYear := func(name string, year, v int64, cents bool) {
			d := decimal.NewFromInt(v)
			if cents {
				d = decimal.New(v, -2)
			}
			_ = p.SetYear(name, int(year), d)
			ym, _ := m[name].(map[int64]decimal.Decimal)
			if ym == nil {
				ym = map[int64]decimal.Decimal{}
				m[name] = ym
			}
			ym[year] = d
		}
		size := sizes[rng.IntN(4)]
		set("size", size)
		set("status", []string{"operating", "operating", "operating", "suspended"}[rng.IntN(4)])
		if rng.IntN(33) != 0 {
			set("credit_blacklist", rng.IntN(50) == 0)
		}
		set("social_insurance_arrears", rng.IntN(40) == 0)
		emp := 5 + rng.IntN(200)
		set("employees", emp)
		mm := map[int64]decimal.Decimal{}
		for mo := 1; mo <= 12; mo++ {
			if mo == 12 && rng.IntN(33) == 0 {
				break
			}
			v := int64(emp - 2 + rng.IntN(5))
			_ = p.SetMonth("insured", 2024, time.Month(mo), decimal.NewFromInt(v))
			mm[int64(2024*12+mo-1)] = decimal.NewFromInt(v)
		}
		m["insured"] = mm
		setYear("ui_paid_months", 2024, int64(10+rng.IntN(3)), false)
		setYear("ui_premiums", 2024, int64(emp)*int64(30000+rng.IntN(20000)), true)
		setYear("layoffs", 2024, int64(rng.IntN(emp/10+1)), false)
		setYear("graduates_hired", 2025, int64(rng.IntN(4)), false)
		setYear("difficulty_hires", 2024, int64(rng.IntN(3)), false)
		setYear("difficulty_premiums", 2024, int64(rng.IntN(3000000)), true)
		setYear("certs_primary", 2024, int64(rng.IntN(4)), false)
		setYear("certs_intermediate", 2024, int64(rng.IntN(3)), false)
		setYear("certs_advanced", 2024, int64(rng.IntN(2)), false)
		if rng.IntN(5) == 0 {
			set("loan_principal", decimal.NewFromInt(int64(100000*(1+rng.IntN(50)))))
			setYear("loan_interest_paid", 2024, int64(rng.IntN(10000000)), true)
			setYear("eligible_new_hires", 2024, int64(rng.IntN(20)), false)
		} else {
			set("loan_principal", decimal.Zero) // the bank register knows of no loan
		}
		ps[i] = p
		if withMaps {
			ms[i] = m
		}
	}
	return ps, ms
}

var benchDay = matter.DateOf(2025, time.November, 20)

// BenchmarkMatch decides 100,000 profiles × 50 policies per op, on the
// compiled fast path, without traces.
func BenchmarkMatch(b *testing.B) {
	s := benchSet(b)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	profiles, _ := genProfiles(s, 100_000, false)
	runtime.GC()
	runtime.ReadMemStats(&after)
	perProfile := float64(after.HeapAlloc-before.HeapAlloc) / float64(len(profiles))
	pols := s.Policies()
	seq := func(yield func(*Profile, error) bool) {
		for _, p := range profiles {
			if !yield(p, nil) {
				return
			}
		}
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	pairs, eligible := 0, 0
	for b.Loop() {
		pairs, eligible = 0, 0
		for r, err := range Match(ctx, benchDay, pols, seq) {
			if err != nil {
				b.Fatal(err)
			}
			pairs++
			if r.Outcome == Eligible {
				eligible++
			}
		}
	}
	b.ReportMetric(perProfile, "B/profile") // heap held by the register itself
	b.ReportMetric(float64(pairs), "pairs/op")
	b.ReportMetric(float64(eligible), "eligible/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pairs), "ns/pair")
}

// BenchmarkMatchMapBaseline is the baseline: the same conditions and
// amounts evaluated straightforwardly, walking the parsed expressions over
// map[string]any profiles with decimal arithmetic.
func BenchmarkMatchMapBaseline(b *testing.B) {
	s := benchSet(b)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, maps := genProfiles(s, 100_000, true)
	runtime.GC()
	runtime.ReadMemStats(&after)
	perProfile := float64(after.HeapAlloc-before.HeapAlloc) / float64(len(maps))
	bl := newBaseline(s.Policies(), benchDay)
	b.ReportAllocs()
	b.ResetTimer()
	pairs, eligible := 0, 0
	for b.Loop() {
		pairs, eligible = 0, 0
		for _, m := range maps {
			for _, bp := range bl {
				o, _ := bp.eval(m)
				pairs++
				if o == Eligible {
					eligible++
				}
			}
		}
	}
	b.ReportMetric(perProfile, "B/profile") // heap held by the register itself
	b.ReportMetric(float64(pairs), "pairs/op")
	b.ReportMetric(float64(eligible), "eligible/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pairs), "ns/pair")
}

// TestBaselineAgrees keeps the benchmark honest: the baseline decides
// what Match decides.
func TestBaselineAgrees(t *testing.T) {
	s := benchSet(t)
	profiles, maps := genProfiles(s, 2000, true)
	bl := newBaseline(s.Policies(), benchDay)
	i := 0
	for _, p := range profiles {
		for _, bp := range bl {
			r, err := Evaluate(bp.pol, p, benchDay)
			if err != nil {
				t.Fatal(err)
			}
			o, amt := bp.eval(maps[i])
			if o != r.Outcome || (o == Eligible && amt != r.Amount) {
				t.Fatalf("%s %s: baseline %s %s, Match %s %s", p.Code, bp.pol.Code, o, amt, r.Outcome, r.Amount)
			}
		}
		i++
	}
}

// baselinePolicy is a policy for the straightforward evaluator.
type baselinePolicy struct {
	pol     *Policy
	params  map[string]any
	defs    map[string]expr.Node
	elig    []expr.Node
	excl    []expr.Node
	amount  expr.Node
	year    decimal.Decimal
	inForce bool
}

func newBaseline(pols []*Policy, on matter.Date) []*baselinePolicy {
	var out []*baselinePolicy
	for _, pol := range pols {
		bp := &baselinePolicy{pol: pol, params: map[string]any{}, defs: map[string]expr.Node{},
			year: decimal.NewFromInt(int64(on.Time().Year())), inForce: pol.InForce(on)}
		if !bp.inForce {
			continue
		}
		for _, par := range pol.scope.plist {
			dv, _ := par.At(on)
			bp.params[par.Name] = decimal.NewFromBigRat(dv.v.r.big(), 20)
		}
		parse := func(s string) expr.Node { n, _ := expr.Parse(s); return n }
		for _, d := range pol.Definitions {
			bp.defs[d.Name] = parse(d.Expr)
		}
		for _, c := range pol.Eligibility {
			bp.elig = append(bp.elig, parse(c.When))
		}
		for _, c := range pol.Exclusions {
			bp.excl = append(bp.excl, parse(c.When))
		}
		bp.amount = parse(pol.Amount.Expr)
		out = append(out, bp)
	}
	return out
}

func (bp *baselinePolicy) eval(m map[string]any) (Outcome, Amount) {
	unknown := false
	for _, c := range bp.elig {
		switch v := bp.ev(c, m); v {
		case false:
			return NotEligible, 0
		case nil:
			unknown = true
		}
	}
	for _, c := range bp.excl {
		switch v := bp.ev(c, m); v {
		case true:
			return NotEligible, 0
		case nil:
			unknown = true
		}
	}
	if unknown {
		return Undecidable, 0
	}
	a, ok := bp.ev(bp.amount, m).(decimal.Decimal)
	if !ok {
		return Undecidable, 0
	}
	return Eligible, Amount(a.Shift(2).Round(0).IntPart())
}

// ev is a direct tree walk: nil is unknown.
func (bp *baselinePolicy) ev(n expr.Node, m map[string]any) any {
	switch n := n.(type) {
	case *expr.Paren:
		return bp.ev(n.X, m)
	case *expr.Number:
		d := decimal.RequireFromString(n.Text)
		if n.Percent {
			d = d.Div(decimal.NewFromInt(100))
		}
		return d
	case *expr.String:
		return n.Value
	case *expr.Bool:
		return n.Value
	case *expr.Ident:
		if n.Name == "year" {
			return bp.year
		}
		if d, ok := bp.defs[n.Name]; ok {
			return bp.ev(d, m)
		}
		if v, ok := bp.params[n.Name]; ok {
			return v
		}
		v := m[n.Name]
		if i, ok := v.(int); ok {
			return decimal.NewFromInt(int64(i))
		}
		return v
	case *expr.Unary:
		x := bp.ev(n.X, m)
		if x == nil {
			return nil
		}
		if n.Op == expr.OpNot {
			return !x.(bool)
		}
		return x.(decimal.Decimal).Neg()
	case *expr.Binary:
		switch n.Op {
		case expr.OpAnd, expr.OpOr:
			x := bp.ev(n.X, m)
			if x != nil && x.(bool) == (n.Op == expr.OpOr) {
				return x
			}
			y := bp.ev(n.Y, m)
			if y != nil && y.(bool) == (n.Op == expr.OpOr) {
				return y
			}
			if x == nil || y == nil {
				return nil
			}
			return y
		}
		x, y := bp.ev(n.X, m), bp.ev(n.Y, m)
		if x == nil || y == nil {
			return nil
		}
		if xs, ok := x.(string); ok {
			eq := xs == y.(string)
			if n.Op == expr.OpNe {
				return !eq
			}
			return eq
		}
		a, c := x.(decimal.Decimal), y.(decimal.Decimal)
		switch n.Op {
		case expr.OpAdd:
			return a.Add(c)
		case expr.OpSub:
			return a.Sub(c)
		case expr.OpMul:
			return a.Mul(c)
		case expr.OpDiv:
			if c.IsZero() {
				return nil
			}
			return a.DivRound(c, 16)
		}
		return cmpResult(binOps[n.Op], a.Cmp(c))
	case *expr.In:
		x := bp.ev(n.X, m)
		if x == nil {
			return nil
		}
		found := false
		for _, e := range n.List.Elems {
			if bp.ev(e, m) == x {
				found = true
			}
		}
		return found != n.Not
	case *expr.Index:
		name := n.X.(*expr.Ident).Name
		y := bp.ev(n.Args[0], m)
		s, _ := m[name].(map[int64]decimal.Decimal)
		if y == nil || s == nil {
			return nil
		}
		v, ok := s[y.(decimal.Decimal).IntPart()]
		if !ok {
			return nil
		}
		return v
	case *expr.Call:
		switch n.Fun {
		case "min", "max":
			var best decimal.Decimal
			for k, a := range n.Args {
				v := bp.ev(a, m)
				if v == nil {
					return nil
				}
				d := v.(decimal.Decimal)
				if k == 0 || (n.Fun == "min" && d.LessThan(best)) || (n.Fun == "max" && d.GreaterThan(best)) {
					best = d
				}
			}
			return best
		case "if":
			c := bp.ev(n.Args[0], m)
			if c == nil {
				return nil
			}
			if c.(bool) {
				return bp.ev(n.Args[1], m)
			}
			return bp.ev(n.Args[2], m)
		case "mean":
			s, _ := m[n.Args[0].(*expr.Ident).Name].(map[int64]decimal.Decimal)
			y := bp.ev(n.Args[1], m)
			if s == nil || y == nil {
				return nil
			}
			sum := decimal.Zero
			for mo := int64(0); mo < 12; mo++ {
				v, ok := s[y.(decimal.Decimal).IntPart()*12+mo]
				if !ok {
					return nil
				}
				sum = sum.Add(v)
			}
			return sum.DivRound(decimal.NewFromInt(12), 16)
		}
	}
	panic(fmt.Sprintf("baseline: unsupported %T", n))
}
