package standards

import (
	"slices"

	"github.com/onething-gov/onething/matter"
)

// Status is the state of a standard version (标准状态).
type Status string

// The statuses. A draft never applies; a superseded version applied until
// the version after it took effect; a withdrawn version (废止) applies to
// nothing from its withdrawal day.
const (
	Draft      Status = "draft"      // 草案（征求意见稿）
	Published  Status = "published"  // 现行
	Superseded Status = "superseded" // 被代替
	Withdrawn  Status = "withdrawn"  // 废止
)

// Standard is one version of one service standard (服务标准): a local
// standard such as DB37/T 9012—2025 or a national one such as GB/T
// 39734—2020, with the matters it covers and its requirements.
type Standard struct {
	// Identifier is the standard's number without its year, e.g.
	// "DB37/T 9012" or "GB/T 39734". Versions of one standard share it.
	Identifier string `json:"identifier"`
	// Version tells versions apart, usually the year of issue: "2025".
	Version string `json:"version"`
	Title   string `json:"title"`
	TitleEN string `json:"title_en,omitempty"`
	// Category is the id of a node of the system's tree.
	Category string `json:"category"`
	Status   Status `json:"status"`
	// Issuer is the body that issued it (发布机构).
	Issuer string `json:"issuer,omitempty"`
	// Effective is the day it takes effect (实施日期); Withdrawn, if set, the
	// first day it no longer applies (废止日期).
	Effective matter.Date `json:"effective"`
	Withdrawn matter.Date `json:"withdrawn,omitzero"`
	// Demo marks illustrative data: a made-up number, or requirements that
	// are our reading rather than the standard's text.
	Demo bool   `json:"demo,omitempty"`
	Note string `json:"note,omitempty"`
	// Scope says which matters the standard covers.
	Scope Scope `json:"scope"`
	// Requirements are its checkable clauses; a standard may have none and
	// still count for coverage.
	Requirements []Requirement `json:"requirements,omitempty"`
}

// Designation returns the full number of the version, e.g.
// "DB37/T 9012—2025".
func (s *Standard) Designation() string { return s.Identifier + "—" + s.Version }

// Clone returns a deep copy.
func (s *Standard) Clone() *Standard {
	c := *s
	c.Scope = s.Scope.clone()
	c.Requirements = make([]Requirement, len(s.Requirements))
	for i, r := range s.Requirements {
		c.Requirements[i] = r.clone()
	}
	return &c
}

// Scope is the set of matters a standard covers (适用范围). A matter is in
// scope if its 基本编码 is listed in Matters, or if Kinds or Tags are given
// and the matter has one of the Kinds (any kind when none are given) and
// one of the Tags (any tags when none are given); a code in Exclude is never
// in scope.
type Scope struct {
	Matters []string      `json:"matters,omitempty"`
	Kinds   []matter.Kind `json:"kinds,omitempty"`
	Tags    []string      `json:"tags,omitempty"`
	Exclude []string      `json:"exclude,omitempty"`
}

// Matches reports whether matter m is in scope.
func (s Scope) Matches(m *matter.Matter) bool {
	if slices.Contains(s.Exclude, m.Code) {
		return false
	}
	if slices.Contains(s.Matters, m.Code) {
		return true
	}
	if len(s.Kinds) == 0 && len(s.Tags) == 0 {
		return false
	}
	if len(s.Kinds) > 0 && !slices.Contains(s.Kinds, m.Kind) {
		return false
	}
	return len(s.Tags) == 0 || slices.ContainsFunc(s.Tags, m.HasTag)
}

// Names reports whether the scope names matter code by its code, rather
// than by kind or tag: such a standard is specific to the matter.
func (s Scope) Names(code string) bool {
	return slices.Contains(s.Matters, code) && !slices.Contains(s.Exclude, code)
}

func (s Scope) clone() Scope {
	return Scope{Matters: slices.Clone(s.Matters), Kinds: slices.Clone(s.Kinds), Tags: slices.Clone(s.Tags), Exclude: slices.Clone(s.Exclude)}
}
