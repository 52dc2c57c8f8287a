package form

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
)

// Subject is whom an application is about: a person by citizen ID number,
// an enterprise by credit code, or both (an employer applying for an
// employee). Sources look data up by subject.
type Subject struct {
	Person     citizenid.ID    `json:"person,omitzero"`
	Enterprise creditcode.Code `json:"enterprise,omitempty"`
}

// IsZero reports whether the subject names nobody.
func (s Subject) IsZero() bool { return s.Person.IsZero() && s.Enterprise == "" }

// String renders the subject with the person's ID masked.
func (s Subject) String() string {
	switch {
	case s.Person.IsZero():
		return string(s.Enterprise)
	case s.Enterprise == "":
		return s.Person.Masked()
	}
	return s.Person.Masked() + "@" + string(s.Enterprise)
}

// Value is a data element's value as a source knows it, with its
// provenance.
type Value struct {
	Element string `json:"element"`
	// Value is a JSON value: string, json.Number, bool, nil, []any or
	// map[string]any. Prefill also accepts Go integers, floats,
	// decimal.Decimal and time.Time (as a date for date elements) and
	// converts them.
	Value any `json:"value"`
	// Source names the registry, e.g. "公安人口库".
	Source string `json:"source"`
	// Trust is the evidence trust level of the value (A–D).
	Trust matter.Trust `json:"trust"`
	// Time is when the source recorded or last verified the value.
	Time time.Time `json:"time"`
}

// Trusted reports whether the value came at trust level A or B, the levels
// a decision may rest on without a clerk.
func (v Value) Trusted() bool { return v.Trust == matter.TrustA || v.Trust == matter.TrustB }

// Source is a registry that knows data elements of subjects: a civil
// registry (公安人口库), a social insurance record (社保经办系统), an
// e-licence library (电子证照库). Prefill asks each source only for the
// elements a merged form needs.
//
// Lookup returns the values the source holds about subject for the given
// elements, each with Element, Source (equal to Name), Trust (A–D) and Time
// set. For a subject it does not know, or elements it does not hold, it
// returns no values and a nil error; it returns no value of an element not
// asked for, and at most one value per element. It honours ctx: when ctx is
// done before the lookup is, it returns an error wrapping ctx.Err()
// promptly. Implementations must be safe for concurrent use.
//
// Package formtest checks these rules; MemorySource is the reference
// implementation.
type Source interface {
	// Name names the source in provenance and in failures.
	Name() string
	Lookup(ctx context.Context, subject Subject, elements []string) ([]Value, error)
}

// ElementLister is implemented by a Source that can say which elements it
// holds. Prefill then asks it only for those, and does not call Lookup at
// all when the form needs none of them.
type ElementLister interface {
	Elements() []string
}

// DocumentSource is implemented by a Source that also holds documents
// (电子证照): Documents returns the subject's documents of the given
// material types (matter.Material.Type), with the same rules as Lookup.
// Prefill waives a material a trusted document supplies (免提交).
type DocumentSource interface {
	Documents(ctx context.Context, subject Subject, types []string) ([]Document, error)
}

// Document is an electronic licence or certificate (电子证照) a source holds.
type Document struct {
	// Type is the material type it stands for, e.g. "resident-id-card".
	Type string `json:"type"`
	Name string `json:"name"`
	// Number is the licence number (证照编号).
	Number string       `json:"number,omitempty"`
	Source string       `json:"source"`
	Trust  matter.Trust `json:"trust"`
	Issued time.Time    `json:"issued"`
	// Expires is the first instant the document is no longer valid; zero
	// for no expiry.
	Expires time.Time `json:"expires,omitzero"`
}

// SourceError is a source that failed during Prefill; the application goes
// on without its values.
type SourceError struct {
	Source string
	Err    error
}

// Error names the source and the failure.
func (e *SourceError) Error() string { return fmt.Sprintf("form: source %s: %v", e.Source, e.Err) }

// Unwrap returns the failure.
func (e *SourceError) Unwrap() error { return e.Err }

// trustRank orders trust levels, strongest first; unknown levels rank last.
func trustRank(t matter.Trust) int {
	switch t {
	case matter.TrustA:
		return 0
	case matter.TrustB:
		return 1
	case matter.TrustC:
		return 2
	case matter.TrustD:
		return 3
	}
	return 4
}

// normalizeValue converts a source's Go value into a JSON value for element
// e.
func normalizeValue(e *Element, v any) (any, error) {
	switch x := v.(type) {
	case nil, string, bool, json.Number, []any, map[string]any:
		return x, nil
	case int:
		return json.Number(fmt.Sprint(x)), nil
	case int64:
		return json.Number(fmt.Sprint(x)), nil
	case int32:
		return json.Number(fmt.Sprint(x)), nil
	case float64:
		return json.Number(decimal.NewFromFloat(x).String()), nil
	case decimal.Decimal:
		return json.Number(x.String()), nil
	case time.Time:
		if e.Format == "date" {
			return x.In(matter.CST).Format(time.DateOnly), nil
		}
		return x.Format(time.RFC3339), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	d := json.NewDecoder(bytesReader(b))
	d.UseNumber()
	if err := d.Decode(&out); err != nil {
		return nil, err
	}
	return out, nil
}
