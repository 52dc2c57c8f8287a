package form

import (
	"bytes"
	"encoding/base64"
	"errors"
	"time"

	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// Validator checks one value of a data element beyond its JSON Schema. It
// returns nil for a good value, or the Fault found. Validators are called
// with decoded JSON values of the element's type (strings as string,
// numbers as json.Number); for a value of another type they return nil and
// leave the report to the schema.
type Validator func(v any) *Fault

// Fault is what a validator or a check finds wrong: a stable code that
// keys the message catalogs, a severity, and the arguments of the message.
// Arguments that are personal data must already be masked; a Text argument
// is rendered in the message's language.
type Fault struct {
	Code     string
	Severity Severity
	Args     []any
}

func fault(code string) *Fault { return &Fault{Code: code, Severity: Error} }

func warning(code string) *Fault { return &Fault{Code: code, Severity: Warning} }

// CitizenID validates a GB 11643 citizen ID number (公民身份号码): codes
// element.citizen_id.checksum for a wrong check character,
// element.citizen_id.invalid for anything else.
func CitizenID(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	_, err := citizenid.Parse(s)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, citizenid.ErrChecksum):
		return fault("element.citizen_id.checksum")
	}
	return fault("element.citizen_id.invalid")
}

// CreditCode validates a GB 32100 unified social credit code
// (统一社会信用代码). A wrong check character and a registry/kind pair
// outside the table are warnings (element.credit_code.checksum,
// element.credit_code.unknown_kind): such codes exist; anything else is
// element.credit_code.invalid.
func CreditCode(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	c, err := creditcode.Parse(s)
	switch {
	case err == nil:
		return nil
	case c.IsZero():
		return fault("element.credit_code.invalid")
	case errors.Is(err, creditcode.ErrChecksum):
		return warning("element.credit_code.checksum")
	}
	return warning("element.credit_code.unknown_kind")
}

// DivisionCode validates a GB/T 2260 division code (行政区划代码): malformed
// is element.division.invalid; well formed but not in the national table
// is the warning element.division.unknown; a retired code is the warning
// element.division.retired (valid in old identifiers, stale as an
// address).
func DivisionCode(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	c, err := division.Parse(s)
	if err != nil {
		return fault("element.division.invalid")
	}
	d, ok := division.Lookup(c)
	switch {
	case !ok:
		return warning("element.division.unknown")
	case d.Retired:
		return warning("element.division.retired")
	}
	return nil
}

// Mobile validates a mainland China mobile number: 11 digits, 1, then 3–9
// (element.mobile.invalid).
func Mobile(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if len(s) != 11 || s[0] != '1' || s[1] < '3' || s[1] > '9' || !allDigits(s) {
		return fault("element.mobile.invalid")
	}
	return nil
}

// BankCard validates a bank card number: 12 to 19 digits
// (element.bank_card.invalid) with a correct Luhn check digit
// (element.bank_card.checksum).
func BankCard(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if len(s) < 12 || len(s) > 19 || !allDigits(s) {
		return fault("element.bank_card.invalid")
	}
	if !luhn(s) {
		return fault("element.bank_card.checksum")
	}
	return nil
}

// luhn reports whether a digit string passes the Luhn (ISO/IEC 7812) check.
func luhn(s string) bool {
	sum := 0
	double := false
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// LuhnCheckDigit returns the digit that completes a digit string to pass the
// Luhn check, for building test card numbers; ok is false for a string that
// is not all digits.
func LuhnCheckDigit(s string) (digit byte, ok bool) {
	if !allDigits(s) {
		return 0, false
	}
	for d := byte('0'); d <= '9'; d++ {
		if luhn(s + string(d)) {
			return d, true
		}
	}
	return 0, false
}

// AccountNumber validates a digits-only account number of 8 to 20 digits,
// such as a housing fund account (element.account.invalid).
func AccountNumber(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if len(s) < 8 || len(s) > 20 || !allDigits(s) {
		return fault("element.account.invalid")
	}
	return nil
}

// SocialSecurityCardNumber validates the 9-character number printed on a
// social security card (社会保障卡卡号): upper-case letters and digits
// (element.card_number.invalid).
func SocialSecurityCardNumber(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if len(s) != 9 {
		return fault("element.card_number.invalid")
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9') && !('A' <= c && c <= 'Z') {
			return fault("element.card_number.invalid")
		}
	}
	return nil
}

// Date validates a calendar date YYYY-MM-DD from 1900 to 2199
// (element.date.invalid).
func Date(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if len(s) != 10 {
		return fault("element.date.invalid")
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() < 1900 || t.Year() > 2199 {
		return fault("element.date.invalid")
	}
	return nil
}

// Photo validates a photo given as base64 JPEG data (element.photo.invalid).
func Photo(v any) *Fault {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	head := s[:min(len(s), 16)]
	b, err := base64.StdEncoding.DecodeString(head[:len(head)/4*4])
	if err != nil || !bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) {
		return fault("element.photo.invalid")
	}
	if _, err := base64.StdEncoding.DecodeString(s); err != nil {
		return fault("element.photo.invalid")
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
