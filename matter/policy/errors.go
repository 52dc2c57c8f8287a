package policy

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Test with errors.Is: the richer errors of this package
// unwrap to them.
var (
	// ErrInvalid: a file, profile or expression breaks a documented rule.
	ErrInvalid = errors.New("policy: invalid")
	// ErrNotFound: no profile or policy has that key.
	ErrNotFound = errors.New("policy: not found")
	// ErrConflict: two sources give different values for one attribute.
	ErrConflict = errors.New("policy: conflicting values")
)

// Problem is one fault found while loading a file or a profile.
type Problem struct {
	// File is the file at fault, relative to the folder loaded; empty for a
	// profile built in code.
	File string `json:"file,omitempty"`
	// Pointer is the JSON pointer (RFC 6901) of the value at fault.
	Pointer string `json:"pointer"`
	// Pos is "line:col" inside an expression, when the fault is in one.
	Pos string `json:"pos,omitempty"`
	// Msg says what is wrong, in English.
	Msg string `json:"msg"`
}

// String returns "file#/pointer: line:col: message".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Pointer != "" || p.File != "" {
		b.WriteString("#" + p.Pointer)
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Pos != "" {
		b.WriteString(p.Pos + ": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// LoadError lists every problem found in a set of files or a profile. It
// unwraps to ErrInvalid (or ErrConflict for a merge).
type LoadError struct {
	Problems []Problem
	err      error
}

// Error lists the problems, one a line.
func (e *LoadError) Error() string {
	lines := make([]string, 0, len(e.Problems))
	for _, p := range e.Problems {
		lines = append(lines, p.String())
	}
	return fmt.Sprintf("%v: %s", e.Unwrap(), strings.Join(lines, "\n"))
}

// Unwrap returns the sentinel.
func (e *LoadError) Unwrap() error {
	if e.err == nil {
		return ErrInvalid
	}
	return e.err
}

// problems collects Problems.
type problems []Problem

func (ps *problems) add(file, ptr, format string, args ...any) {
	*ps = append(*ps, Problem{File: file, Pointer: ptr, Msg: fmt.Sprintf(format, args...)})
}

func (ps problems) err(sentinel error) error {
	if len(ps) == 0 {
		return nil
	}
	return &LoadError{Problems: ps, err: sentinel}
}

// escapePointer escapes one JSON pointer token.
func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}
