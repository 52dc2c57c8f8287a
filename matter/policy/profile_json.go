package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// profileJSON is the JSON form of a Profile:
//
//	{
//	  "credit_code": "91370102MA3C4XKE1U",
//	  "name": "济南示例科技有限公司",
//	  "account": {"bank": "…", "number": "…"},
//	  "attributes": {
//	    "size": "small",                       enum or string
//	    "founded": "2019-05-20",               date
//	    "credit_blacklist": false,             bool
//	    "ui_paid_months": 12,                  number (or "12.50")
//	    "ui_premiums": {"2024": "8000.00"},    yearly series
//	    "insured": {"2024-01": 20, "2024-02": 21}  monthly series
//	  },
//	  "tags": ["high_tech"]
//	}
//
// A null or absent attribute is unknown.
type profileJSON struct {
	CreditCode string                     `json:"credit_code"`
	Name       string                     `json:"name,omitempty"`
	Account    *Account                   `json:"account,omitempty"`
	Attributes map[string]json.RawMessage `json:"attributes"`
	Tags       []string                   `json:"tags,omitempty"`
}

// DecodeProfile reads a profile in JSON (see the package comment). Every
// problem is reported, with its JSON pointer, in a *LoadError wrapping
// ErrInvalid.
func (r *Registry) DecodeProfile(data []byte) (*Profile, error) {
	return r.decodeProfile("", "", data)
}

func (r *Registry) decodeProfile(file, base string, data []byte) (*Profile, error) {
	var ps problems
	var pj profileJSON
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pj); err != nil {
		ps.add(file, base, "profile: %v", err)
		return nil, ps.err(ErrInvalid)
	}
	code, err := creditcode.Parse(pj.CreditCode)
	if code.IsZero() {
		ps.add(file, base+"/credit_code", "%v", err)
	}
	p := r.NewProfile(code, pj.Name)
	if pj.Account != nil {
		p.Account = *pj.Account
	}
	for _, name := range slices.Sorted(maps.Keys(pj.Attributes)) {
		ptr := base + "/attributes/" + escapePointer(name)
		if err := p.setJSON(name, pj.Attributes[name]); err != nil {
			ps.add(file, ptr, "%v", err)
		}
	}
	for i, t := range pj.Tags {
		if err := p.AddTag(t); err != nil {
			ps.add(file, fmt.Sprintf("%s/tags/%d", base, i), "%v", err)
		}
	}
	if err := ps.err(ErrInvalid); err != nil {
		return nil, err
	}
	return p, nil
}

// jsonNumber reads a JSON number or a string holding a decimal.
func jsonNumber(raw json.RawMessage) (decimal.Decimal, error) {
	var s string
	if len(raw) > 0 && raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return decimal.Decimal{}, err
		}
	} else {
		s = string(raw)
	}
	return parseDecimal(s)
}

// setJSON sets one attribute from its JSON value.
func (p *Profile) setJSON(name string, raw json.RawMessage) error {
	a, ok := p.reg.Attribute(name)
	if !ok {
		return fmt.Errorf("%w: unknown attribute %q", ErrInvalid, name)
	}
	if string(bytes.TrimSpace(raw)) == "null" {
		return nil
	}
	switch a.Type {
	case TypeNumber, TypeInteger:
		d, err := jsonNumber(raw)
		if err != nil {
			return err
		}
		return p.SetNumber(name, d)
	case TypeString, TypeEnum:
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return fmt.Errorf("%w: %s: want a string", ErrInvalid, name)
		}
		return p.SetString(name, s)
	case TypeDate:
		var d matter.Date
		if err := json.Unmarshal(raw, &d); err != nil || d.IsZero() {
			return fmt.Errorf("%w: %s: want a date YYYY-MM-DD", ErrInvalid, name)
		}
		return p.SetDate(name, d)
	case TypeBool:
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return fmt.Errorf("%w: %s: want true or false", ErrInvalid, name)
		}
		return p.SetBool(name, b)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return fmt.Errorf("%w: %s: want an object of %s values", ErrInvalid, name, a.Type)
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		d, err := jsonNumber(m[k])
		if err != nil {
			return fmt.Errorf("%s/%s: %w", name, k, err)
		}
		if a.Type == TypeYearly {
			y, err := strconv.Atoi(k)
			if err != nil || len(k) != 4 {
				return fmt.Errorf("%w: %s: key %q: want a year YYYY", ErrInvalid, name, k)
			}
			if err := p.SetYear(name, y, d); err != nil {
				return err
			}
			continue
		}
		t, err := time.Parse("2006-01", k)
		if err != nil {
			return fmt.Errorf("%w: %s: key %q: want a month YYYY-MM", ErrInvalid, name, k)
		}
		if err := p.SetMonth(name, t.Year(), t.Month(), d); err != nil {
			return err
		}
	}
	return nil
}

// MarshalJSON writes the profile in the form DecodeProfile reads.
func (p *Profile) MarshalJSON() ([]byte, error) {
	pj := profileJSON{CreditCode: string(p.Code), Name: p.Name, Attributes: map[string]json.RawMessage{}, Tags: p.Tags()}
	if p.Account != (Account{}) {
		acc := p.Account
		pj.Account = &acc
	}
	for i, a := range p.reg.attrs {
		if !p.isKnown(i) {
			continue
		}
		s := p.reg.slot[i]
		var v any
		switch a.Type {
		case TypeNumber, TypeInteger:
			v = json.RawMessage(strconv.Quote(p.nums[s].String()))
		case TypeString:
			v = p.strs[s]
		case TypeEnum:
			v = a.Values[p.ints[s]]
		case TypeDate:
			v = dateOfDay(p.ints[s])
		case TypeBool:
			v = p.ints[s] == 1
		default:
			m := map[string]string{}
			for _, pt := range p.series[s] {
				m[seriesKey(a.Type, pt.key)] = pt.v.String()
			}
			v = m
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		pj.Attributes[a.Name] = b
	}
	return json.Marshal(pj)
}
