package standards

import (
	"fmt"
	"strings"

	"github.com/onething-gov/onething/standards/division"
)

// Markdown renders the report for people: a summary, the standards in
// force, one section per city and department with a table of findings, and
// the coverage. Headings and columns are in Chinese with English beside.
func (r *Report) Markdown() string {
	var b strings.Builder
	conforming := 0
	for i := range r.Entries {
		if r.Entries[i].Count(SeverityError) == 0 {
			conforming++
		}
	}
	b.WriteString("# 基本公共服务标准符合性报告 / Standards conformance report\n\n")
	fmt.Fprintf(&b, "- 检查日期 / Date: %s\n", r.Date)
	fmt.Fprintf(&b, "- 现行标准 / Standards in force: %d\n", len(r.Standards))
	fmt.Fprintf(&b, "- 实施清单 / Implementations: %d（无错误 / without errors: %d）\n", len(r.Entries), conforming)
	fmt.Fprintf(&b, "- 错误 / Errors: %d · 警告 / Warnings: %d · 豁免 / Waived: %d\n\n",
		r.Count(SeverityError), r.Count(SeverityWarning), r.Waived())

	b.WriteString("## 现行标准 / Standards in force\n\n")
	b.WriteString("| 标准号 Standard | 名称 Title | 类别 Category | 实施日期 Effective |\n|---|---|---|---|\n")
	for _, s := range r.Standards {
		d := s.Designation
		if s.Demo {
			d += "（DEMO）"
		}
		row(&b, d, s.Title, s.Category+" "+s.CategoryName, s.Effective.String())
	}
	if len(r.Standards) == 0 {
		b.WriteString("| 无 / none | | | |\n")
	}

	city := division.Code("\x00")
	for _, g := range r.Groups() {
		if g.City != city {
			city = g.City
			fmt.Fprintf(&b, "\n## %s %s\n", g.City, g.CityName)
		}
		fmt.Fprintf(&b, "\n### %s（%s）\n\n", g.Department.Name, g.Department.CreditCode)
		ok, n := 0, 0
		for i := range g.Entries {
			if g.Entries[i].Count(SeverityError) == 0 {
				ok++
			}
			n += len(g.Entries[i].Findings)
		}
		fmt.Fprintf(&b, "实施清单%d项，无错误%d项。 / Implementations: %d, without errors: %d.\n", len(g.Entries), ok, len(g.Entries), ok)
		if n == 0 {
			continue
		}
		b.WriteString("\n| 事项 Matter | 区划 Division | 标准 Standard | 条款 Clause | 规则 Rule | 期望 Expected | 实际 Actual | 级别 Severity | 说明 Note |\n|---|---|---|---|---|---|---|---|---|\n")
		for _, e := range g.Entries {
			for _, f := range e.Findings {
				row(&b, e.Matter+" "+e.Name, divisionLabel(e), f.Standard, f.Clause, "`"+string(f.Rule)+"`",
					f.Expected, f.Actual, severityLabel(f), f.ZH)
			}
		}
	}

	b.WriteString("\n## 覆盖情况 / Coverage\n\n")
	b.WriteString("### 急需短缺：无专项标准的高频事项 / High-frequency matters without a standard of their own\n\n")
	b.WriteString("| 事项 Matter | 名称 Name | 实施主体 Department |\n|---|---|---|\n")
	for _, g := range r.Coverage.Uncovered {
		row(&b, g.Matter, g.Name, g.Department.Name)
	}
	if len(r.Coverage.Uncovered) == 0 {
		b.WriteString("| 无 / none | | |\n")
	}
	b.WriteString("\n### 引用已不存在事项的标准 / Standards naming matters that no longer exist\n\n")
	b.WriteString("| 标准 Standard | 事项 Matter | 位置 Pointer | 情况 Status |\n|---|---|---|---|\n")
	for _, d := range r.Coverage.Dangling {
		row(&b, d.Standard, d.Matter, "`"+d.Pointer+"`", danglingLabel(d))
	}
	if len(r.Coverage.Dangling) == 0 {
		b.WriteString("| 无 / none | | | |\n")
	}
	return b.String()
}

// row writes one table row, escaping the cells.
func row(b *strings.Builder, cells ...string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" ")
		b.WriteString(cellEscaper.Replace(c))
		b.WriteString(" |")
	}
	b.WriteString("\n")
}

var cellEscaper = strings.NewReplacer("|", "\\|", "\r\n", " ", "\n", " ", "\r", " ")

func divisionLabel(e Entry) string {
	if e.Division == "" {
		return "省级基本目录 base"
	}
	return string(e.Division) + " " + placeName(e.Division)
}

func severityLabel(f Finding) string {
	var s string
	switch {
	case !f.Counts():
		s = "豁免 waived"
	case f.Severity == SeverityWarning:
		s = "警告 warning"
	default:
		s = "错误 error"
	}
	if f.Inherited {
		s += "（沿用省级 inherited）"
	}
	return s
}

func danglingLabel(d Dangling) string {
	if d.Expired.IsZero() {
		return "目录中无此事项 not in the catalog"
	}
	return fmt.Sprintf("事项已于%s失效 expired on %s", d.Expired, d.Expired)
}
