package workday_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards/workday"
)

var cst = time.FixedZone("CST", 8*3600)

// d returns midnight UTC+8 of the date s.
func d(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation(time.DateOnly, s, cst)
	require.NoError(t, err)
	return v
}

func TestChinaWorkdaysPerYear(t *testing.T) {
	cal := workday.China()
	assert.Equal(t, []int{2024, 2025, 2026}, cal.Years())
	for year, want := range map[int]int{2024: 251, 2025: 248, 2026: 248} {
		got, err := cal.Workdays(year)
		require.NoError(t, err)
		assert.Equal(t, want, got, "%d", year)
	}
	_, err := cal.Workdays(2027)
	assert.ErrorIs(t, err, workday.ErrNotCovered)
}

func TestChinaSources(t *testing.T) {
	cal := workday.China()
	for year, want := range map[int]string{
		2024: "国办发明电〔2023〕7号",
		2025: "国办发明电〔2024〕12号",
		2026: "国务院办公厅关于2026年部分节假日安排的通知",
	} {
		got, err := cal.Source(year)
		require.NoError(t, err)
		assert.Contains(t, got, want)
	}
}

func TestIsWorkday(t *testing.T) {
	cal := workday.China()
	tests := []struct {
		name    string
		day     string
		work    bool
		holiday string
	}{
		{"2026 春节 make-up Saturday", "2026-02-14", true, ""},
		{"2026 春节 Monday", "2026-02-16", false, "春节"},
		{"2026 春节 weekend inside the period", "2026-02-15", false, "春节"},
		{"2026 春节 last day", "2026-02-23", false, "春节"},
		{"2026 春节 first day back", "2026-02-24", true, ""},
		{"2026 second 春节 make-up Saturday", "2026-02-28", true, ""},
		{"2026 元旦 make-up Sunday", "2026-01-04", true, ""},
		{"2026 劳动节 make-up Saturday", "2026-05-09", true, ""},
		{"2026 国庆 make-up Sunday", "2026-09-20", true, ""},
		{"2026 国庆 make-up Saturday", "2026-10-10", true, ""},
		{"2026 端午 Friday", "2026-06-19", false, "端午节"},
		{"2026 中秋 Friday", "2026-09-25", false, "中秋节"},
		{"2026 ordinary Saturday", "2026-03-07", false, ""},
		{"2026 ordinary Sunday", "2026-03-08", false, ""},
		{"2026 ordinary Wednesday", "2026-03-11", true, ""},
		{"2025 春节 make-up Sunday", "2025-01-26", true, ""},
		{"2025 国庆中秋 Wednesday", "2025-10-08", false, "国庆节、中秋节"},
		{"2024 春节 make-up Sunday", "2024-02-18", true, ""},
		{"2024 leap day Thursday", "2024-02-29", true, ""},
		{"2024 New Year's Eve Tuesday", "2024-12-31", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cal.IsWorkday(d(t, tt.day))
			require.NoError(t, err)
			assert.Equal(t, tt.work, got)
			name, ok, err := cal.Holiday(d(t, tt.day))
			require.NoError(t, err)
			assert.Equal(t, tt.holiday, name)
			assert.Equal(t, tt.holiday != "", ok)
		})
	}
}

func TestDatesAreTakenInUTC8(t *testing.T) {
	cal := workday.China()
	// 2026-01-04T17:00Z is 2026-01-05 01:00 in UTC+8: a Monday, worked.
	// 2026-01-03T17:00Z is 2026-01-04 01:00 in UTC+8: the make-up Sunday.
	// 2026-01-03T15:00Z is 2026-01-03 23:00 in UTC+8: 元旦.
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	for _, tt := range []struct {
		at   time.Time
		work bool
	}{
		{time.Date(2026, 1, 4, 17, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 1, 3, 17, 0, 0, 0, time.UTC), true},
		{time.Date(2026, 1, 3, 15, 0, 0, 0, time.UTC), false},
		{time.Date(2026, 1, 3, 12, 0, 0, 0, ny), true}, // 2026-01-04 01:00 UTC+8
	} {
		got, err := cal.IsWorkday(tt.at)
		require.NoError(t, err)
		assert.Equal(t, tt.work, got, "%v", tt.at)
	}
	got, err := cal.Add(time.Date(2026, 2, 12, 20, 0, 0, 0, time.UTC), 1) // 2026-02-13 04:00 UTC+8
	require.NoError(t, err)
	assert.Equal(t, d(t, "2026-02-14"), got)
	assert.Equal(t, cst, got.Location())
}

