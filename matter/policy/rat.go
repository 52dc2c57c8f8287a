package policy

import (
	"math"
	"math/big"
	"math/bits"
	"strings"

	"github.com/shopspring/decimal"
)

// rat is an exact rational number. Small values, which are nearly all the
// values a policy meets (money in fen, head counts, rates), are held as
// n/d in two int64s, d > 0, and computed without allocating; when a result
// would overflow, the value moves to a *big.Rat. So arithmetic in the
// language is exact, like decimal, and only the final amount is rounded.
type rat struct {
	n, d int64
	b    *big.Rat // when non-nil, the value; n and d are unused
}

func ratInt(i int64) rat { return rat{n: i, d: 1} }

var pow10 = [...]int64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// ratDecimal converts a decimal exactly.
func ratDecimal(v decimal.Decimal) rat {
	c, e := v.Coefficient(), v.Exponent()
	if c.IsInt64() {
		n := c.Int64()
		switch {
		case e == 0:
			return ratInt(n)
		case e < 0 && -e < int32(len(pow10)):
			return reduce(n, pow10[-e])
		case e > 0 && e < int32(len(pow10)):
			if m, ok := mul64(n, pow10[e]); ok {
				return ratInt(m)
			}
		}
	}
	return ratBig(v.Rat())
}

// ratBig returns r, small when it fits.
func ratBig(r *big.Rat) rat {
	if r.Num().IsInt64() && r.Denom().IsInt64() {
		return rat{n: r.Num().Int64(), d: r.Denom().Int64()}
	}
	return rat{b: r}
}

func (a rat) big() *big.Rat {
	if a.b != nil {
		return a.b
	}
	return new(big.Rat).SetFrac64(a.n, a.d)
}

// sign returns -1, 0 or +1.
func (a rat) sign() int {
	if a.b != nil {
		return a.b.Sign()
	}
	switch {
	case a.n < 0:
		return -1
	case a.n > 0:
		return 1
	}
	return 0
}

func abs64(x int64) (uint64, bool) {
	if x == math.MinInt64 {
		return 0, false
	}
	if x < 0 {
		return uint64(-x), true
	}
	return uint64(x), true
}

