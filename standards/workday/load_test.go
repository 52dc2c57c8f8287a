package workday_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards/workday"
)

// TestEmbeddedFiles loads the files China embeds, from disk, so that a
// broken file fails here rather than panicking in China, and checks that
// each file is named for its year and agrees with China.
func TestEmbeddedFiles(t *testing.T) {
	cal, err := workday.LoadFS(os.DirFS("data"), "*.json")
	require.NoError(t, err)
	assert.Equal(t, workday.China().Years(), cal.Years())
	names, err := filepath.Glob("data/*.json")
	require.NoError(t, err)
	require.Len(t, names, 3)
	for _, name := range names {
		f, err := os.Open(name)
		require.NoError(t, err)
		one, err := workday.Load(f)
		f.Close()
		require.NoError(t, err, name)
		year, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(name), ".json"))
		require.NoError(t, err, name)
		assert.Equal(t, []int{year}, one.Years(), name)
	}
	_, err = workday.China().Extend(cal)
	assert.NoError(t, err, "the files on disk are the embedded schedules")
}

func TestLoadArray(t *testing.T) {
	cal, err := workday.Load(strings.NewReader(`[
		{"year": 2030, "source": "test", "holidays": [{"name": "元旦", "from": "2030-01-01", "to": "2030-01-01"}]},
		{"year": 2031, "source": "test", "workdays": ["2031-01-04"]}
	]`))
	require.NoError(t, err)
	assert.Equal(t, []int{2030, 2031}, cal.Years())
	n, err := cal.Workdays(2031)
	require.NoError(t, err)
	assert.Equal(t, 261+1, n, "2031 has 261 weekdays and no holidays in this test data")
}