func TestAdd(t *testing.T) {
	cal := workday.China()
	tests := []struct {
		name string
		from string
		n    int
		want string
	}{
		{"zero is from's date", "2026-02-15", 0, "2026-02-15"},
		{"into the 春节 make-up Saturday", "2026-02-13", 1, "2026-02-14"},
		{"across 春节", "2026-02-13", 2, "2026-02-24"},
		{"from inside 春节", "2026-02-16", 1, "2026-02-24"},
		{"from the make-up Saturday", "2026-02-14", 1, "2026-02-24"},
		{"across the year end onto the make-up Sunday", "2025-12-31", 1, "2026-01-04"},
		{"across the year end further", "2025-12-31", 2, "2026-01-05"},
		{"across 国庆 2026", "2026-09-30", 5, "2026-10-13"},
		{"across 劳动节 2026", "2026-04-30", 1, "2026-05-06"},
		{"20 working days from 2024-12-20", "2024-12-20", 20, "2025-01-20"},
		{"a whole year 2025", "2024-12-31", 248, "2025-12-31"},
		{"backwards one from the make-up Sunday", "2026-01-04", -1, "2025-12-31"},
		{"backwards one from a Saturday", "2026-03-07", -1, "2026-03-06"},
		{"backwards across 春节", "2026-02-24", -1, "2026-02-14"},
		{"backwards two across 春节", "2026-02-24", -2, "2026-02-13"},
		{"backwards across two year ends", "2026-01-05", -250, "2024-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cal.Add(d(t, tt.from), tt.n)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Format(time.DateOnly))
			assert.True(t, got.Equal(d(t, tt.want)))
		})
	}
}

func TestBetween(t *testing.T) {
	cal := workday.China()
	tests := []struct {
		from, to string
		want     int
	}{
		{"2026-02-13", "2026-02-13", 0},
		{"2026-02-13", "2026-02-14", 1},
		{"2026-02-13", "2026-02-23", 1},
		{"2026-02-13", "2026-02-24", 2},
		{"2026-02-24", "2026-02-13", -2}, // 2026-02-13 and 2026-02-14
		{"2026-02-23", "2026-02-14", -1},
		{"2025-12-31", "2026-01-04", 1},
		{"2024-01-01", "2024-12-31", 251},
	}
	for _, tt := range tests {
		got, err := cal.Between(d(t, tt.from), d(t, tt.to))
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, "%s to %s", tt.from, tt.to)
	}
	_, err := cal.Between(d(t, "2023-12-31"), d(t, "2024-01-01"))
	assert.ErrorIs(t, err, workday.ErrNotCovered)
	// All of 2025 and 2026, counted from the end of 2024.
	got, err := cal.Between(d(t, "2024-12-31"), d(t, "2026-12-31"))
	require.NoError(t, err)
	assert.Equal(t, 248+248, got)
	got, err = cal.Between(d(t, "2026-12-31"), d(t, "2024-12-31"))
	require.NoError(t, err)
	assert.Equal(t, -(248 + 248), got, "counts 2024-12-31 (a Tuesday) and not 2026-12-31 (a Thursday)")
}

// TestBetweenUndoesAdd checks Between(from, Add(from, n)) == n over every
// day of 2024–2026 and a spread of n, and that Add lands on a working day.
func TestBetweenUndoesAdd(t *testing.T) {
	cal := workday.China()
	for from := d(t, "2024-01-01"); from.Year() <= 2026; from = from.AddDate(0, 0, 1) {
		for _, n := range []int{-300, -40, -7, -2, -1, 0, 1, 2, 3, 5, 10, 20, 60, 250} {
			to, err := cal.Add(from, n)
			if errors.Is(err, workday.ErrNotCovered) {
				continue
			}
			require.NoError(t, err)
			got, err := cal.Between(from, to)
			require.NoError(t, err)
			require.Equal(t, n, got, "from %s n %d to %s", from.Format(time.DateOnly), n, to.Format(time.DateOnly))
			if n != 0 {
				work, err := cal.IsWorkday(to)
				require.NoError(t, err)
				require.True(t, work, "Add(%s, %d) = %s", from.Format(time.DateOnly), n, to.Format(time.DateOnly))
			}
		}
	}
}

