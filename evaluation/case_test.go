package evaluation_test

import (
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

// badCase opens the case of a bad window review received at at.
func badCase(t *testing.T, realName bool, received time.Time) *evaluation.Case {
	t.Helper()
	r := windowReview(evaluation.VeryDissatisfied, received.Add(-2*time.Hour), received.Add(-time.Hour))
	if !realName {
		r.RealName, r.Reviewer = false, &evaluation.Reviewer{Device: "QR-LW-07"}
	}
	c, err := evaluation.NewCase(evaluation.DefaultConfig(), r, received, "莱芜区好差评办")
	require.NoError(t, err)
	return c
}

func TestCaseDeadlinesAroundNationalDay(t *testing.T) {
	// Received on Wednesday 2026-09-30: the 国庆 holiday runs 10-01 to 10-07;
	// the first working day after is Thursday 10-08, and 10-10 (Saturday)
	// is a make-up working day.
	c := badCase(t, true, at(9, 30, 16, 20))
	assert.Equal(t, "2026-10-08", c.ContactDue.String())
	assert.Equal(t, "2026-10-13", c.RectifyDue.String())
	assert.Equal(t, evaluation.CaseReceived, c.State)

	d, ok := c.Pending()
	require.True(t, ok)
	assert.Equal(t, evaluation.DeadlineContact, d.Deadline)
	_, late := c.Overdue(at(10, 8, 23, 59))
	assert.False(t, late, "the due day itself is in time")
	d, late = c.Overdue(at(10, 9, 0, 0))
	assert.True(t, late)
	assert.Equal(t, evaluation.DeadlineContact, d.Deadline)

	cfg := evaluation.DefaultConfig()
	require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseVerifying, At: at(10, 8, 9, 30), By: "LW0012", Note: "电话联系评价人"}))
	require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseRectifying, At: at(10, 8, 11, 0), By: "LW0012"}))
	d, late = c.Overdue(at(10, 14, 9, 0))
	assert.True(t, late)
	assert.Equal(t, evaluation.DeadlineRectify, d.Deadline)
	// Rectified on the make-up Saturday 10-10: the revisit is due 5 working
	// days later (10-12 to 10-16).
	require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseRectified, At: at(10, 10, 15, 0), By: "LW0012", Note: "增开两个窗口，已电话答复"}))
	assert.Equal(t, "2026-10-16", c.RevisitDue.String())
	d, ok = c.Pending()
	require.True(t, ok)
	assert.Equal(t, evaluation.Due{Deadline: evaluation.DeadlineRevisit, Date: matter.DateOf(2026, 10, 16)}, d)
	require.ErrorIs(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseClosed, At: at(10, 12, 9, 0), By: "LW0012"}), evaluation.ErrTransition,
		"a real-name case is revisited before closing")
	require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseRevisited, At: at(10, 12, 10, 0), By: "莱芜区好差评办", Note: "评价人表示满意"}))
	require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseClosed, At: at(10, 12, 10, 5), By: "莱芜区好差评办"}))
	_, ok = c.Pending()
	assert.False(t, ok)
	assert.Len(t, c.History, 6)
	for i, h := range c.History[1:] {
		assert.Equal(t, c.History[i].To, h.From, "history links")
		assert.NotEmpty(t, h.By)
	}
}

func TestCaseAnonymousClosesAfterRectified(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	c := badCase(t, false, at(3, 2, 10, 0))
	for _, s := range []evaluation.CaseState{evaluation.CaseVerifying, evaluation.CaseRectifying, evaluation.CaseRectified, evaluation.CaseClosed} {
		require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: s, At: at(3, 3, 10, 0), By: "LW0012", Note: "已处理"}), s)
	}
	assert.True(t, c.RevisitDue.IsZero())
}

