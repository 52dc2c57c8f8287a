package standards

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// HighFrequencyTag is the matter tag that marks a high-frequency matter
// (高频事项), the matters the coverage report expects a standard for.
const HighFrequencyTag = "high-frequency"

// Report is the conformance of implementations to the standards in force on
// one day.
type Report struct {
	Date matter.Date `json:"date"`
	// Standards are the standards in force that day, in identifier order.
	Standards []Ref `json:"standards"`
	// Entries hold one result per implementation, ordered by city, then
	// department, matter and division (the base matter first).
	Entries  []Entry  `json:"entries"`
	Coverage Coverage `json:"coverage"`
}

// Ref names a standard version in a report.
type Ref struct {
	Designation string `json:"designation"`
	Title       string `json:"title"`
	// Category is the id of the standard's node; CategoryName its name.
	Category     string      `json:"category"`
	CategoryName string      `json:"category_name"`
	Effective    matter.Date `json:"effective"`
	Demo         bool        `json:"demo,omitempty"`
}

// Count returns the number of findings of severity s that count (are not
// waived), over every entry.
func (r *Report) Count(s Severity) int {
	n := 0
	for i := range r.Entries {
		n += r.Entries[i].Count(s)
	}
	return n
}

// Waived returns the number of findings waived by the negative list.
func (r *Report) Waived() int {
	n := 0
	for i := range r.Entries {
		for j := range r.Entries[i].Findings {
			if !r.Entries[i].Findings[j].Counts() {
				n++
			}
		}
	}
	return n
}

// Conforms reports whether no finding of severity error counts.
func (r *Report) Conforms() bool { return r.Count(SeverityError) == 0 }

// Group is the entries of one department in one city.
type Group struct {
	City       division.Code     `json:"city"`
	CityName   string            `json:"city_name"`
	Department matter.Department `json:"department"`
	Entries    []Entry           `json:"entries"`
}

// Groups returns the entries grouped by city (the province's base list
// first, then cities by code) and, within a city, by department in pinyin
// order of its name.
func (r *Report) Groups() []Group {
	var out []Group
	for i := 0; i < len(r.Entries); {
		e := &r.Entries[i]
		j := i + 1
		for j < len(r.Entries) && r.Entries[j].City == e.City && r.Entries[j].Department.CreditCode == e.Department.CreditCode {
			j++
		}
		out = append(out, Group{City: e.City, CityName: placeName(e.City), Department: e.Department, Entries: r.Entries[i:j]})
		i = j
	}
	col := collate.New(language.Chinese)
	slices.SortStableFunc(out, func(a, b Group) int {
		return cmp.Or(cmp.Compare(a.City, b.City),
			col.CompareString(a.Department.Name, b.Department.Name),
			strings.Compare(a.Department.CreditCode.String(), b.Department.CreditCode.String()))
	})
	return out
}

// placeName returns the name of a division, or "" if unknown.
func placeName(c division.Code) string {
	d, ok := division.Lookup(c)
	if !ok {
		return ""
	}
	return d.Name
}
