package creditcode_test

import (
	"errors"
	"fmt"

	"github.com/onething-gov/onething/standards/creditcode"
)

func ExampleParse() {
	c, err := creditcode.Parse(" 9144030071526726xg ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c)
	fmt.Printf("registry %c, kind %c, region %s, organisation code %s\n", c.Registry(), c.Kind(), c.Region(), c.OrgCode())
	// Output:
	// 9144030071526726XG
	// registry 9, kind 1, region 440300, organisation code 71526726X
}

// An intake desk that must accept early pilot codes, whose only fault is the
// 18th character, tests the Code rather than the error and keeps the warning.
func ExampleParse_pilotCode() {
	for _, s := range []string{"91370100MA3C4P7R9A", "91370000163045221E"} {
		c, err := creditcode.Parse(s)
		switch {
		case c.IsZero():
			fmt.Println("rejected:", err)
		case errors.Is(err, creditcode.ErrChecksum):
			fmt.Println("accepted with warning:", c)
			fmt.Println(err)
		default:
			fmt.Println("accepted:", c)
		}
	}
	// Output:
	// accepted with warning: 91370100MA3C4P7R9A
	// creditcode: "91370100MA3C4P7R9A": invalid credit code: wrong check character: position 18 is 'A', want '1'
	// rejected: creditcode: "91370000163045221E": invalid credit code: organisation code 163045221 fails the GB 11714 check: position 17 is '1', want 'X'
}

func ExampleCode_Describe() {
	c, _ := creditcode.Parse("51370000MJD6012A6U")
	info, ok := c.Describe()
	fmt.Println(ok, info.RegistryZH, info.KindZH)
	fmt.Printf("%s: %s\n", info.RegistryEN, info.KindEN)
	// Output:
	// true 民政 社会团体
	// civil affairs: social organisation
}

// A data generator completes a code from its first 16 characters.
func ExampleCheckChar() {
	first16 := "91370100MA3C4P7R"
	org, _ := creditcode.OrgCheckChar(first16[8:])
	first17 := first16 + string(org)
	check, _ := creditcode.CheckChar(first17)
	fmt.Println(first17 + string(check))
	// Output:
	// 91370100MA3C4P7R91
}