func TestCaseAppeal(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	t.Run("upheld", func(t *testing.T) {
		c := badCase(t, true, at(3, 2, 10, 0))
		require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseAppealed, At: at(3, 2, 15, 0), By: "LW0012", Note: "评价人误点，录音为证"}))
		err := c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseExcluded, At: at(3, 4, 9, 0), By: "济南市好差评办"})
		require.ErrorIs(t, err, evaluation.ErrTransition, "an exclusion needs its reasons and kind")
		require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseExcluded, At: at(3, 4, 9, 0), By: "济南市好差评办", Note: "回访确认为误评", Kind: evaluation.Mistaken}))
		require.NotNil(t, c.Exclusion)
		assert.Equal(t, evaluation.Exclusion{Kind: evaluation.Mistaken, At: at(3, 4, 9, 0), By: "济南市好差评办", Reason: "回访确认为误评"}, *c.Exclusion)
		assert.True(t, c.State.Terminal())
	})
	t.Run("rejected returns to the previous state", func(t *testing.T) {
		c := badCase(t, true, at(3, 2, 10, 0))
		require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseVerifying, At: at(3, 2, 11, 0), By: "LW0012"}))
		require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseAppealed, At: at(3, 2, 15, 0), By: "LW0012", Note: "恶意差评"}))
		d, ok := c.Pending()
		require.True(t, ok, "deadlines run during an appeal")
		assert.Equal(t, evaluation.DeadlineRectify, d.Deadline)
		assert.ErrorIs(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseReceived, At: at(3, 3, 9, 0), By: "济南市好差评办", Note: "驳回"}), evaluation.ErrTransition)
		require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseVerifying, At: at(3, 3, 9, 0), By: "济南市好差评办", Note: "证据不足，驳回申诉"}))
		assert.ErrorIs(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseAppealed, At: at(3, 3, 10, 0), By: "LW0012", Note: "再次申诉"}), evaluation.ErrTransition,
			"one appeal per case")
	})
}

func TestCaseStepRules(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	c := badCase(t, true, at(3, 2, 10, 0))
	before := c.Clone()
	for name, ch := range map[string]evaluation.CaseChange{
		"no who":            {To: evaluation.CaseVerifying, At: at(3, 2, 11, 0)},
		"no time":           {To: evaluation.CaseVerifying, By: "LW0012"},
		"back in time":      {To: evaluation.CaseVerifying, At: at(3, 2, 9, 0), By: "LW0012"},
		"stale from":        {From: evaluation.CaseVerifying, To: evaluation.CaseRectifying, At: at(3, 2, 11, 0), By: "LW0012"},
		"kind off-exclude":  {To: evaluation.CaseVerifying, At: at(3, 2, 11, 0), By: "LW0012", Kind: evaluation.Malicious},
		"appeal no grounds": {To: evaluation.CaseAppealed, At: at(3, 2, 11, 0), By: "LW0012"},
	} {
		err := c.Move(cfg, ch)
		assert.ErrorIs(t, err, evaluation.ErrTransition, name)
		assert.ErrorIs(t, err, evaluation.ErrInvalid, name)
		assert.True(t, before.Equal(c), "%s: the case is unchanged", name)
	}
	require.NoError(t, c.Move(cfg, evaluation.CaseChange{From: evaluation.CaseReceived, To: evaluation.CaseVerifying, At: at(3, 2, 11, 0), By: "LW0012"}))
	require.NoError(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseRectifying, At: at(3, 2, 11, 0), By: "LW0012"}))
	assert.ErrorIs(t, c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseRectified, At: at(3, 2, 12, 0), By: "LW0012"}), evaluation.ErrTransition, "rectified needs the answer")
}

func TestNewCaseRefuses(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	good := windowReview(evaluation.Satisfied, at(3, 2, 9, 0), at(3, 2, 10, 0))
	_, err := evaluation.NewCase(cfg, good, at(3, 2, 10, 0), "LW")
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	bad := windowReview(evaluation.Dissatisfied, at(3, 2, 9, 0), at(3, 2, 10, 0))
	_, err = evaluation.NewCase(cfg, bad, at(3, 2, 10, 0), "")
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	_, err = evaluation.NewCase(cfg, nil, at(3, 2, 10, 0), "LW")
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	broken := cfg
	broken.Case.ContactDays = 0
	_, err = evaluation.NewCase(broken, bad, at(3, 2, 10, 0), "LW")
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
}

// caseAllowed is the case state machine written out independently of the
// package's table: from → to.
var caseAllowed = map[[2]evaluation.CaseState]bool{
	{evaluation.CaseReceived, evaluation.CaseVerifying}:   true,
	{evaluation.CaseVerifying, evaluation.CaseRectifying}: true,
	{evaluation.CaseRectifying, evaluation.CaseRectified}: true,
	{evaluation.CaseRectified, evaluation.CaseRevisited}:  true,
	{evaluation.CaseRectified, evaluation.CaseClosed}:     true, // anonymous only
	{evaluation.CaseRevisited, evaluation.CaseClosed}:     true,
	{evaluation.CaseReceived, evaluation.CaseAppealed}:    true,
	{evaluation.CaseVerifying, evaluation.CaseAppealed}:   true,
	{evaluation.CaseRectifying, evaluation.CaseAppealed}:  true,
	{evaluation.CaseAppealed, evaluation.CaseExcluded}:    true,
	{evaluation.CaseAppealed, evaluation.CaseReceived}:    true, // back to the state before
	{evaluation.CaseAppealed, evaluation.CaseVerifying}:   true,
	{evaluation.CaseAppealed, evaluation.CaseRectifying}:  true,
}

