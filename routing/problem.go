package routing

import (
	"fmt"
	"strings"
)

// Problem is one fault in an agreements file.
type Problem struct {
	// File is the file's path in the catalog, such as
	// "agreements/jingjinji.json".
	File string `json:"file"`
	// Pointer is the JSON pointer (RFC 6901) of the offending value, "" for
	// the whole file.
	Pointer string `json:"pointer"`
	ZH      string `json:"zh"`
	EN      string `json:"en"`
}

// String renders the problem as "file#pointer: message".
func (p Problem) String() string { return p.File + "#" + p.Pointer + ": " + p.EN }

// LoadError lists every problem LoadAgreements found. It unwraps to
// ErrInvalid.
type LoadError struct {
	Problems []Problem
}

// Error lists the problems, one a line.
func (e *LoadError) Error() string {
	if len(e.Problems) == 1 {
		return "routing: " + e.Problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "routing: %d problems in the agreements:", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n\t")
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns ErrInvalid.
func (e *LoadError) Unwrap() error { return ErrInvalid }

// maxProblems is how many problems a LoadError lists before it stops.
const maxProblems = 200

// collector gathers problems.
type collector struct {
	list []Problem
	more int
}

// add adds a problem whose messages are formats sharing args.
func (c *collector) add(file, pointer, zh, en string, args ...any) {
	c.addText(file, pointer, fmt.Sprintf(zh, args...), fmt.Sprintf(en, args...))
}

// addText adds a problem with finished messages.
func (c *collector) addText(file, pointer, zh, en string) {
	if len(c.list) >= maxProblems {
		c.more++
		return
	}
	c.list = append(c.list, Problem{File: file, Pointer: pointer, ZH: zh, EN: en})
}

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

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// pointer joins JSON pointer tokens.
func pointer(tokens ...any) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(pointerEscaper.Replace(fmt.Sprint(t)))
	}
	return b.String()
}
