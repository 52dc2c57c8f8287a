package main

import (
	"fmt"
	"io"

	"github.com/onething-gov/onething/standards"
	"github.com/onething-gov/onething/standards/division"
)

// renderers write a report in each format.
var renderers = map[string]func(io.Writer, *standards.Report) error{
	"text": writeText,
	"markdown": func(w io.Writer, r *standards.Report) error {
		_, err := io.WriteString(w, r.Markdown())
		return err
	},
	"csv": func(w io.Writer, r *standards.Report) error { return r.WriteCSV(w) },
}

// writeText writes one line per finding, then per coverage gap, in the
// report's group order, for CI logs and grep:
//
//	error: 370116 莱芜区 370015030000 失业登记 /places/1/hours: DB37/T 9021—2024 5.1 places_hours: 办理地点…未注明办理时间 | place … does not state its hours
func writeText(w io.Writer, r *standards.Report) error {
	ew := &errWriter{w: w}
	for _, g := range r.Groups() {
		for _, e := range g.Entries {
			for _, f := range e.Findings {
				sev := string(f.Severity)
				if !f.Counts() {
					sev = "waived"
				}
				ew.printf("%s: %s %s %s %s: %s %s %s: %s | %s", sev, where(e), e.Matter, e.Name, f.Pointer, f.Standard, f.Clause, f.Rule, f.ZH, f.EN)
				if f.Inherited {
					ew.printf(" (inherited from the province's base list)")
				}
				if f.Waived != "" {
					ew.printf(" (waived by the negative list)")
				}
				ew.printf("\n")
			}
		}
	}
	for _, g := range r.Coverage.Uncovered {
		ew.printf("gap: %s %s (%s): high-frequency matter without a standard of its own | 高频事项无专项标准（急需短缺）\n", g.Matter, g.Name, g.Department.Name)
	}
	for _, d := range r.Coverage.Dangling {
		what := "not in the catalog | 目录中无此事项"
		if !d.Expired.IsZero() {
			what = fmt.Sprintf("expired on %s | 事项已于%s失效", d.Expired, d.Expired)
		}
		ew.printf("dangling: %s %s: %s %s\n", d.Standard, d.Pointer, d.Matter, what)
	}
	return ew.err
}

// where names an entry's place: the division and its name, or the
// province's base list.
func where(e standards.Entry) string {
	if e.Division == "" {
		return "base"
	}
	if d, ok := division.Lookup(e.Division); ok {
		return string(e.Division) + " " + d.Name
	}
	return string(e.Division)
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (ew *errWriter) printf(format string, args ...any) {
	if ew.err == nil {
		_, ew.err = fmt.Fprintf(ew.w, format, args...)
	}
}
