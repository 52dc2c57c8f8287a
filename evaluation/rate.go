package evaluation

import (
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"
)

// Rate is a ratio of two counts, such as 好评率 = good reviews / reviews.
// It keeps both counts, so that every published figure can be traced to
// the records behind it. A Rate with a zero denominator is undefined
// (shown "—"), never 0% or 100%.
//
// Rates are published as percentages with 2 decimals, rounded half-up
// (四舍五入): Percent computes that value exactly with decimal arithmetic;
// no float64 is involved.
type Rate struct {
	Num int64 `json:"num"`
	Den int64 `json:"den"`
}

var hundred = decimal.NewFromInt(100)

// OK reports whether the rate is defined: its denominator is positive.
func (r Rate) OK() bool { return r.Den > 0 }

// Percent returns the rate in percent rounded half-up to 2 decimals
// (1/8 → 12.50, 1/32 → 3.13, 2/3 → 66.67), or zero when the rate is
// undefined.
func (r Rate) Percent() decimal.Decimal {
	if !r.OK() {
		return decimal.Zero
	}
	// DivRound rounds half away from zero, which is half-up for the
	// non-negative counts of a rate; the quotient and remainder are exact.
	return decimal.NewFromInt(r.Num).Mul(hundred).DivRound(decimal.NewFromInt(r.Den), 2)
}

// String returns the percentage with 2 decimals and a percent sign, as
// "96.25%", or "—" when the rate is undefined.
func (r Rate) String() string {
	if !r.OK() {
		return "—"
	}
	return r.Percent().StringFixed(2) + "%"
}

// Detail returns the percentage with its counts, as "96.25% (77/80)", or
// "—".
func (r Rate) Detail() string {
	if !r.OK() {
		return "—"
	}
	return r.String() + " (" + strconv.FormatInt(r.Num, 10) + "/" + strconv.FormatInt(r.Den, 10) + ")"
}

// IsZero reports whether both counts are zero.
func (r Rate) IsZero() bool { return r == Rate{} }

// MarshalJSON writes the counts and the published percentage, as
// {"num":77,"den":80,"percent":"96.25"}; the percentage is null when the
// rate is undefined.
func (r Rate) MarshalJSON() ([]byte, error) {
	type out struct {
		Num     int64   `json:"num"`
		Den     int64   `json:"den"`
		Percent *string `json:"percent"`
	}
	o := out{Num: r.Num, Den: r.Den}
	if r.OK() {
		p := r.Percent().StringFixed(2)
		o.Percent = &p
	}
	return json.Marshal(o)
}

// UnmarshalJSON reads the counts written by MarshalJSON; the percentage is
// derived, not read.
func (r *Rate) UnmarshalJSON(b []byte) error {
	var in struct {
		Num int64 `json:"num"`
		Den int64 `json:"den"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	r.Num, r.Den = in.Num, in.Den
	return nil
}

// change returns the change from prev to r in percentage points, as
// published (the difference of the two rounded percentages), and whether
// both rates are defined.
func (r Rate) change(prev Rate) (decimal.Decimal, bool) {
	if !r.OK() || !prev.OK() {
		return decimal.Zero, false
	}
	return r.Percent().Sub(prev.Percent()), true
}

// signed formats a change with its sign and 2 decimals: "+1.50", "-0.25",
// "0.00".
func signed(d decimal.Decimal) string {
	s := d.StringFixed(2)
	if d.Sign() > 0 {
		return "+" + s
	}
	return s
}