// pathTo lists the moves that bring a new case to state s. An appealed
// case is appealed from verifying.
var pathTo = map[evaluation.CaseState][]evaluation.CaseState{
	evaluation.CaseReceived:   nil,
	evaluation.CaseVerifying:  {evaluation.CaseVerifying},
	evaluation.CaseRectifying: {evaluation.CaseVerifying, evaluation.CaseRectifying},
	evaluation.CaseRectified:  {evaluation.CaseVerifying, evaluation.CaseRectifying, evaluation.CaseRectified},
	evaluation.CaseRevisited:  {evaluation.CaseVerifying, evaluation.CaseRectifying, evaluation.CaseRectified, evaluation.CaseRevisited},
	evaluation.CaseClosed:     {evaluation.CaseVerifying, evaluation.CaseRectifying, evaluation.CaseRectified, evaluation.CaseRevisited, evaluation.CaseClosed},
	evaluation.CaseAppealed:   {evaluation.CaseVerifying, evaluation.CaseAppealed},
	evaluation.CaseExcluded:   {evaluation.CaseAppealed, evaluation.CaseExcluded},
}

func step(to evaluation.CaseState, t time.Time) evaluation.CaseChange {
	ch := evaluation.CaseChange{To: to, At: t, By: "LW0012", Note: "说明"}
	if to == evaluation.CaseExcluded {
		ch.Kind = evaluation.Malicious
	}
	return ch
}

// TestCaseTransitionsExhaustive tries every pair of states, for real-name
// and anonymous cases: each move the table allows succeeds (but a
// rejected appeal only back to the state before it, and closing from
// rectified only when anonymous), and every other is refused with
// ErrTransition, leaving the case unchanged.
func TestCaseTransitionsExhaustive(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	states := evaluation.CaseStates()
	for _, realName := range []bool{true, false} {
		for _, from := range states {
			for _, to := range states {
				name := fmt.Sprintf("realname=%v/%s→%s", realName, from, to)
				c := badCase(t, realName, at(3, 2, 10, 0))
				when := at(3, 2, 11, 0)
				for _, s := range pathTo[from] {
					require.NoError(t, c.Move(cfg, step(s, when)), name)
				}
				require.Equal(t, from, c.State, name)
				want := caseAllowed[[2]evaluation.CaseState{from, to}]
				if from == evaluation.CaseAppealed && to != evaluation.CaseExcluded {
					want = to == evaluation.CaseVerifying
				}
				if from == evaluation.CaseRectified && to == evaluation.CaseClosed {
					want = !realName
				}
				assert.Equal(t, caseAllowed[[2]evaluation.CaseState{from, to}], evaluation.CanMoveCase(from, to), name)
				before := c.Clone()
				err := c.Move(cfg, step(to, at(3, 3, 9, 0)))
				if want {
					assert.NoError(t, err, name)
					assert.Equal(t, to, c.State, name)
				} else {
					assert.ErrorIs(t, err, evaluation.ErrTransition, name)
					assert.True(t, before.Equal(c), "%s: unchanged", name)
				}
			}
		}
	}
}

func TestOverdueListing(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	fresh := badCase(t, true, at(9, 30, 16, 20)) // contact due 10-08
	earlier := badCase(t, true, at(9, 28, 9, 0)) // contact due 9-29
	done := badCase(t, false, at(9, 28, 9, 0))
	require.NoError(t, done.Move(cfg, step(evaluation.CaseVerifying, at(9, 28, 10, 0))))
	list := func(yield func(*evaluation.Case, error) bool) {
		for _, c := range []*evaluation.Case{earlier, fresh, done} {
			if !yield(c, nil) {
				return
			}
		}
	}
	var got []*evaluation.Case
	for c, err := range evaluation.Overdue(iter.Seq2[*evaluation.Case, error](list), at(9, 30, 9, 0)) {
		require.NoError(t, err)
		got = append(got, c)
	}
	assert.Equal(t, []*evaluation.Case{earlier}, got)
	got = nil
	for c, err := range evaluation.Overdue(iter.Seq2[*evaluation.Case, error](list), at(10, 9, 9, 0)) {
		require.NoError(t, err)
		got = append(got, c)
	}
	assert.Equal(t, []*evaluation.Case{earlier, fresh}, got, "done is verifying; its rectification is due on the make-up Saturday 10-10")
}
