package routing

import "github.com/onething-gov/onething/standards/division"

// BenefitPlaceMonths is the cumulative contribution, in months, that makes
// an insured place a pension benefit place under 国办发〔2009〕66号 art. 6:
// ten years.
const BenefitPlaceMonths = 120

// pensionBranch is the clause of 国办发〔2009〕66号 art. 6 that fixed a
// benefit place.
type pensionBranch uint8

const (
	// pensionDomicile: insured where the 户籍 is → the 户籍地 (clause 1).
	pensionDomicile pensionBranch = iota + 1
	// pensionTenYears: insured elsewhere with ≥ 10 years there → that place
	// (clause 2).
	pensionTenYears
	// pensionPrevious: insured elsewhere with < 10 years there → the
	// previous place with ≥ 10 years (clause 3).
	pensionPrevious
	// pensionFallback: no place with ≥ 10 years → the 户籍地 (clause 4).
	pensionFallback
)

// pensionTrace records how the benefit place was found.
type pensionTrace struct {
	branch  pensionBranch
	place   division.Code // the benefit place
	current division.Code // the current insured place, if any
	months  int           // cumulative months at the benefit place (clauses 2, 3) or the current place (1, 4)
}

// samePlace reports whether two divisions are the same insured place: the
// same prefecture-level city, the unit that keeps insurance relationships
// (a municipality counts as one place).
func samePlace(a, b division.Code) bool { return a.City() == b.City() }

// monthsAt adds up the months of every entry of hist at the same place as d.
func monthsAt(hist []Insured, d division.Code) int {
	n := 0
	for _, p := range hist {
		if samePlace(p.Division, d) {
			n += p.Months
		}
	}
	return n
}

// benefitPlace applies 国办发〔2009〕66号 art. 6 to a 户籍 and an insurance
// history, the current insured place last.
func benefitPlace(dom division.Code, hist []Insured) pensionTrace {
	if len(hist) == 0 {
		return pensionTrace{branch: pensionFallback, place: dom}
	}
	cur := hist[len(hist)-1].Division
	curMonths := monthsAt(hist, cur)
	switch {
	case samePlace(cur, dom):
		return pensionTrace{branch: pensionDomicile, place: dom, current: cur, months: curMonths}
	case curMonths >= BenefitPlaceMonths:
		return pensionTrace{branch: pensionTenYears, place: cur, current: cur, months: curMonths}
	}
	for i := len(hist) - 2; i >= 0; i-- {
		p := hist[i].Division
		if samePlace(p, cur) {
			continue
		}
		if n := monthsAt(hist, p); n >= BenefitPlaceMonths {
			return pensionTrace{branch: pensionPrevious, place: p, current: cur, months: n}
		}
	}
	return pensionTrace{branch: pensionFallback, place: dom, current: cur, months: curMonths}
}
