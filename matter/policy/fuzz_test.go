package policy

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// exprSeeds are the expressions of the demo policies and of the language
// tests.
func exprSeeds(tb testing.TB) []string {
	s := demoSet(tb)
	var out []string
	for _, p := range s.Policies() {
		for _, d := range p.Definitions {
			out = append(out, d.Expr)
		}
		for _, c := range append(p.Eligibility, p.Exclusions...) {
			out = append(out, c.When)
		}
		out = append(out, p.Amount.Expr)
	}
	return append(out,
		`credit_blacklist or size == "large"`, `size not in ["small"] or status == "operating"`,
		`employees not between 41 and 50`, `known(size) and tag("high_tech")`, `if(credit_blacklist, 1, 2)`,
		`add_months(date("2024-01-31"), 1) < today`, `days_between(founded, today) / 365`,
		`starts_with(industry, "I65")`, `insured[2024, 12] - insured[2024, 1]`, `total(insured, year - 1)`,
		`if(status == "operating", status, size) == "small"`, `true in [false, credit_blacklist]`)
}

// FuzzCheckExpr checks that any expression either fails to check with
// positioned problems, or compiles, and then the compiled code and the
// tracing interpreter agree on the demo sample profile.
func FuzzCheckExpr(f *testing.F) {
	for _, s := range exprSeeds(f) {
		f.Add(s)
	}
	set := demoSet(f)
	p := sample(f, set)
	d := day("2025-03-31")
	f.Fuzz(func(t *testing.T, src string) {
		sc := &scope{reg: set.reg, params: map[string]int{}, defs: map[string]int{}, used: map[string]bool{}}
		for _, par := range set.shared {
			sc.params[par.Name] = len(sc.plist)
			sc.plist = append(sc.plist, par)
		}
		tn, ps := sc.checkSource("f", "/x", src, 0)
		if tn == nil {
			if len(ps) == 0 || ps[0].Pos == "" {
				t.Fatalf("no positioned problem for %q: %v", src, ps)
			}
			return
		}
		pol := &Policy{scope: sc}
		pg := &program{}
		c := pg.compileAny(tn)
		fr := &frame{p: p, today: dayNumber(d), year: ratInt(2025), params: pol.paramsAt(d), prog: pg}
		fr.setStatics()
		iv, known, _ := newInterp(fr, pol).eval(src, tn)
		slow := newInterp(fr, pol).format(tn, iv, known)
		var fast string
		switch {
		case c.b != nil:
			fast = c.b(fr).String()
		case c.n != nil:
			v, ok := c.n(fr)
			fast = "unknown"
			if ok {
				fast = v.String()
			}
		default:
			v, ok := c.v(fr)
			fast = newInterp(fr, pol).format(tn, v, ok)
		}
		if fast != slow {
			t.Fatalf("%q: compiled %s, interpreted %s", src, fast, slow)
		}
	})
}

// FuzzLoadFS feeds policy files to the loader: it must report problems or
// load a policy that then evaluates without panicking.
func FuzzLoadFS(f *testing.F) {
	files := fstest.MapFS{}
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
			files["p/"+base] = &fstest.MapFile{Data: b}
		} else {
			f.Add(b)
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{}`))
	set := demoSet(f)
	p := sample(f, set)
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang becomes a crasher the fuzzer saves, not a silent stall.
		slow := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("slow input %q", data)) })
		defer slow.Stop()
		m := fstest.MapFS{"p/x.json": {Data: data}}
		for k, v := range files {
			m[k] = v
		}
		s, err := LoadFS(m, "p")
		if err != nil {
			le, ok := err.(*LoadError)
			if !ok || len(le.Problems) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			return
		}
		for _, pol := range s.Policies() {
			q := p
			if q.reg != s.reg {
				q, err = s.reg.DecodeProfile(must(p.MarshalJSON()))
				if err != nil {
					t.Fatal(err)
				}
			}
			for _, on := range []string{"2024-06-30", "2025-12-31"} {
				if _, err := Explain(pol, q, day(on)); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