func TestLoadErrors(t *testing.T) {
	const (
		head = `{"year": 2026, "source": "test", `
		ok   = `{"name": "元旦", "from": "2026-01-01", "to": "2026-01-03"}`
	)
	tests := []struct {
		name string
		doc  string
		msg  string // the error's message, or a part of it
	}{
		{"empty", ``, "workday: empty document"},
		{"malformed JSON", "{\n  \"year\": 2026,,", `workday: line 2, column 16: invalid character ',' looking for beginning of object key string`},
		{"truncated", `{"year": 2026`, "workday: unexpected end of document"},
		{"unknown field", head + `"holiday": []}`, `workday: unknown field "holiday"`},
		{"unknown field in a holiday", head + `"holidays": [{"name": "元旦", "date": "2026-01-01"}]}`, `unknown field "date"`},
		{"wrong type", `{"year": "2026"}`, "cannot unmarshal string"},
		{"trailing data", head + `"holidays": []} {}`, "workday: unexpected data after the schedule"},
		{"no year", `{"source": "test"}`, "workday: year 0: not in 2000–2199"},
		{"year too late", `{"year": 3026, "source": "test"}`, "workday: year 3026: not in 2000–2199"},
		{"no source", `{"year": 2026, "holidays": [` + ok + `]}`, "workday: source: missing"},
		{"no holiday name", head + `"holidays": [{"from": "2026-01-01", "to": "2026-01-01"}]}`, "workday: holidays[0].name: missing"},
		{"bad date", head + `"holidays": [` + ok + `, ` + ok[:0] + `{"name": "春节", "from": "2026-02-15", "to": "2026-02-30"}]}`,
			`workday: holidays[1].to "2026-02-30": not a date`},
		{"date in another shape", head + `"workdays": ["2026/01/04"]}`, `workday: workdays[0] "2026/01/04": not a date`},
		{"date outside the year", head + `"holidays": [{"name": "元旦", "from": "2025-12-31", "to": "2026-01-01"}]}`,
			`workday: holidays[0].from "2025-12-31": not in 2026`},
		{"from after to", head + `"holidays": [{"name": "春节", "from": "2026-02-23", "to": "2026-02-15"}]}`,
			`workday: holidays[0]: from "2026-02-23" is after to "2026-02-15"`},
		{"make-up on a weekday", head + `"workdays": ["2026-01-05"]}`,
			`workday: workdays[0] "2026-01-05": a Monday; a make-up working day is a Saturday or Sunday`},
		{"make-up inside a holiday", head + `"holidays": [{"name": "春节", "from": "2026-02-14", "to": "2026-02-23"}], "workdays": ["2026-02-14"]}`,
			`workday: workdays[0] "2026-02-14": in holidays[0] "春节"`},
		{"make-up twice", head + `"workdays": ["2026-01-04", "2026-01-04"]}`, `workday: workdays[1] "2026-01-04": repeats workdays[0]`},
		{"overlapping holidays", head + `"holidays": [` + ok + `, {"name": "春节", "from": "2026-01-03", "to": "2026-01-05"}]}`,
			`workday: holidays[1] "春节": overlaps holidays[0] "元旦" on 2026-01-03`},
		{"duplicate years", `[` + head + `"holidays": []}, ` + head + `"holidays": []}]`, "workday: [1].year 2026: also in [0]"},
		{"no years", `[]`, "workday: no schedules"},
		{"problem in an array", `[` + head + `"workdays": ["2026-01-05"]}]`, `workday: [0].workdays[0] "2026-01-05": a Monday`},
		{"oversize", head + `"holidays": []}` + strings.Repeat(" ", workday.MaxSize), "workday: larger than 1048576 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal, err := workday.Load(strings.NewReader(tt.doc))
			require.Error(t, err)
			assert.Nil(t, cal)
			assert.ErrorIs(t, err, workday.ErrFormat)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	_, err := workday.Load(strings.NewReader(`{"year": 2026, "holidays": [
		{"name": "春节", "from": "2026-02-15", "to": "2026-02-30"}],
		"workdays": ["2026-01-05", "2027-01-02"]}`))
	require.ErrorIs(t, err, workday.ErrFormat)
	assert.Equal(t, `workday: source: missing
workday: holidays[0].to "2026-02-30": not a date
workday: workdays[0] "2026-01-05": a Monday; a make-up working day is a Saturday or Sunday
workday: workdays[1] "2027-01-02": not in 2026`, err.Error())

	many := `{"year": 2026, "source": "test", "workdays": [` + strings.Repeat(`"x", `, 14) + `"x"]}`
	_, err = workday.Load(strings.NewReader(many))
	require.ErrorIs(t, err, workday.ErrFormat)
	assert.Len(t, strings.Split(err.Error(), "\n"), 11)
	assert.ErrorContains(t, err, "workday: and 5 more problems")
}

func TestLoadFS(t *testing.T) {
	good, err := os.ReadFile("data/2026.json")
	require.NoError(t, err)
	fsys := fstest.MapFS{
		"a/2026.json":      {Data: good},
		"a/also-2026.json": {Data: good},
		"b/2026.json":      {Data: bytes.Replace(good, []byte(`"2026-02-23"`), []byte(`"2026-02-30"`), 1)},
	}
	_, err = workday.LoadFS(fsys, "a/*.json")
	assert.ErrorIs(t, err, workday.ErrFormat)
	assert.EqualError(t, err, "workday: a/also-2026.json: year 2026: also in a/2026.json")

	_, err = workday.LoadFS(fsys, "b/*.json")
	assert.ErrorIs(t, err, workday.ErrFormat)
	assert.EqualError(t, err, `workday: b/2026.json: holidays[1].to "2026-02-30": not a date`)

	_, err = workday.LoadFS(fsys, "c/*.json")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	_, err = workday.LoadFS(fsys, "[")
	assert.Error(t, err)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestLoadReadError(t *testing.T) {
	_, err := workday.Load(failingReader{})
	assert.EqualError(t, err, "workday: disk on fire")
	assert.NotErrorIs(t, err, workday.ErrFormat)
}
