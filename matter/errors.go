package matter

import "errors"

// Sentinel errors. Test with errors.Is: richer errors such as
// *ValidationError unwrap to them.
var (
	// ErrNotFound: no matter, bundle, overlay or application has that key.
	ErrNotFound = errors.New("not found")
	// ErrConflict: a write expected a version that is no longer current.
	ErrConflict = errors.New("version conflict")
	// ErrInvalid: the input breaks a documented rule.
	ErrInvalid = errors.New("invalid")
)
