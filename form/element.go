package form

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/width"
)

// Element is a data element (数据元): a piece of information with one meaning
// across every form that asks for it, such as person.id_number. Forms bind
// properties to elements with the "x-element" keyword; Merge asks for each
// element once; Prefill fills elements from registries; Review checks each
// element's value with its Validate.
type Element struct {
	// ID is the element's identifier: two or more lower-case dotted
	// segments, the first naming its subject ("person", "enterprise",
	// "retirement", …), e.g. "person.mobile".
	ID string
	// Label names the element in Chinese and English.
	Label Text
	// Type is the JSON Schema type of its values: "string", "number",
	// "integer", "boolean", "array" or "object".
	Type string
	// Format is the JSON Schema format every binding must carry, if any
	// ("date").
	Format string
	// Enum lists the allowed values; nil allows any value of Type.
	Enum []any
	// Class is the sensitivity class, which picks the default masking.
	Class Sensitivity
	// Validate checks a value beyond its JSON Schema (check characters,
	// registered codes); nil means no further check. It is called only
	// with values of the element's JSON type.
	Validate Validator
	// Mask hides part of a value in messages; nil masks by Class.
	Mask Masker
	// Code marks code-like values (ID numbers, phone and account numbers,
	// codes), which Normalize trims and folds from full width (全角) to
	// ASCII.
	Code bool
}

// Sensitivity is how personal a data element is, which decides how it is
// masked.
type Sensitivity int

// The sensitivity classes, after GB/T 35273.
const (
	// Public values are shown as they are (division codes, dates of
	// retirement, enterprise names).
	Public Sensitivity = iota
	// Personal values (个人信息) are partly masked: names, addresses, mobile
	// numbers.
	Personal
	// Sensitive values (敏感个人信息) are masked hard: ID numbers, bank
	// accounts, photos, ethnicity.
	Sensitive
)

// String returns "public", "personal" or "sensitive".
func (s Sensitivity) String() string {
	switch s {
	case Public:
		return "public"
	case Personal:
		return "personal"
	case Sensitive:
		return "sensitive"
	}
	return fmt.Sprintf("Sensitivity(%d)", int(s))
}

// MaskValue renders v for a message: as it is for a public element,
// otherwise through Mask (or, without one, the first character kept for
// personal and nothing kept for sensitive elements).
func (e *Element) MaskValue(v any) string {
	s, ok := v.(string)
	if !ok {
		b, _ := json.Marshal(v)
		s = string(b)
	}
	switch {
	case e.Class == Public:
		return s
	case e.Mask != nil:
		return e.Mask(s)
	case e.Class == Personal:
		return keepEnds(s, 1, 0)
	}
	return MaskAll(s)
}

// normalize trims and width-folds a code-like string value.
func (e *Element) normalize(v any) any {
	s, ok := v.(string)
	if !ok || !e.Code {
		return v
	}
	return width.Fold.String(strings.TrimSpace(strings.ReplaceAll(s, "\u3000", " ")))
}

var elementID = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$`)

var jsonTypes = []string{"string", "number", "integer", "boolean", "array", "object"}

// check reports what is wrong with a definition.
func (e *Element) check() error {
	var problems []string
	if !elementID.MatchString(e.ID) {
		problems = append(problems, fmt.Sprintf("id %q is not dotted lower-case segments (person.mobile)", e.ID))
	}
	if e.Label.ZH == "" || e.Label.EN == "" {
		problems = append(problems, "label needs both zh and en")
	}
	if !slices.Contains(jsonTypes, e.Type) {
		problems = append(problems, fmt.Sprintf("type %q is not a JSON Schema type", e.Type))
	}
	for _, v := range e.Enum {
		if !typeAccepts(e.Type, jsonType(v)) {
			problems = append(problems, fmt.Sprintf("enum value %s is not of type %s", canonical(v), e.Type))
		}
	}
	if e.Class < Public || e.Class > Sensitive {
		problems = append(problems, fmt.Sprintf("unknown sensitivity class %d", int(e.Class)))
	}
	if len(problems) > 0 {
		return fmt.Errorf("form: element %q: %w: %s", e.ID, ErrInvalid, strings.Join(problems, "; "))
	}
	return nil
}

// typeAccepts reports whether a value of JSON type got is of schema type
// want ("integer" values are numbers too).
func typeAccepts(want, got string) bool {
	return want == got || (want == "number" && got == "integer")
}

// allows reports whether v is an allowed value of the element: of its type
// and, if it has an enum, in it.
func (e *Element) allows(v any) bool {
	if !typeAccepts(e.Type, jsonType(v)) {
		return false
	}
	if e.Enum == nil {
		return true
	}
	return slices.ContainsFunc(e.Enum, func(x any) bool { return jsonEqual(x, v) })
}

// clone returns a copy that shares nothing mutable with e.
func (e Element) clone() Element {
	e.Enum = slices.Clone(e.Enum)
	return e
}
