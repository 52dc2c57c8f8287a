package policy

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/onething-gov/onething/matter"
)

// Parameter is a dated parameter (in the manner of OpenFisca): a rate, a cap
// or a per-person amount whose value changes from a date on, so that a
// policy evaluated for 2024 and for 2025 uses the values in force then.
// Values are never overwritten: a new value is a new dated entry.
type Parameter struct {
	Name string `json:"name"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
	// Type is TypeNumber (the default), TypeString or TypeBool.
	Type Type   `json:"type,omitempty"`
	Unit string `json:"unit,omitempty"`
	// Values are in force from their dates on, each until the next; they
	// are kept sorted by date.
	Values []DatedValue `json:"values"`
}

// DatedValue is a parameter value in force from a date on.
type DatedValue struct {
	From matter.Date `json:"from"`
	// Value holds the JSON text as written in the file: a number (or a
	// string with a decimal, or a percentage such as "60%"), a string or a
	// bool, by the parameter's type.
	Value json.RawMessage `json:"value"`
	// Basis names the document that fixed this value.
	Basis string `json:"basis,omitempty"`
	// Demo marks an illustrative value not taken from a document.
	Demo bool `json:"demo,omitempty"`

	v pval
}

// pval is a parameter value ready for evaluation.
type pval struct {
	r rat
	s string
	b bool
}

// check parses the values and sorts them; problems are added with ptr.
func (p *Parameter) check(file, ptr string, ps *problems) {
	if p.Type == 0 {
		p.Type = TypeNumber
	}
	switch {
	case !nameRE.MatchString(p.Name):
		ps.add(file, ptr+"/name", "parameter name %q: want lower-case letters, digits and _", p.Name)
	case contextNames[p.Name] || isFunc(p.Name):
		ps.add(file, ptr+"/name", "parameter name %q is reserved", p.Name)
	}
	if p.Type != TypeNumber && p.Type != TypeString && p.Type != TypeBool {
		ps.add(file, ptr+"/type", "parameter %q: type must be number, string or bool", p.Name)
		return
	}
	if len(p.Values) == 0 {
		ps.add(file, ptr+"/values", "parameter %q has no values", p.Name)
	}
	for i := range p.Values {
		dv := &p.Values[i]
		vptr := fmt.Sprintf("%s/values/%d", ptr, i)
		if dv.From.IsZero() {
			ps.add(file, vptr+"/from", "a dated value needs a from date")
		}
		if err := dv.parse(p.Type); err != nil {
			ps.add(file, vptr+"/value", "parameter %q: %v", p.Name, err)
		}
	}
	slices.SortStableFunc(p.Values, func(a, b DatedValue) int { return a.From.Time().Compare(b.From.Time()) })
	for i := 1; i < len(p.Values); i++ {
		if p.Values[i].From == p.Values[i-1].From {
			ps.add(file, ptr+"/values", "parameter %q has two values from %s", p.Name, p.Values[i].From)
		}
	}
}

func (dv *DatedValue) parse(t Type) error {
	raw := strings.TrimSpace(string(dv.Value))
	switch t {
	case TypeBool:
		return json.Unmarshal([]byte(raw), &dv.v.b)
	case TypeString:
		return json.Unmarshal([]byte(raw), &dv.v.s)
	}
	if strings.HasPrefix(raw, `"`) {
		if err := json.Unmarshal([]byte(raw), &raw); err != nil {
			return err
		}
	}
	pct := strings.HasSuffix(raw, "%")
	d, err := parseDecimal(strings.TrimSuffix(raw, "%"))
	if err != nil {
		return err
	}
	dv.v.r = ratDecimal(d)
	if pct {
		dv.v.r, _ = dv.v.r.quo(ratInt(100))
	}
	return nil
}

// At returns the entry in force on day, and false when the first value
// starts after it.
func (p *Parameter) At(day matter.Date) (DatedValue, bool) {
	i, _ := slices.BinarySearchFunc(p.Values, day, func(v DatedValue, d matter.Date) int {
		if v.From.After(d) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return DatedValue{}, false
	}
	return p.Values[i-1], true
}

// format writes a value as a clerk reads it: rates given with % in the file
// keep their %.
func (dv DatedValue) format(t Type) string {
	switch t {
	case TypeBool:
		return fmt.Sprint(dv.v.b)
	case TypeString:
		return fmt.Sprintf("%q", dv.v.s)
	}
	if strings.Contains(string(dv.Value), "%") {
		return dv.v.r.percent()
	}
	return dv.v.r.String()
}
