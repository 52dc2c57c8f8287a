package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const demo = "../catalog"

// lint runs the command with args and returns its exit status and output.
func lint(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create it")
	assert.Equal(t, string(want), got)
}

// TestDemo checks the demo catalog: one error (莱芜区's township place
// without hours) makes the command fail, with every finding listed.
func TestDemo(t *testing.T) {
	code, out, errOut := lint("-date", "2026-03-02", demo)
	assert.Equal(t, exitFail, code)
	golden(t, "demo.txt", out)
	assert.Equal(t, "lint: 2026-03-02: 74 implementations against 8 standards: 1 errors, 7 warnings, 5 waived; "+
		"2 high-frequency matters without a standard, 1 references to missing matters\n", errOut)
	var errs []string
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "error: ") {
			errs = append(errs, line)
		}
	}
	require.Len(t, errs, 1)
	assert.True(t, strings.HasPrefix(errs[0], "error: 370116 莱芜区 370015030000 失业登记 /places/1/hours: DB37/T 9021—2024 5.1 places_hours:"), errs[0])
}

// TestFormats checks that -format selects the package's renderings.
func TestFormats(t *testing.T) {
	sys, err := standards.LoadSystem(os.DirFS(demo))
	require.NoError(t, err)
	cat, err := matter.LoadFS(os.DirFS(demo))
	require.NoError(t, err)
	r, err := standards.Check(sys, cat, matter.DateOf(2026, 3, 2))
	require.NoError(t, err)

	code, out, _ := lint("-date", "2026-03-02", "-format", "markdown", demo)
	assert.Equal(t, exitFail, code)
	assert.Equal(t, r.Markdown(), out)

	code, out, _ = lint("-format=csv", "-date=2026-03-02", demo)
	assert.Equal(t, exitFail, code)
	var b bytes.Buffer
	require.NoError(t, r.WriteCSV(&b))
	assert.Equal(t, b.String(), out)
}

// TestWarningsOnly checks that warnings alone pass, with -standards
// pointing at another folder.
func TestWarningsOnly(t *testing.T) {
	code, out, errOut := lint("-date", "2026-03-02", "-standards", "testdata/warnings", demo)
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "warning: 371700 菏泽市 370015020000 社会保障卡申领 /promised_limit: DB37/T 9911—2025 1 promised_limit_max:")
	assert.NotContains(t, out, "error: ")
	assert.Contains(t, errOut, "0 errors, 3 warnings")

	// Before the standard took effect nothing applies.
	code, out, _ = lint("-date", "2024-12-31", "-standards", "testdata/warnings", demo)
	assert.Equal(t, exitOK, code)
	assert.NotContains(t, out, "warning: ")
}

// TestBrokenStandards checks that every problem of a standards folder is
// printed with its file and pointer, and the command fails.
func TestBrokenStandards(t *testing.T) {
	code, out, errOut := lint("-standards", "testdata/broken-standards", demo)
	assert.Equal(t, exitFail, code)
	assert.Empty(t, out)
	assert.Equal(t, `error: testdata/broken-standards/card.json#/0/requirements/0/max: DB37/T 9911—2025: missing property "max"
error: testdata/broken-standards/card.json#/0/requirements/0/maximum: DB37/T 9911—2025: unknown property "maximum", or not a parameter of this rule
`, errOut)
}

// TestBrokenCatalog checks that every problem of a catalog that does not
// load is printed, with those of its standards folder.
func TestBrokenCatalog(t *testing.T) {
	dir := filepath.Join("testdata", "broken-catalog")
	_, err := matter.LoadFS(os.DirFS(dir))
	var ve *matter.ValidationError
	require.True(t, errors.As(err, &ve))

	code, out, errOut := lint(dir)
	assert.Equal(t, exitFail, code)
	assert.Empty(t, out)
	lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
	require.Len(t, lines, len(ve.Problems)+1, "every catalog problem and the standards one")
	for i, p := range ve.Problems {
		assert.Equal(t, "error: "+filepath.Join(dir, p.File)+": "+p.Subject+": "+p.Pointer+": "+p.EN+" ("+p.Rule+")", lines[i])
	}
	assert.Contains(t, lines[len(lines)-1], "error: testdata/broken-catalog/standards/bad.json#: line 1")
	assert.Contains(t, errOut, `/1/nme: unknown property "nme"`)
}

func TestUsage(t *testing.T) {
	cases := []struct {
		name string
		args []string
		code int
		text string
	}{
		{"no catalog", nil, exitUsage, "usage: lint"},
		{"two catalogs", []string{demo, demo}, exitUsage, "usage: lint"},
		{"bad format", []string{"-format", "html", demo}, exitUsage, `unknown format "html"`},
		{"bad date", []string{"-date", "2026-02-30", demo}, exitUsage, `-date "2026-02-30"`},
		{"unknown flag", []string{"-strict", demo}, exitUsage, "flag provided but not defined"},
		{"help", []string{"-h"}, exitOK, "usage: lint"},
		{"no standards folder", []string{"testdata/warnings"}, exitFail, "use -standards"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := lint(c.args...)
			assert.Equal(t, c.code, code)
			assert.Empty(t, out)
			assert.Contains(t, errOut, c.text)
		})
	}
}
