package evaluation_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// complaint is a 12345 complaint about pension qualification in 莱芜区.
func complaint(t *testing.T, received time.Time) *evaluation.WorkOrder {
	t.Helper()
	w, err := evaluation.NewWorkOrder(evaluation.Intake{
		Number: "LW2026093000123", Line: evaluation.Line12345, Category: matter.Complaint, Channel: matter.Hotline,
		Division: "370116", Matter: pensionMatter,
		Summary: "退休资格认定材料已交齐，三周未办结",
		Caller:  &evaluation.Reviewer{Name: "王淑芬", Phone: "13906341122"},
	}, received, "12345-0871")
	require.NoError(t, err)
	return w
}

func TestWorkOrderLifecycleAndCards(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(9, 30, 9, 10))
	require.NoError(t, w.Dispatch(cfg, at(9, 30, 10, 0), "12345-0871", laiwuHR))
	// Five working days after 09-30, 国庆 skipped, make-up Saturday counted:
	// 10-08, 10-09, 10-10, 10-12, 10-13.
	assert.Equal(t, "2026-10-13", w.Due.String())
	assert.Equal(t, "2026-10-12", w.YellowFrom.String())
	for _, tc := range []struct {
		day  time.Time
		want evaluation.Card
	}{
		{at(10, 9, 17, 0), evaluation.NoCard},
		{at(10, 10, 9, 0), evaluation.NoCard}, // make-up Saturday: 2 working days left
		{at(10, 11, 9, 0), evaluation.NoCard}, // Sunday
		{at(10, 12, 9, 0), evaluation.Yellow}, // 1 working day left
		{at(10, 13, 23, 59), evaluation.Yellow},
		{at(10, 14, 0, 0), evaluation.Red}, // first working day past due
	} {
		assert.Equal(t, tc.want, w.Card(tc.day), tc.day.Format(time.DateTime))
	}

	require.NoError(t, w.Accept(at(9, 30, 14, 0), "LW0031"))
	assert.Equal(t, evaluation.Red, w.Card(at(10, 14, 9, 0)))
	require.NoError(t, w.Reply(at(10, 12, 16, 0), "LW0031", "已核实，待遇已于10月12日核定"))
	assert.Equal(t, evaluation.NoCard, w.Card(at(10, 14, 9, 0)), "replied: the unit's limit is met")
	require.Len(t, w.Replies, 1)
	assert.True(t, w.Replies[0].OnTime)
	require.NoError(t, w.RecordRevisit(at(10, 13, 10, 0), "12345-0450", evaluation.Satisfied, true, ""))
	assert.ErrorIs(t, w.Rehandle(cfg, at(10, 13, 11, 0), "12345-0450", "重办"), evaluation.ErrTransition, "a satisfied, resolved revisit does not reopen")
	require.NoError(t, w.Close(at(10, 13, 11, 0), "12345-0450", ""))
	assert.Equal(t, evaluation.OrderClosed, w.State)
	assert.Equal(t, []evaluation.OrderState{"", "received", "dispatched", "handling", "replied", "revisited"},
		func() (out []evaluation.OrderState) {
			for _, h := range w.History {
				out = append(out, h.From)
			}
			return out
		}())
}

func TestWorkOrderCardsMidAutumn(t *testing.T) {
	// Dispatched Monday 2026-09-21; 中秋 09-25 to 09-27: due Tuesday 09-29.
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(9, 21, 8, 40))
	require.NoError(t, w.Dispatch(cfg, at(9, 21, 9, 0), "12345-0871", laiwuHR))
	assert.Equal(t, "2026-09-29", w.Due.String())
	assert.Equal(t, evaluation.NoCard, w.Card(at(9, 25, 9, 0)), "holiday Friday: 2 working days left")
	assert.Equal(t, evaluation.Yellow, w.Card(at(9, 28, 9, 0)))
	assert.Equal(t, evaluation.Red, w.Card(at(9, 30, 9, 0)))
	_, late := w.Overdue(at(9, 30, 9, 0))
	assert.True(t, late)
}

func TestComplaintLine2017(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	cfg.Hotline = evaluation.ComplaintLine2017()
	w := complaint(t, at(9, 30, 9, 10))
	require.NoError(t, w.Dispatch(cfg, at(9, 30, 10, 0), "TS-01", laiwuHR))
	assert.Equal(t, "2026-10-27", w.Due.String())
	require.NoError(t, w.Extend(cfg, at(10, 20, 9, 0), 7, "莱芜区人社局分管领导", "需调取1990年代档案"))
	assert.Equal(t, "2026-11-05", w.Due.String())
	assert.ErrorIs(t, w.Extend(cfg, at(10, 21, 9, 0), 1, "分管领导", "再延"), evaluation.ErrTransition, "the complaint line allows 7 days in all")
}

