package sqlstore

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/onething-gov/onething/matter"
)

// sameApplication reports whether a repeated CreateApplication carries the
// application already stored, as matter.MemoryStore decides it: Version is
// ignored, times are compared as instants (zone and monotonic clock
// reading ignored) and a nil slice equals an empty one. Both are compared
// in the form the store returns (read back from JSON), so a value the JSON
// codec normalises, such as a lower-case credit code, equals its stored
// self.
func sameApplication(stored, again *matter.Application) bool {
	a, err1 := json.Marshal(normalApplication(stored))
	b, err2 := json.Marshal(normalApplication(again))
	return err1 == nil && err2 == nil && bytes.Equal(a, b)
}

// normalApplication returns a copy of a in the canonical form that
// sameApplication compares.
func normalApplication(a *matter.Application) *matter.Application {
	c := a.Clone()
	c.Version = 0
	c.SubmittedAt = utcInstant(c.SubmittedAt)
	if len(c.Parts) == 0 {
		c.Parts = nil
	}
	for i := range c.Parts {
		c.Parts[i].DecidedAt = utcInstant(c.Parts[i].DecidedAt)
	}
	if len(c.History) == 0 {
		c.History = nil
	}
	for i := range c.History {
		c.History[i].At = utcInstant(c.History[i].At)
	}
	if c.Selection != nil {
		if len(c.Selection.Steps) == 0 {
			c.Selection.Steps = nil
		}
		for i, st := range c.Selection.Steps {
			if len(st) == 0 {
				c.Selection.Steps[i] = nil
			}
		}
	}
	return c
}

// utcInstant returns t in UTC without its monotonic clock reading.
func utcInstant(t time.Time) time.Time { return t.UTC().Round(0) }
