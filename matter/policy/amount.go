package policy

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/shopspring/decimal"
)

// Amount is a sum of money in fen (分, 0.01 yuan), exact. Amounts are
// written in yuan with two decimals, such as "4800.00".
type Amount int64

// AmountOf converts a decimal number of yuan, which must be a whole number
// of fen.
func AmountOf(yuan decimal.Decimal) (Amount, error) {
	f := yuan.Shift(2)
	if !f.IsInteger() || !f.BigInt().IsInt64() {
		return 0, fmt.Errorf("%w: %s yuan is not a whole number of fen", ErrInvalid, yuan)
	}
	return Amount(f.IntPart()), nil
}

// Decimal returns the amount in yuan.
func (a Amount) Decimal() decimal.Decimal { return decimal.New(int64(a), -2) }

// String writes the amount in yuan with two decimals.
func (a Amount) String() string {
	n := int64(a)
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	return fmt.Sprintf("%s%d.%02d", sign, n/100, n%100)
}

// MarshalJSON writes the amount as a string, "4800.00", so that no reader
// turns it into a float.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(a.String())), nil }

// UnmarshalJSON reads a string or a number of yuan with at most two
// decimals.
func (a *Amount) UnmarshalJSON(b []byte) error {
	var s string
	if len(b) > 0 && b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	} else {
		s = string(b)
	}
	d, err := parseDecimal(s)
	if err != nil {
		return err
	}
	v, err := AmountOf(d)
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// maxDigits bounds the decimals this package reads (in parameter files,
// profiles and expressions), so that no input such as 1e999999999 can make
// exact arithmetic run away.
const maxDigits = 40

// parseDecimal reads a decimal of at most maxDigits significant digits
// and an exponent within ±maxDigits.
func parseDecimal(s string) (decimal.Decimal, error) {
	if len(s) > 2*maxDigits+8 {
		return decimal.Decimal{}, fmt.Errorf("%w: number %.20q… too long", ErrInvalid, s)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%w: %q is not a decimal number", ErrInvalid, s)
	}
	if e := d.Exponent(); e > maxDigits || e < -maxDigits || len(d.Coefficient().String()) > maxDigits+1 {
		return decimal.Decimal{}, fmt.Errorf("%w: number %q out of range", ErrInvalid, s)
	}
	return d, nil
}
