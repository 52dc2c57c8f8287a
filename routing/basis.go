package routing

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/onething-gov/onething/matter"
)

// Basis is what fixes a matter's deciding place (办理地): the applicant's
// 户籍, where they are insured, where an enterprise is registered, or where
// the applicant stands.
type Basis uint8

// The bases.
const (
	// BasisDomicile is the 户籍地 from the civil registry (not the region of the
	// ID number, which is where the ID was first issued).
	BasisDomicile Basis = iota + 1
	// BasisInsured is the current insured place (参保地): the last place of the
	// applicant's insurance history.
	BasisInsured
	// BasisPreviousInsured is the place insured before the current one (转出地),
	// for transfers between places.
	BasisPreviousInsured
	// BasisRegistration is an enterprise's registration place (登记地).
	BasisRegistration
	// BasisPresence is where the applicant applies (申请地, 就近办理).
	BasisPresence
	// BasisBenefitPlace is the pension benefit place (待遇领取地) of 国办发〔2009〕66号
	// art. 6, found from the 户籍 and the insurance history.
	BasisBenefitPlace
)

var basisNames = [...]struct{ text, zh, en string }{
	{},
	BasisDomicile:        {"domicile", "户籍地", "place of household registration"},
	BasisInsured:         {"insured", "参保地", "insured place"},
	BasisPreviousInsured: {"previous_insured", "原参保地（转出地）", "previous insured place"},
	BasisRegistration:    {"registration", "登记地", "registration place"},
	BasisPresence:        {"presence", "申请地", "where the applicant applies"},
	BasisBenefitPlace:    {"benefit_place", "待遇领取地", "pension benefit place"},
}

// TagPension marks a matter whose deciding place is the pension benefit
// place (待遇领取地) of 国办发〔2009〕66号 art. 6, such as 新增退休人员养老保险
// 待遇核定发放. It is the same as the tag TagBasisPrefix+"benefit_place".
const TagPension = "pension-benefit-place"

// TagBasisPrefix begins a matter tag naming a basis of its jurisdiction,
// such as "jurisdiction:insured". A matter with two such tags (insured and
// previous_insured, for a transfer) has two deciding places.
const TagBasisPrefix = "jurisdiction:"

// Valid reports whether b is one of the bases.
func (b Basis) Valid() bool { return b >= BasisDomicile && b <= BasisBenefitPlace }

// Names returns the Chinese and English names of the basis.
func (b Basis) Names() (zh, en string) {
	if !b.Valid() {
		return "", ""
	}
	return basisNames[b].zh, basisNames[b].en
}

// String returns the basis's JSON name, such as "benefit_place".
func (b Basis) String() string {
	if !b.Valid() {
		return "Basis(" + strconv.Itoa(int(b)) + ")"
	}
	return basisNames[b].text
}

// MarshalText writes the basis's JSON name.
func (b Basis) MarshalText() ([]byte, error) {
	if !b.Valid() {
		return nil, fmt.Errorf("routing: %w: basis %d", ErrInvalid, b)
	}
	return []byte(basisNames[b].text), nil
}

// UnmarshalText reads a basis's JSON name.
func (b *Basis) UnmarshalText(t []byte) error {
	v, ok := basisNamed(string(t))
	if !ok {
		return fmt.Errorf("routing: %w: unknown basis %q", ErrInvalid, t)
	}
	*b = v
	return nil
}

func basisNamed(s string) (Basis, bool) {
	for v := BasisDomicile; v <= BasisBenefitPlace; v++ {
		if basisNames[v].text == s {
			return v, true
		}
	}
	return 0, false
}

// basisSource says where a matter's bases came from, for the explanation.
type basisSource uint8

const (
	fromOption   basisSource = iota + 1 // WithBasis
	fromData                            // the jurisdiction section of the agreements
	fromTag                             // the matter's tags
	fromAudience                        // the default for the applicant's audience
)

// bases is a matter's bases, at most maxBases, in order.
type bases struct {
	list [maxBases]Basis
	n    uint8
	src  basisSource
}

// maxBases is the most deciding places a route has.
const maxBases = 3

func (bs *bases) add(b Basis) {
	for _, x := range bs.list[:bs.n] {
		if x == b {
			return
		}
	}
	if int(bs.n) < maxBases {
		bs.list[bs.n] = b
		bs.n++
	}
}

func (bs *bases) slice() []Basis { return bs.list[:bs.n] }

// basesOf returns the bases of m for an applicant of audience a: the
// router's options first, then the agreements' jurisdiction data, then the
// matter's tags, else the applicant's place by audience: registration for an
// enterprise or other body, domicile for a person.
func (r *Router) basesOf(m *matter.Matter, a matter.Audience) bases {
	var bs bases
	if list, ok := r.basis[m.Code]; ok {
		bs.src = fromOption
		for _, b := range list {
			bs.add(b)
		}
		return bs
	}
	if list, ok := r.agr.jurisdiction[m.Code]; ok {
		bs.src = fromData
		for _, b := range list {
			bs.add(b)
		}
		return bs
	}
	for _, t := range m.Tags {
		if t == TagPension {
			bs.add(BasisBenefitPlace)
		} else if s, ok := strings.CutPrefix(t, TagBasisPrefix); ok {
			if b, ok := basisNamed(s); ok {
				bs.add(b)
			}
		}
	}
	if bs.n > 0 {
		bs.src = fromTag
		return bs
	}
	bs.src = fromAudience
	if a == "" && len(m.Audience) > 0 {
		a = m.Audience[0]
	}
	if a == "" || a == matter.Person {
		bs.add(BasisDomicile)
	} else {
		bs.add(BasisRegistration)
	}
	return bs
}
