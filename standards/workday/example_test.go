package workday_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/onething-gov/onething/standards/workday"
)

// A bad review (差评) received on 2026-09-30 must be rectified within 5
// working days. The day of receipt is not counted; the 国庆 holiday is
// skipped and the make-up Saturday 2026-10-10 counts.
func ExampleCalendar_Add() {
	cst := time.FixedZone("CST", 8*3600)
	received := time.Date(2026, 9, 30, 16, 20, 0, 0, cst)

	cal := workday.China()
	due, err := cal.Add(received, 5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("rectify by", due.Format("2006-01-02 Mon"))

	left, _ := cal.Between(time.Date(2026, 10, 9, 10, 0, 0, 0, cst), due)
	fmt.Println("working days left on 2026-10-09:", left)

	name, _, _ := cal.Holiday(time.Date(2026, 10, 2, 0, 0, 0, 0, cst))
	fmt.Println("2026-10-02 is", name)

	_, err = cal.Add(time.Date(2026, 12, 30, 0, 0, 0, 0, cst), 5)
	fmt.Println(err)
	// Output:
	// rectify by 2026-10-13 Tue
	// working days left on 2026-10-09: 3
	// 2026-10-02 is 国庆节
	// workday: 2026-12-30 +5 working days: year 2027 is not in the calendar (covers 2024–2026)
}

// A city loads a schedule before the next release embeds it, and extends the
// national calendar; China itself is not changed. The 2027 schedule here is
// invented for the example.
func ExampleLoad() {
	next, err := workday.Load(strings.NewReader(`{
		"year": 2027,
		"source": "SAMPLE, not an official schedule",
		"holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	cal, err := workday.China().Extend(next)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cal.Years(), workday.China().Years())

	_, err = workday.Load(strings.NewReader(`{"year": 2027, "source": "typo",
		"holidays": [{"name": "春节", "from": "2027-02-06", "to": "2027-02-30"}]}`))
	fmt.Println(err)
	// Output:
	// [2024 2025 2026 2027] [2024 2025 2026]
	// workday: holidays[0].to "2027-02-30": not a date
}
