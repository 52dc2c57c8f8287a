package evaluation_test

import (
	"errors"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
)

// auditSeed is a published seed: the draw of a public lottery.
const auditSeed = "2026-11-01 双色球2026126期 03 07 15 22 28 31+09"

func orderList(ws []*evaluation.WorkOrder) iter.Seq2[*evaluation.WorkOrder, error] {
	return func(yield func(*evaluation.WorkOrder, error) bool) {
		for _, w := range ws {
			if !yield(w, nil) {
				return
			}
		}
	}
}

// TestAuditCrossLanguageVector checks the sample of the hand-made October
// against one computed independently, in Python, with the algorithm of the
// documentation:
//
//	score = lambda u: hmac.new(seed.encode(), u.encode(), hashlib.sha256).digest()
//	drawn = sorted((score(u), u) for u in unit_orders)[:2]
func TestAuditCrossLanguageVector(t *testing.T) {
	assert.Equal(t, "33d511a02d7afd95486151b1f6dd94c03692e3d397947f4bad0587f951172fc0", evaluation.AuditScore(auditSeed, hid(301)))
	s, err := evaluation.Audit(auditSeed, 2, evaluation.Month(2026, time.October), orderList(handData(t).orders))
	require.NoError(t, err)
	assert.Equal(t, evaluation.AuditMethod, s.Method)
	assert.Equal(t, 1, s.Unassigned, "w6 was answered at intake")
	require.Len(t, s.Strata, 2)
	assert.Equal(t, laiwuHR.CreditCode, s.Strata[0].Unit.CreditCode, "strata by credit code")
	assert.Equal(t, 5, s.Strata[0].Population)
	assert.Equal(t, []uuid.UUID{hid(301), hid(303)}, drawnIDs(s.Strata[0]))
	assert.Equal(t, "33d511a02d7afd95486151b1f6dd94c03692e3d397947f4bad0587f951172fc0", s.Strata[0].Drawn[0].Score)
	assert.Equal(t, "GD20260301", s.Strata[0].Drawn[0].Number)
	assert.Equal(t, 11, s.Strata[1].Population)
	assert.Equal(t, []uuid.UUID{hid(320), hid(314)}, drawnIDs(s.Strata[1]))
}

func drawnIDs(s evaluation.Stratum) []uuid.UUID {
	var out []uuid.UUID
	for _, d := range s.Drawn {
		out = append(out, d.Order)
	}
	return out
}

// TestAuditReproducible draws from a generated October of the 16 cities:
// the same seed gives the same sample whatever the order of the listing;
// another seed gives another sample.
func TestAuditReproducible(t *testing.T) {
	d := genMonths(t, 11, time.October)
	oct := evaluation.Month(2026, time.October)
	first, err := evaluation.Audit(auditSeed, 3, oct, orderList(d.orders))
	require.NoError(t, err)
	require.Len(t, first.Strata, 48)
	population := 0
	for _, st := range first.Strata {
		population += st.Population
		assert.LessOrEqual(t, len(st.Drawn), 3)
		assert.Len(t, st.Drawn, min(3, st.Population))
		assert.True(t, slices.IsSortedFunc(st.Drawn, func(a, b evaluation.Draw) int { return strings.Compare(a.Score, b.Score) }))
		for _, dr := range st.Drawn {
			assert.Equal(t, evaluation.AuditScore(auditSeed, dr.Order), dr.Score)
		}
	}
	assert.Equal(t, len(d.orders), population+first.Unassigned)
	assert.True(t, slices.IsSortedFunc(first.Strata, func(a, b evaluation.Stratum) int {
		return strings.Compare(string(a.Unit.CreditCode), string(b.Unit.CreditCode))
	}))

	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		shuffled := slices.Clone(d.orders)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again, err := evaluation.Audit(auditSeed, 3, oct, orderList(shuffled))
		require.NoError(t, err)
		assert.Equal(t, first, again)
	}
	other, err := evaluation.Audit(auditSeed+"!", 3, oct, orderList(d.orders))
	require.NoError(t, err)
	assert.NotEqual(t, first.Strata, other.Strata)
}

func TestAuditRefuses(t *testing.T) {
	_, err := evaluation.Audit("", 2, evaluation.Period{}, orderList(nil))
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	_, err = evaluation.Audit(auditSeed, 0, evaluation.Period{}, orderList(nil))
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	boom := errors.New("listing failed")
	_, err = evaluation.Audit(auditSeed, 2, evaluation.Period{}, failing[*evaluation.WorkOrder](boom))
	assert.ErrorIs(t, err, boom)
}
