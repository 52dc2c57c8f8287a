package policy

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
)

// catalog is the demo catalog root, read from disk: tests never import the
// examples package.
var catalog = os.DirFS("../../examples/catalog")

func demoSet(t testing.TB) *Set {
	t.Helper()
	s, err := LoadFS(catalog, "policies")
	require.NoError(t, err)
	return s
}

func day(s string) matter.Date {
	d, err := matter.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// testPolicy builds a policy over the demo registry from expressions.
func testPolicy(t testing.TB, s *Set, eligibility []string, exclusions []string, amount string, params ...*Parameter) *Policy {
	t.Helper()
	p := &Policy{Code: "T", Name: "测试", NameEN: "test", Mode: Exempt,
		Effective: Period{From: day("2020-01-01")}, Issued: day("2024-01-02"), Parameters: params,
		Amount: Formula{Expr: amount}}
	for i, e := range eligibility {
		p.Eligibility = append(p.Eligibility, Clause{ID: string(rune('a' + i)), When: e})
	}
	for i, e := range exclusions {
		p.Exclusions = append(p.Exclusions, Clause{ID: "x" + string(rune('a'+i)), When: e})
	}
	var ps problems
	p.compile("test.json", s.reg, s.shared, &ps)
	require.NoError(t, ps.err(ErrInvalid))
	return p
}
