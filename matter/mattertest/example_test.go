package mattertest_test

import (
	"context"
	"fmt"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/mattertest"
)

// A store is checked against every documented rule of matter.Store. In a
// Go test, prefer Run, which gives each rule its own subtest.
func ExampleTestStore() {
	s := matter.NewMemoryStore()
	if err := mattertest.TestStore(context.Background(), s); err != nil {
		fmt.Println(err) // each failure starts with its case name and ends with its rule
		return
	}
	fmt.Println("matter.MemoryStore conforms to matter.Store")
	// Output: matter.MemoryStore conforms to matter.Store
}
