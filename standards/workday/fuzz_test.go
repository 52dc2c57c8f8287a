package workday_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/onething-gov/onething/standards/workday"
)

func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{"data/*.json", "testdata/*.json"} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range names {
			doc, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(doc)
		}
	}
	f.Add([]byte(`[{"year": 2030, "source": "s", "workdays": ["2030-01-05"]}]`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		cal, err := workday.Load(bytes.NewReader(doc))
		if err != nil {
			return
		}
		for _, y := range cal.Years() {
			n, err := cal.Workdays(y)
			if err != nil {
				t.Fatalf("Workdays(%d): %v", y, err)
			}
			count := 0
			last := time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
			for day := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); !day.After(last); day = day.AddDate(0, 0, 1) {
				work, err := cal.IsWorkday(day.Add(-8 * time.Hour)) // midnight UTC+8
				if err != nil {
					t.Fatalf("IsWorkday(%s): %v", day.Format(time.DateOnly), err)
				}
				if work {
					count++
				}
			}
			if count != n {
				t.Fatalf("%d: IsWorkday finds %d working days, Workdays says %d", y, count, n)
			}
			// Every working day after 1 January is reachable within the year.
			from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Add(-8 * time.Hour)
			if first, _ := cal.IsWorkday(from); first {
				n--
			}
			if n > 0 {
				to, err := cal.Add(from, n)
				if err != nil {
					t.Fatalf("Add(%d-01-01, %d): %v", y, n, err)
				}
				if got, err := cal.Between(from, to); err != nil || got != n {
					t.Fatalf("Between(%d-01-01, %s) = %d, %v; want %d", y, to.Format(time.DateOnly), got, err, n)
				}
			}
		}
	})
}
