package standards

import (
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Entry is the result of checking one implementation.
type Entry struct {
	Matter string `json:"matter"`
	Name   string `json:"name"`
	// Division is where the implementation applies; empty for the
	// province's base matter.
	Division division.Code `json:"division,omitempty"`
	// City groups the entry: the city of Division, or the province of the
	// implementing body for a base matter.
	City division.Code `json:"city"`
	// Department is the implementing body (实施主体) there.
	Department matter.Department `json:"department"`
	// Standards are the designations of the standards that applied.
	Standards []string `json:"standards,omitempty"`
	// Findings are the requirements not met, in standard then requirement
	// order.
	Findings []Finding `json:"findings,omitempty"`
}

// Count returns the number of findings of severity s that count (are not
// waived).
func (e *Entry) Count(s Severity) int {
	n := 0
	for i := range e.Findings {
		if f := &e.Findings[i]; f.Severity == s && f.Counts() {
			n++
		}
	}
	return n
}
