package standards_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites the file with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), string(got))
}

// TestGolden checks the Markdown and CSV renderings of the demo report.
func TestGolden(t *testing.T) {
	sys, cat := demo(t)
	r, err := standards.Check(sys, cat, demoDay)
	require.NoError(t, err)
	golden(t, "demo.md", []byte(r.Markdown()))

	var b bytes.Buffer
	require.NoError(t, r.WriteCSV(&b))
	golden(t, "demo.csv", b.Bytes())

	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, standards.CSVHeader(), rows[0])
	kinds := map[string]int{}
	for _, row := range rows[1:] {
		require.Len(t, row, len(standards.CSVHeader()))
		kinds[row[0]]++
	}
	findings := 0
	for _, e := range r.Entries {
		findings += len(e.Findings)
	}
	assert.Equal(t, map[string]int{"finding": findings, "uncovered": 2, "dangling": 1}, kinds)
}

// TestRenderEscaping checks that data cannot break a Markdown table or turn
// into a spreadsheet formula.
func TestRenderEscaping(t *testing.T) {
	m := conforming()
	m.Name = "=HYPERLINK(\"x\")|失业\n登记"
	m.Places = append(m.Places, placeWithoutHours("a|b"))
	sys := newSystem(t, published("DB37/T 1", "2024", day(2024, 1, 1), standards.Scope{Matters: []string{m.Code}},
		standards.Requirement{Clause: "1", Rule: standards.RulePlacesHours}))
	r := standards.CheckAll(standards.NewChecker(sys, day(2025, 1, 1), nil),
		func(yield func(standards.Implementation) bool) { yield(standards.Implementation{Matter: m}) })
	md := r.Markdown()
	assert.Contains(t, md, `=HYPERLINK("x")\|失业 登记`)
	assert.Contains(t, md, `办理地点“a\|b”未注明办理时间`)

	var b bytes.Buffer
	require.NoError(t, r.WriteCSV(&b))
	rows, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2, "the header and the finding")
	assert.Equal(t, "'=HYPERLINK(\"x\")|失业\n登记", rows[1][6])
}
