package standards

import (
	"strconv"

	"github.com/onething-gov/onething/matter"
)

// Coverage is how well the standards in force cover the matters.
type Coverage struct {
	// Uncovered are the high-frequency matters (tag HighFrequencyTag) that
	// no standard names by code: candidates for the standards the system
	// lacks most (急需短缺). A standard that covers a matter only by kind or
	// tag, such as a general rule for every high-frequency matter, does not
	// count.
	Uncovered []Gap `json:"uncovered,omitempty"`
	// Dangling are the references of standards to matters that no longer
	// exist.
	Dangling []Dangling `json:"dangling,omitempty"`
}

// Gap is a high-frequency matter without a standard of its own.
type Gap struct {
	Matter     string            `json:"matter"`
	Name       string            `json:"name"`
	Department matter.Department `json:"department"`
}

// Dangling is a standard's reference to a matter code that is not in the
// catalog, or whose matter has expired.
type Dangling struct {
	// Standard is the designation of the version.
	Standard string `json:"standard"`
	Matter   string `json:"matter"`
	// Pointer is the JSON pointer of the code in the standard, e.g.
	// "/scope/matters/3" or "/requirements/2/matters/0".
	Pointer string `json:"pointer"`
	// Expired is the day the matter expired, zero if the catalog has no
	// matter with that code.
	Expired matter.Date `json:"expired,omitzero"`
}

// names reports whether a standard in force names matter code in its
// scope.
func (c *Checker) names(code string) bool {
	for _, id := range c.byCode[code] {
		if c.active[id].std.Scope.Names(code) {
			return true
		}
	}
	return false
}

// dangling lists the references of the standards in force to matter codes
// that do not exist, in standard then pointer order.
func (c *Checker) dangling(exists func(string) (matter.Date, bool)) []Dangling {
	var out []Dangling
	check := func(s *Standard, ptr string, codes []string) {
		for i, code := range codes {
			if expired, ok := exists(code); !ok {
				out = append(out, Dangling{Standard: s.Designation(), Matter: code, Pointer: ptr + "/" + strconv.Itoa(i), Expired: expired})
			}
		}
	}
	for _, v := range c.active {
		s := v.std
		check(s, "/scope/matters", s.Scope.Matters)
		check(s, "/scope/exclude", s.Scope.Exclude)
		for i, r := range s.Requirements {
			check(s, "/requirements/"+strconv.Itoa(i)+"/matters", r.Matters)
		}
	}
	return out
}
