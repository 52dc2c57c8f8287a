package routing_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
)

func TestRouteJSON(t *testing.T) {
	rt, err := demoRouter(t).Route(context.Background(), routing.Request{
		Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: linyi,
		Outlet: "371300-city-hall", Channel: matter.Window, At: on(2026, 2, 13),
	})
	require.NoError(t, err)
	b, err := json.Marshal(rt)
	require.NoError(t, err)
	var got struct {
		Matter    string `json:"matter"`
		Mode      string `json:"mode"`
		Received  string `json:"received"`
		Due       string `json:"due"`
		Agreement string `json:"agreement"`
		Receiving struct {
			Division   string `json:"division"`
			Outlet     string `json:"outlet"`
			Department struct {
				Name string `json:"name"`
			} `json:"department"`
		} `json:"receiving"`
		Deciding []struct {
			Division string `json:"division"`
			Basis    string `json:"basis"`
			Tier     string `json:"tier"`
		} `json:"deciding"`
		Legs []struct {
			From  struct{ Role, Division string } `json:"from"`
			To    struct{ Role string }           `json:"to"`
			Cargo string                          `json:"cargo"`
			Via   string                          `json:"via"`
			Days  int                             `json:"days"`
		} `json:"legs"`
		Duties []struct {
			Party struct{ Role string } `json:"party"`
			Task  string                `json:"task"`
		} `json:"duties"`
		Recognised []string       `json:"recognised"`
		Explain    []routing.Step `json:"explain"`
	}
	require.NoError(t, json.Unmarshal(b, &got), string(b))
	assert.Equal(t, mUnemploymentRegister, got.Matter)
	assert.Equal(t, "proxy", got.Mode)
	assert.Equal(t, "2026-02-13", got.Received)
	assert.Equal(t, "2026-02-24", got.Due)
	assert.Equal(t, "sd-province-hrss", got.Agreement)
	assert.Equal(t, "371300", got.Receiving.Division)
	assert.Equal(t, "371300-city-hall", got.Receiving.Outlet)
	assert.NotEmpty(t, got.Receiving.Department.Name)
	require.Len(t, got.Deciding, 1)
	assert.Equal(t, "domicile", got.Deciding[0].Basis)
	assert.Equal(t, "county", got.Deciding[0].Tier)
	require.Len(t, got.Legs, 2)
	assert.Equal(t, "receiving", got.Legs[0].From.Role)
	assert.Equal(t, "materials", got.Legs[0].Cargo)
	assert.Equal(t, "online", got.Legs[0].Via)
	assert.Equal(t, "applicant", got.Legs[1].To.Role)
	assert.Equal(t, "formal_review", got.Duties[1].Task)
	assert.Equal(t, []string{"resident-id-card", "termination-certificate"}, got.Recognised)
	assert.Equal(t, "matter", got.Explain[0].Rule)
	assert.Contains(t, rt.String(), "370015030000 proxy: 371300 → 370100, due 2026-02-24")
}