func TestWorkOrderSendBack(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(9, 30, 9, 10))
	require.NoError(t, w.Dispatch(cfg, at(9, 30, 10, 0), "12345-0871", qingdaoHR))
	// 10-09 is the 2nd working day after dispatch: still allowed.
	require.NoError(t, w.SendBack(cfg, at(10, 9, 17, 0), "QD0102", "户籍与参保地均在济南莱芜，非本单位职责"))
	assert.Equal(t, evaluation.OrderReceived, w.State)
	assert.True(t, w.Unit.CreditCode.IsZero())
	assert.True(t, w.Due.IsZero())
	require.NoError(t, w.Dispatch(cfg, at(10, 10, 9, 0), "12345-0871", laiwuHR))
	assert.Equal(t, 1, w.Transfers)
	assert.Equal(t, []matter.Department{qingdaoHR, laiwuHR}, w.Units)
	// 10-13 is the 2nd working day after 10-10; 10-14 the 3rd: too late.
	before := w.Clone()
	err := w.SendBack(cfg, at(10, 14, 9, 0), "LW0031", "非本单位职责")
	assert.ErrorIs(t, err, evaluation.ErrLate)
	assert.ErrorIs(t, err, evaluation.ErrTransition)
	assert.True(t, before.Equal(w))
	assert.ErrorIs(t, w.SendBack(cfg, at(10, 13, 9, 0), "LW0031", ""), evaluation.ErrTransition, "a send-back needs its reason")
}

func TestWorkOrderExtension(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(9, 30, 9, 10))
	require.NoError(t, w.Dispatch(cfg, at(9, 30, 10, 0), "12345-0871", laiwuHR))
	require.NoError(t, w.Accept(at(9, 30, 11, 0), "LW0031"))
	require.NoError(t, w.Extend(cfg, at(10, 12, 9, 0), 4, "莱芜区人社局 王局长", "需省厅核对视同缴费年限"))
	assert.Equal(t, "2026-10-19", w.Due.String())
	assert.Equal(t, "2026-10-16", w.YellowFrom.String())
	require.NoError(t, w.Extend(cfg, at(10, 16, 9, 0), 6, "莱芜区人社局 王局长", "省厅未反馈"))
	assert.Equal(t, "2026-10-27", w.Due.String())
	assert.Equal(t, 10, w.ExtendedDays)
	require.Len(t, w.Extensions, 2)
	assert.Equal(t, matter.DateOf(2026, 10, 19), w.Extensions[1].From)
	assert.ErrorIs(t, w.Extend(cfg, at(10, 20, 9, 0), 1, "王局长", "再延"), evaluation.ErrTransition, "at most 10 working days in all")
	assert.ErrorIs(t, w.Extend(cfg, at(10, 20, 9, 0), 0, "王局长", "零"), evaluation.ErrTransition)

	late := complaint(t, at(9, 30, 9, 10))
	require.NoError(t, late.Dispatch(cfg, at(9, 30, 10, 0), "12345-0871", laiwuHR))
	assert.ErrorIs(t, late.Extend(cfg, at(10, 14, 9, 0), 2, "王局长", "超期后申请"), evaluation.ErrLate, "no extension after the deadline")
	assert.ErrorIs(t, late.Extend(cfg, at(10, 9, 9, 0), 2, "王局长", ""), evaluation.ErrTransition, "an extension needs its reason")
}

