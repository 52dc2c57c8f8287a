package form

import (
	"bytes"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Answers are an applicant's values for a merged form: the decoded JSON
// object of the merged answers, with numbers as json.Number. Element fields
// are keyed by element ID ("person.id_number"); the fields of one form
// only live under "matters" (NamespaceKey) by matter code.
type Answers map[string]any

// DecodeAnswers decodes a JSON object of answers, keeping numbers exact.
func DecodeAnswers(b []byte) (Answers, error) {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("form: answers: %w: %v", ErrInvalid, err)
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("form: answers: %w: not a JSON object", ErrInvalid)
	}
	return Answers(m), nil
}

// Clone returns a deep copy.
func (a Answers) Clone() Answers {
	if a == nil {
		return nil
	}
	return Answers(clone(map[string]any(a)).(map[string]any))
}

// Normalize returns a copy of a in which the values of code-like elements
// (ID, phone, account and card numbers, codes, dates) are trimmed and
// folded from full width (全角) to ASCII, as applicants often type them.
func (m *Merged) Normalize(a Answers) Answers {
	out := a.Clone()
	for k, v := range out {
		if mf, ok := m.byElement[k]; ok {
			out[k] = mf.elem.normalize(v)
		}
	}
	return out
}

// lookup returns the value at a path of the answers.
func lookup(a map[string]any, path []string) (any, bool) {
	var cur any = a
	for _, t := range path {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[t]; !ok {
			return nil, false
		}
	}
	return cur, true
}
