package routing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
	"github.com/onething-gov/onething/standards/division"
)

const (
	lanshan division.Code = "371302" // 临沂市兰山区
	jinshui division.Code = "410105" // 郑州市金水区
)

func TestRouteEdges(t *testing.T) {
	r := testRouter(t)
	cases := []routeCase{
		{
			name: "paper originals travel by post beside the digitised materials",
			q:    routing.Request{Matter: "990000000002", Applicant: resident(lixia), Division: jinshui, Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Proxy, receiving: jinshui, deciding: []division.Code{lixia}, agreement: "test-current",
			legs: []leg{
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
				{routing.RoleReceiving, routing.RoleDeciding, routing.Originals, routing.ViaPost, "2026-03-03"},
				{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaOnline, "2026-03-11"},
			},
			rules: []string{"mode.proxy", "leg.materials", "deadline.decision", "leg.result"},
		},
		{
			name: "enterprise matter decided at the registration place's city",
			q: routing.Request{Matter: "990000000005", Applicant: routing.Applicant{Audience: matter.Enterprise, Registration: jinshui},
				Division: lixia, Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Proxy, receiving: lixia, deciding: []division.Code{zhengzhou}, agreement: "test-current",
			rules: []string{"basis", "decider", "cross-place", "agreement"},
		},
		{
			name: "presence: decided where the applicant applies, needing no agreement",
			q:    routing.Request{Matter: "990000000004", Applicant: resident(lixia), Division: jinshui, Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Local, receiving: jinshui, deciding: []division.Code{jinshui},
		},
		{
			name: "materials by post when the matter has no online receipt",
			q:    routing.Request{Matter: "990000000010", Applicant: resident(lixia), Division: jinshui, Channel: matter.Window, At: on(2026, 3, 2)},
			mode: routing.Proxy, receiving: jinshui, deciding: []division.Code{lixia}, agreement: "test-current",
			legs: []leg{
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaPost, "2026-03-03"},
				{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaPost, "2026-03-11"},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rt, err := r.Route(context.Background(), c.q)
			require.NoError(t, err)
			checkRoute(t, c, rt)
		})
	}
}

// Mutual recognition is directional: Henan accepts Shandong's personnel
// file without the paper original, so a file that could not travel by post
// need not; Shandong does not accept Henan's.
func TestRecognitionDirectional(t *testing.T) {
	r := testRouter(t, routing.WithBasis("990000000001", routing.BasisInsured))
	rt, err := r.Route(context.Background(), routing.Request{Matter: "990000000001",
		Applicant: resident(lixia, years(jinshui, 3)), Division: lixia, Channel: matter.Window, At: on(2026, 3, 2)})
	require.NoError(t, err)
	checkRoute(t, routeCase{
		mode: routing.Proxy, receiving: lixia, deciding: []division.Code{jinshui}, agreement: "test-current",
		legs: []leg{
			{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
			{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaOnline, "2026-03-11"},
		},
		rules:      []string{"agreement", "recognition", "leg.materials"},
		recognised: []string{"resident-id-card", "personnel-file"},
	}, rt)

	_, err = r.Route(context.Background(), routing.Request{Matter: "990000000001",
		Applicant: resident(jinshui, years(lixia, 3)), Division: jinshui, Channel: matter.Window, At: on(2026, 3, 2)})
	var nr *routing.NotRoutableError
	require.ErrorAs(t, err, &nr)
	assert.Equal(t, routing.CannotTravel, nr.Reason)
	assert.Contains(t, nr.ZH, "人事档案")
}

func TestRouteEdgesNotRoutable(t *testing.T) {
	r := testRouter(t)
	cases := []struct {
		name   string
		q      routing.Request
		reason routing.Reason
	}{
		{"paper original without post", routing.Request{Matter: "990000000001", Applicant: resident(lixia), Division: jinshui, Channel: matter.Window, At: on(2026, 3, 2)}, routing.CannotTravel},
		{"physical licence without post", routing.Request{Matter: "990000000003", Applicant: resident(lixia), Division: jinshui, Channel: matter.Window, At: on(2026, 3, 2)}, routing.CannotTravel},
		{"postal application for a matter without post", routing.Request{Matter: "990000000008", Applicant: resident(lixia), Division: jinshui, Channel: matter.Post, At: on(2026, 3, 2)}, routing.CannotTravel},
		{"reach none", routing.Request{Matter: "990000000006", Applicant: resident(lixia), Division: jinshui, Channel: matter.Window, At: on(2026, 3, 2)}, routing.OutOfReach},
		{"expired agreement", routing.Request{Matter: "990000000007", Applicant: resident(lixia), Division: lanshan, Channel: matter.Window, At: on(2026, 3, 2)}, routing.Expired},
		{"matter not yet in force", routing.Request{Matter: "990000000009", Applicant: resident(lixia), Division: lixia, Channel: matter.Window, At: on(2026, 3, 2)}, routing.MatterNotInForce},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := r.Route(context.Background(), c.q)
			var nr *routing.NotRoutableError
			require.ErrorAs(t, err, &nr)
			assert.Equal(t, c.reason, nr.Reason, "%v", err)
			zh, en := nr.Reason.Names()
			assert.NotEmpty(t, zh)
			assert.NotEmpty(t, en)
		})
	}
	// The expired agreement still routed the day before it expired.
	rt, err := r.Route(context.Background(), routing.Request{Matter: "990000000007", Applicant: resident(lixia), Division: lanshan, Channel: matter.Window, At: on(2024, 12, 31)})
	require.NoError(t, err)
	assert.Equal(t, "test-expired", rt.Agreement)
}

// Three deciding places: online, the lead shares the materials with the
// others and collects their shares; at a fourth place's window, that place
// forwards to all three.
func TestRouteThreePlaces(t *testing.T) {
	r := testRouter(t, routing.WithBasis("990000000008", routing.BasisDomicile, routing.BasisInsured, routing.BasisPreviousInsured))
	who := resident(lixia, years("370200", 3), years(jinshui, 2))
	t.Run("online on the lead's platform", func(t *testing.T) {
		rt, err := r.Route(context.Background(), routing.Request{Matter: "990000000008", Applicant: who, Division: lixia, Channel: matter.Web, At: on(2026, 3, 2)})
		require.NoError(t, err)
		checkRoute(t, routeCase{
			mode: routing.Online, receiving: lixia, deciding: []division.Code{lixia, jinshui, "370200"}, agreement: "test-current",
			legs: []leg{
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
				{routing.RoleReceiving, routing.RoleDeciding, routing.Materials, routing.ViaOnline, "2026-03-03"},
				{routing.RoleDeciding, routing.RoleDeciding, routing.Part, routing.ViaOnline, "2026-03-11"},
				{routing.RoleDeciding, routing.RoleDeciding, routing.Part, routing.ViaOnline, "2026-03-11"},
				{routing.RoleDeciding, routing.RoleApplicant, routing.Result, routing.ViaOnline, "2026-03-12"},
			},
			due: "2026-03-12",
		}, rt)
	})
	t.Run("joint from a fourth place", func(t *testing.T) {
		rt, err := r.Route(context.Background(), routing.Request{Matter: "990000000008", Applicant: who, Division: lanshan, Channel: matter.Window, At: on(2026, 3, 2)})
		require.NoError(t, err)
		assert.Equal(t, routing.Joint, rt.Mode)
		assert.Equal(t, lanshan, rt.Receiving.Division)
		n := 0
		for _, l := range rt.Legs() {
			if l.Cargo == routing.Materials {
				n++
				assert.Equal(t, routing.RoleReceiving, l.From.Role)
			}
		}
		assert.Equal(t, 3, n, "the receiving place sends to each deciding place")
		var sendPart int
		for _, d := range rt.Duties() {
			if d.Task == routing.SendPart {
				sendPart++
			}
		}
		assert.Equal(t, 2, sendPart)
	})
}

func TestRouterOptions(t *testing.T) {
	t.Run("router defaults apply where the agreement sets no days", func(t *testing.T) {
		r := testRouter(t, routing.WithForwardDays(2), routing.WithReturnDays(3))
		rt, err := r.Route(context.Background(), routing.Request{Matter: "990000000002", Applicant: resident(lixia), Division: jinshui, Channel: matter.Window, At: on(2026, 2, 13)})
		require.NoError(t, err)
		legs := rt.Legs()
		assert.Equal(t, date(t, "2026-02-24"), legs[0].Due, "2 working days: 14 and 24 February")
		assert.Equal(t, 3, legs[2].Days)
	})
	t.Run("the agreement's days win over the router's", func(t *testing.T) {
		r := demoRouter(t, routing.WithForwardDays(5))
		rt, err := r.Route(context.Background(), routing.Request{Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: linyi, Channel: matter.Window, At: on(2026, 2, 13)})
		require.NoError(t, err)
		assert.Equal(t, 1, rt.Legs()[0].Days)
	})
	for name, o := range map[string]routing.Option{
		"negative forward days": routing.WithForwardDays(-1),
		"too many return days":  routing.WithReturnDays(61),
		"no bases":              routing.WithBasis("990000000008"),
		"four bases":            routing.WithBasis("990000000008", 1, 2, 3, 4),
		"unknown basis":         routing.WithBasis("990000000008", 9),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := routing.NewRouter(fakeMatters, nil, nil, o)
			assert.ErrorIs(t, err, routing.ErrInvalid)
		})
	}
	t.Run("nil catalog", func(t *testing.T) {
		_, err := routing.NewRouter(nil, nil, nil)
		assert.ErrorIs(t, err, routing.ErrInvalid)
	})
	t.Run("no agreements: only local and in-place online routes", func(t *testing.T) {
		r, err := routing.NewRouter(fakeMatters, nil, nil)
		require.NoError(t, err)
		_, err = r.Route(context.Background(), routing.Request{Matter: "990000000002", Applicant: resident(lixia), Division: jinshui, Channel: matter.Window, At: on(2026, 3, 2)})
		assert.ErrorIs(t, err, routing.ErrNotRoutable)
		rt, err := r.Route(context.Background(), routing.Request{Matter: "990000000008", Applicant: resident(lixia), Division: lixia, Channel: matter.App, At: on(2026, 3, 2)})
		require.NoError(t, err)
		assert.Equal(t, routing.Online, rt.Mode)
	})
}
