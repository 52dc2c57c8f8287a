package citizenid_test

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/division"
)

var sink citizenid.ID

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		id, err := citizenid.Parse("370102199003071238")
		if err != nil {
			b.Fatal(err)
		}
		sink = id
	}
}

func BenchmarkParseFullWidth(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		id, err := citizenid.Parse("３７０１０２１９９００３０７１２３８")
		if err != nil {
			b.Fatal(err)
		}
		sink = id
	}
}

// BenchmarkParseRegexp is the baseline: the same checks written the obvious
// way, with a regular expression, strconv and time.Parse.
func BenchmarkParseRegexp(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := naiveValidate("370102199003071238"); err != nil {
			b.Fatal(err)
		}
	}
}

var naiveRE = regexp.MustCompile(`^(\d{2})\d{4}(\d{8})\d{3}[\dXx]$`)

func naiveValidate(s string) error {
	s = strings.ToUpper(strings.TrimSpace(s))
	m := naiveRE.FindStringSubmatch(s)
	if m == nil {
		return errors.New("bad shape")
	}
	if m[1] != "83" && !division.IsProvince(m[1]) {
		return errors.New("bad province")
	}
	cst := time.FixedZone("CST", 8*3600)
	birth, err := time.ParseInLocation("20060102", m[2], cst)
	if err != nil || birth.Year() < 1800 || birth.After(time.Now().In(cst)) {
		return errors.New("bad birth date")
	}
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		d, _ := strconv.Atoi(s[i : i+1])
		sum += d * w
	}
	if string("10X98765432"[sum%11]) != s[17:] {
		return errors.New("bad check character")
	}
	return nil
}
