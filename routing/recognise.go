package routing

import (
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// recognised returns the set of the matter's materials (bit k for material
// k, the first 64) that the agreement's partners accept from each other
// without a paper copy (跨区域共享互认): a recognition entry of the
// material's type whose issuing side holds the applicant's place — the
// 户籍 for a person, the registration place for an enterprise, else where
// the application is made — and whose accepting side holds every deciding
// place.
func recognised(ag *compiled, m *matter.Matter, q *Request, rt *Route) uint64 {
	if len(ag.recog) == 0 {
		return 0
	}
	issuer := issuingPlace(q)
	deciders := rt.Deciding()
	mutual := ag.partners.holds(issuer) && acceptedByAll(&ag.partners, deciders)
	var set uint64
	for _, rc := range ag.recog {
		if rc.mutual && !mutual || !rc.mutual && (!rc.issued.holds(issuer) || !acceptedByAll(&rc.accepted, deciders)) {
			continue
		}
		for k, mat := range m.Materials {
			if k < 64 && mat.Type == rc.typ {
				set |= 1 << k
			}
		}
	}
	return set
}

// issuingPlace is where the applicant's documents are taken to be issued.
func issuingPlace(q *Request) division.Code {
	a := &q.Applicant
	switch {
	case a.Audience != "" && a.Audience != matter.Person && a.Registration != "":
		return a.Registration
	case a.Domicile != "":
		return a.Domicile
	case a.Registration != "":
		return a.Registration
	}
	return q.Division
}

func acceptedByAll(s *divSet, deciders []Office) bool {
	for i := range deciders {
		if !s.holds(deciders[i].Division) {
			return false
		}
	}
	return true
}

// Recognised returns the matter's materials that need no paper copy on
// this route because the agreement's partners recognise them from each
// other (跨区域共享互认), so the receiving office does not ask for them
// again. It allocates; call it when needed.
func (rt *Route) Recognised() []matter.Material {
	if rt.recog == 0 || rt.m == nil {
		return nil
	}
	var out []matter.Material
	for k, mat := range rt.m.Materials {
		if k < 64 && rt.recog&(1<<k) != 0 {
			out = append(out, mat)
		}
	}
	return out
}
