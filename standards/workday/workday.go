// Package workday implements working-day calendars (工作日): which days are
// worked under the State Council's holiday schedules, including the 调休
// make-up working days that fall on weekends, and deadline arithmetic over
// them.
//
// It is for every deadline in the system that is counted in working days:
// a matter's committed time limit (承诺时限), the rectification of a bad
// review (差评整改), a hotline work order (12345 工单). Deadlines in minutes
// or hours, such as an incident report by phone within 40 minutes, are plain
// time.Duration arithmetic and do not belong here.
//
// Counting follows the rule for administrative time limits: the day of
// receipt is not counted. Add(from, 1) is the first working day after from's
// date, and Between(from, to) counts the working days after from's date up
// to and including to's date, so Between(from, Add(from, n)) == n. Dates are
// taken in China Standard Time (UTC+8) whatever the Location of the
// time.Time passed in, and results are midnight UTC+8.
//
// China returns the official schedules for 2024, 2025 and 2026, embedded as
// one JSON file per year. The calendar never guesses: a day in a year it does
// not cover is an error wrapping ErrNotCovered, as is any Add or Between that
// walks through such a year. Nothing is assumed about a year without a
// published schedule, not even that its weekends are rest days.
//
// # Data format
//
// A schedule is a JSON object per year; a document holds one object, or an
// array of objects for several years:
//
//	{
//	  "year": 2026,
//	  "source": "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
//	  "holidays": [{"name": "春节", "from": "2026-02-15", "to": "2026-02-23"}],
//	  "workdays": ["2026-02-14", "2026-02-28"]
//	}
//
// year is 2000–2199; source names the notice and is required; holidays are
// the named 放假 periods, from and to inclusive, weekends inside a period
// belonging to it, periods not overlapping; workdays are the make-up working
// days, each a Saturday or Sunday outside every period. Dates are YYYY-MM-DD
// and lie in year: a day a notice gives in a neighbouring year (元旦 periods
// sometimes begin on 31 December) goes in that year's object. Unknown fields
// are rejected. Load reads this format; errors name the field at fault and
// wrap ErrFormat.
//
// # Adding a year
//
// The State Council usually publishes the next year's schedule in November.
// Add data/YYYY.json to this package, transcribed from the notice, and its
// working-day count to the tests. A city that cannot wait for a release
// loads the file itself and extends the national calendar without changing
// it:
//
//	next, err := workday.Load(f)
//	...
//	cal, err := workday.China().Extend(next)
package workday

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Errors returned, wrapped, by this package. Test with errors.Is.
var (
	// ErrFormat is returned by Load and LoadFS for a schedule that is not
	// well-formed: bad JSON, an unknown field, a bad or misplaced date.
	ErrFormat = errors.New("workday: malformed schedule")
	// ErrNotCovered is returned for a day in a year the calendar has no
	// schedule for.
	ErrNotCovered = errors.New("workday: year not covered")
	// ErrConflict is returned by Extend when two calendars give different
	// schedules for the same year.
	ErrConflict = errors.New("workday: conflicting schedules")
)

// cst is China Standard Time. China has one offset and no daylight saving.
var cst = time.FixedZone("CST", 8*3600)

// Calendar is a set of yearly working-day schedules. It is immutable once
// made and safe for concurrent use. The zero Calendar, and a nil *Calendar,
// cover no years.
type Calendar struct {
	first int     // the earliest year covered
	years []*year // years[y-first], nil for a year not covered
}

// year is one year's schedule, indexed by day of the year from 0.
type year struct {
	year   int
	source string
	work   [366]bool   // whether the day is worked
	name   [366]string // the holiday period the day is in, or ""
	cum    [367]uint16 // cum[i]: working days before day i
	wd     []uint16    // the working days, ascending
}

func (y *year) total() int { return len(y.wd) }

