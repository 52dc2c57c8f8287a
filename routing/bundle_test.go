package routing_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
)

// 退休一件事 applied for at the 临沂 hall by a 济南 resident insured in 济南:
// the members on the 全省通办 list go by proxy and travel together; 视同缴费
// 年限认定 is not on the list (its paper file must be seen in 济南) and is
// reported as not routable.
func TestRouteBundleRetirement(t *testing.T) {
	cat, err := demo()
	require.NoError(t, err)
	b, ok := cat.Bundle("SD-YJS-TX")
	require.True(t, ok)
	sel := b.Default()
	r := demoRouter(t)

	br, err := r.RouteBundle(context.Background(), sel, routing.Request{
		Applicant: resident(jinan, years(jinan, 30)), Division: linyi, Outlet: "371300-city-hall",
		Channel: matter.Window, At: on(2026, 5, 6),
	})
	require.Error(t, err)
	assert.ErrorIs(t, err, routing.ErrNotRoutable)
	assert.Contains(t, err.Error(), mDeemedYears)
	assert.Equal(t, "SD-YJS-TX", br.Bundle)

	var routed []string
	for _, rt := range br.Routes {
		routed = append(routed, rt.Matter)
		assert.Equal(t, routing.Proxy, rt.Mode, rt.Matter)
		assert.Equal(t, jinan, rt.Deciding()[0].Division, rt.Matter)
	}
	assert.Equal(t, []string{mRetirementQualification, "370003001000", mPensionAward, "370018001000"}, routed)

	require.Len(t, br.Groups, 2, "one upload of materials, one result channel")
	mats := br.Groups[0]
	assert.Equal(t, routing.Materials, mats.Cargo)
	assert.Equal(t, routing.ViaOnline, mats.Via)
	assert.Equal(t, linyi, mats.From.Division)
	assert.Equal(t, jinan, mats.To.Division)
	assert.Len(t, mats.Members, 4)
	assert.Equal(t, date(t, "2026-05-07"), mats.Due)

	res := br.Groups[1]
	assert.Equal(t, routing.Result, res.Cargo)
	assert.Len(t, res.Members, 4)
	for _, m := range res.Members {
		assert.False(t, m.Due.Before(res.Due), "the group's due is the earliest")
		assert.False(t, m.Due.After(br.Due), "the bundle's due is the latest")
	}
}

// The same bundle in 济南 is handled locally: no legs travel, and every
// member routes.
func TestRouteBundleLocal(t *testing.T) {
	cat, err := demo()
	require.NoError(t, err)
	b, _ := cat.Bundle("SD-YJS-TX")
	br, err := demoRouter(t).RouteBundle(context.Background(), b.Default(), routing.Request{
		Applicant: resident(jinan, years(jinan, 30)), Division: jinan, Channel: matter.Window, At: on(2026, 5, 6),
	})
	require.NoError(t, err)
	assert.Len(t, br.Routes, len(b.Default().Members()))
	assert.Empty(t, br.Groups)
	for _, rt := range br.Routes {
		assert.Equal(t, routing.Local, rt.Mode, rt.Matter)
	}
}
