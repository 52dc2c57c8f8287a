package evaluation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// stalledOrder returns an order transferred three times without a lead.
func stalledOrder(t *testing.T) *evaluation.WorkOrder {
	t.Helper()
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(9, 21, 9, 0))
	for i, u := range []matter.Department{qingdaoHR, hezeHR, shinanHR, laiwuHR} {
		require.NoError(t, w.Dispatch(cfg, at(9, 21+i, 10, 0), "12345-0871", u))
		if i < 3 {
			require.NoError(t, w.SendBack(cfg, at(9, 21+i, 15, 0), "X", "非本单位职责"))
		}
	}
	return w
}

func TestProblemOrderLifecycle(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	w := stalledOrder(t)
	p, err := w.Escalate(cfg, at(9, 28, 9, 0), "济南市12345督办科", division.City)
	require.NoError(t, err)
	assert.Equal(t, evaluation.ProblemOpen, p.State)
	_, ok := p.Pending()
	assert.False(t, ok, "no follow-up deadline before the decision")

	meeting := evaluation.Consultation{
		At: at(9, 30, 15, 0), By: "济南市政务服务热线办 刘主任",
		Convened: []matter.Department{jinanHR, laiwuHR, qingdaoHR},
		Experts:  []string{"赵某（社会保险政策）"},
		Decision: "由莱芜区人社局牵头核定视同缴费年限，青岛市人社局提供原参保记录",
		Lead:     laiwuHR,
	}
	bad := meeting
	bad.Convened = nil
	assert.ErrorIs(t, p.Decide(cfg, bad), evaluation.ErrTransition)
	bad = meeting
	bad.Lead = matter.Department{}
	assert.ErrorIs(t, p.Decide(cfg, bad), evaluation.ErrTransition)

	require.NoError(t, p.Decide(cfg, meeting))
	// Five working days after 09-30: 10-08, 10-09, 10-10, 10-12, 10-13.
	assert.Equal(t, "2026-10-13", p.FollowUpDue.String())
	meeting.Convened[0] = hezeHR
	assert.Equal(t, jinanHR, p.Consultation.Convened[0], "Decide keeps its own copy")
	_, late := p.Overdue(at(10, 13, 18, 0))
	assert.False(t, late)
	d, late := p.Overdue(at(10, 14, 9, 0))
	assert.True(t, late)
	assert.Equal(t, evaluation.DeadlineFollowUp, d.Deadline)

	require.NoError(t, w.AssignLead(at(9, 30, 16, 0), "济南市12345督办科", p.Consultation.Lead))
	_, stalled := w.Stalled(cfg)
	assert.False(t, stalled)

	assert.ErrorIs(t, p.Close(at(10, 12, 9, 0), "刘主任", ""), evaluation.ErrTransition, "closing needs a note")
	require.NoError(t, p.Close(at(10, 12, 9, 0), "刘主任", "待遇已核定发放，来电人满意"))
	_, ok = p.Pending()
	assert.False(t, ok)
	assert.ErrorIs(t, p.Decide(cfg, meeting), evaluation.ErrTransition)
	assert.Len(t, p.History, 3)
}

func TestProblemOrderRedecide(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	p, err := stalledOrder(t).Escalate(cfg, at(9, 28, 9, 0), "省12345", division.Province)
	require.NoError(t, err)
	assert.ErrorIs(t, p.Close(at(9, 28, 10, 0), "省12345", "结"), evaluation.ErrTransition, "not decided yet")
	c := evaluation.Consultation{At: at(9, 29, 9, 0), By: "省12345", Convened: []matter.Department{laiwuHR}, Decision: "莱芜区牵头", Lead: laiwuHR}
	require.NoError(t, p.Decide(cfg, c))
	c.At, c.Lead, c.Decision = at(10, 14, 9, 0), jinanHR, "改由济南市人社局牵头"
	require.NoError(t, p.Decide(cfg, c))
	assert.Equal(t, jinanHR, p.Consultation.Lead)
	assert.Equal(t, "2026-10-21", p.FollowUpDue.String())
	c.At = at(10, 13, 9, 0)
	assert.ErrorIs(t, p.Decide(cfg, c), evaluation.ErrTransition, "not back in time")
}
