package evaluation

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// Grouping is what a scorecard groups records by.
type Grouping string

// The groupings. A record that lacks the field grouped by (a review without
// a staff number, an application outside any bundle) is in no group.
const (
	// ByUnit groups by the unit reviewed or handling: Review.Unit, Case.Unit,
	// the unit of a work order's last reply (else the unit holding it, else
	// the last dispatched to), and every office deciding a part of an
	// application.
	ByUnit Grouping = "unit"
	// ByDivision groups by the division where the service took place or the
	// request is about (Review.Division, Case.Division, Intake.Division,
	// Application.Division). Rollup adds counties up into cities and
	// provinces.
	ByDivision Grouping = "division"
	// ByMatter groups by the matter's 基本编码: Review.Matter, Case.Matter,
	// Intake.Matter, and every part of an application.
	ByMatter Grouping = "matter"
	// ByStaff groups reviews by the staff member who served, within the
	// unit (staff numbers are the unit's own). Cases, work orders and
	// applications do not name staff and are not counted.
	ByStaff Grouping = "staff"
	// ByChannel groups by the channel (Review.Channel, Intake.Channel,
	// Application.Channel). Cases do not carry it and are not counted.
	ByChannel Grouping = "channel"
	// ByBundle groups by the 一件事 code (Review.Bundle, Application.Bundle).
	// Cases and work orders do not carry it and are not counted.
	ByBundle Grouping = "bundle"
	// Overall puts every record in one group, for totals.
	Overall Grouping = "all"
)

var groupingNames = map[Grouping][2]string{
	ByUnit:     {"单位", "unit"},
	ByDivision: {"区划", "division"},
	ByMatter:   {"事项", "matter"},
	ByStaff:    {"工作人员", "staff"},
	ByChannel:  {"渠道", "channel"},
	ByBundle:   {"一件事", "bundle"},
	Overall:    {"合计", "total"},
}

// Groupings lists every grouping.
func Groupings() []Grouping {
	return []Grouping{ByUnit, ByDivision, ByMatter, ByStaff, ByChannel, ByBundle, Overall}
}

// Valid reports whether g is one of the groupings.
func (g Grouping) Valid() bool { _, ok := groupingNames[g]; return ok }

// Names returns the Chinese and English names of the grouping.
func (g Grouping) Names() (zh, en string) { n := groupingNames[g]; return n[0], n[1] }

// Group identifies one group of a scorecard. It is comparable and may be a
// map key.
type Group struct {
	By Grouping `json:"by"`
	// Code is the unit's credit code, the division code, the matter code,
	// the staff number, the channel or the bundle code; empty for Overall.
	Code string `json:"code,omitempty"`
	// Unit is the staff member's unit, for ByStaff only.
	Unit creditcode.Code `json:"unit,omitempty"`
}

// String returns "by:code", with the unit for staff: "staff:11370116…/LW0231".
func (g Group) String() string {
	if g.By == ByStaff {
		return string(g.By) + ":" + string(g.Unit) + "/" + g.Code
	}
	return string(g.By) + ":" + g.Code
}

func compareGroups(a, b Group) int {
	return cmp.Or(cmp.Compare(a.By, b.By), cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Code, b.Code))
}

// groupName returns the label of a group whose records did not name it.
func groupName(g Group) string {
	switch g.By {
	case ByDivision:
		if d, ok := division.Lookup(division.Code(g.Code)); ok {
			return d.Name
		}
	case ByChannel:
		if zh, _ := matter.Channel(g.Code).Names(); zh != "" {
			return zh
		}
	case Overall:
		return "合计"
	}
	return g.Code
}

// Rollup adds division scorecards up to a higher level: division.City adds
// every county (and development zone) into its city, division.Province
// every city and county into its province; division.County keeps the
// codes. A card already above the level stays as it is. Counts add up
// exactly, so rates of the rolled-up cards are those of the union. The
// cards must be ByDivision; the result is sorted by code.
func Rollup(cards []Scorecard, level division.Level) ([]Scorecard, error) {
	if level != division.County && level != division.City && level != division.Province {
		return nil, fmt.Errorf("evaluation: rollup: %w: level %s is not county, city or province", ErrInvalid, level)
	}
	idx := map[string]int{}
	var out []Scorecard
	for _, c := range cards {
		if c.Group.By != ByDivision {
			return nil, fmt.Errorf("evaluation: rollup: %w: scorecard %s is not by division", ErrInvalid, c.Group)
		}
		code := rollupCode(division.Code(c.Group.Code), level)
		i, ok := idx[code]
		if !ok {
			i = len(out)
			idx[code] = i
			g := Group{By: ByDivision, Code: code}
			out = append(out, Scorecard{Group: g, Name: groupName(g), Period: c.Period})
		}
		out[i].Counts.Add(c.Counts)
		out[i].Volumes = out[i].Volumes || c.Volumes
	}
	slices.SortFunc(out, func(a, b Scorecard) int { return cmp.Compare(a.Group.Code, b.Group.Code) })
	return out, nil
}

func rollupCode(c division.Code, level division.Level) string {
	var up division.Code
	switch level {
	case division.City:
		if c.Level() == division.Province {
			return string(c)
		}
		up = c.City()
	case division.Province:
		up = c.Province()
	default:
		return string(c)
	}
	if up == "" {
		return string(c)
	}
	return string(up)
}
