package division_test

import (
	"testing"
	"unicode/utf8"

	"github.com/onething-gov/onething/standards/division"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"370116", "110105", "429004", "３７０１１６", " 371200 ", "990000", "", "37011", "3701160", "37011Ｘ", "\u3000110000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := division.Parse(s)
		if err != nil {
			if c != "" {
				t.Fatalf("Parse(%q) returned %q with error %v", s, c, err)
			}
			return
		}
		if len(c) != 6 || !utf8.ValidString(string(c)) {
			t.Fatalf("Parse(%q) = %q: not six digits", s, c)
		}
		again, err := division.Parse(c.String())
		if err != nil || again != c {
			t.Fatalf("Parse(%q) = %q, %v; want round trip to %q", c, again, err, c)
		}
		if c.Level() == division.LevelUnknown {
			t.Fatalf("%q has no level", c)
		}
		if !c.Province().Contains(c) {
			t.Fatalf("province %q does not contain %q", c.Province(), c)
		}
		if p := c.Parent(); p != "" && !p.Contains(c) {
			t.Fatalf("parent %q does not contain %q", p, c)
		}
	})
}
