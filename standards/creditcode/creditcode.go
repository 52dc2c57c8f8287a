// Package creditcode implements GB 32100 unified social credit codes
// (统一社会信用代码): the 18 characters that identify every enterprise,
// public institution, social organisation and other legal person or
// organisation in China, with the GB 11714 organisation code (组织机构代码)
// embedded at positions 9–17.
//
// It is for intake of enterprise and organisation applicants, and for every
// record that names a matter's implementing body (实施主体), whose credit code
// also begins the matter's 实施编码. It checks the form of a code, not its
// existence: whether a code was ever issued is a question for the registry.
//
// # Layout
//
//	position 1      registry (登记管理部门代码), e.g. 9 market regulation
//	position 2      kind (机构类别代码), e.g. 1 enterprise
//	positions 3–8   GB/T 2260 division code of the registering authority
//	positions 9–17  GB 11714 organisation code, its check character at 17
//	position 18     check character over positions 1–17
//
// Every position uses the 31-character alphabet 0–9 and A–Y without I, O, S,
// V and Z, valued 0–30 in that order for the 18th-character check. The
// GB 11714 check is computed differently: there letters are valued A=10 …
// Z=35 (every letter counts, as in GB 11714 itself), not by their place in
// the 31-character alphabet.
//
// # Warnings
//
// Some codes are real yet fail a rule: early pilot codes (Fujian, 2015) whose
// 18th character does not match, and codes whose registry and kind pair is
// not in the GB 32100 table. For these two faults alone Parse returns the
// usable Code together with an error wrapping ErrChecksum or ErrUnknownKind
// (and ErrInvalid, so a plain err != nil rejects them). A caller that accepts
// them knowingly tests the Code, not the error:
//
//	c, err := creditcode.Parse(s)
//	if c.IsZero() {
//		return err // not a credit code
//	}
//	if err != nil {
//		log.Printf("accepted with warning: %v", err)
//	}
//
// Every other fault, the GB 11714 check at position 17 included, returns the
// zero Code.
package creditcode

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/onething-gov/onething/standards/division"
)

// Errors returned, wrapped, by Parse and the other functions. Test with
// errors.Is. Every error from Parse wraps ErrInvalid; ErrChecksum and
// ErrUnknownKind mark the two warning faults, which come with a usable Code.
var (
	ErrInvalid     = errors.New("invalid credit code")
	ErrChecksum    = errors.New("wrong check character")
	ErrUnknownKind = errors.New("unknown registry and kind")
)

// alphabet is the GB 32100 character set in value order.
const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// values maps a byte to its value in alphabet, or -1.
var values = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		v[alphabet[i]] = int8(i)
	}
	return v
}()

// weights are 3^(i-1) mod 31 for positions 1–17.
var weights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// orgWeights are the GB 11714 weights for positions 1–8 of an organisation code.
var orgWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// Code is an 18-character unified social credit code such as
// "9144030071526726XG", upper-case ASCII. The zero value is no code. Codes
// are comparable and may be map keys.
type Code string

// Parse reads a credit code. It trims surrounding space (U+3000 included),
// folds full-width letters and digits to ASCII and upper-cases letters, then
// checks the GB 32100 rules: 18 characters of the 31-character alphabet, a
// division code with a real province prefix at positions 3–8 (retired codes
// such as 371200 are accepted), a GB 11714 organisation code at positions
// 9–17 whose check character (a digit or X) matches, the check character at
// position 18, and a registry and kind pair from the GB 32100 table.
//
// Warning contract: when every rule holds except the 18th character, Parse
// returns the usable Code together with an error wrapping ErrChecksum and
// ErrInvalid; when every rule holds except the registry and kind pair, it
// returns the Code with an error wrapping ErrUnknownKind and ErrInvalid; with
// both faults the error wraps all three. Any other fault, a failed GB 11714
// check included, returns the zero Code and an error wrapping ErrInvalid only.
// So c.IsZero() tells a caller whether it has a code at all, and err != nil
// whether the code is fully valid.
//
// Error messages name the position or rule that failed and, for a check
// character, the expected and actual characters.
func Parse(s string) (Code, error) {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = width.Narrow.String(s)
			break
		}
	}
	if len(s) != 18 {
		if n := utf8.RuneCountInString(s); n != 18 {
			return "", fmt.Errorf("creditcode: %q: %w: want 18 characters, have %d", s, ErrInvalid, n)
		}
	}
	var b [18]byte
	changed := false
	for i := range len(b) {
		ch := s[i]
		if 'a' <= ch && ch <= 'z' {
			ch -= 'a' - 'A'
			changed = true
		}
		if values[ch] < 0 {
			return "", alphabetError(s, i)
		}
		b[i] = ch
	}
	for i := 2; i < 8; i++ {
		if b[i] < '0' || b[i] > '9' {
			return "", fmt.Errorf("creditcode: %q: %w: position %d is %q: positions 3-8 are a division code, all digits", s, ErrInvalid, i+1, b[i])
		}
	}
	if _, err := division.Parse(s[2:8]); err != nil {
		return "", fmt.Errorf("creditcode: %q: %w: positions 3-8: %w", s, ErrInvalid, err)
	}
	if b[16] != 'X' && (b[16] < '0' || b[16] > '9') {
		return "", fmt.Errorf("creditcode: %q: %w: position 17 is %q: the GB 11714 check character is a digit or X", s, ErrInvalid, b[16])
	}
	if want := orgCheck(b[8:16]); b[16] != want {
		return "", fmt.Errorf("creditcode: %q: %w: organisation code %s fails the GB 11714 check: position 17 is %q, want %q", s, ErrInvalid, string(b[8:17]), b[16], want)
	}

	c := Code(s)
	if changed {
		c = Code(b[:])
	}
	var warnings []error
	if _, ok := describe(b[0], b[1]); !ok {
		warnings = append(warnings, fmt.Errorf("creditcode: %q: %w: %w: registry %q with kind %q is not in the GB 32100 table", c, ErrInvalid, ErrUnknownKind, b[0], b[1]))
	}
	if want := checkChar(b[:17]); b[17] != want {
		warnings = append(warnings, fmt.Errorf("creditcode: %q: %w: %w: position 18 is %q, want %q", c, ErrInvalid, ErrChecksum, b[17], want))
	}
	switch len(warnings) {
	case 0:
		return c, nil
	case 1:
		return c, warnings[0]
	}
	return c, errors.Join(warnings...)
}

