package policy

import (
	"slices"
	"time"
)

// The helpers here are shared by the compiled evaluator and the tracing
// interpreter, so that both compute exactly the same values.

// tri is a truth value of three-valued (Kleene) logic.
type tri uint8

const (
	triFalse tri = iota
	triTrue
	triUnknown
)

func triOf(b bool) tri {
	if b {
		return triTrue
	}
	return triFalse
}

func (t tri) not() tri {
	switch t {
	case triFalse:
		return triTrue
	case triTrue:
		return triFalse
	}
	return triUnknown
}

func (t tri) and(u tri) tri {
	if t == triFalse || u == triFalse {
		return triFalse
	}
	if t == triTrue && u == triTrue {
		return triTrue
	}
	return triUnknown
}

func (t tri) or(u tri) tri {
	if t == triTrue || u == triTrue {
		return triTrue
	}
	if t == triFalse && u == triFalse {
		return triFalse
	}
	return triUnknown
}

// String returns "false", "true" or "unknown".
func (t tri) String() string {
	return [...]string{"false", "true", "unknown"}[t]
}

// findPoint returns the value at key.
func findPoint(s []point, key int32) (rat, bool) {
	// Series are short (years, months of a few years): a linear scan from
	// the end, where recent keys are, beats a binary search.
	for i := len(s) - 1; i >= 0; i-- {
		switch {
		case s[i].key == key:
			return s[i].v, true
		case s[i].key < key:
			return rat{}, false
		}
	}
	return rat{}, false
}

// yearIndex reads a whole year from r.
func yearIndex(r rat) (int32, bool) {
	y, ok := r.int()
	if !ok || y < 1900 || y > 9999 {
		return 0, false
	}
	return int32(y), true
}

// monthAt reads s[year, month].
func monthAt(s []point, year, month rat) (rat, bool) {
	y, ok1 := yearIndex(year)
	m, ok2 := month.int()
	if !ok1 || !ok2 || m < 1 || m > 12 {
		return rat{}, false
	}
	return findPoint(s, monthKey(int(y), time.Month(m)))
}

// monthTotal sums the twelve months of year; it is unknown unless all
// twelve are known.
func monthTotal(s []point, year rat) (rat, bool) {
	y, ok := yearIndex(year)
	if !ok {
		return rat{}, false
	}
	first := monthKey(int(y), time.January)
	i, _ := slices.BinarySearchFunc(s, first, func(p point, k int32) int { return int(p.key - k) })
	if i+12 > len(s) || s[i].key != first || s[i+11].key != first+11 {
		return rat{}, false
	}
	sum := ratInt(0)
	for _, p := range s[i : i+12] {
		sum = sum.add(p.v)
	}
	return sum, true
}

// monthMean is the mean of the twelve months of year, unknown unless all
// twelve are known.
func monthMean(s []point, year rat) (rat, bool) {
	t, ok := monthTotal(s, year)
	if !ok {
		return rat{}, false
	}
	m, _ := t.quo(ratInt(12))
	return m, true
}

// addMonths adds n months to a day number, as time.AddDate does: 31
// January plus one month is 3 March (2 in a leap year).
func addMonths(day int32, n rat) (int32, bool) {
	k, ok := n.int()
	if !ok || k < -120000 || k > 120000 {
		return 0, false
	}
	d := dateOfDay(day).Time().AddDate(0, int(k), 0)
	y, m, dd := d.Date()
	return int32(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400), true
}

// yearOfDay returns the calendar year of a day number.
func yearOfDay(day int32) int64 { return int64(dateOfDay(day).Time().Year()) }
