package expr_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter/policy/expr"
)

// seeds are real conditions and formulas of the demo policies, and corners
// of the grammar.
var seeds = []string{
	`size in ["small", "micro"] and layoff_rate <= layoff_target`,
	`ui_paid_months >= 12 and not credit_blacklist`,
	`min(ui_premiums[year - 1] * if(size == "large", rate_large, rate_sme), cap)`,
	`mean(insured, year - 1) <= 30 and layoffs[year - 1] / mean(insured, year - 1) <= 20%`,
	`founded between add_years(today, -3) and today`,
	`industry not in ["J6", "K66"] or tag("high_tech")`,
	`graduates_hired[year] * 1500`,
	`insured[2024, 12] > 0`,
	`-(a + b) * c / d - e`,
	`a - (b - c)`,
	`not (a and b) or c`,
	`x not between 1 and 2.50`,
	`"say \"hi\" \\ 你好" == name`,
	`(a in [1]) == true`,
}

func TestParseRoundTrip(t *testing.T) {
	for _, src := range seeds {
		t.Run(src, func(t *testing.T) {
			n, err := expr.Parse(src)
			require.NoError(t, err)
			f := expr.Format(n)
			n2, err := expr.Parse(f)
			require.NoError(t, err, "reparse of %q", f)
			assert.Equal(t, f, expr.Format(n2))
		})
	}
}

func TestFormatCanonical(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a-(b-c)", "a - (b - c)"},
		{"(a-b)-c", "a - b - c"},
		{"((a))", "a"},
		{"not(a and b)", "not (a and b)"},
		{"a or (b or c)", "a or (b or c)"},
		{"5.5 %", ""}, // error case checked below
		{"x  in[1,2 ,3]", "x in [1, 2, 3]"},
		{"-(-x)", "--x"},
		{"s[2024,1]", "s[2024, 1]"},
	} {
		n, err := expr.Parse(tc.in)
		if tc.want == "" {
			assert.Error(t, err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, expr.Format(n), tc.in)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		src       string
		line, col int
		msg       string
	}{
		{"", 1, 1, "empty expression"},
		{"a = 1", 1, 3, "use =="},
		{"a && b", 1, 3, "use and"},
		{"a < b < c", 1, 7, "do not chain"},
		{"size in small", 1, 9, "expected [ after in"},
		{"x between 1 or 2", 1, 13, "expected and"},
		{"f(a b)", 1, 5, "expected , or )"},
		{"(a", 1, 3, "expected )"},
		{"1.", 1, 3, "digit must follow"},
		{"12ab", 1, 3, "after number"},
		{`"abc`, 1, 1, "not terminated"},
		{`"a\n"`, 1, 3, "escapes"},
		{"a\n  and 企业", 2, 7, "unexpected character '企'"},
		{"a not b", 1, 7, "expected in or between"},
		{"[1]", 1, 1, "list may only follow in"},
		{"a and", 1, 6, "unexpected end"},
		{"s[]", 1, 3, "empty index"},
		{"a b", 1, 3, "unexpected \"b\" after expression"},
		{"in", 1, 1, "unexpected keyword"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			_, err := expr.Parse(tc.src)
			require.Error(t, err)
			assert.True(t, errors.Is(err, expr.ErrSyntax))
			var se *expr.SyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tc.line, se.Line, "line")
			assert.Equal(t, tc.col, se.Col, "col")
			assert.Contains(t, se.Msg, tc.msg)
		})
	}
}

func TestParseDepth(t *testing.T) {
	deep := ""
	for range 200 {
		deep += "("
	}
	_, err := expr.Parse(deep + "a")
	assert.ErrorContains(t, err, "nested too deeply")
	long := make([]byte, expr.MaxLen+1)
	for i := range long {
		long[i] = 'a'
	}
	_, err = expr.Parse(string(long))
	assert.ErrorIs(t, err, expr.ErrSyntax)
}

func TestSpans(t *testing.T) {
	src := `size in ["small"] and  mean(insured, year - 1) <= 30`
	n, err := expr.Parse(src)
	require.NoError(t, err)
	var texts []string
	expr.Walk(n, func(x expr.Node) bool {
		s, e := x.Span()
		texts = append(texts, src[s:e])
		return true
	})
	assert.Contains(t, texts, `mean(insured, year - 1)`)
	assert.Contains(t, texts, `size in ["small"]`)
	assert.Contains(t, texts, `year - 1`)
	assert.Equal(t, src, texts[0])
}

func FuzzParse(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Add("((((")
	f.Add(`"\`)
	f.Fuzz(func(t *testing.T, src string) {
		n, err := expr.Parse(src)
		if err != nil {
			var se *expr.SyntaxError
			if !errors.As(err, &se) || se.Line < 1 || se.Col < 1 || se.Offset < 0 || se.Offset > len(src) {
				t.Fatalf("bad error %#v for %q", err, src)
			}
			return
		}
		expr.Walk(n, func(x expr.Node) bool {
			s, e := x.Span()
			if s < 0 || e > len(src) || s > e {
				t.Fatalf("span [%d,%d) outside %q", s, e, src)
			}
			return true
		})
		f1 := expr.Format(n)
		n2, err := expr.Parse(f1)
		if err != nil {
			t.Fatalf("Format(%q) = %q does not parse: %v", src, f1, err)
		}
		if f2 := expr.Format(n2); f2 != f1 {
			t.Fatalf("Format not stable: %q then %q", f1, f2)
		}
	})
}

func ExampleParse() {
	n, err := expr.Parse(`size in ["small","micro"]and layoff_rate<=5.5%`)
	if err != nil {
		panic(err)
	}
	fmt.Println(expr.Format(n))
	_, err = expr.Parse("size = \"small\"")
	fmt.Println(err)
	// Output:
	// size in ["small", "micro"] and layoff_rate <= 5.5%
	// 1:6: use == to compare
}
