package form

import (
	"strings"
	"unicode/utf8"

	"github.com/onething-gov/onething/standards/citizenid"
)

// Masker hides part of a personal value before it appears in a message, a
// log or a public report.
type Masker func(s string) string

// MaskCitizenID keeps the first 6 and last 4 characters of an ID number, as
// citizenid.ID.Masked does (110105********002X); a malformed number is masked
// the same way by length.
func MaskCitizenID(s string) string {
	if id, err := citizenid.Parse(s); err == nil {
		return id.Masked()
	}
	return keepEnds(s, 6, 4)
}

// MaskMobile keeps the first 3 and last 4 digits of a mobile number
// (138****5678).
func MaskMobile(s string) string { return keepEnds(s, 3, 4) }

// MaskAccount keeps the first 4 and last 4 characters of a bank card or
// account number (6222***********1234).
func MaskAccount(s string) string { return keepEnds(s, 4, 4) }

// MaskName keeps the first character of a name (张*, 欧阳**).
func MaskName(s string) string { return keepEnds(s, 1, 0) }

// MaskAddress keeps the first 6 characters of an address, usually province
// and city (山东省济南市****).
func MaskAddress(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= 6 {
		return keepEnds(s, 1, 0)
	}
	return string([]rune(s)[:6]) + "****"
}

// MaskDate keeps the year of a date (1965-**-**).
func MaskDate(s string) string {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		return s[:4] + "-**-**"
	}
	return MaskAll(s)
}

// MaskAll hides the whole value.
func MaskAll(string) string { return "****" }

// keepEnds keeps the first head and last tail characters and stars the
// rest; a value too short to keep anything is all stars.
func keepEnds(s string, head, tail int) string {
	r := []rune(s)
	if len(r) <= head+tail {
		if len(r) <= 1 {
			return "*"
		}
		return string(r[:1]) + strings.Repeat("*", len(r)-1)
	}
	return string(r[:head]) + strings.Repeat("*", len(r)-head-tail) + string(r[len(r)-tail:])
}
