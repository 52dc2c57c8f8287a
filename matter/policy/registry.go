package policy

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"

	"github.com/onething-gov/onething/matter/policy/expr"
)

// Type is the type of a profile attribute or of an expression.
type Type uint8

// The types. Monthly and Yearly series are attributes only: an expression
// reads them through an index or an aggregate.
const (
	TypeNumber  Type = iota + 1 // a decimal number: money, a rate, a count
	TypeInteger                 // a whole number; a number in expressions
	TypeString                  // text, such as an industry code
	TypeEnum                    // one of a fixed list of strings
	TypeDate                    // a calendar day, YYYY-MM-DD
	TypeBool                    // true or false
	TypeMonthly                 // a number per month, such as insured headcount
	TypeYearly                  // a number per year, such as premiums paid
)

var typeNames = [...]string{TypeNumber: "number", TypeInteger: "integer", TypeString: "string",
	TypeEnum: "enum", TypeDate: "date", TypeBool: "bool", TypeMonthly: "monthly", TypeYearly: "yearly"}

// String returns the type's name as written in attributes.json.
func (t Type) String() string {
	if int(t) < len(typeNames) && typeNames[t] != "" {
		return typeNames[t]
	}
	return fmt.Sprintf("Type(%d)", t)
}

// MarshalText writes the type's name.
func (t Type) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText reads a type's name.
func (t *Type) UnmarshalText(b []byte) error {
	for i, n := range typeNames {
		if n != "" && n == string(b) {
			*t = Type(i)
			return nil
		}
	}
	return fmt.Errorf("%w: unknown type %q", ErrInvalid, b)
}

// Attribute is a known attribute of an enterprise profile (一企一档).
type Attribute struct {
	// Name is how expressions refer to it: lower-case letters, digits and
	// underscores, starting with a letter.
	Name string `json:"name"`
	Type Type   `json:"type"`
	// Values lists the allowed values of an enum.
	Values []string `json:"values,omitempty"`
	// ZH and EN are the names a clerk reads in explanations.
	ZH string `json:"zh"`
	EN string `json:"en"`
	// Unit, such as "yuan" or "persons", is shown beside values.
	Unit string `json:"unit,omitempty"`
	// Source names the register the value comes from: market_regulation,
	// tax, hrss, credit, bank, …
	Source string `json:"source,omitempty"`
}

// Tag is a known label an enterprise may carry (标签化), such as
// high_tech (高新技术企业). A tag is known to be absent when a profile does
// not carry it: tags are never unknown.
type Tag struct {
	Name string `json:"name"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
}

// Registry is the set of known attributes and tags. Profiles are built
// against a registry, and policies are checked against it at load. It is
// immutable and safe for concurrent use.
type Registry struct {
	attrs []Attribute
	index map[string]int
	slot  []int // per attribute, its index in the Profile array of its kind
	kinds [numStores]int
	tags  []Tag
	tagIx map[string]int
}

// store is where a Profile keeps values of a type.
type store uint8

const (
	storeNum    store = iota // number, integer: rat
	storeStr                 // string
	storeInt                 // enum index, date in days, bool 0/1
	storeSeries              // monthly, yearly
	numStores
)

func (t Type) store() store {
	switch t {
	case TypeNumber, TypeInteger:
		return storeNum
	case TypeString:
		return storeStr
	case TypeMonthly, TypeYearly:
		return storeSeries
	}
	return storeInt
}

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// contextNames are the names every expression has; no attribute, parameter
// or definition may take them.
var contextNames = map[string]bool{"today": true, "year": true}

// NewRegistry checks the attributes and tags and returns their registry.
// Names must be unique, well formed and not keywords or context names; an
// enum needs at least one value and no value twice.
func NewRegistry(attrs []Attribute, tags []Tag) (*Registry, error) {
	return newRegistry("", attrs, tags)
}

func newRegistry(file string, attrs []Attribute, tags []Tag) (*Registry, error) {
	var ps problems
	r := &Registry{index: map[string]int{}, tagIx: map[string]int{}}
	for i, a := range attrs {
		ptr := fmt.Sprintf("/attributes/%d", i)
		switch {
		case !nameRE.MatchString(a.Name):
			ps.add(file, ptr+"/name", "attribute name %q: want lower-case letters, digits and _", a.Name)
		case expr.IsKeyword(a.Name) || contextNames[a.Name] || isFunc(a.Name):
			ps.add(file, ptr+"/name", "attribute name %q is reserved", a.Name)
		case r.has(a.Name):
			ps.add(file, ptr+"/name", "attribute %q defined twice", a.Name)
		}
		if a.Type < TypeNumber || a.Type > TypeYearly {
			ps.add(file, ptr+"/type", "attribute %q has no valid type", a.Name)
		}
		if a.Type == TypeEnum {
			if len(a.Values) == 0 {
				ps.add(file, ptr+"/values", "enum %q needs values", a.Name)
			}
			for j, v := range a.Values {
				if slices.Index(a.Values, v) != j {
					ps.add(file, fmt.Sprintf("%s/values/%d", ptr, j), "value %q twice", v)
				}
			}
		} else if len(a.Values) > 0 {
			ps.add(file, ptr+"/values", "values are for enums only")
		}
		a.Values = slices.Clone(a.Values)
		r.index[a.Name] = len(r.attrs)
		s := a.Type.store()
		r.slot = append(r.slot, r.kinds[s])
		r.kinds[s]++
		r.attrs = append(r.attrs, a)
	}
	for i, t := range tags {
		ptr := fmt.Sprintf("/tags/%d/name", i)
		if !nameRE.MatchString(t.Name) {
			ps.add(file, ptr, "tag name %q: want lower-case letters, digits and _", t.Name)
		}
		if _, dup := r.tagIx[t.Name]; dup {
			ps.add(file, ptr, "tag %q defined twice", t.Name)
		}
		r.tagIx[t.Name] = len(r.tags)
		r.tags = append(r.tags, t)
	}
	if err := ps.err(ErrInvalid); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Registry) has(name string) bool { _, ok := r.index[name]; return ok }

// Attribute returns the attribute called name.
func (r *Registry) Attribute(name string) (Attribute, bool) {
	i, ok := r.index[name]
	if !ok {
		return Attribute{}, false
	}
	return r.attrs[i], true
}

// Attributes returns the attributes in their order of definition.
func (r *Registry) Attributes() []Attribute { return slices.Clone(r.attrs) }

// Tags returns the tags in their order of definition.
func (r *Registry) Tags() []Tag { return slices.Clone(r.tags) }

// Tag returns the tag called name.
func (r *Registry) Tag(name string) (Tag, bool) {
	i, ok := r.tagIx[name]
	if !ok {
		return Tag{}, false
	}
	return r.tags[i], true
}

// registryFile is the format of attributes.json.
type registryFile struct {
	Schema     string      `json:"$schema,omitempty"`
	Attributes []Attribute `json:"attributes"`
	Tags       []Tag       `json:"tags"`
}

// MarshalJSON writes the registry in the format of attributes.json.
func (r *Registry) MarshalJSON() ([]byte, error) {
	return json.Marshal(registryFile{Attributes: r.attrs, Tags: r.tags})
}