// sameSchedule reports whether y and o have the same days off, holiday names
// and make-up days; the source may differ.
func (y *year) sameSchedule(o *year) bool {
	return y.year == o.year && y.work == o.work && y.name == o.name
}

// get returns the schedule for year y, or nil.
func (c *Calendar) get(y int) *year {
	if c == nil || y < c.first || y-c.first >= len(c.years) {
		return nil
	}
	return c.years[y-c.first]
}

// lookup returns the schedule for year y, or an error wrapping ErrNotCovered
// that names what was asked for.
func (c *Calendar) lookup(y int, what string) (*year, error) {
	if s := c.get(y); s != nil {
		return s, nil
	}
	return nil, c.notCovered(y, what)
}

func (c *Calendar) notCovered(y int, what string) error {
	return &sentinelError{
		msg: fmt.Sprintf("workday: %s: year %d is not in the calendar (%s)", what, y, c.covers()),
		err: ErrNotCovered,
	}
}

// locate returns the schedule for t's date in UTC+8 and the date's index in
// its year.
func (c *Calendar) locate(t time.Time) (*year, int, error) {
	t = t.In(cst)
	s := c.get(t.Year())
	if s == nil {
		return nil, 0, c.notCovered(t.Year(), date(t))
	}
	return s, t.YearDay() - 1, nil
}

// date formats t's date in UTC+8.
func date(t time.Time) string { return t.In(cst).Format(time.DateOnly) }

// what describes an Add for an error message.
func what(from time.Time, n int) string { return fmt.Sprintf("%s %+d working days", date(from), n) }

