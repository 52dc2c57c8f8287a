package workday_test

import (
	"testing"
	"time"

	"github.com/onething-gov/onething/standards/workday"
)

// benchFroms are start dates spread over 2024–2026.
func benchFroms(b *testing.B) []time.Time {
	var out []time.Time
	for day := d(b, "2024-01-01"); day.Year() < 2026 || day.Month() < 11; day = day.AddDate(0, 0, 13) {
		out = append(out, day)
	}
	return out
}

// BenchmarkAdd adds a 20-working-day time limit with the calendar.
func BenchmarkAdd(b *testing.B) {
	cal := workday.China()
	froms := benchFroms(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := cal.Add(froms[i%len(froms)], 20); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkAddNaive is the baseline: a day-by-day walk looking each date up
// in a map[string]bool of working days.
func BenchmarkAddNaive(b *testing.B) {
	cal := workday.China()
	work := map[string]bool{}
	for day := d(b, "2024-01-01"); day.Year() <= 2026; day = day.AddDate(0, 0, 1) {
		ok, err := cal.IsWorkday(day)
		if err != nil {
			b.Fatal(err)
		}
		work[day.Format(time.DateOnly)] = ok
	}
	add := func(from time.Time, n int) time.Time {
		day := from
		for n > 0 {
			day = day.AddDate(0, 0, 1)
			if work[day.Format(time.DateOnly)] {
				n--
			}
		}
		return day
	}
	froms := benchFroms(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		add(froms[i%len(froms)], 20)
		i++
	}
}

// BenchmarkIsWorkday looks up one date.
func BenchmarkIsWorkday(b *testing.B) {
	cal := workday.China()
	froms := benchFroms(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := cal.IsWorkday(froms[i%len(froms)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
