// Command lint checks a catalog of service matters (事项目录) with its city
// and county implementation lists (实施清单) against the province's standard
// system (基本公共服务标准体系). It is for city developers to run in CI before
// they publish a list, and for the province's standards office to see where
// the system is thin.
//
// Usage:
//
//	go run ./examples/lint [-standards dir] [-date YYYY-MM-DD] [-format text|markdown|csv] <catalog dir>
//
// It loads the catalog with matter.LoadFS, which checks every file against
// its schema and every matter and overlay against the catalog's rules, and
// the standards folder of the catalog (or -standards) with
// standards.LoadSystem; then it checks every matter and every division's
// resolved implementation against the standards in force on -date (today
// in China Standard Time by default) and writes the report to standard
// output. Load problems and a summary go to standard error.
//
// Exit status: 0 when nothing is wrong or there are only warnings ("宜"
// clauses, coverage gaps); 1 when a file does not load (every problem is
// printed) or an implementation breaks a "应" clause; 2 for bad usage.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// run is the command: it parses args, writes the report to stdout and
// problems and the summary to stderr, and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("lint", flag.ContinueOnError)
	fl.SetOutput(stderr)
	stdDir := fl.String("standards", "", "the standards folder (default: the catalog's standards folder)")
	date := fl.String("date", "", "check as of this day, YYYY-MM-DD (default: today, China Standard Time)")
	format := fl.String("format", "text", "report format: text, markdown or csv")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: lint [-standards dir] [-date YYYY-MM-DD] [-format text|markdown|csv] <catalog dir>")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return exitUsage
	}
	render, ok := renderers[*format]
	if !ok {
		fmt.Fprintf(stderr, "lint: unknown format %q: want text, markdown or csv\n", *format)
		return exitUsage
	}
	on := matter.NewDate(time.Now())
	if *date != "" {
		d, err := matter.ParseDate(*date)
		if err != nil {
			fmt.Fprintf(stderr, "lint: -date %q: want a day YYYY-MM-DD\n", *date)
			return exitUsage
		}
		on = d
	}

	dir := fl.Arg(0)
	cat, catErr := matter.LoadFS(os.DirFS(dir))
	sys, sysErr := loadStandards(dir, *stdDir)
	if catErr != nil || sysErr != nil {
		printLoadError(stderr, dir, catErr)
		printLoadError(stderr, standardsRoot(dir, *stdDir), sysErr)
		return exitFail
	}
	r, err := standards.Check(sys, cat, on)
	if err != nil {
		fmt.Fprintln(stderr, "lint:", err)
		return exitFail
	}
	if err := render(stdout, r); err != nil {
		fmt.Fprintln(stderr, "lint:", err)
		return exitFail
	}
	fmt.Fprintf(stderr, "lint: %s: %d implementations against %d standards: %d errors, %d warnings, %d waived; %d high-frequency matters without a standard, %d references to missing matters\n",
		r.Date, len(r.Entries), len(r.Standards), r.Count(standards.SeverityError), r.Count(standards.SeverityWarning),
		r.Waived(), len(r.Coverage.Uncovered), len(r.Coverage.Dangling))
	if !r.Conforms() {
		return exitFail
	}
	return exitOK
}

// loadStandards reads the standards folder of the catalog, or stdDir.
func loadStandards(catalogDir, stdDir string) (*standards.System, error) {
	if stdDir == "" {
		return standards.LoadSystem(os.DirFS(catalogDir))
	}
	return standards.LoadSystemDir(os.DirFS(stdDir), ".")
}

// standardsRoot is the folder the standards' file names are relative to.
func standardsRoot(catalogDir, stdDir string) string {
	if stdDir == "" {
		return catalogDir
	}
	return stdDir
}

// printLoadError prints every problem of a load error, one a line, with
// the file named from root so that a CI log links to it.
func printLoadError(w io.Writer, root string, err error) {
	var me *matter.ValidationError
	var se *standards.LoadError
	switch {
	case err == nil:
	case errors.As(err, &me):
		for _, p := range me.Problems {
			if p.File != "" {
				p.File = filepath.Join(root, p.File)
			}
			fmt.Fprintln(w, "error:", p.String())
		}
	case errors.As(err, &se):
		for _, p := range se.Problems {
			if p.File != "" {
				p.File = filepath.Join(root, p.File)
			}
			fmt.Fprintln(w, "error:", p.String())
		}
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(w, "error: %v (is %s a catalog with a standards folder? use -standards)\n", err, root)
	default:
		fmt.Fprintln(w, "error:", err)
	}
}
