package standards

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSVHeader returns the header row WriteCSV writes.
func CSVHeader() []string {
	return []string{"kind", "city", "division", "department_code", "department", "matter", "matter_name",
		"standard", "clause", "rule", "severity", "inherited", "waived", "pointer", "expected", "actual", "zh", "en"}
}

// WriteCSV writes the report as CSV for spreadsheets: a header (CSVHeader()),
// then one row per finding (kind "finding", in Groups order), per
// high-frequency matter without a standard ("uncovered") and per reference
// to a matter that no longer exists ("dangling"). severity is "error",
// "warning" or, for a waived finding, "waived". A cell that a spreadsheet
// would read as a formula (beginning with =, +, -, @) is prefixed with an
// apostrophe.
func (r *Report) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	write := func(cells ...string) {
		for i, c := range cells {
			cells[i] = csvSafe(c)
		}
		_ = cw.Write(cells) // the error sticks; cw.Error reports it
	}
	write(CSVHeader()...)
	for _, g := range r.Groups() {
		for _, e := range g.Entries {
			for _, f := range e.Findings {
				sev := string(f.Severity)
				if !f.Counts() {
					sev = "waived"
				}
				write("finding", string(e.City), string(e.Division), e.Department.CreditCode.String(), e.Department.Name,
					e.Matter, e.Name, f.Standard, f.Clause, string(f.Rule), sev, strconv.FormatBool(f.Inherited),
					f.Waived, f.Pointer, f.Expected, f.Actual, f.ZH, f.EN)
			}
		}
	}
	for _, g := range r.Coverage.Uncovered {
		write("uncovered", "", "", g.Department.CreditCode.String(), g.Department.Name, g.Matter, g.Name,
			"", "", "", "warning", "false", "", "", "", "", "高频事项无专项标准（急需短缺）", "high-frequency matter without a standard of its own")
	}
	for _, d := range r.Coverage.Dangling {
		zh, en := "目录中无此事项", "no matter with this code in the catalog"
		if !d.Expired.IsZero() {
			zh, en = "事项已于"+d.Expired.String()+"失效", "the matter expired on "+d.Expired.String()
		}
		write("dangling", "", "", "", "", d.Matter, "", d.Standard, "", "", "warning", "false", "", d.Pointer, "", "", zh, en)
	}
	cw.Flush()
	return cw.Error()
}

func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
