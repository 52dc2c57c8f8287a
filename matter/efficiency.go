package matter

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Efficiency compares applying for a bundle selection's members one by one
// (Before) with applying for the bundle (After). Every figure is computed
// from the catalog, never typed in.
type Efficiency struct {
	Bundle  string   `json:"bundle"`
	Name    string   `json:"name"`
	Members []string `json:"members"`
	Before  Figures  `json:"before"`
	After   Figures  `json:"after"`
}

// Figures are the applicant's burden one way of applying.
type Figures struct {
	// Forms the applicant fills in: one per member before, one after.
	Forms int `json:"forms"`
	// Materials counted by material type: before, the sum over members
	// (the same 居民身份证 once per member); after, the distinct types.
	Materials int `json:"materials"`
	// Steps the applicant takes: one application per member before, one
	// after.
	Steps int `json:"steps"`
	// Visits to the site: the sum of the members' visits before; after, 0
	// if every selected member is fully online, else 1 (one window).
	Visits int `json:"visits"`
	// Days is the time limit in working days: before, the sum of the
	// members' promised limits; after, the plan's critical path (the
	// longest member of each step, summed over the steps).
	Days int `json:"days"`
}

// Efficiency computes the before/after figures of a selection of bundle b.
// lookup finds a member matter by code (a Catalog's resolved matter, so that
// a city's shorter limits count). Time limits convert to working days by
// TimeLimit.WorkingDays: natural days × 5/7 rounded up, hours and minutes as
// one working day, 即办 as 0. A member lookup cannot find is an error
// wrapping ErrNotFound.
func (b *Bundle) Efficiency(sel Selection, lookup func(code string) (*Matter, error)) (Efficiency, error) {
	if sel.Bundle != b.Code {
		return Efficiency{}, fmt.Errorf("matter: efficiency of %s: %w: selection is for bundle %s", b.Code, ErrInvalid, sel.Bundle)
	}
	e := Efficiency{Bundle: b.Code, Name: b.Name, Members: sel.Members()}
	types := map[string]bool{}
	allOnline := true
	for _, step := range sel.Steps {
		longest := 0
		for _, code := range step {
			m, err := lookup(code)
			if err != nil {
				return Efficiency{}, fmt.Errorf("matter: efficiency of %s: member %s: %w", b.Code, code, err)
			}
			days := m.PromisedLimit.WorkingDays()
			e.Before.Forms++
			e.Before.Steps++
			e.Before.Visits += m.Visits
			e.Before.Days += days
			e.Before.Materials += len(m.Materials)
			for _, mat := range m.Materials {
				types[mat.Type] = true
			}
			if !m.Depth.FullyOnline() {
				allOnline = false
			}
			longest = max(longest, days)
		}
		e.After.Days += longest
	}
	if len(e.Members) > 0 {
		e.After.Forms, e.After.Steps = 1, 1
		if !allOnline {
			e.After.Visits = 1
		}
	}
	e.After.Materials = len(types)
	return e, nil
}

// Markdown renders the comparison as a table, in Chinese with English
// headings, for reports and the server's pages.
func (e Efficiency) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s (%s)\n\n", e.Name, e.Bundle)
	b.WriteString("| 指标 (measure) | 分别办理 (before) | 一件事 (after) | 减少 (saved) |\n|---|---:|---:|---:|\n")
	row := func(zh, en string, before, after int) {
		fmt.Fprintf(&b, "| %s (%s) | %d | %d | %s |\n", zh, en, before, after, saved(before, after))
	}
	row("表单", "forms", e.Before.Forms, e.After.Forms)
	row("材料", "materials", e.Before.Materials, e.After.Materials)
	row("环节", "steps", e.Before.Steps, e.After.Steps)
	row("跑动次数", "visits", e.Before.Visits, e.After.Visits)
	row("办理时限（工作日）", "working days", e.Before.Days, e.After.Days)
	return b.String()
}

// saved renders the reduction as a percentage with two decimals, rounded
// half up, computed in integers so no float reaches the report.
func saved(before, after int) string {
	if before <= 0 {
		return "—"
	}
	// hundredths of a percent, rounded half up
	bp := ((before-after)*100*100*2 + before) / (2 * before)
	sign := ""
	if bp < 0 {
		sign, bp = "-", -bp
	}
	return fmt.Sprintf("%s%d.%02d%%", sign, bp/100, bp%100)
}

// JSON renders the comparison as indented JSON.
func (e Efficiency) JSON() ([]byte, error) { return json.MarshalIndent(e, "", "  ") }
