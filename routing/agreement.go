package routing

import (
	"slices"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Region is a cooperation region (合作区域) whose members handle matters for
// each other's residents, such as 京津冀 (11, 12, 13).
type Region struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEN string `json:"name_en,omitempty"`
	// Members are provinces or cities, by division code.
	Members []division.Code `json:"members"`
	// Unconfirmed marks a membership not confirmed by an official text.
	Unconfirmed bool   `json:"unconfirmed,omitempty"`
	Source      string `json:"source"`
	Note        string `json:"note,omitempty"`
}

// Contains reports whether d lies within a member of the region.
func (r Region) Contains(d division.Code) bool { return within(r.Members, d) }

// Agreement is a 通办 agreement: the matters a region (跨省通办) or a
// division (全省通办, 全市通办) handles across its places, in which modes,
// from when to when, between which partners, and what the partners
// recognise from each other (跨区域共享互认).
type Agreement struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEN string `json:"name_en,omitempty"`
	// Exactly one of Region and Division is set: the region's id, or the
	// province (or city) whose places the agreement joins.
	Region   string        `json:"region,omitempty"`
	Division division.Code `json:"division,omitempty"`
	// Partners are the divisions that take part. In the files they default
	// to every member of the region, or to the division; a loaded Agreement
	// always lists them.
	Partners []division.Code `json:"partners"`
	// Modes are the modes the agreement allows, unless a listed matter
	// names its own.
	Modes   []Mode   `json:"modes"`
	Matters []Listed `json:"matters"`
	// Effective is the first day in force; Expires, if set, the first day no
	// longer in force.
	Effective matter.Date `json:"effective"`
	Expires   matter.Date `json:"expires,omitzero"`
	// ForwardDays and ReturnDays, if set, replace the router's defaults for
	// the working days the receiving place has to send the materials on and
	// the deciding place has to send the result.
	ForwardDays *int `json:"forward_days,omitempty"`
	ReturnDays  *int `json:"return_days,omitempty"`
	// Recognition lists what the partners accept from each other without a
	// paper copy.
	Recognition []Recognition `json:"recognition,omitempty"`
	// Demo marks illustrative data.
	Demo   bool   `json:"demo,omitempty"`
	Source string `json:"source"`
	Note   string `json:"note,omitempty"`
}

// Listed is a matter an agreement lists.
type Listed struct {
	// Code is the matter's 基本编码.
	Code string `json:"code"`
	Name string `json:"name,omitempty"`
	// Modes, if set, replace the agreement's modes for this matter.
	Modes []Mode `json:"modes,omitempty"`
}

// Recognition is a kind of document that partners accept from each other
// without a paper copy (跨区域共享互认).
type Recognition struct {
	// Type is a material type, as in matter.Material.Type.
	Type string          `json:"type"`
	Name string          `json:"name"`
	Kind RecognitionKind `json:"kind"`
	// Documents issued in IssuedIn are accepted in AcceptedIn; both default
	// to every partner, and a loaded Recognition always lists them.
	IssuedIn   []division.Code `json:"issued_in"`
	AcceptedIn []division.Code `json:"accepted_in"`
}

// RecognitionKind is an electronic licence (电子证照) or another material.
type RecognitionKind string

// The kinds of recognised document.
const (
	ELicence    RecognitionKind = "e_licence" // 电子证照
	MaterialDoc RecognitionKind = "material"  // 共享材料
)

// Jurisdiction says what fixes a matter's deciding place: its bases, in
// order, and the source of the rule.
type Jurisdiction struct {
	Matter string  `json:"matter"`
	Name   string  `json:"name,omitempty"`
	Basis  []Basis `json:"basis"`
	Source string  `json:"source"`
}

// InForceOn reports whether the agreement is in force on day d.
func (a *Agreement) InForceOn(d matter.Date) bool {
	return !d.Before(a.Effective) && (a.Expires.IsZero() || d.Before(a.Expires))
}

// Covers reports whether both places lie within the agreement's partners.
func (a *Agreement) Covers(from, to division.Code) bool {
	return within(a.Partners, from) && within(a.Partners, to)
}

// Allows reports whether the agreement lists the matter with code and
// allows mode m for it.
func (a *Agreement) Allows(code string, m Mode) bool {
	for _, l := range a.Matters {
		if l.Code == code {
			if l.Modes != nil {
				return slices.Contains(l.Modes, m)
			}
			return slices.Contains(a.Modes, m)
		}
	}
	return false
}

// clone returns a deep copy of a.
func (a *Agreement) clone() Agreement {
	c := *a
	c.Partners = slices.Clone(a.Partners)
	c.Modes = slices.Clone(a.Modes)
	c.Matters = make([]Listed, len(a.Matters))
	for i, l := range a.Matters {
		l.Modes = slices.Clone(l.Modes)
		c.Matters[i] = l
	}
	if a.ForwardDays != nil {
		v := *a.ForwardDays
		c.ForwardDays = &v
	}
	if a.ReturnDays != nil {
		v := *a.ReturnDays
		c.ReturnDays = &v
	}
	c.Recognition = make([]Recognition, len(a.Recognition))
	for i, r := range a.Recognition {
		r.IssuedIn = slices.Clone(r.IssuedIn)
		r.AcceptedIn = slices.Clone(r.AcceptedIn)
		c.Recognition[i] = r
	}
	if a.Recognition == nil {
		c.Recognition = nil
	}
	return c
}

// within reports whether some division in list contains d.
func within(list []division.Code, d division.Code) bool {
	for _, p := range list {
		if inside(d, p) {
			return true
		}
	}
	return false
}
