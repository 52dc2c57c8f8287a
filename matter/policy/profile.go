package policy

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// Account is the bank account a payment goes to directly (直达).
type Account struct {
	Bank   string `json:"bank"`
	Number string `json:"number"`
	// Holder is the account name, normally the enterprise's name.
	Holder string `json:"holder,omitempty"`
}

// Profile is an enterprise's file (一企一档): its credit code and the
// attributes and tags the registers know about it. A profile may be
// partial: an attribute never set is unknown, never zero, and conditions
// over it are undecidable unless the rest of the condition settles them.
//
// A Profile is built against a Registry with Registry.NewProfile or read
// from JSON with Registry.DecodeProfile. It is not safe for concurrent
// writes; once built, concurrent reads (matching) are safe.
type Profile struct {
	Code    creditcode.Code
	Name    string
	Account Account

	reg    *Registry
	known  []uint64 // bit per attribute
	nums   []rat
	strs   []string
	ints   []int32
	series [][]point
	tags   []uint64 // bit per tag
}

// point is one value of a series: key is the year for a yearly series and
// year*12 + month - 1 for a monthly one. Points are sorted by key.
type point struct {
	key int32
	v   rat
}

// NewProfile returns an empty profile: every attribute unknown, no tags.
func (r *Registry) NewProfile(code creditcode.Code, name string) *Profile {
	return &Profile{
		Code: code, Name: name, reg: r,
		known:  make([]uint64, (len(r.attrs)+63)/64),
		nums:   make([]rat, r.kinds[storeNum]),
		strs:   make([]string, r.kinds[storeStr]),
		ints:   make([]int32, r.kinds[storeInt]),
		series: make([][]point, r.kinds[storeSeries]),
		tags:   make([]uint64, (len(r.tags)+63)/64),
	}
}

// Registry returns the registry the profile was built against.
func (p *Profile) Registry() *Registry { return p.reg }

func (p *Profile) isKnown(i int) bool { return p.known[i/64]&(1<<(i%64)) != 0 }
func (p *Profile) setKnown(i int)     { p.known[i/64] |= 1 << (i % 64) }

// Known reports whether the attribute has a value (for a series: at least
// one point).
func (p *Profile) Known(name string) bool {
	i, ok := p.reg.index[name]
	return ok && p.isKnown(i)
}

// attr finds an attribute of one of the wanted types.
func (p *Profile) attr(name string, want ...Type) (int, error) {
	i, ok := p.reg.index[name]
	if !ok {
		return 0, fmt.Errorf("%w: unknown attribute %q", ErrInvalid, name)
	}
	if !slices.Contains(want, p.reg.attrs[i].Type) {
		return 0, fmt.Errorf("%w: attribute %q is %s, not %s", ErrInvalid, name, p.reg.attrs[i].Type, want[0])
	}
	return i, nil
}

// SetNumber sets a number or integer attribute; an integer must be whole.
func (p *Profile) SetNumber(name string, v decimal.Decimal) error {
	i, err := p.attr(name, TypeNumber, TypeInteger)
	if err != nil {
		return err
	}
	if p.reg.attrs[i].Type == TypeInteger && !v.IsInteger() {
		return fmt.Errorf("%w: attribute %q must be a whole number, not %s", ErrInvalid, name, v)
	}
	p.nums[p.reg.slot[i]] = ratDecimal(v)
	p.setKnown(i)
	return nil
}

// SetInt sets a number or integer attribute to a whole number.
func (p *Profile) SetInt(name string, v int64) error {
	i, err := p.attr(name, TypeNumber, TypeInteger)
	if err != nil {
		return err
	}
	p.nums[p.reg.slot[i]] = ratInt(v)
	p.setKnown(i)
	return nil
}

// SetString sets a string or enum attribute; an enum value must be one of
// the attribute's values.
func (p *Profile) SetString(name, v string) error {
	i, err := p.attr(name, TypeString, TypeEnum)
	if err != nil {
		return err
	}
	a := p.reg.attrs[i]
	if a.Type == TypeEnum {
		k := slices.Index(a.Values, v)
		if k < 0 {
			return fmt.Errorf("%w: attribute %q: %q is not one of %q", ErrInvalid, name, v, a.Values)
		}
		p.ints[p.reg.slot[i]] = int32(k)
	} else {
		p.strs[p.reg.slot[i]] = v
	}
	p.setKnown(i)
	return nil
}

// SetDate sets a date attribute.
func (p *Profile) SetDate(name string, d matter.Date) error {
	i, err := p.attr(name, TypeDate)
	if err != nil {
		return err
	}
	if d.IsZero() {
		return fmt.Errorf("%w: attribute %q: zero date", ErrInvalid, name)
	}
	p.ints[p.reg.slot[i]] = dayNumber(d)
	p.setKnown(i)
	return nil
}

// SetBool sets a bool attribute.
func (p *Profile) SetBool(name string, v bool) error {
	i, err := p.attr(name, TypeBool)
	if err != nil {
		return err
	}
	p.ints[p.reg.slot[i]] = 0
	if v {
		p.ints[p.reg.slot[i]] = 1
	}
	p.setKnown(i)
	return nil
}

