package creditcode_test

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/onething-gov/onething/standards/creditcode"
)

// benchInputs are valid upper-case codes; each op parses one.
var benchInputs = []string{"9144030071526726XG", "91370100MA3C4P7R91", "12370000495570688Y", "51370000MJD6012A6U"}

var sink creditcode.Code

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c, err := creditcode.Parse(benchInputs[i%len(benchInputs)])
		if err != nil {
			b.Fatal(err)
		}
		sink = c
	}
}

// BenchmarkParseLower measures the path that must upper-case, and so copy.
func BenchmarkParseLower(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c, err := creditcode.Parse("91370100ma3c4p7r91")
		if err != nil {
			b.Fatal(err)
		}
		sink = c
	}
}

// BenchmarkParseNaive is the baseline: the obvious implementation with
// strings.ToUpper, a regular expression and maps.
func BenchmarkParseNaive(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c, err := naiveParse(benchInputs[i%len(benchInputs)])
		if err != nil {
			b.Fatal(err)
		}
		sink = c
	}
}

var (
	naiveRE     = regexp.MustCompile(`^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{8}[0-9X][0-9A-HJ-NPQRTUWXY]$`)
	naiveValues = func() map[rune]int {
		m := map[rune]int{}
		for i, r := range "0123456789ABCDEFGHJKLMNPQRTUWXY" {
			m[r] = i
		}
		return m
	}()
	naivePairs = map[string]bool{
		"11": true, "12": true, "13": true, "19": true, "21": true, "29": true,
		"31": true, "32": true, "33": true, "34": true, "35": true, "39": true,
		"41": true, "49": true, "51": true, "52": true, "53": true, "59": true,
		"61": true, "62": true, "69": true, "71": true, "72": true, "79": true,
		"81": true, "89": true, "91": true, "92": true, "93": true,
		"A1": true, "A9": true, "N1": true, "N2": true, "N3": true, "N9": true, "Y1": true,
	}
)

func naiveParse(s string) (creditcode.Code, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if !naiveRE.MatchString(s) {
		return "", fmt.Errorf("%q: %w", s, creditcode.ErrInvalid)
	}
	if !naivePairs[s[:2]] {
		return "", fmt.Errorf("%q: %w", s, creditcode.ErrUnknownKind)
	}
	orgSum := 0
	for i, w := range []int{3, 7, 9, 10, 5, 8, 4, 2} {
		ch := s[8+i]
		v := int(ch - '0')
		if ch >= 'A' {
			v = int(ch-'A') + 10
		}
		orgSum += v * w
	}
	if org := fmt.Sprint((11 - orgSum%11) % 11); strings.ReplaceAll(org, "10", "X") != s[16:17] {
		return "", fmt.Errorf("%q: %w", s, creditcode.ErrInvalid)
	}
	sum, w := 0, 1
	for _, r := range s[:17] {
		sum += naiveValues[r] * w
		w = w * 3 % 31
	}
	if want := []rune("0123456789ABCDEFGHJKLMNPQRTUWXY")[(31-sum%31)%31]; want != rune(s[17]) {
		return "", errors.Join(creditcode.ErrInvalid, creditcode.ErrChecksum)
	}
	return creditcode.Code(s), nil
}
