package standards_test

import (
	"fmt"
	"os"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
)

// Example shows the check a city runs in its CI: load the catalog with its
// implementation lists and the province's standard system, check every
// implementation as of a day, and list what breaks a "应" clause.
func Example() {
	root := os.DirFS("../examples/catalog")
	cat, err := matter.LoadFS(root)
	if err != nil {
		fmt.Println(err)
		return
	}
	sys, err := standards.LoadSystem(root)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := standards.Check(sys, cat, matter.DateOf(2026, 3, 2))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d standards in force, %d implementations: %d errors, %d warnings\n",
		len(r.Standards), len(r.Entries), r.Count(standards.SeverityError), r.Count(standards.SeverityWarning))
	for _, e := range r.Entries {
		for _, f := range e.Findings {
			if f.Severity == standards.SeverityError && f.Counts() {
				fmt.Printf("%s %s %s: %s %s: %s\n", e.Division, e.Matter, f.Pointer, f.Standard, f.Clause, f.ZH)
			}
		}
	}
	for _, g := range r.Coverage.Uncovered {
		fmt.Println("急需短缺:", g.Matter, g.Name)
	}
	// Output:
	// 8 standards in force, 74 implementations: 1 errors, 7 warnings
	// 370116 370015030000 /places/1/hours: DB37/T 9021—2024 5.1: 办理地点“莱芜区凤城街道便民服务中心”未注明办理时间
	// 急需短缺: 370015036000 技能提升补贴申领
	// 急需短缺: 370018020000 基本医疗保险参保人员异地就医备案
}

// ExampleSystem_At shows which edition of a standard applied on a day: the
// 2025 edition of DB37/T 9012 replaced the 2024 one from 2025-07-01.
func ExampleSystem_At() {
	sys, err := standards.LoadSystem(os.DirFS("../examples/catalog"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, on := range []matter.Date{matter.DateOf(2024, 9, 30), matter.DateOf(2025, 6, 30), matter.DateOf(2025, 7, 1)} {
		if s, ok := sys.At("DB37/T 9012", on); ok {
			fmt.Println(on, s.Designation(), s.Title)
		} else {
			fmt.Println(on, "none")
		}
	}
	// Output:
	// 2024-09-30 none
	// 2025-06-30 DB37/T 9012—2024 企业职工退休服务规范
	// 2025-07-01 DB37/T 9012—2025 退休“一件事”服务规范
}

// ExampleStandard_Evaluate checks one matter against one requirement
// written in Go rather than loaded from a file.
func ExampleStandard_Evaluate() {
	limit := 10
	s := &standards.Standard{
		Identifier: "DB37/T 9012", Version: "2025",
		Scope: standards.Scope{Matters: []string{"370015001000"}},
		Requirements: []standards.Requirement{
			{Clause: "5.2", Rule: standards.RulePromisedLimitMax, Max: &limit},
		},
	}
	m := &matter.Matter{Code: "370015001000", PromisedLimit: matter.TimeLimit{Value: 15}}
	if s.Scope.Matches(m) {
		for _, f := range s.Evaluate(m) {
			fmt.Println(f.Standard, f.Clause, f.Expected, f.Actual)
			fmt.Println(f.EN)
		}
	}
	// Output:
	// DB37/T 9012—2025 5.2 ≤10个工作日 15个工作日
	// promised limit of 15 working days exceeds 10
}
