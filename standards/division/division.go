// Package division implements GB/T 2260 administrative division codes
// (行政区划代码): six digits naming a province, a prefecture-level city and a
// county-level unit.
//
// It is for every package that stores, routes or reports by place: a matter's
// implementing body, an applicant's 户籍, the outlet where an application was
// made. The complete national table down to county level is embedded, with
// retired codes (which old citizen IDs and credit codes still carry) marked
// with their successors, and development zones (开发区, fifth digit 7) known
// but never counted as counties.
//
// A Code's hierarchy follows the real structure, not the digits alone: the
// districts of a municipality (北京, 天津, 上海, 重庆) and the county-level
// units a province administers directly (省直辖县级, such as 湖北 429004
// 仙桃市) have the province as their Parent.
//
// The package is not a geocoder and holds nothing below county level.
package division

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// ErrInvalid is returned, wrapped, by Parse for any malformed code. Test with
// errors.Is.
var ErrInvalid = errors.New("invalid division code")

// Code is a six-digit GB/T 2260 division code such as "370116". The zero value
// is no code. Codes made by Parse have six digits and a real province prefix;
// use Lookup to learn whether the code is in the table.
type Code string

// Level is the tier of a division.
type Level int

// The levels. Zone marks a development zone (开发区, 高新区, …): the statistics
// bureau gives it a county-shaped code, but it is not an administrative
// division, is never a Parent and is not counted as a county.
const (
	LevelUnknown Level = iota
	Province           // 省级: province, autonomous region, municipality, SAR
	City               // 地级: prefecture-level city, prefecture, league, autonomous prefecture
	County             // 县级: district, county, county-level city, banner
	Zone               // development zone with a statistical code
)

var levelNames = [...]string{"unknown", "province", "city", "county", "zone"}

// String returns the English name of the level.
func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

// Parse reads a division code. It trims surrounding space, folds full-width
// digits (３７０１１６) to ASCII, and requires six digits whose first two name
// a real province. It does not require the code to be in the table: old
// identifiers carry codes that have since changed. Errors wrap ErrInvalid.
func Parse(s string) (Code, error) {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			s = width.Narrow.String(s)
			break
		}
	}
	if len(s) != 6 {
		return "", fmt.Errorf("division: %q: %w: want 6 digits, have %d characters", s, ErrInvalid, utf8.RuneCountInString(s))
	}
	for i := 0; i < 6; i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", fmt.Errorf("division: %q: %w: character %d is not a digit", s, ErrInvalid, i+1)
		}
	}
	c := Code(s)
	if !IsProvince(s[:2]) {
		return "", fmt.Errorf("division: %q: %w: %s is not a province prefix", s, ErrInvalid, s[:2])
	}
	return c, nil
}

// IsProvince reports whether the two-digit prefix p (such as "37") names a
// provincial-level division.
func IsProvince(p string) bool {
	if len(p) != 2 {
		return false
	}
	_, ok := table().prefixes[p]
	return ok
}

// String returns the code itself.
func (c Code) String() string { return string(c) }

// valid reports whether c has the shape of a code.
func (c Code) valid() bool {
	if len(c) != 6 {
		return false
	}
	for i := 0; i < 6; i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return true
}

// Level returns the tier a code denotes by its shape: xx0000 a province,
// xxxx00 a city, a fifth digit 7 a development zone, otherwise a county.
// Counties under a municipality or directly under a province are County too.
func (c Code) Level() Level {
	switch {
	case !c.valid():
		return LevelUnknown
	case c[2:] == "0000":
		return Province
	case c[4:] == "00":
		return City
	case c[4] == '7':
		return Zone
	default:
		return County
	}
}

// Province returns the province containing c (c itself for a province), or
// the zero Code for a malformed c.
func (c Code) Province() Code {
	return c.provinceIn(table())
}

func (c Code) provinceIn(t *index) Code {
	if !c.valid() {
		return ""
	}
	if p, ok := t.prefixes[string(c[:2])]; ok {
		return p
	}
	return c[:2] + "0000"
}

// Parent returns the division directly above c: the city for a county or a
// zone, and the province for a city, for a district of a municipality, and
// for a county-level unit the province administers directly. It returns the
// zero Code for a province or a malformed code.
func (c Code) Parent() Code { return c.parentIn(table()) }

// parentIn finds c's parent among the known prefixes without allocating.
func (c Code) parentIn(t *index) Code {
	switch c.Level() {
	case City:
		return c.provinceIn(t)
	case County, Zone:
		if city, ok := t.prefixes[string(c[:4])]; ok {
			return city
		}
		return c.provinceIn(t)
	}
	return ""
}

// City returns the prefecture-level unit containing c (c itself for a city).
// Where there is none — a district of a municipality, a county-level unit
// administered directly by its province, or a province — it returns the
// province, which plays the city's part there. A malformed code gives the
// zero Code.
func (c Code) City() Code {
	switch c.Level() {
	case Province, City:
		return c
	case County, Zone:
		return c.Parent()
	}
	return ""
}

// Contains reports whether o lies within c (or is c). Zones are contained by
// their city and province but contain nothing else.
func (c Code) Contains(o Code) bool {
	if !c.valid() {
		return false
	}
	for o.valid() {
		if o == c {
			return true
		}
		o = o.Parent()
	}
	return false
}

// Division is one entry of the table.
type Division struct {
	Code  Code
	Name  string // official Chinese name, e.g. 莱芜区
	Level Level
	// Retired marks a code no longer in use (371200 莱芜市); it stays valid in
	// identifiers issued before the change.
	Retired bool
	// Successors are the codes that took over a retired code's territory.
	Successors []Code
}

// Lookup returns the division with code c. It knows every current division,
// development zone and retired code in the table.
func Lookup(c Code) (Division, bool) {
	d, ok := table().byCode[c]
	if !ok {
		return Division{}, false
	}
	d.Successors = append([]Code(nil), d.Successors...)
	return d, true
}

// Children returns the divisions directly under c, sorted by code. Zones are
// left out (see Zones). A current division lists its current children; a
// retired one lists the retired children it had.
func Children(c Code) []Division {
	t := table()
	parent, ok := t.byCode[c]
	if !ok {
		return nil
	}
	var out []Division
	for _, code := range t.children[c] {
		d := t.byCode[code]
		if d.Level == Zone || d.Retired != parent.Retired {
			continue
		}
		d.Successors = append([]Code(nil), d.Successors...)
		out = append(out, d)
	}
	return out
}

// Zones returns the current development zones whose Parent is the city c,
// sorted by code.
func Zones(c Code) []Division {
	t := table()
	var out []Division
	for _, code := range t.children[c] {
		if d := t.byCode[code]; d.Level == Zone && !d.Retired {
			out = append(out, d)
		}
	}
	return out
}

// All returns every division in the table, current and retired, zones
// included, sorted by code. It is for building indexes and pickers.
func All() []Division {
	t := table()
	out := make([]Division, 0, len(t.sorted))
	for _, code := range t.sorted {
		d := t.byCode[code]
		d.Successors = append([]Code(nil), d.Successors...)
		out = append(out, d)
	}
	return out
}