// covers describes the years covered, such as "covers 2024–2026".
func (c *Calendar) covers() string {
	years := c.Years()
	if len(years) == 0 {
		return "covers no years"
	}
	var b strings.Builder
	b.WriteString("covers ")
	for i := 0; i < len(years); {
		j := i
		for j+1 < len(years) && years[j+1] == years[j]+1 {
			j++
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if j == i {
			fmt.Fprint(&b, years[i])
		} else {
			fmt.Fprintf(&b, "%d–%d", years[i], years[j])
		}
		i = j + 1
	}
	return b.String()
}

// Years returns the years the calendar covers, in ascending order.
func (c *Calendar) Years() []int {
	if c == nil {
		return nil
	}
	var out []int
	for _, s := range c.years {
		if s != nil {
			out = append(out, s.year)
		}
	}
	return out
}

// Source returns the notice the schedule for year was taken from, such as
// "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）".
func (c *Calendar) Source(year int) (string, error) {
	s, err := c.lookup(year, fmt.Sprint(year))
	if err != nil {
		return "", err
	}
	return s.source, nil
}

// Workdays returns the number of working days in year.
func (c *Calendar) Workdays(year int) (int, error) {
	s, err := c.lookup(year, fmt.Sprint(year))
	if err != nil {
		return 0, err
	}
	return s.total(), nil
}

// IsWorkday reports whether day's date in UTC+8 is a working day: a weekday
// outside every holiday period, or a make-up working day (调休上班).
func (c *Calendar) IsWorkday(day time.Time) (bool, error) {
	s, i, err := c.locate(day)
	if err != nil {
		return false, err
	}
	return s.work[i], nil
}

// Holiday returns the name of the holiday period (such as "春节") that
// day's date in UTC+8 falls in, and whether it falls in one. An ordinary
// weekend is not in a holiday period.
func (c *Calendar) Holiday(day time.Time) (name string, ok bool, err error) {
	s, i, err := c.locate(day)
	if err != nil {
		return "", false, err
	}
	return s.name[i], s.name[i] != "", nil
}

// Add returns the date (midnight UTC+8) of the n-th working day after from's
// date, from's date itself not counted: the deadline of a time limit of n
// working days that starts on from. Add(from, 0) is from's date. A negative n
// counts backwards: Add(from, -1) is the last working day before from's
// date. Every year from from's date to the result must be covered.
func (c *Calendar) Add(from time.Time, n int) (time.Time, error) {
	s, i, err := c.locate(from)
	if err != nil {
		return time.Time{}, err
	}
	if n == 0 {
		return time.Date(s.year, 1, 1+i, 0, 0, 0, 0, cst), nil
	}
	var k int // the result's index in s.wd
	if n > 0 {
		rem, done := n, int(s.cum[i+1]) // done: s's working days up to from
		for rem > s.total()-done {
			rem -= s.total() - done
			y := s.year + 1
			if s = c.get(y); s == nil {
				return time.Time{}, c.notCovered(y, what(from, n))
			}
			done = 0
		}
		k = done + rem - 1
	} else {
		for k = int(s.cum[i]) + n; k < 0; k += s.total() {
			y := s.year - 1
			if s = c.get(y); s == nil {
				return time.Time{}, c.notCovered(y, what(from, n))
			}
		}
	}
	return time.Date(s.year, 1, 1+int(s.wd[k]), 0, 0, 0, 0, cst), nil
}

// Between returns the number of working days after from's date up to and
// including to's date, both in UTC+8. If to's date is before from's, it
// returns minus the number of working days from to's date up to but not
// including from's, so that Between(from, Add(from, n)) == n for every n.
// Every year from from's date to to's must be covered.
func (c *Calendar) Between(from, to time.Time) (int, error) {
	sf, i, err := c.locate(from)
	if err != nil {
		return 0, err
	}
	st, j, err := c.locate(to)
	if err != nil {
		return 0, err
	}
	sign := 1
	if sf.year > st.year || sf.year == st.year && i > j {
		// Working days in [to, from) are working days in (to-1, from-1].
		sf, i, st, j, sign = st, j-1, sf, i-1, -1
	}
	// Working days in (from, to]; i or j may be -1, the day before 1 January.
	if sf.year == st.year {
		return sign * (int(st.cum[j+1]) - int(sf.cum[i+1])), nil
	}
	n := sf.total() - int(sf.cum[i+1]) + int(st.cum[j+1])
	for y := sf.year + 1; y < st.year; y++ {
		s := c.get(y)
		if s == nil {
			return 0, c.notCovered(y, fmt.Sprintf("%s to %s", date(from), date(to)))
		}
		n += s.total()
	}
	return sign * n, nil
}

// Extend returns a new calendar covering the years of c and of every other
// calendar. A year two of them cover must have the same schedule in both
// (the sources may differ), or Extend returns an error wrapping ErrConflict.
// Neither c nor the others are changed.
func (c *Calendar) Extend(others ...*Calendar) (*Calendar, error) {
	byYear := map[int]*year{}
	var errs []error
	for _, cal := range append([]*Calendar{c}, others...) {
		if cal == nil {
			continue
		}
		for _, s := range cal.years {
			if s == nil {
				continue
			}
			if old, ok := byYear[s.year]; ok && !old.sameSchedule(s) {
				errs = append(errs, &sentinelError{
					msg: fmt.Sprintf("workday: %d: the schedules to merge differ (%s; %s)", s.year, old.source, s.source),
					err: ErrConflict,
				})
				continue
			}
			byYear[s.year] = s
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return build(byYear), nil
}

// build makes a Calendar of the schedules, which it shares.
func build(byYear map[int]*year) *Calendar {
	if len(byYear) == 0 {
		return &Calendar{}
	}
	keys := slices.Sorted(maps.Keys(byYear))
	c := &Calendar{first: keys[0], years: make([]*year, keys[len(keys)-1]-keys[0]+1)}
	for y, s := range byYear {
		c.years[y-c.first] = s
	}
	return c
}

// sentinelError is an error with its own message that unwraps to a sentinel.
type sentinelError struct {
	msg string
	err error
}

func (e *sentinelError) Error() string { return e.msg }
func (e *sentinelError) Unwrap() error { return e.err }
