package retirement

import (
	"fmt"
	"time"
)

// Month is a calendar month, counted from year 0: 12*year + month − 1. Its
// zero value is January of year 0, which no rule uses; Valid reports whether
// a Month is in the years 1000–9999 that Parse accepts.
type Month int

// MonthOf returns the month of t in t's own location.
func MonthOf(t time.Time) Month { return MonthFor(t.Year(), t.Month()) }

// MonthFor returns the month m of year y.
func MonthFor(y int, m time.Month) Month { return Month(12*y + int(m) - 1) }

// ParseMonth reads "YYYY-MM", or the month of a "YYYY-MM-DD" date (whose
// day must be a real day of that month).
func ParseMonth(s string) (Month, error) {
	if (len(s) != 7 && len(s) != 10) || s[4] != '-' || (len(s) == 10 && s[7] != '-') {
		return 0, fmt.Errorf("retirement: month %q: want YYYY-MM or YYYY-MM-DD", s)
	}
	y, ok1 := digits(s[:4])
	m, ok2 := digits(s[5:7])
	if !ok1 || !ok2 || y < 1000 || m < 1 || m > 12 {
		return 0, fmt.Errorf("retirement: month %q: want YYYY-MM or YYYY-MM-DD", s)
	}
	if len(s) == 10 {
		d, ok := digits(s[8:])
		if !ok || d < 1 || d > daysIn(y, time.Month(m)) {
			return 0, fmt.Errorf("retirement: date %q: not a real day", s)
		}
	}
	return MonthFor(y, time.Month(m)), nil
}

// digits reads a string of ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, s != ""
}

// daysIn returns the number of days of month m of year y.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Year returns the month's year.
func (m Month) Year() int { return int(m) / 12 }

// Month returns the month of the year.
func (m Month) Month() time.Month { return time.Month(int(m)%12 + 1) }

// Valid reports whether m is in the years 1000–9999.
func (m Month) Valid() bool { return m.Year() >= 1000 && m.Year() <= 9999 }

// Add returns the month n months after m (before, if n < 0).
func (m Month) Add(n int) Month { return m + Month(n) }

// Since returns the number of months from o to m.
func (m Month) Since(o Month) int { return int(m - o) }

// String returns "YYYY-MM".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), int(m.Month())) }

// MarshalText implements encoding.TextMarshaler as "YYYY-MM".
func (m Month) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseMonth.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := ParseMonth(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Age is an age in whole months, as retirement ages are stated ("60岁1个月").
type Age int

// Years builds the age of y years and m months.
func Years(y, m int) Age { return Age(12*y + m) }

// Years returns the completed years of the age.
func (a Age) Years() int { return int(a) / 12 }

// Months returns the months beyond the completed years.
func (a Age) Months() int { return int(a) % 12 }

// ZH renders the age in Chinese: "60岁", "60岁1个月".
func (a Age) ZH() string {
	if a.Months() == 0 {
		return fmt.Sprintf("%d岁", a.Years())
	}
	return fmt.Sprintf("%d岁%d个月", a.Years(), a.Months())
}

// String renders the age in English: "60 years", "60 years 1 month".
func (a Age) String() string {
	s := fmt.Sprintf("%d years", a.Years())
	switch a.Months() {
	case 0:
		return s
	case 1:
		return s + " 1 month"
	default:
		return fmt.Sprintf("%s %d months", s, a.Months())
	}
}
