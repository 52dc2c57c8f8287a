package sqlstore

import (
	"encoding/json"
	"fmt"

	"github.com/onething-gov/onething/evaluation"
)

// encode returns the document of record v: v in JSON, as package
// evaluation defines it (the rater's identity included: stores keep raw
// values). A record the document would not give back equal (by equal) is
// refused with an error wrapping evaluation.ErrInvalid rather than stored
// in part: an unknown channel, mode or category, an invalid credit code,
// a string that is not UTF-8, a year outside 0–9999. PostgreSQL cannot
// keep the character U+0000 in a document; d refuses it the same way.
func encode[R any](d Dialect, v *R, equal func(a, b *R) bool) ([]byte, error) {
	doc, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("%w: cannot encode the record: %w", evaluation.ErrInvalid, err)
	}
	back, err := decode[R](doc)
	if err != nil {
		return nil, fmt.Errorf("%w: the record does not survive its JSON encoding: %w", evaluation.ErrInvalid, err)
	}
	if !equal(back, v) {
		return nil, fmt.Errorf("%w: the record does not survive its JSON encoding (a string that is not UTF-8?)", evaluation.ErrInvalid)
	}
	if d == Postgres && hasNUL(doc) {
		return nil, fmt.Errorf("%w: PostgreSQL cannot store the character U+0000", evaluation.ErrInvalid)
	}
	return doc, nil
}

// decode reads a document back into a new record.
func decode[R any](doc []byte) (*R, error) {
	v := new(R)
	if err := json.Unmarshal(doc, v); err != nil {
		return nil, err
	}
	return v, nil
}

// hasNUL reports whether the JSON text doc holds the escape \u0000.
func hasNUL(doc []byte) bool {
	for i := 0; i < len(doc); i++ {
		if doc[i] != '\\' {
			continue
		}
		if i+5 < len(doc) && string(doc[i+1:i+6]) == "u0000" {
			return true
		}
		i++ // skip the escaped character
	}
	return false
}
