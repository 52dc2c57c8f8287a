package division_test

import (
	"fmt"

	"github.com/onething-gov/onething/standards/division"
)

func ExampleParse() {
	c, err := division.Parse("３７０１１６") // full-width input from a form
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := division.Lookup(c)
	city, _ := division.Lookup(c.City())
	fmt.Println(c, d.Name, d.Level, "in", city.Name)
	fmt.Println(division.Code("370000").Contains(c))
	// Output:
	// 370116 莱芜区 county in 济南市
	// true
}

func ExampleCode_Parent() {
	for _, c := range []division.Code{"370116", "110105", "429004", "370100"} {
		fmt.Println(c, "→", c.Parent())
	}
	// Output:
	// 370116 → 370100
	// 110105 → 110000
	// 429004 → 420000
	// 370100 → 370000
}

// Old citizen IDs and credit codes carry 371200 莱芜市, merged into 济南市 in
// 2019. Lookup knows it and names its successors.
func ExampleLookup_retired() {
	d, _ := division.Lookup("371200")
	fmt.Println(d.Name, d.Retired)
	for _, s := range d.Successors {
		succ, _ := division.Lookup(s)
		fmt.Println("→", s, succ.Name)
	}
	// Output:
	// 莱芜市 true
	// → 370116 莱芜区
	// → 370117 钢城区
}

func ExampleChildren() {
	for _, d := range division.Children("370000")[:3] {
		fmt.Println(d.Code, d.Name)
	}
	// Output:
	// 370100 济南市
	// 370200 青岛市
	// 370300 淄博市
}