func TestWorkOrderSupervision(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(9, 30, 9, 10))
	require.NoError(t, w.Dispatch(cfg, at(9, 30, 10, 0), "12345-0871", laiwuHR))
	assert.ErrorIs(t, w.Supervise(at(10, 13, 9, 0), "12345督办科", evaluation.SuperviseOverdue, ""), evaluation.ErrTransition, "not overdue yet")
	require.NoError(t, w.Supervise(at(10, 14, 9, 0), "12345督办科", evaluation.SuperviseOverdue, "红牌督办"))
	require.NoError(t, w.Accept(at(10, 14, 10, 0), "LW0031"))
	require.NoError(t, w.Reply(at(10, 15, 10, 0), "LW0031", "已办结"))
	assert.False(t, w.Replies[0].OnTime)
	assert.ErrorIs(t, w.Supervise(at(10, 15, 11, 0), "12345督办科", evaluation.SuperviseDissatisfied, ""), evaluation.ErrTransition, "no revisit yet")
	require.NoError(t, w.RecordRevisit(at(10, 16, 9, 0), "12345-0450", evaluation.Dissatisfied, false, "仍未到账"))
	require.NoError(t, w.Supervise(at(10, 16, 9, 30), "12345督办科", evaluation.SuperviseDissatisfied, ""))
	assert.ErrorIs(t, w.Supervise(at(10, 16, 9, 30), "12345督办科", evaluation.SuperviseStillDissatisfied, ""), evaluation.ErrTransition, "not re-handled yet")
	require.NoError(t, w.Rehandle(cfg, at(10, 16, 10, 0), "12345-0450", "重办"))
	assert.Equal(t, "2026-10-23", w.Due.String())
	require.NoError(t, w.Reply(at(10, 20, 10, 0), "LW0031", "已补发"))
	require.NoError(t, w.RecordRevisit(at(10, 21, 9, 0), "12345-0450", evaluation.VeryDissatisfied, false, ""))
	require.NoError(t, w.Supervise(at(10, 21, 9, 30), "12345督办科", evaluation.SuperviseStillDissatisfied, ""))
	assert.Len(t, w.Supervisions, 3)
	require.NoError(t, w.Close(at(10, 22, 9, 0), "12345-0450", "经解释，诉求超出政策范围"))
	assert.ErrorIs(t, w.Supervise(at(10, 22, 10, 0), "12345督办科", evaluation.SuperviseDissatisfied, ""), evaluation.ErrTransition, "closed orders take no supervision")
}

func TestWorkOrderStalledByTransfers(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(3, 2, 9, 0))
	day := 2
	for i, u := range []matter.Department{qingdaoHR, hezeHR, shinanHR, laiwuHR} {
		require.NoError(t, w.Dispatch(cfg, at(3, day, 10, 0), "12345-0871", u))
		if i < 3 {
			require.NoError(t, w.SendBack(cfg, at(3, day, 15, 0), "X", "非本单位职责"))
		}
		day++
	}
	assert.Equal(t, 3, w.Transfers)
	reason, stalled := w.Stalled(cfg)
	require.True(t, stalled)
	assert.Equal(t, evaluation.StallTransferred, reason)

	_, err := w.Escalate(cfg, at(3, 6, 9, 0), "济南市12345", division.County)
	assert.ErrorIs(t, err, evaluation.ErrTransition, "escalation goes up a level")
	p, err := w.Escalate(cfg, at(3, 6, 9, 0), "济南市12345", division.City)
	require.NoError(t, err)
	assert.Equal(t, p.ID, w.Problem)
	assert.Equal(t, w.ID, p.Order)
	assert.Equal(t, evaluation.StallTransferred, p.Reason)
	assert.Len(t, p.Units, 4)
	_, err = w.Escalate(cfg, at(3, 6, 9, 0), "济南市12345", division.Province)
	assert.ErrorIs(t, err, evaluation.ErrTransition, "escalated once")

	// A lead unit ends the transfer stall.
	other := w.Clone()
	require.NoError(t, other.AssignLead(at(3, 6, 10, 0), "济南市12345", jinanHR))
	_, stalled = other.Stalled(cfg)
	assert.False(t, stalled)
}

func TestWorkOrderStalledByRehandling(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	w := complaint(t, at(3, 2, 9, 0))
	require.NoError(t, w.Dispatch(cfg, at(3, 2, 10, 0), "12345-0871", laiwuHR))
	require.NoError(t, w.Accept(at(3, 2, 11, 0), "LW0031"))
	for i := range 3 {
		day := 3 + 2*i
		_, stalled := w.Stalled(cfg)
		assert.False(t, stalled, "after %d re-handlings", i)
		require.NoError(t, w.Reply(at(3, day, 10, 0), "LW0031", "已答复"))
		require.NoError(t, w.RecordRevisit(at(3, day, 15, 0), "12345-0450", evaluation.Dissatisfied, false, ""))
		require.NoError(t, w.Rehandle(cfg, at(3, day+1, 9, 0), "12345-0450", fmt.Sprintf("第%d次重办", i+1)))
	}
	reason, stalled := w.Stalled(cfg)
	require.True(t, stalled)
	assert.Equal(t, evaluation.StallRehandled, reason)
	assert.Equal(t, 3, w.Rehandled)
}

func TestWorkOrderForUnit(t *testing.T) {
	w := complaint(t, at(3, 2, 9, 0))
	assert.NotNil(t, w.ForUnit().Caller, "an ordinary complaint's caller is known to the unit that replies")
	w.Confidential = true
	assert.Nil(t, w.ForUnit().Caller)
	assert.NotNil(t, w.Caller)
	r := complaint(t, at(3, 2, 9, 0))
	r.Category = matter.Report
	assert.Nil(t, r.ForUnit().Caller)
}

