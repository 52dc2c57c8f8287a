package policy

import (
	"math"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestRatArithmetic(t *testing.T) {
	r := func(s string) rat { return ratDecimal(decimal.RequireFromString(s)) }
	assert.Equal(t, "0.055", r("5.5").mul(r("0.01")).String())
	q, ok := ratInt(1).quo(ratInt(3))
	assert.True(t, ok)
	assert.Equal(t, "0.3333333333…", q.String())
	assert.Equal(t, 0, q.mul(ratInt(3)).cmp(ratInt(1)), "1/3 × 3 is exactly 1")
	_, ok = ratInt(1).quo(ratInt(0))
	assert.False(t, ok, "division by zero")
	assert.Equal(t, "-12.5", r("-12.50").String())
	assert.Equal(t, "60%", r("0.6").percent())
	// Overflow moves to big.Rat and back.
	big1 := ratInt(math.MaxInt64).add(ratInt(1))
	assert.NotNil(t, big1.b)
	assert.Equal(t, "9223372036854775808", big1.String())
	back := big1.sub(ratInt(1))
	assert.Nil(t, back.b)
	assert.Equal(t, int64(math.MaxInt64), back.n)
	assert.Equal(t, 1, big1.cmp(ratInt(math.MaxInt64)))
	assert.Equal(t, -1, ratInt(math.MinInt64).cmp(ratInt(math.MinInt64+1)))
	assert.Equal(t, "-9223372036854775808", ratInt(math.MinInt64).neg().neg().String())
}

func TestRatFenHalfUp(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{
		{"7311.105", 731111}, // half up, not half even (731110)
		{"370370.367", 37037037},
		{"0.004", 0},
		{"0.005", 1},
		{"0.015", 2},
		{"0.025", 3}, // half even would give 2
		{"-0.005", -1},
		{"12345678901234567.891", 1234567890123456789},
	} {
		got, ok := ratDecimal(decimal.RequireFromString(tc.in)).fen()
		assert.True(t, ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	third, _ := ratInt(2).quo(ratInt(300)) // 0.00666… → 0.01
	f, _ := third.fen()
	assert.Equal(t, int64(1), f)
}

// FuzzRat checks the int64 fast path against math/big.
func FuzzRat(f *testing.F) {
	f.Add(int64(1), int64(3), int64(-7), int64(2))
	f.Add(int64(math.MaxInt64), int64(1), int64(math.MinInt64), int64(3))
	f.Add(int64(123456789), int64(100), int64(55), int64(1000))
	f.Fuzz(func(t *testing.T, an, ad, bn, bd int64) {
		if ad == 0 || bd == 0 {
			return
		}
		a := ratBig(new(big.Rat).SetFrac64(an, ad))
		b := ratBig(new(big.Rat).SetFrac64(bn, bd))
		A, B := a.big(), b.big()
		check := func(op string, got rat, want *big.Rat) {
			if got.big().Cmp(want) != 0 {
				t.Fatalf("%s %s %s = %s, want %s", A, op, B, got.big(), want)
			}
		}
		check("+", a.add(b), new(big.Rat).Add(A, B))
		check("-", a.sub(b), new(big.Rat).Sub(A, B))
		check("*", a.mul(b), new(big.Rat).Mul(A, B))
		if B.Sign() != 0 {
			q, _ := a.quo(b)
			check("/", q, new(big.Rat).Quo(A, B))
		}
		if a.cmp(b) != A.Cmp(B) {
			t.Fatalf("cmp(%s, %s) = %d", A, B, a.cmp(b))
		}
	})
}
