package dispatch

import "fmt"

// Ratio is a share as a count over a total, kept as integers so that a
// report never rounds twice; 0/0 is undefined.
type Ratio struct{ Num, Den int }

// Defined reports whether the ratio has a non-zero total.
func (r Ratio) Defined() bool { return r.Den > 0 }

// AtLeast reports whether the ratio is defined and at least num/den.
func (r Ratio) AtLeast(num, den int) bool {
	return r.Den > 0 && den > 0 && r.Num*den >= num*r.Den
}

// Percent returns the ratio as a percentage with two decimals, rounded half
// up (四舍五入): "93.75%"; "n/a" when undefined.
func (r Ratio) Percent() string {
	if r.Den <= 0 {
		return "n/a"
	}
	hundredths := (r.Num*20000/r.Den + 1) / 2 // percent × 100, half up
	return fmt.Sprintf("%d.%02d%%", hundredths/100, hundredths%100)
}

// String returns "93.75% (15/16)".
func (r Ratio) String() string { return fmt.Sprintf("%s (%d/%d)", r.Percent(), r.Num, r.Den) }