func TestNewWorkOrderValidates(t *testing.T) {
	_, err := evaluation.NewWorkOrder(evaluation.Intake{Line: "12306", Category: "praise", Channel: matter.Hotline, Division: "37011", Caller: &evaluation.Reviewer{Phone: "12"}}, time.Time{}, "")
	var ve *evaluation.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, rule := range []string{"line", "category", "division", "required", "phone"} {
		assert.True(t, ve.Has(rule), "want %s in %v", rule, err)
	}
}

// orderStep is one state-changing step of a work order.
type orderStep struct {
	name string
	to   evaluation.OrderState
	do   func(w *evaluation.WorkOrder, t time.Time) error
}

func orderSteps(cfg evaluation.Config) []orderStep {
	return []orderStep{
		{"dispatch", evaluation.OrderDispatched, func(w *evaluation.WorkOrder, t time.Time) error {
			return w.Dispatch(cfg, t, "D", laiwuHR)
		}},
		{"send back", evaluation.OrderReceived, func(w *evaluation.WorkOrder, t time.Time) error {
			return w.SendBack(cfg, t, "U", "非本单位职责")
		}},
		{"accept", evaluation.OrderHandling, func(w *evaluation.WorkOrder, t time.Time) error { return w.Accept(t, "U") }},
		{"reply", evaluation.OrderReplied, func(w *evaluation.WorkOrder, t time.Time) error { return w.Reply(t, "U", "答复") }},
		{"revisit", evaluation.OrderRevisited, func(w *evaluation.WorkOrder, t time.Time) error {
			return w.RecordRevisit(t, "R", evaluation.Dissatisfied, false, "")
		}},
		{"rehandle", evaluation.OrderHandling, func(w *evaluation.WorkOrder, t time.Time) error { return w.Rehandle(cfg, t, "R", "重办") }},
		{"close", evaluation.OrderClosed, func(w *evaluation.WorkOrder, t time.Time) error { return w.Close(t, "R", "直接答复") }},
	}
}

// orderAllowed lists, per state, the steps the lifecycle allows.
var orderAllowed = map[evaluation.OrderState][]string{
	evaluation.OrderReceived:   {"dispatch", "close"},
	evaluation.OrderDispatched: {"send back", "accept"},
	evaluation.OrderHandling:   {"send back", "reply"},
	evaluation.OrderReplied:    {"revisit", "close"},
	evaluation.OrderRevisited:  {"rehandle", "close"},
	evaluation.OrderClosed:     nil,
}

// TestWorkOrderTransitionsExhaustive tries every step in every state: the
// allowed ones move to their state, all others are refused with
// ErrTransition and change nothing; CanMoveOrder agrees.
func TestWorkOrderTransitionsExhaustive(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	steps := orderSteps(cfg)
	path := map[evaluation.OrderState][]string{
		evaluation.OrderReceived:   nil,
		evaluation.OrderDispatched: {"dispatch"},
		evaluation.OrderHandling:   {"dispatch", "accept"},
		evaluation.OrderReplied:    {"dispatch", "accept", "reply"},
		evaluation.OrderRevisited:  {"dispatch", "accept", "reply", "revisit"},
		evaluation.OrderClosed:     {"dispatch", "accept", "reply", "revisit", "close"},
	}
	byName := map[string]orderStep{}
	for _, s := range steps {
		byName[s.name] = s
	}
	for _, from := range evaluation.OrderStates() {
		for _, s := range steps {
			name := fmt.Sprintf("%s/%s", from, s.name)
			w := complaint(t, at(3, 2, 9, 0))
			for _, p := range path[from] {
				require.NoError(t, byName[p].do(w, at(3, 2, 10, 0)), name)
			}
			require.Equal(t, from, w.State, name)
			before := w.Clone()
			err := s.do(w, at(3, 3, 9, 0))
			allowed := false
			for _, a := range orderAllowed[from] {
				allowed = allowed || a == s.name
			}
			assert.Equal(t, allowedTo(from, s.to), evaluation.CanMoveOrder(from, s.to), "%s: CanMoveOrder", name)
			if allowed {
				assert.NoError(t, err, name)
				assert.Equal(t, s.to, w.State, name)
				continue
			}
			assert.ErrorIs(t, err, evaluation.ErrTransition, name)
			assert.True(t, before.Equal(w), "%s: unchanged", name)
		}
	}
}

// allowedTo reports whether some allowed step leads from one state to
// another.
func allowedTo(from, to evaluation.OrderState) bool {
	for _, name := range orderAllowed[from] {
		for _, s := range orderSteps(evaluation.DefaultConfig()) {
			if s.name == name && s.to == to {
				return true
			}
		}
	}
	return false
}
