package citizenid_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/onething-gov/onething/standards/citizenid"
)

func ExampleParse() {
	id, err := citizenid.Parse(" 11010519491231002x ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(id.Masked(), id.Region(), id.Birth().Format(time.DateOnly), id.Sex())
	fmt.Println("age on 1 January 2026:", id.AgeOn(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)))

	_, err = citizenid.Parse("110105194912310023")
	fmt.Println(err)
	fmt.Println(errors.Is(err, citizenid.ErrChecksum), errors.Is(err, citizenid.ErrInvalid))
	// Output:
	// 110105********002X 110105 1949-12-31 female
	// age on 1 January 2026: 76
	// citizenid: "110105********0023": invalid citizen ID number: checksum mismatch: check character is 3, want X
	// true true
}

func ExampleID_Masked() {
	id, _ := citizenid.Parse("370102199003071238")
	fmt.Println(id.Masked())
	// Output: 370102********1238
}

func ExampleCheckChar() {
	c, err := citizenid.CheckChar("11010519491231002")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%c\n", c)
	// Output: X
}
