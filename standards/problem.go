package standards

import (
	"fmt"
	"strings"
)

// Problem is one fault in the standard system's files, or in the values
// given to NewSystem.
type Problem struct {
	// File is the file's path in the file system given to LoadSystem, such
	// as "standards/retirement.json"; empty for NewSystem.
	File string `json:"file,omitempty"`
	// Pointer is the JSON pointer (RFC 6901) of the offending value in the
	// file (for NewSystem: in the slice of standards, or "/tree/…"); empty
	// for the whole file.
	Pointer string `json:"pointer"`
	// Standard is the designation of the standard at fault, if known.
	Standard string `json:"standard,omitempty"`
	ZH       string `json:"zh"`
	EN       string `json:"en"`
}

// String renders the problem as "file#pointer: standard: message".
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" || p.Pointer != "" {
		b.WriteString(p.File)
		b.WriteString("#")
		b.WriteString(p.Pointer)
		b.WriteString(": ")
	}
	if p.Standard != "" {
		b.WriteString(p.Standard)
		b.WriteString(": ")
	}
	b.WriteString(p.EN)
	return b.String()
}

// LoadError lists every problem found in a standard system. It unwraps to
// ErrInvalid.
type LoadError struct {
	Problems []Problem
}

// Error lists the problems, one a line.
func (e *LoadError) Error() string {
	if len(e.Problems) == 1 {
		return "standards: " + e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "standards: %d problems:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalid.
func (e *LoadError) Unwrap() error { return ErrInvalid }

// maxProblems is how many problems a LoadError lists; one more says how
// many were left out.
const maxProblems = 200

// collector gathers problems.
type collector struct {
	list []Problem
	more int
}

func (c *collector) add(p Problem) {
	if len(c.list) >= maxProblems {
		c.more++
		return
	}
	c.list = append(c.list, p)
}

// addf adds a problem whose two messages share args.
func (c *collector) addf(file, pointer, standard, zh, en string, args ...any) {
	c.add(Problem{File: file, Pointer: pointer, Standard: standard, ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...)})
}

func (c *collector) full() bool { return len(c.list) >= maxProblems }

// err returns nil or a *LoadError.
func (c *collector) err() error {
	if len(c.list) == 0 {
		return nil
	}
	list := c.list
	if c.more > 0 {
		list = append(list, Problem{ZH: fmt.Sprintf("另有%d个问题未列出", c.more), EN: fmt.Sprintf("and %d more problems", c.more)})
	}
	return &LoadError{Problems: list}
}
