package dispatch

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by every error about bad rule files or a bad corpus.
// Test with errors.Is.
var ErrInvalid = errors.New("invalid")

// LoadError is one problem in a data file: the file, a JSON pointer to the
// value at fault (empty for the whole file) and the reason. Like
// *fs.PathError it carries the place; Unwrap returns the reason, which wraps
// ErrInvalid (or fs.ErrNotExist for a missing file).
type LoadError struct {
	File    string // path within the fs.FS, e.g. "dispatch/rules.json"
	Pointer string // RFC 6901 JSON pointer, e.g. "/rules/3/topic"
	Err     error
}

// Error returns "dispatch: file#pointer: reason".
func (e *LoadError) Error() string {
	if e.Pointer == "" {
		return fmt.Sprintf("dispatch: %s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("dispatch: %s#%s: %v", e.File, e.Pointer, e.Err)
}

// Unwrap returns the reason.
func (e *LoadError) Unwrap() error { return e.Err }

// invalid returns a LoadError whose reason wraps ErrInvalid.
func invalid(file, pointer, format string, args ...any) *LoadError {
	return &LoadError{File: file, Pointer: pointer, Err: fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))}
}
