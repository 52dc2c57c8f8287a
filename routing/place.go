package routing

import (
	"fmt"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// tierRank orders the tiers from the top; townships and villages decide
// nothing the router tells apart from their county.
func tierRank(t matter.Tier) int {
	switch t {
	case matter.TierNational:
		return 0
	case matter.TierProvince:
		return 1
	case matter.TierCity:
		return 2
	case matter.TierCounty, matter.TierTownship, matter.TierVillage:
		return 3
	}
	return -1
}

// decidingTier is the lowest tier that exercises the matter (属地管理): a
// matter of province, city and county is decided by the county. Townships
// and villages count as counties. Without levels, the tier of the
// implementing body's division.
func decidingTier(m *matter.Matter) matter.Tier {
	best, rank := matter.Tier(""), -1
	for _, t := range m.Levels {
		if r := tierRank(t); r > rank {
			best, rank = t, r
		}
	}
	if rank == 3 {
		return matter.TierCounty
	}
	if rank >= 0 {
		return best
	}
	switch m.Body.Division.Level() {
	case division.Province:
		return matter.TierProvince
	case division.City:
		return matter.TierCity
	}
	return matter.TierCounty
}

// atTier returns the office of tier t that has jurisdiction over place: the
// place itself for a county, its city or its province. A national matter is
// decided where its implementing body sits.
func atTier(place division.Code, t matter.Tier, body division.Code) division.Code {
	switch t {
	case matter.TierNational:
		if body != "" {
			return body
		}
		return place.Province()
	case matter.TierProvince:
		return place.Province()
	case matter.TierCity:
		return place.City()
	}
	return place
}

// placeOf returns the place basis b names for the request; a missing or
// malformed place is an error wrapping ErrInvalid.
func (r *Router) placeOf(b Basis, q *Request, rt *Route) (division.Code, error) {
	a := &q.Applicant
	var d division.Code
	var field string
	switch b {
	case BasisDomicile:
		d, field = a.Domicile, "applicant domicile (户籍地)"
	case BasisInsured:
		field = "applicant insurance history (参保地)"
		if n := len(a.Insurance); n > 0 {
			d = a.Insurance[n-1].Division
		}
	case BasisPreviousInsured:
		field = "applicant previous insured place (转出地)"
		if n := len(a.Insurance); n > 0 {
			cur := a.Insurance[n-1].Division
			for i := n - 2; i >= 0; i-- {
				if !samePlace(a.Insurance[i].Division, cur) {
					d = a.Insurance[i].Division
					break
				}
			}
		}
	case BasisRegistration:
		d, field = a.Registration, "applicant registration place (登记地)"
	case BasisPresence:
		d, field = q.Division, "division"
	case BasisBenefitPlace:
		if err := r.checkCode("applicant domicile (户籍地)", a.Domicile); err != nil {
			return "", err
		}
		for i, p := range a.Insurance {
			if r.checkCode("", p.Division) != nil {
				return "", r.checkCode(fmt.Sprintf("applicant insurance[%d]", i), p.Division)
			}
		}
		rt.pension = benefitPlace(a.Domicile, a.Insurance)
		return rt.pension.place, nil
	}
	if d == "" {
		return "", fmt.Errorf("routing: %w: matter %s is decided by the %s, which the request lacks", ErrInvalid, q.Matter, field)
	}
	if err := r.checkCode(field, d); err != nil {
		return "", err
	}
	return d, nil
}

// reaches reports whether a matter's 通办范围 stretches from one place to
// another.
func reaches(r matter.Reach, from, to division.Code) bool {
	switch r {
	case matter.ReachCity:
		return from.City() == to.City()
	case matter.ReachProvince:
		return sameProvince(from, to)
	case matter.ReachCrossProvince, matter.ReachNational:
		return true
	}
	return false
}
