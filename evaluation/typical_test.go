package evaluation_test

import (
	"iter"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/standards/creditcode"
)

func list[T any](xs []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, x := range xs {
			if !yield(x, nil) {
				return
			}
		}
	}
}

// TestSelectTypicalHandMade: of A's reviews, r5 is a consented bad review
// whose case was rectified and revisited; r6 was rectified too but its
// rater did not consent; r7's case is still open; r1 has a substantive
// comment, r3's "很好" is too short. Of B's, s1 qualifies, s4's case is
// still being rectified.
func TestSelectTypicalHandMade(t *testing.T) {
	h := handData(t)
	got, err := evaluation.SelectTypical(evaluation.DefaultTypicalRules(), evaluation.Month(2026, time.October), list(h.reviews), list(h.cases))
	require.NoError(t, err)
	require.Len(t, got, 3)
	assert.Equal(t, []uuid.UUID{hid(105), hid(101), hid(111)}, []uuid.UUID{got[0].Review, got[1].Review, got[2].Review})
	assert.True(t, got[0].Bad)
	assert.Equal(t, "李**", got[0].Reviewer)
	assert.Equal(t, "已增设退休一件事综合窗口，并向评价人说明办理进度", got[0].Answer)
	assert.False(t, got[1].Bad)
	assert.Equal(t, "张**", got[1].Reviewer)
	assert.Equal(t, "大厅引导很清楚，材料一次告知，工作人员留了电话136****5432方便咨询", got[2].Comment)
}

// TestSelectTypicalGenerated checks the rule on a generated month: at most
// two of each kind per unit, all consented, good ones with 15 characters
// of comment, bad ones verified — and the best ones chosen.
func TestSelectTypicalGenerated(t *testing.T) {
	d := genMonths(t, 21, time.October)
	oct := evaluation.Month(2026, time.October)
	got, err := evaluation.SelectTypical(evaluation.DefaultTypicalRules(), oct, list(d.reviews), list(d.cases))
	require.NoError(t, err)
	require.NotEmpty(t, got)
	byID := map[uuid.UUID]*evaluation.Review{}
	for _, r := range d.reviews {
		byID[r.ID] = r
	}
	verified := map[uuid.UUID]bool{}
	for _, c := range d.cases {
		for _, h := range c.History {
			verified[c.Review] = verified[c.Review] || h.To == evaluation.CaseRevisited || (h.To == evaluation.CaseClosed && c.State == evaluation.CaseClosed)
		}
	}
	per := map[creditcode.Code][2]int{}
	bad := 0
	for _, ty := range got {
		r := byID[ty.Review]
		require.NotNil(t, r)
		assert.True(t, r.Publish)
		assert.Nil(t, r.Exclusion)
		n := per[r.Unit.CreditCode]
		if ty.Bad {
			bad++
			n[0]++
			assert.True(t, verified[r.ID], "bad review %s verified", r.ID)
		} else {
			n[1]++
			assert.GreaterOrEqual(t, utf8.RuneCountInString(r.Comment), 15)
			// No better candidate of the unit was passed over.
			for _, o := range d.reviews {
				if o.Unit == r.Unit && o.Publish && o.Rating > r.Rating && utf8.RuneCountInString(o.Comment) >= 15 && per[r.Unit.CreditCode][1] == 0 {
					t.Errorf("review %s (%d) chosen over %s (%d)", r.ID, r.Rating, o.ID, o.Rating)
				}
			}
		}
		per[r.Unit.CreditCode] = n
		assert.LessOrEqual(t, n[0], 2)
		assert.LessOrEqual(t, n[1], 2)
	}
	assert.Positive(t, bad)
	one := evaluation.TypicalRules{PerUnit: 1, MinComment: 15}
	fewer, err := evaluation.SelectTypical(one, oct, list(d.reviews), list(d.cases))
	require.NoError(t, err)
	assert.Less(t, len(fewer), len(got))
	_, err = evaluation.SelectTypical(evaluation.TypicalRules{}, oct, list(d.reviews), list(d.cases))
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
}
