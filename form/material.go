package form

import (
	"slices"

	"github.com/onething-gov/onething/matter"
)

// Material is a material (申请材料) of a merged form: one per material type
// however many members ask for it (one 居民身份证 for all), with what each
// member needs.
type Material struct {
	Type string `json:"type"`
	// Name is the first member's name for it.
	Name string `json:"name"`
	// Need is the strongest need of the members: required, then
	// conditional, then optional.
	Need matter.Need `json:"need"`
	// Members are the members that ask for it, in plan order.
	Members []MaterialNeed `json:"members"`
}

// MaterialNeed is one member's need of a merged material.
type MaterialNeed struct {
	Matter    string         `json:"matter"`
	Name      string         `json:"name"`
	Need      matter.Need    `json:"need"`
	Condition string         `json:"condition,omitempty"`
	Trust     []matter.Trust `json:"trust,omitempty"`
}

// MemberCodes returns the codes of the members that ask for the material.
func (m Material) MemberCodes() []string {
	out := make([]string, len(m.Members))
	for i, n := range m.Members {
		out[i] = n.Matter
	}
	return out
}

var needRank = map[matter.Need]int{matter.Required: 0, matter.Conditional: 1, matter.Optional: 2}

// mergeMaterials merges the members' materials by type, in order of first
// appearance.
func mergeMaterials(forms []*Form) []Material {
	var out []Material
	index := map[string]int{}
	for _, f := range forms {
		for _, mat := range f.matter.Materials {
			need := MaterialNeed{Matter: f.matter.Code, Name: mat.Name, Need: mat.Need, Condition: mat.Condition, Trust: slices.Clone(mat.Trust)}
			i, ok := index[mat.Type]
			if !ok {
				index[mat.Type] = len(out)
				out = append(out, Material{Type: mat.Type, Name: mat.Name, Need: mat.Need, Members: []MaterialNeed{need}})
				continue
			}
			if r, ok := needRank[mat.Need]; ok && r < needRank[out[i].Need] {
				out[i].Need = mat.Need
			}
			out[i].Members = append(out[i].Members, need)
		}
	}
	return out
}

// Materials returns the merged materials in order of first appearance.
func (m *Merged) Materials() []Material {
	out := slices.Clone(m.materials)
	for i := range out {
		out[i].Members = slices.Clone(out[i].Members)
	}
	return out
}

// MaterialsBefore returns the number of materials the applicant would
// supply applying for each member separately (the same 居民身份证 once per
// member).
func (m *Merged) MaterialsBefore() int {
	n := 0
	for _, mat := range m.materials {
		n += len(mat.Members)
	}
	return n
}