// mul64 multiplies with an overflow check.
func mul64(x, y int64) (int64, bool) {
	ax, ok1 := abs64(x)
	ay, ok2 := abs64(y)
	if !ok1 || !ok2 {
		return 0, false
	}
	hi, lo := bits.Mul64(ax, ay)
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (x < 0) != (y < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

func add64(x, y int64) (int64, bool) {
	s := x + y
	return s, (s^x)&(s^y) >= 0
}

func gcd(a, b uint64) uint64 {
	if a == 0 {
		return b
	}
	if b == 0 {
		return a
	}
	shift := bits.TrailingZeros64(a | b)
	a >>= bits.TrailingZeros64(a)
	for b != 0 {
		b >>= bits.TrailingZeros64(b)
		if a > b {
			a, b = b, a
		}
		b -= a
	}
	return a << shift
}

// reduce returns n/d in lowest terms; d must be > 0.
func reduce(n, d int64) rat {
	if d == 1 {
		return rat{n: n, d: 1}
	}
	an, ok := abs64(n)
	if !ok {
		return ratBig(new(big.Rat).SetFrac64(n, d))
	}
	if g := int64(gcd(an, uint64(d))); g > 1 {
		n, d = n/g, d/g
	}
	return rat{n: n, d: d}
}

func (a rat) add(b rat) rat {
	if a.b == nil && b.b == nil {
		if a.d == b.d {
			if s, ok := add64(a.n, b.n); ok {
				return reduce(s, a.d)
			}
		} else if x, ok := mul64(a.n, b.d); ok {
			if y, ok := mul64(b.n, a.d); ok {
				if d, ok := mul64(a.d, b.d); ok {
					if s, ok := add64(x, y); ok {
						return reduce(s, d)
					}
				}
			}
		}
	}
	return ratBig(new(big.Rat).Add(a.big(), b.big()))
}

func (a rat) neg() rat {
	if a.b == nil && a.n != math.MinInt64 {
		return rat{n: -a.n, d: a.d}
	}
	return ratBig(new(big.Rat).Neg(a.big()))
}

func (a rat) sub(b rat) rat { return a.add(b.neg()) }

func (a rat) mul(b rat) rat {
	if a.b == nil && b.b == nil {
		if a.d == 1 && b.d == 1 {
			if n, ok := mul64(a.n, b.n); ok {
				return rat{n: n, d: 1}
			}
		} else {
			// Cross-reduce first so that the products stay small.
			an, bn, ad, bd := a.n, b.n, a.d, b.d
			if x, ok := abs64(an); ok {
				if g := int64(gcd(x, uint64(bd))); g > 1 {
					an, bd = an/g, bd/g
				}
			}
			if x, ok := abs64(bn); ok {
				if g := int64(gcd(x, uint64(ad))); g > 1 {
					bn, ad = bn/g, ad/g
				}
			}
			if n, ok := mul64(an, bn); ok {
				if d, ok := mul64(ad, bd); ok {
					return rat{n: n, d: d}
				}
			}
		}
	}
	return ratBig(new(big.Rat).Mul(a.big(), b.big()))
}

// quo returns a/b; ok is false when b is zero.
func (a rat) quo(b rat) (rat, bool) {
	if b.sign() == 0 {
		return rat{}, false
	}
	if b.b == nil && b.n != math.MinInt64 {
		inv := rat{n: b.d, d: b.n}
		if inv.d < 0 {
			inv.n, inv.d = -inv.n, -inv.d
		}
		return a.mul(inv), true
	}
	return ratBig(new(big.Rat).Quo(a.big(), b.big())), true
}

// cmp returns -1, 0 or +1 as a is less than, equal to or greater than b.
func (a rat) cmp(b rat) int {
	if a.b == nil && b.b == nil {
		if a.d == b.d {
			switch {
			case a.n < b.n:
				return -1
			case a.n > b.n:
				return 1
			}
			return 0
		}
		sa, sb := a.sign(), b.sign()
		if sa != sb {
			if sa < sb {
				return -1
			}
			return 1
		}
		if sa == 0 {
			return 0
		}
		x, ok1 := abs64(a.n)
		y, ok2 := abs64(b.n)
		if ok1 && ok2 {
			h1, l1 := bits.Mul64(x, uint64(b.d))
			h2, l2 := bits.Mul64(y, uint64(a.d))
			c := 0
			switch {
			case h1 < h2 || h1 == h2 && l1 < l2:
				c = -1
			case h1 > h2 || l1 > l2:
				c = 1
			}
			return c * sa
		}
	}
	return a.big().Cmp(b.big())
}

// fen rounds a to the nearest fen (0.01 yuan), halves away from zero
// (四舍五入), and returns the number of fen; ok is false when it does not
// fit an int64.
func (a rat) fen() (int64, bool) {
	if a.b == nil {
		if n, ok := mul64(a.n, 100); ok {
			q, r := n/a.d, n%a.d
			ar, _ := abs64(r)
			if 2*ar >= uint64(a.d) {
				if n < 0 {
					q--
				} else {
					q++
				}
			}
			return q, true
		}
	}
	x := new(big.Rat).Mul(a.big(), big.NewRat(100, 1))
	num, den := x.Num(), x.Denom()
	q, r := new(big.Int).QuoRem(num, den, new(big.Int))
	r.Abs(r).Lsh(r, 1)
	if r.Cmp(den) >= 0 {
		q.Add(q, big.NewInt(int64(num.Sign())))
	}
	if !q.IsInt64() {
		return 0, false
	}
	return q.Int64(), true
}

// isInt reports whether a is a whole number, and returns it when it fits.
func (a rat) int() (int64, bool) {
	if a.b == nil {
		return a.n, a.d == 1
	}
	if a.b.IsInt() && a.b.Num().IsInt64() {
		return a.b.Num().Int64(), true
	}
	return 0, false
}

// String writes a in decimal: exactly when its expansion ends, otherwise
// to ten places followed by "…".
func (a rat) String() string {
	r := a.big()
	d := new(big.Int).Set(r.Denom())
	places := 0
	for _, p := range []int64{2, 5} {
		bp := big.NewInt(p)
		m := new(big.Int)
		for {
			q, rem := new(big.Int).QuoRem(d, bp, m)
			if rem.Sign() != 0 {
				break
			}
			d = q
			places++ // an upper bound; trimmed below
		}
	}
	if d.Cmp(big.NewInt(1)) == 0 {
		s := r.FloatString(places)
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return s
	}
	return r.FloatString(10) + "…"
}

// percent writes a as a percentage, exact when the expansion ends.
func (a rat) percent() string { return a.mul(ratInt(100)).String() + "%" }