// SetYear sets one year's value of a yearly series.
func (p *Profile) SetYear(name string, year int, v decimal.Decimal) error {
	i, err := p.attr(name, TypeYearly)
	if err != nil {
		return err
	}
	if year < 1900 || year > 9999 {
		return fmt.Errorf("%w: attribute %q: year %d out of range", ErrInvalid, name, year)
	}
	p.setPoint(i, int32(year), ratDecimal(v))
	return nil
}

// SetMonth sets one month's value of a monthly series.
func (p *Profile) SetMonth(name string, year int, month time.Month, v decimal.Decimal) error {
	i, err := p.attr(name, TypeMonthly)
	if err != nil {
		return err
	}
	if year < 1900 || year > 9999 || month < 1 || month > 12 {
		return fmt.Errorf("%w: attribute %q: month %d-%02d out of range", ErrInvalid, name, year, month)
	}
	p.setPoint(i, monthKey(year, month), ratDecimal(v))
	return nil
}

func monthKey(year int, month time.Month) int32 { return int32(year*12 + int(month) - 1) }

func (p *Profile) setPoint(i int, key int32, v rat) {
	s := p.series[p.reg.slot[i]]
	k, found := slices.BinarySearchFunc(s, key, func(pt point, key int32) int { return int(pt.key - key) })
	if found {
		s[k].v = v
	} else {
		s = slices.Insert(s, k, point{key, v})
	}
	p.series[p.reg.slot[i]] = s
	p.setKnown(i)
}

// Unset makes the attribute unknown again.
func (p *Profile) Unset(name string) {
	i, ok := p.reg.index[name]
	if !ok {
		return
	}
	p.known[i/64] &^= 1 << (i % 64)
	if p.reg.attrs[i].Type.store() == storeSeries {
		p.series[p.reg.slot[i]] = nil
	}
}

// AddTag gives the profile a known tag.
func (p *Profile) AddTag(name string) error {
	i, ok := p.reg.tagIx[name]
	if !ok {
		return fmt.Errorf("%w: unknown tag %q", ErrInvalid, name)
	}
	p.tags[i/64] |= 1 << (i % 64)
	return nil
}

// HasTag reports whether the profile carries the tag.
func (p *Profile) HasTag(name string) bool {
	i, ok := p.reg.tagIx[name]
	return ok && p.hasTag(i)
}

func (p *Profile) hasTag(i int) bool { return p.tags[i/64]&(1<<(i%64)) != 0 }

// Tags returns the profile's tags in registry order.
func (p *Profile) Tags() []string {
	var out []string
	for w, word := range p.tags {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			out = append(out, p.reg.tags[w*64+b].Name)
			word &^= 1 << b
		}
	}
	return out
}

// Value returns the attribute's value as text, as a clerk reads it: a
// number in decimal, a date YYYY-MM-DD, a series as "2024: 8000; 2025: …".
// It reports false for an unknown or undefined attribute.
func (p *Profile) Value(name string) (string, bool) {
	i, ok := p.reg.index[name]
	if !ok || !p.isKnown(i) {
		return "", false
	}
	a, s := p.reg.attrs[i], p.reg.slot[i]
	switch a.Type {
	case TypeNumber, TypeInteger:
		return p.nums[s].String(), true
	case TypeString:
		return strconv.Quote(p.strs[s]), true
	case TypeEnum:
		return strconv.Quote(a.Values[p.ints[s]]), true
	case TypeDate:
		return dateOfDay(p.ints[s]).String(), true
	case TypeBool:
		return strconv.FormatBool(p.ints[s] == 1), true
	}
	var b []byte
	for k, pt := range p.series[s] {
		if k > 0 {
			b = append(b, "; "...)
		}
		b = append(b, seriesKey(a.Type, pt.key)...)
		b = append(b, ": "...)
		b = append(b, pt.v.String()...)
	}
	return string(b), true
}

func seriesKey(t Type, key int32) string {
	if t == TypeYearly {
		return strconv.Itoa(int(key))
	}
	return fmt.Sprintf("%04d-%02d", key/12, key%12+1)
}

// Clone returns a deep copy of the profile.
func (p *Profile) Clone() *Profile {
	q := *p
	q.known = slices.Clone(p.known)
	q.nums = slices.Clone(p.nums)
	q.strs = slices.Clone(p.strs)
	q.ints = slices.Clone(p.ints)
	q.series = make([][]point, len(p.series))
	for i, s := range p.series {
		q.series[i] = slices.Clone(s)
	}
	q.tags = slices.Clone(p.tags)
	return &q
}

// dayNumber is the number of days from 1970-01-01 to d.
func dayNumber(d matter.Date) int32 {
	y, m, dd := d.Time().Date()
	return int32(time.Date(y, m, dd, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// dateOfDay is the inverse of dayNumber.
func dateOfDay(n int32) matter.Date {
	t := time.Unix(int64(n)*86400, 0).UTC()
	return matter.DateOf(t.Year(), t.Month(), t.Day())
}
