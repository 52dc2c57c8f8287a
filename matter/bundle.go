package matter

import (
	"fmt"
	"slices"
	"strings"
)

// Bundle is a 一件事: several matters, often of several departments, applied
// for as one, with one form, one set of materials and one window.
type Bundle struct {
	Code string `json:"code"`
	Name string `json:"name"`
	// Lead is the department that receives the application and answers for
	// the whole (牵头部门).
	Lead Department `json:"lead"`
	// Members are the member matters. Optional members apply only to some
	// applicants (公积金 extraction only for those with an account).
	Members []Member `json:"members"`
	// Plan orders the members.
	Plan Plan `json:"plan"`
	// Stage is the life stage the bundle serves (出生, 就业, 养老, …).
	Stage   string   `json:"stage,omitempty"`
	Tags    []string `json:"tags,omitempty"`
	Version int      `json:"version"`
}

// Member is a matter in a bundle.
type Member struct {
	// Matter is the member's 基本编码.
	Matter string `json:"matter"`
	// Optional members are left out unless an applicant's choices include
	// them; Condition says who they are for.
	Optional  bool   `json:"optional,omitempty"`
	Condition string `json:"condition,omitempty"`
}

// Plan is the order of a bundle's members: steps run in series; the slots
// of a step run in parallel.
type Plan struct {
	Steps []Step `json:"steps"`
}

// Step is one stage of a plan.
type Step struct {
	Name  string `json:"name,omitempty"`
	Slots []Slot `json:"slots"`
}

// Slot is a place in a step: one member, or one of several alternatives
// (退休: 待遇资格确认, 特殊工种提前退休 or 因病提前退休). Exactly one of
// Member and OneOf is set.
type Slot struct {
	Member string `json:"member,omitempty"`
	// ID names a "one of" slot, so that an applicant's Choices can refer to
	// it.
	ID    string   `json:"id,omitempty"`
	OneOf []string `json:"one_of,omitempty"`
}

// Choices are an applicant's answers to a bundle's questions: which
// alternative of each "one of" slot, and which optional members apply.
type Choices struct {
	// OneOf maps a slot's ID to the chosen member; a slot not named takes
	// its first alternative.
	OneOf map[string]string `json:"one_of,omitempty"`
	// Include names the optional members that apply.
	Include []string `json:"include,omitempty"`
}

// Selection is the set of member matters that apply to one applicant, in
// plan order. Forms, routing and efficiency all work on a selection.
type Selection struct {
	Bundle string `json:"bundle"`
	// Steps hold the selected members of each step, empty steps removed.
	Steps [][]string `json:"steps"`
}

// Members returns the selected members in plan order.
func (s Selection) Members() []string {
	var out []string
	for _, st := range s.Steps {
		out = append(out, st...)
	}
	return out
}

// Contains reports whether matter code m is selected.
func (s Selection) Contains(m string) bool {
	for _, st := range s.Steps {
		if slices.Contains(st, m) {
			return true
		}
	}
	return false
}

// member returns the member entry for code m.
func (b *Bundle) member(m string) (Member, bool) {
	for _, mem := range b.Members {
		if mem.Matter == m {
			return mem, true
		}
	}
	return Member{}, false
}

// Select fixes the members that apply for the given choices. By default each
// "one of" slot takes its first alternative and only mandatory members are
// included. Choosing an unknown slot, a member outside a slot's
// alternatives, or including a member that is not optional is an error
// wrapping ErrInvalid.
func (b *Bundle) Select(c Choices) (Selection, error) {
	var problems []string
	slots := map[string]bool{}
	include := map[string]bool{}
	for _, m := range c.Include {
		mem, ok := b.member(m)
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("include %q: not a member of %s", m, b.Code))
		case !mem.Optional:
			problems = append(problems, fmt.Sprintf("include %q: not an optional member (mandatory members are always included)", m))
		}
		include[m] = true
	}
	sel := Selection{Bundle: b.Code}
	for _, st := range b.Plan.Steps {
		var picked []string
		for _, sl := range st.Slots {
			m := sl.Member
			if len(sl.OneOf) > 0 {
				slots[sl.ID] = true
				m = sl.OneOf[0]
				if ch, ok := c.OneOf[sl.ID]; ok {
					if !slices.Contains(sl.OneOf, ch) {
						problems = append(problems, fmt.Sprintf("one_of %q: %q is not one of %s", sl.ID, ch, strings.Join(sl.OneOf, ", ")))
					}
					m = ch
				}
			}
			if mem, ok := b.member(m); ok && mem.Optional && !include[m] {
				continue
			}
			picked = append(picked, m)
		}
		if len(picked) > 0 {
			sel.Steps = append(sel.Steps, picked)
		}
	}
	for id := range c.OneOf {
		if !slots[id] {
			problems = append(problems, fmt.Sprintf("one_of %q: no such slot in %s", id, b.Code))
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return Selection{}, fmt.Errorf("matter: bundle %s: %w choices: %s", b.Code, ErrInvalid, strings.Join(problems, "; "))
	}
	return sel, nil
}

// Default returns the selection with no choices made.
func (b *Bundle) Default() Selection {
	s, _ := b.Select(Choices{})
	return s
}

// planMembers returns every member code the plan places, with the number of
// times each is placed.
func (p Plan) placements() map[string]int {
	n := map[string]int{}
	for _, st := range p.Steps {
		for _, sl := range st.Slots {
			if sl.Member != "" {
				n[sl.Member]++
			}
			for _, m := range sl.OneOf {
				n[m]++
			}
		}
	}
	return n
}
