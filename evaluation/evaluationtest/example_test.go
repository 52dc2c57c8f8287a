package evaluationtest_test

import (
	"context"
	"fmt"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/evaluationtest"
)

// A deployment checks its store from a command, without a *testing.T.
func ExampleTestStore() {
	var s evaluation.Store = evaluation.NewMemoryStore() // or yours
	if err := evaluationtest.TestStore(context.Background(), s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("store passes every documented rule")
	// Output: store passes every documented rule
}
