package dispatch

import (
	"slices"
	"unicode/utf8"
)

// index finds many patterns in a rune slice in one pass. Patterns are
// bucketed by their first rune (a flat table for the Basic Multilingual
// Plane, a map beyond it), each bucket longest first, so at each position
// of the text only the patterns starting with that rune are compared. For
// work-order texts of a few dozen runes and a few hundred patterns this is
// as fast as an Aho–Corasick automaton and much simpler.
type index struct {
	bmp     []uint16        // rune → bucket+1, 0 for no bucket
	astral  map[rune]uint16 // same beyond the BMP
	buckets [][]int32       // pattern numbers, longest first
	pats    [][]rune        // pattern runes by number
}

// newIndex indexes pats; pattern i is reported as i. Empty patterns are
// never reported.
func newIndex(pats [][]rune) *index {
	x := &index{bmp: make([]uint16, 0x10000), astral: map[rune]uint16{}, pats: pats}
	for i, p := range pats {
		if len(p) == 0 {
			continue
		}
		b := x.bucket(p[0])
		if b < 0 {
			x.buckets = append(x.buckets, nil)
			b = len(x.buckets) - 1
			if p[0] < 0x10000 {
				x.bmp[p[0]] = uint16(b + 1)
			} else {
				x.astral[p[0]] = uint16(b + 1)
			}
		}
		x.buckets[b] = append(x.buckets[b], int32(i))
	}
	for _, b := range x.buckets {
		slices.SortStableFunc(b, func(i, j int32) int { return len(pats[j]) - len(pats[i]) })
	}
	return x
}

// bucket returns the bucket of patterns starting with r, or -1.
func (x *index) bucket(r rune) int {
	var b uint16
	if r >= 0 && r < 0x10000 {
		b = x.bmp[r]
	} else if r >= 0 && r <= utf8.MaxRune {
		b = x.astral[r]
	}
	return int(b) - 1
}

// at returns the patterns that start at text[i], longest first.
func (x *index) at(text []rune, i int) []int32 {
	b := x.bucket(text[i])
	if b < 0 {
		return nil
	}
	return x.buckets[b]
}

// matches reports whether pattern p occurs at text[i:].
func (x *index) matches(text []rune, i int, p int32) bool {
	pat := x.pats[p]
	return len(text)-i >= len(pat) && slices.Equal(text[i:i+len(pat)], pat)
}

// longest returns the longest pattern at text[i] and its length, or -1, 0.
func (x *index) longest(text []rune, i int) (int32, int) {
	for _, p := range x.at(text, i) {
		if x.matches(text, i, p) {
			return p, len(x.pats[p])
		}
	}
	return -1, 0
}
