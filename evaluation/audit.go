package evaluation

import (
	"bytes"
	"cmp"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"iter"
	"maps"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// AuditMethod names the sampling algorithm of Audit, version included, as
// it is published with a sample.
const AuditMethod = "onething-audit-v1: HMAC-SHA256(key=seed, msg=order UUID lower-case text); per unit by credit code, the k smallest"

// AuditSample is a random audit (随机抽查) of work orders: for every unit,
// up to k orders drawn reproducibly from a published seed. Anyone holding
// the seed and the list of orders gets the same sample (see Audit).
type AuditSample struct {
	Seed    string `json:"seed"`
	PerUnit int    `json:"per_unit"`
	Period  Period `json:"period"`
	Method  string `json:"method"`
	// Strata lists the units by credit code (byte order).
	Strata []Stratum `json:"strata"`
	// Unassigned counts the orders of the period never dispatched to a
	// unit, which are in no stratum.
	Unassigned int `json:"unassigned"`
}

// Stratum is the sample of one unit.
type Stratum struct {
	Unit matter.Department `json:"unit"`
	// Population is the number of the unit's orders in the period.
	Population int `json:"population"`
	// Drawn lists the orders drawn, smallest score first.
	Drawn []Draw `json:"drawn"`
}

// Draw is one order drawn, with its score (the HMAC, in hex) so that an
// auditor can check it.
type Draw struct {
	Order  uuid.UUID `json:"order"`
	Number string    `json:"number,omitempty"`
	Score  string    `json:"score"`
}

// Audit draws a stratified random sample of work orders: up to perUnit
// orders per unit from those received in period p (a zero period takes
// every order of the listing). The draw depends only on the seed and on
// the set of orders: not on the order of the listing, the number of
// goroutines or any random generator. The algorithm, precisely:
//
//  1. The stratum of an order is its HandlingUnit's credit code (the unit
//     of its last reply, else the unit holding it, else the last unit it was
//     dispatched to); orders never dispatched are counted as Unassigned.
//  2. The score of an order is HMAC-SHA256 with the seed's UTF-8 bytes as
//     the key and, as the message, the order's UUID written in the
//     canonical lower-case 36-character form
//     ("0199f3a2-7c1e-7d4b-9a51-3c0e8f6b2d17"), 32 bytes.
//  3. In each stratum the k orders with the smallest scores, compared as
//     unsigned big-endian numbers (byte by byte), are drawn, all of them if
//     the stratum has k or fewer; a tie of scores, which HMAC makes
//     practically impossible, is broken by the UUID text.
//  4. Strata are listed by credit code in byte order, the orders of a
//     stratum by score.
//
// In Python, with orders as (uuid_text, credit_code) pairs:
//
//	score = lambda u: hmac.new(seed.encode(), u.encode(), hashlib.sha256).digest()
//	for code in sorted({c for _, c in orders}):
//	    drawn = sorted((score(u), u) for u, c in orders if c == code)[:k]
//
// The seed should be published before the period ends and not be
// predictable by the units audited (for example the result of a public
// lottery draw). Each order must appear once in the listing. Memory is k
// orders per unit. An empty seed or a perUnit below 1 is refused with
// ErrInvalid; an error of the listing stops the audit and is returned
// wrapped.
func Audit(seed string, perUnit int, p Period, orders iter.Seq2[*WorkOrder, error]) (*AuditSample, error) {
	if seed == "" || perUnit < 1 {
		return nil, fmt.Errorf("evaluation: audit: %w: the seed must be set and the sample size at least 1 (got %d)", ErrInvalid, perUnit)
	}
	s := &AuditSample{Seed: seed, PerUnit: perUnit, Period: p, Method: AuditMethod}
	mac := hmac.New(sha256.New, []byte(seed))
	strata := map[creditcode.Code]*stratum{}
	for w, err := range orders {
		if err != nil {
			return nil, fmt.Errorf("evaluation: audit: %w", err)
		}
		if w == nil || !p.Contains(w.ReceivedAt) {
			continue
		}
		u, ok := w.HandlingUnit()
		if !ok || u.CreditCode.IsZero() {
			s.Unassigned++
			continue
		}
		st := strata[u.CreditCode]
		if st == nil {
			st = &stratum{}
			strata[u.CreditCode] = st
		}
		st.population++
		st.offer(perUnit, candidate{score: auditScore(mac, w.ID), id: w.ID.String(), order: w.ID, number: w.Number, unit: u})
	}
	for _, code := range slices.Sorted(maps.Keys(strata)) {
		st := strata[code]
		out := Stratum{Unit: st.drawn[0].unit, Population: st.population}
		for _, c := range st.drawn {
			out.Drawn = append(out.Drawn, Draw{Order: c.order, Number: c.number, Score: hex.EncodeToString(c.score[:])})
		}
		s.Strata = append(s.Strata, out)
	}
	return s, nil
}

// AuditScore returns the score of an order under a seed, as Audit computes
// it, in hex: for an auditor's own check.
func AuditScore(seed string, order uuid.UUID) string {
	s := auditScore(hmac.New(sha256.New, []byte(seed)), order)
	return hex.EncodeToString(s[:])
}

func auditScore(mac hash.Hash, id uuid.UUID) [32]byte {
	mac.Reset()
	mac.Write([]byte(id.String())) // the canonical lower-case form
	var out [32]byte
	mac.Sum(out[:0])
	return out
}

type candidate struct {
	score  [32]byte
	id     string
	order  uuid.UUID
	number string
	unit   matter.Department
}

func (c candidate) compare(o candidate) int {
	return cmp.Or(bytes.Compare(c.score[:], o.score[:]), strings.Compare(c.id, o.id))
}

// stratum keeps the k smallest candidates seen, sorted.
type stratum struct {
	population int
	drawn      []candidate
}

func (s *stratum) offer(k int, c candidate) {
	if len(s.drawn) == k && c.compare(s.drawn[k-1]) >= 0 {
		return
	}
	i, _ := slices.BinarySearchFunc(s.drawn, c, candidate.compare)
	if len(s.drawn) == k {
		s.drawn = s.drawn[:k-1]
	}
	s.drawn = slices.Insert(s.drawn, i, c)
}
