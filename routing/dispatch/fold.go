package dispatch

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// appendFolded appends the runes of s to dst, width-folded and case-folded:
// full-width forms become their ASCII counterparts (ＡＰＰ１２３３３ → app12333,
// the ideographic space a space), half-width katakana become full width,
// and letters become lower case. Invalid UTF-8 becomes U+FFFD.
func appendFolded(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, foldRune(r))
	}
	return dst
}

// foldRune folds one rune as appendFolded does.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	case r >= 0x3400 && r < 0xA000:
		return r // CJK ideographs: neither width nor case to fold
	case r == 0x3000 || (r >= 0xFF00 && r <= 0xFFEF):
		p := width.LookupRune(r)
		if f := p.Folded(); f != 0 {
			r = f
		}
	}
	return unicode.ToLower(r)
}

// foldString returns s folded as appendFolded does.
func foldString(s string) string { return string(appendFolded(nil, s)) }
