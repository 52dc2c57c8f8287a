package evaluation

import (
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/onething-gov/onething/standards/citizenid"
)

// Reviewer is who gave a rating, or who called the hotline: personal data
// that stays inside stores. It is never shown to the unit reviewed (see
// Review.ForUnit), and logs, reports and published reviews show only the
// masked form (String, LogValue).
type Reviewer struct {
	Name  string `json:"name,omitempty"`
	Phone string `json:"phone,omitempty"`
	// CitizenID is the rater's ID number, when the rating was real-name
	// through an identity check.
	CitizenID citizenid.ID `json:"citizen_id,omitzero"`
	// Device identifies the evaluator, terminal or phone the rating came
	// from, for the detection of rating bursts.
	Device string `json:"device,omitempty"`
}

// IsZero reports whether nothing is known of the reviewer.
func (r Reviewer) IsZero() bool { return r == Reviewer{} }

// String returns the reviewer with name, phone and ID number masked, as
// "张** 138****1234 370102********0018".
func (r Reviewer) String() string {
	var parts []string
	if r.Name != "" {
		parts = append(parts, MaskName(r.Name))
	}
	if r.Phone != "" {
		parts = append(parts, MaskPhone(r.Phone))
	}
	if !r.CitizenID.IsZero() {
		parts = append(parts, r.CitizenID.Masked())
	}
	if len(parts) == 0 {
		return "anonymous"
	}
	return strings.Join(parts, " ")
}

// LogValue makes log/slog log the masked form.
func (r Reviewer) LogValue() slog.Value { return slog.StringValue(r.String()) }

// MaskName keeps the first character of a name and hides the rest: 张建国 →
// 张**, Li Wei → L*****.
func MaskName(name string) string {
	name = strings.TrimSpace(name)
	r, size := utf8.DecodeRuneInString(name)
	if size == 0 {
		return ""
	}
	return string(r) + strings.Repeat("*", utf8.RuneCountInString(name[size:]))
}

// MaskPhone keeps the first 3 and last 4 digits of a phone number of 11 or
// more characters (13812341234 → 138****1234) and the last 2 of a shorter
// one.
func MaskPhone(phone string) string {
	phone = strings.TrimSpace(phone)
	n := utf8.RuneCountInString(phone)
	rs := []rune(phone)
	switch {
	case n == 0:
		return ""
	case n >= 11:
		return string(rs[:3]) + strings.Repeat("*", n-7) + string(rs[n-4:])
	case n > 2:
		return strings.Repeat("*", n-2) + string(rs[n-2:])
	default:
		return strings.Repeat("*", n)
	}
}

// validPhone reports whether s looks like a phone number: 7 to 20 digits,
// with an optional leading + and inner hyphens or spaces.
func validPhone(s string) bool {
	s = strings.TrimPrefix(strings.TrimSpace(s), "+")
	digits := 0
	for i, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case (c == '-' || c == ' ') && i > 0:
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 20
}