func TestNotCovered(t *testing.T) {
	cal := workday.China()
	for _, day := range []string{"2023-12-29", "2027-01-04"} {
		_, err := cal.IsWorkday(d(t, day))
		assert.ErrorIs(t, err, workday.ErrNotCovered, day)
		_, _, err = cal.Holiday(d(t, day))
		assert.ErrorIs(t, err, workday.ErrNotCovered, day)
	}
	_, err := cal.IsWorkday(d(t, "2027-01-04"))
	assert.EqualError(t, err, "workday: 2027-01-04: year 2027 is not in the calendar (covers 2024–2026)")

	_, err = cal.Add(d(t, "2026-12-30"), 5)
	assert.ErrorIs(t, err, workday.ErrNotCovered)
	assert.EqualError(t, err, "workday: 2026-12-30 +5 working days: year 2027 is not in the calendar (covers 2024–2026)")
	_, err = cal.Add(d(t, "2024-01-03"), -3)
	assert.ErrorIs(t, err, workday.ErrNotCovered)
	got, err := cal.Add(d(t, "2026-12-30"), 1) // still inside 2026
	require.NoError(t, err)
	assert.Equal(t, "2026-12-31", got.Format(time.DateOnly))

	_, err = cal.Between(d(t, "2026-12-30"), d(t, "2027-01-05"))
	assert.ErrorIs(t, err, workday.ErrNotCovered)

	var zero workday.Calendar
	_, err = zero.IsWorkday(d(t, "2026-01-05"))
	assert.EqualError(t, err, "workday: 2026-01-05: year 2026 is not in the calendar (covers no years)")
	assert.Empty(t, zero.Years())
}

func TestNotCoveredInTheMiddle(t *testing.T) {
	cal2024, err := workday.LoadFS(os.DirFS("data"), "2024.json")
	require.NoError(t, err)
	cal2026, err := workday.LoadFS(os.DirFS("data"), "2026.json")
	require.NoError(t, err)
	cal, err := cal2024.Extend(cal2026)
	require.NoError(t, err)
	assert.Equal(t, []int{2024, 2026}, cal.Years())

	_, err = cal.Add(d(t, "2024-12-31"), 1)
	assert.EqualError(t, err, "workday: 2024-12-31 +1 working days: year 2025 is not in the calendar (covers 2024, 2026)")
	_, err = cal.Add(d(t, "2026-01-04"), -1)
	assert.ErrorIs(t, err, workday.ErrNotCovered)
	_, err = cal.Between(d(t, "2024-12-30"), d(t, "2026-01-05"))
	assert.ErrorIs(t, err, workday.ErrNotCovered)
	_, err = cal.Between(d(t, "2026-01-05"), d(t, "2024-12-30"))
	assert.ErrorIs(t, err, workday.ErrNotCovered)
}

func TestExtend(t *testing.T) {
	f, err := os.Open("testdata/sample-2027.json")
	require.NoError(t, err)
	defer f.Close()
	sample, err := workday.Load(f) // SAMPLE test data, not an official schedule
	require.NoError(t, err)

	cal, err := workday.China().Extend(sample)
	require.NoError(t, err)
	assert.Equal(t, []int{2024, 2025, 2026, 2027}, cal.Years())
	got, err := cal.Add(d(t, "2026-12-30"), 5)
	require.NoError(t, err)
	// 2026-12-31 Thu; 2027-01-01..03 off; 01-04 Mon, 05, 06, 07.
	assert.Equal(t, "2027-01-07", got.Format(time.DateOnly))

	// China itself is unchanged.
	_, err = workday.China().IsWorkday(d(t, "2027-01-04"))
	assert.ErrorIs(t, err, workday.ErrNotCovered)
	assert.Equal(t, []int{2024, 2025, 2026}, workday.China().Years())

	// The same schedule twice is fine; a different one for a year is not.
	again, err := cal.Extend(workday.China(), sample)
	require.NoError(t, err)
	assert.Equal(t, cal.Years(), again.Years())

	other, err := workday.Load(strings.NewReader(`{"year": 2026, "source": "a different 2026",
		"holidays": [{"name": "元旦", "from": "2026-01-01", "to": "2026-01-01"}]}`))
	require.NoError(t, err)
	_, err = workday.China().Extend(other)
	assert.ErrorIs(t, err, workday.ErrConflict)
	assert.ErrorContains(t, err, "2026")

	// A nil or empty calendar adds nothing.
	same, err := workday.China().Extend(nil, &workday.Calendar{})
	require.NoError(t, err)
	assert.Equal(t, []int{2024, 2025, 2026}, same.Years())
}
