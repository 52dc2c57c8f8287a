package evaluation

import (
	"github.com/onething-gov/onething/standards/citizenid"
)

// PIIKind is a kind of personal number found in free text.
type PIIKind string

// The kinds.
const (
	PIICitizenID PIIKind = "citizen_id" // 公民身份号码 (GB 11643, check character verified)
	PIIMobile    PIIKind = "mobile"     // 手机号码 1[3-9]\d{9}
	PIIBankCard  PIIKind = "bank_card"  // 银行卡号 (16–19 digits, Luhn check)
)

// PIIMatch is one personal number found in a text: its kind, its byte
// offsets and its masked form (the raw value is never kept in a match).
type PIIMatch struct {
	Kind       PIIKind `json:"kind"`
	Start, End int     `json:"-"`
	Masked     string  `json:"masked"`
}

// FindPII returns the personal numbers in s, in order. A number is a
// maximal run of ASCII digits (an ID number may end in X or x) that no
// ASCII letter or digit touches on either side, so that a work-order
// number such as GD202601150041 or a part of a longer run never matches;
// and it must pass its validator:
//
//   - 18 characters: a citizen ID number that citizenid.Parse accepts
//     (province, birth date and ISO 7064 MOD 11-2 check character);
//   - 11 digits: a mainland mobile number 1[3-9]xxxxxxxxx;
//   - 16 to 19 digits: a bank card number whose Luhn check holds.
//
// Dates (20260115, 2026-01-15), amounts, landlines with area codes and
// the hotline numbers are no match: they fail the length or the check.
// A Luhn-valid 18-digit run that is also a valid ID number counts as an ID
// number. FindPII allocates only for the matches.
func FindPII(s string) []PIIMatch {
	var out []PIIMatch
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		end := j
		if j-i == 17 && j < len(s) && (s[j] == 'X' || s[j] == 'x') {
			end = j + 1
		}
		if (i > 0 && isAlnum(s[i-1])) || (end < len(s) && isAlnum(s[end])) {
			i = end
			continue
		}
		run := s[i:end]
		if m, ok := classifyPII(run); ok {
			m.Start, m.End = i, end
			out = append(out, m)
		}
		i = end
	}
	return out
}

func classifyPII(run string) (PIIMatch, bool) {
	n := len(run)
	switch {
	case n == 18:
		if id, err := citizenid.Parse(run); err == nil {
			return PIIMatch{Kind: PIICitizenID, Masked: id.Masked()}, true
		}
		if luhn(run) {
			return PIIMatch{Kind: PIIBankCard, Masked: maskCard(run)}, true
		}
	case n == 11:
		if run[0] == '1' && run[1] >= '3' && run[1] <= '9' {
			return PIIMatch{Kind: PIIMobile, Masked: MaskPhone(run)}, true
		}
	case n >= 16 && n <= 19:
		if luhn(run) {
			return PIIMatch{Kind: PIIBankCard, Masked: maskCard(run)}, true
		}
	}
	return PIIMatch{}, false
}

// luhn reports whether a run of ASCII digits passes the Luhn (ISO/IEC
// 7812-1) check.
func luhn(s string) bool {
	sum := 0
	double := false
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if !isDigit(c) {
			return false
		}
		d := int(c - '0')
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

// maskCard keeps the first 6 and last 4 digits of a card number.
func maskCard(s string) string {
	b := []byte(s)
	for i := 6; i < len(b)-4; i++ {
		b[i] = '*'
	}
	return string(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