// alphabetError describes the character at byte offset i of s, which is not
// in the alphabet.
func alphabetError(s string, i int) error {
	pos := i + 1
	r, _ := utf8.DecodeRuneInString(s[i:])
	if s[i] >= utf8.RuneSelf {
		pos = utf8.RuneCountInString(s[:i]) + 1
	}
	switch r {
	case 'I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z':
		return fmt.Errorf("creditcode: %q: %w: position %d is %q: I, O, S, V and Z are never used", s, ErrInvalid, pos, r)
	}
	return fmt.Errorf("creditcode: %q: %w: position %d is %q, not a digit or letter of the credit code alphabet", s, ErrInvalid, pos, r)
}

// checkChar computes the 18th character over 17 alphabet bytes.
func checkChar(b []byte) byte {
	sum := 0
	for i, ch := range b {
		sum += int(values[ch]) * weights[i]
	}
	return alphabet[(31-sum%31)%31]
}

// orgCheck computes the GB 11714 check character over 8 digits or upper-case
// letters.
func orgCheck(b []byte) byte {
	sum := 0
	for i, ch := range b {
		v := int(ch - '0')
		if ch >= 'A' {
			v = int(ch-'A') + 10
		}
		sum += v * orgWeights[i]
	}
	switch r := 11 - sum%11; r {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + r)
	}
}

// CheckChar returns the GB 32100 check character (position 18) for the first
// 17 characters of a credit code, which must be upper-case characters of the
// alphabet. It checks nothing else. It is for data generators and tests.
func CheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, fmt.Errorf("creditcode: %q: %w: CheckChar wants 17 characters, have %d", first17, ErrInvalid, utf8.RuneCountInString(first17))
	}
	for i := 0; i < 17; i++ {
		if values[first17[i]] < 0 {
			return 0, alphabetError(first17, i)
		}
	}
	return checkChar([]byte(first17)), nil
}

// OrgCheckChar returns the GB 11714 check character ('0'–'9' or 'X') for the
// first 8 characters of an organisation code, which must be digits or
// upper-case letters A–Z (valued A=10 … Z=35). In a credit code these are
// positions 9–16, and the result belongs at position 17.
func OrgCheckChar(first8 string) (byte, error) {
	if len(first8) != 8 {
		return 0, fmt.Errorf("creditcode: %q: %w: OrgCheckChar wants 8 characters, have %d", first8, ErrInvalid, utf8.RuneCountInString(first8))
	}
	for i := 0; i < 8; i++ {
		if ch := first8[i]; (ch < '0' || ch > '9') && (ch < 'A' || ch > 'Z') {
			r, _ := utf8.DecodeRuneInString(first8[i:])
			return 0, fmt.Errorf("creditcode: %q: %w: organisation code position %d is %q, not a digit or upper-case letter", first8, ErrInvalid, utf8.RuneCountInString(first8[:i])+1, r)
		}
	}
	return orgCheck([]byte(first8)), nil
}

// String returns the code itself, or "" for the zero Code.
func (c Code) String() string { return string(c) }

// IsZero reports whether c is the zero Code, no code.
func (c Code) IsZero() bool { return c == "" }

// Registry returns position 1, the registering authority (登记管理部门代码),
// such as '9' for market regulation, or 0 for the zero Code.
func (c Code) Registry() byte {
	if len(c) != 18 {
		return 0
	}
	return c[0]
}

// Kind returns position 2, the kind of organisation (机构类别代码) within its
// registry, such as '1' for an enterprise under registry '9', or 0 for the
// zero Code.
func (c Code) Kind() byte {
	if len(c) != 18 {
		return 0
	}
	return c[1]
}

// Region returns positions 3–8, the division code of the registering
// authority (which may be retired, such as 371200), or "" for the zero Code.
func (c Code) Region() division.Code {
	if len(c) != 18 {
		return ""
	}
	return division.Code(c[2:8])
}

// OrgCode returns positions 9–17, the GB 11714 organisation code
// (组织机构代码) with its check character, such as "71526726X", or "" for
// the zero Code.
func (c Code) OrgCode() string {
	if len(c) != 18 {
		return ""
	}
	return string(c[8:17])
}

// MarshalText implements encoding.TextMarshaler. The zero Code marshals as
// empty text.
func (c Code) MarshalText() ([]byte, error) { return []byte(c), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the
// zero Code; otherwise the text is read by Parse and only a fully valid code
// is accepted: a warning code (ErrChecksum, ErrUnknownKind) is an error here
// and leaves c unchanged. To accept pilot codes from JSON or a form, decode a
// string and call Parse.
func (c *Code) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*c = ""
		return nil
	}
	p, err := Parse(string(text))
	if err != nil {
		return err
	}
	*c = p
	return nil
}
