package form

import (
	"errors"
	"fmt"
)

// Sentinel errors. Test with errors.Is: the richer errors of this package
// (*FieldError, *ConflictError) unwrap to them.
var (
	// ErrInvalid: a form file, a dictionary entry or a set of answers breaks
	// a documented rule.
	ErrInvalid = errors.New("invalid")
	// ErrNotFound: no form has that $id, or no form belongs to that matter.
	ErrNotFound = errors.New("not found")
	// ErrConflict: two forms constrain the same data element in ways no
	// value can satisfy. Merge returns *ConflictError values wrapping it.
	ErrConflict = errors.New("conflicting constraints")
	// ErrUnknownElement: a form binds a property to a data element the
	// dictionary does not define. It wraps ErrInvalid.
	ErrUnknownElement = fmt.Errorf("unknown data element (%w)", ErrInvalid)
	// ErrTypeMismatch: a binding's JSON type or values contradict its data
	// element. It wraps ErrInvalid.
	ErrTypeMismatch = fmt.Errorf("type contradicts the data element (%w)", ErrInvalid)
)

// FieldError is a problem at one place of a form file or of a set of
// answers: the file (for form files), the JSON pointer, a stable code and
// the underlying error, which wraps a sentinel of this package.
type FieldError struct {
	// File is the path of the form file in its fs.FS, or "" for answers.
	File string
	// Pointer is the JSON pointer (RFC 6901) of the offending value.
	Pointer string
	// Code is a stable code such as "element.unknown" or "schema.required".
	Code string
	Err  error
}

// Error renders file#pointer, the code and the cause.
func (e *FieldError) Error() string {
	where := e.Pointer
	if where == "" {
		where = "/"
	}
	if e.File != "" {
		where = e.File + "#" + e.Pointer
	}
	return fmt.Sprintf("form: %s: %s: %v", where, e.Code, e.Err)
}

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }

// ConflictError reports two forms whose constraints on one field cannot
// both hold: an empty enum intersection, a type clash, a minimum above a
// maximum, different formats. Merge never resolves such a conflict silently.
type ConflictError struct {
	// Element is the data element, or "" for a field that is not bound.
	Element string
	// Pointer is the field's pointer in the merged form.
	Pointer string
	// Constraint is the JSON Schema keyword at issue ("enum", "type",
	// "format", "minimum/maximum", …).
	Constraint string
	// Forms are the $ids of the two forms, in plan order; Matters their
	// matters. The first form is the one whose constraint was already in
	// force ("" when the data element's own definition set it).
	Forms   [2]string
	Matters [2]string
	// Values render the two constraints as JSON.
	Values [2]string
}

// Error names the element, the constraint and both forms.
func (e *ConflictError) Error() string {
	what := e.Element
	if what == "" {
		what = e.Pointer
	}
	first := e.Forms[0]
	if first == "" {
		first = "the data element dictionary"
	} else {
		first = fmt.Sprintf("%s (matter %s)", first, e.Matters[0])
	}
	return fmt.Sprintf("form: merge: %s: %s %s from %s cannot hold with %s from %s (matter %s): %v",
		what, e.Constraint, e.Values[0], first, e.Values[1], e.Forms[1], e.Matters[1], ErrConflict)
}

// Unwrap returns ErrConflict.
func (e *ConflictError) Unwrap() error { return ErrConflict }
