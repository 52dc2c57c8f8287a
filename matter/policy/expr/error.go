package expr

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// ErrSyntax is wrapped by every error Parse returns. Test with errors.Is.
var ErrSyntax = errors.New("syntax error")

// SyntaxError is a parse failure at a place in the source.
type SyntaxError struct {
	// Offset is the byte offset of the fault in the source.
	Offset int
	// Line and Col are 1-based; Col counts characters (runes), not bytes.
	Line, Col int
	Msg       string
}

// Error returns "line:col: message".
func (e *SyntaxError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

func newSyntaxError(src string, offset int, msg string) *SyntaxError {
	line, col := Position(src, offset)
	return &SyntaxError{Offset: offset, Line: line, Col: col, Msg: msg}
}

// Position converts a byte offset in src to a 1-based line and column, the
// column counted in characters. An offset past the end is the position just
// after the last character.
func Position(src string, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	line, col = 1, 1
	for i := 0; i < offset; {
		r, n := utf8.DecodeRuneInString(src[i:])
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += n
	}
	return line, col
}
