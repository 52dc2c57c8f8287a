// Package citizenid implements GB 11643 citizen ID numbers (公民身份号码):
// six digits of region, eight of birth date, three of sequence and a check
// character, as in 11010519491231002X.
//
// It is for anyone who takes an ID number from a person or a form and must
// know it is well formed before acting on it: intake at a counter or online,
// pre-review of an application, de-duplication of applicants. Parse checks
// the shape, the province, the birth date and the ISO 7064 MOD 11-2 check
// character; an ID is comparable and can key a map.
//
// It is not a registry lookup: a number that passes Parse may still belong to
// nobody, and nothing here says whose it is. The 15-digit first-generation
// numbers (issued before 1999, no check character) are not accepted; a
// person holding one must present the 18-digit number. Numbers of
// 港澳台居民居住证 (residence permits of Hong Kong, Macao and Taiwan
// residents, with region 810000, 820000 or 830000) have the same form and
// are accepted.
//
// An ID number is personal information. Log and display Masked
// (110105********002X), never String; error messages from this package
// carry only the masked form, and an ID given to log/slog logs masked.
package citizenid

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/onething-gov/onething/standards/division"
)

// Errors returned, wrapped, by Parse, UnmarshalText and CheckChar. Test with
// errors.Is. Every failure wraps ErrInvalid; a wrong check character wraps
// ErrChecksum as well.
var (
	ErrInvalid  = errors.New("invalid citizen ID number")
	ErrChecksum = errors.New("checksum mismatch")
)

// cst is China Standard Time (UTC+8), the zone of birth dates and of "today".
var cst = time.FixedZone("CST", 8*3600)

// size is the length of a citizen ID number.
const size = 18

// ID is a citizen ID number (公民身份号码) that has passed Parse. It is
// comparable: use it as a map key or with == to find duplicates. The zero
// value is no ID.
type ID struct {
	b [size]byte // canonical ASCII, check character upper-case; all zero for no ID
}

// Parse reads a citizen ID number. It trims surrounding space (U+3000
// included), folds full-width characters (３７…Ｘ) to ASCII and accepts a
// lower-case x. It requires 18 characters: 17 digits and a check character
// (a digit or X); a province prefix (first two digits) that division knows,
// or 83 for 台湾居民居住证; a real birth date from 1800 on and not after today
// in China; and the right ISO 7064 MOD 11-2 check character. The region
// code itself need not be current (see Region). Errors wrap ErrInvalid, and
// also ErrChecksum when only the check character is wrong; their messages
// show the masked input only.
func Parse(s string) (ID, error) { return parse(s, time.Now()) }

