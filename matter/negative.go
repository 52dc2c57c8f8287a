package matter

import "github.com/onething-gov/onething/standards/division"

// NegativeEntry is an entry of the negative list (负面清单): a matter that
// cannot be handled fully online, with why, on what basis, who approved the
// entry and when it is to be reviewed. A matter on the list cannot claim
// full online depth (全程网办).
type NegativeEntry struct {
	Matter string `json:"matter"`
	// Division limits the entry to a city or county; empty means the whole
	// province.
	Division   division.Code `json:"division,omitempty"`
	Reason     string        `json:"reason"`
	LegalBasis string        `json:"legal_basis"`
	// ApprovedBy is the body that approved the entry (审核部门).
	ApprovedBy string `json:"approved_by"`
	// Department is the department that asked for it.
	Department Department `json:"department"`
	// Review is the date by which the entry must be reviewed again.
	Review Date `json:"review"`
}

// Applies reports whether the entry covers matter m in division d.
func (e NegativeEntry) Applies(m string, d division.Code) bool {
	return e.Matter == m && (e.Division == "" || e.Division.Contains(d))
}
