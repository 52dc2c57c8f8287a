package sqlstore

import (
	"encoding/json"
	"fmt"

	"github.com/onething-gov/onething/matter"
)

// encode returns v's JSON document (as text: SQLite's STRICT tables keep
// documents as TEXT, not BLOB), and the value read back from it: the
// form in which the store will return v. A value whose document cannot be
// written, or read back, or that holds a NUL character (which PostgreSQL
// cannot store) is refused with an error wrapping matter.ErrInvalid: a row
// the store could not return would break every listing that reaches it.
func encode[T any](v *T) (string, *T, error) {
	doc, err := json.Marshal(v)
	if err != nil {
		return "", nil, fmt.Errorf("%w: cannot be written as JSON: %v", matter.ErrInvalid, err)
	}
	if hasNUL(doc) {
		return "", nil, fmt.Errorf("%w: text holds a NUL character", matter.ErrInvalid)
	}
	back := new(T)
	if err := json.Unmarshal(doc, back); err != nil {
		return "", nil, fmt.Errorf("%w: its JSON form cannot be read back: %v", matter.ErrInvalid, err)
	}
	return string(doc), back, nil
}

// decode reads a stored document.
func decode[T any](doc []byte) (*T, error) {
	v := new(T)
	if err := json.Unmarshal(doc, v); err != nil {
		return nil, fmt.Errorf("stored document cannot be read: %w", err)
	}
	return v, nil
}

// hasNUL reports whether a JSON document written by encoding/json holds
// the escape \u0000 (and not an escaped backslash followed by "u0000").
func hasNUL(doc []byte) bool {
	for i := 0; i < len(doc); i++ {
		if doc[i] != '\\' || i+1 >= len(doc) {
			continue
		}
		if doc[i+1] == 'u' && i+6 <= len(doc) && string(doc[i+2:i+6]) == "0000" {
			return true
		}
		i++ // skip the escaped character
	}
	return false
}