// parse is Parse with "today" taken from now.
func parse(s string, now time.Time) (ID, error) {
	s = strings.TrimSpace(s)
	if !isASCII(s) {
		s = strings.TrimSpace(width.Narrow.String(s))
	}
	if s == "" {
		return ID{}, fmt.Errorf("citizenid: %w: empty", ErrInvalid)
	}
	if len(s) != size || !isASCII(s) {
		return ID{}, shapeError(s)
	}
	var id ID
	for i := 0; i < size-1; i++ {
		if s[i] < '0' || s[i] > '9' {
			return ID{}, invalid(s, "character %d is not a digit", i+1)
		}
		id.b[i] = s[i]
	}
	switch c := s[size-1]; {
	case c >= '0' && c <= '9', c == 'X':
		id.b[size-1] = c
	case c == 'x':
		id.b[size-1] = 'X'
	default:
		return ID{}, invalid(s, "character 18 is not a digit or X")
	}
	if p := s[:2]; p != "83" && !division.IsProvince(p) {
		return ID{}, invalid(s, "characters 1–2: %s is not a province", p)
	}
	y, m, d := id.date()
	switch {
	case y < 1800:
		return ID{}, invalid(s, "characters 7–10: birth year is before 1800")
	case m < 1 || m > 12 || d < 1 || d > daysIn(y, m):
		return ID{}, invalid(s, "characters 7–14 are not a calendar date")
	}
	ny, nm, nd := now.In(cst).Date()
	if y*10000+m*100+d > ny*10000+int(nm)*100+nd {
		return ID{}, invalid(s, "characters 7–14: birth date is in the future")
	}
	if want := checkChar(id.b[:size-1]); id.b[size-1] != want {
		return ID{}, fmt.Errorf("citizenid: %q: %w: %w: check character is %c, want %c",
			maskInput(s), ErrInvalid, ErrChecksum, id.b[size-1], want)
	}
	return id, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// shapeError explains why s, which is not 18 ASCII bytes, is rejected.
func shapeError(s string) error {
	n := utf8.RuneCountInString(s)
	if n == 15 {
		return invalid(s, "length is 15, want 18 (15-digit first-generation numbers are not accepted)")
	}
	if n != size {
		return invalid(s, "length is %d, want 18", n)
	}
	for i, r := range []rune(s)[:size-1] { // 18 characters, some not ASCII
		if r < '0' || r > '9' {
			return invalid(s, "character %d is not a digit", i+1)
		}
	}
	return invalid(s, "character 18 is not a digit or X")
}

func invalid(s, format string, args ...any) error {
	return fmt.Errorf("citizenid: %q: %w: %s", maskInput(s), ErrInvalid, fmt.Sprintf(format, args...))
}

// maskInput hides the middle of a rejected input for an error message. Like
// Masked it shows at most the first 6 and the last 4 characters, and it
// always hides at least 8.
func maskInput(s string) string {
	r := []rune(s)
	n := len(r)
	shown := min(max(n-8, 0), 10)
	head := shown * 6 / 10
	tail := shown - head
	hidden := n - head - tail
	stars := strings.Repeat("*", min(hidden, 16))
	if hidden > 16 {
		stars += "…"
	}
	return string(r[:head]) + stars + string(r[n-tail:])
}

// weights are the ISO 7064 MOD 11-2 weights of positions 1–17.
var weights = [size - 1]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// checkChar computes the check character of 17 ASCII digits.
func checkChar(d []byte) byte {
	s := 0
	for i, w := range weights {
		s += int(d[i]-'0') * w
	}
	return "10X98765432"[s%11]
}

// CheckChar returns the check character ('0'–'9' or 'X') of the first 17
// digits of an ID number. The error wraps ErrInvalid if first17 is not
// exactly 17 ASCII digits.
func CheckChar(first17 string) (byte, error) {
	if len(first17) != size-1 {
		return 0, fmt.Errorf("citizenid: %w: CheckChar wants 17 digits, have %d bytes", ErrInvalid, len(first17))
	}
	for i := 0; i < len(first17); i++ {
		if first17[i] < '0' || first17[i] > '9' {
			return 0, fmt.Errorf("citizenid: %w: CheckChar: character %d is not a digit", ErrInvalid, i+1)
		}
	}
	return checkChar([]byte(first17)), nil
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func num(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

// date returns the birth year, month and day digits.
func (id ID) date() (y, m, d int) {
	return num(id.b[6:10]), num(id.b[10:12]), num(id.b[12:14])
}

// IsZero reports whether id is the zero value, no ID.
func (id ID) IsZero() bool { return id == ID{} }

// String returns the canonical 18 characters, with an upper-case X, or ""
// for the zero ID. It is the full number: log Masked instead.
func (id ID) String() string {
	if id.IsZero() {
		return ""
	}
	return string(id.b[:])
}

// Masked returns the ID with its birth date and part of its sequence hidden,
// as 110105********002X: the first 6 and last 4 characters are kept. It is
// the form to log and display. The zero ID gives "".
func (id ID) Masked() string {
	if id.IsZero() {
		return ""
	}
	b := id.b
	copy(b[6:14], "********")
	return string(b[:])
}

// LogValue makes log/slog log the masked form.
func (id ID) LogValue() slog.Value { return slog.StringValue(id.Masked()) }

// Region returns the division code in the first six digits: where the
// number was first issued, which is not necessarily the holder's present
// 户籍. It may be a code since retired (371202 莱城区, now part of 370116
// 莱芜区), one division does not know, or 810000, 820000 or 830000 for
// 港澳台居民居住证. The zero ID gives "".
func (id ID) Region() division.Code {
	if id.IsZero() {
		return ""
	}
	return division.Code(id.b[:6])
}

// Birth returns the date of birth at midnight China Standard Time (UTC+8),
// or the zero time.Time for the zero ID.
func (id ID) Birth() time.Time {
	if id.IsZero() {
		return time.Time{}
	}
	y, m, d := id.date()
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, cst)
}

// Sex is the sex recorded in an ID number's sequence code (顺序码): odd for
// male, even for female. The zero value is unknown.
type Sex int

// The sexes.
const (
	Male Sex = iota + 1
	Female
)

// String returns "male", "female" or, for other values, "Sex(n)".
func (s Sex) String() string {
	switch s {
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return "Sex(" + strconv.Itoa(int(s)) + ")"
}

// Sex returns the sex recorded in the seventeenth digit, or 0 for the zero
// ID.
func (id ID) Sex() Sex {
	switch {
	case id.IsZero():
		return 0
	case (id.b[16]-'0')%2 == 1:
		return Male
	}
	return Female
}

// AgeOn returns the age in completed years (周岁) on the calendar day of day
// in China Standard Time, whatever day's location: a birthday counts from
// the birthday itself. Someone born on 29 February has a birthday on
// 1 March in common years. A day before the birth, or the zero ID, gives 0.
func (id ID) AgeOn(day time.Time) int {
	if id.IsZero() {
		return 0
	}
	by, bm, bd := id.date()
	y, m, d := day.In(cst).Date()
	age := y - by
	if int(m)*100+d < bm*100+bd {
		age--
	}
	return max(age, 0)
}

// MarshalText implements encoding.TextMarshaler: the canonical 18
// characters, or empty for the zero ID.
func (id ID) MarshalText() ([]byte, error) {
	if id.IsZero() {
		return []byte{}, nil
	}
	return id.b[:], nil
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse. Empty text
// gives the zero ID, so that MarshalText round-trips; check IsZero where an
// ID is required.
func (id *ID) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*id = ID{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*id = v
	return nil
}
