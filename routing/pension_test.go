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

// Each clause of 国办发〔2009〕66号 art. 6 decides where 新增退休人员养老保险
// 待遇核定发放 is decided. The 户籍 is given from the civil registry; the
// request has no ID number to take it from.
func TestPensionBenefitPlace(t *testing.T) {
	r := demoRouter(t)
	cases := []struct {
		name    string
		who     routing.Applicant
		applyIn division.Code
		rule    string
		place   division.Code
		mode    routing.Mode
	}{
		{
			name:    "(1) insured where the 户籍 is: 户籍地",
			who:     resident(lixia, years(qingdao, 5), years(jinan, 9)),
			applyIn: lixia, rule: "pension.domicile", place: lixia, mode: routing.Local,
		},
		{
			name:    "(2) insured elsewhere with ≥ 10 years there: that place",
			who:     resident(linyi, years(jinan, 4), years(qingdao, 11)),
			applyIn: qingdao, rule: "pension.ten-years", place: qingdao, mode: routing.Local,
		},
		{
			name:    "(2) exactly 120 months counts, added up over two stays",
			who:     resident(linyi, routing.Insured{Division: qingdao, Months: 70}, years(jinan, 2), routing.Insured{Division: "370202", Months: 50}),
			applyIn: linyi, rule: "pension.ten-years", place: "370202", mode: routing.Proxy,
		},
		{
			name:    "(3) elsewhere with < 10 years: the previous place with ≥ 10 years",
			who:     resident(heze, years(qingdao, 12), years(jinan, 3)),
			applyIn: jinan, rule: "pension.previous", place: qingdao, mode: routing.Proxy,
		},
		{
			name:    "(3) skips an earlier place with < 10 years",
			who:     resident(heze, years(qingdao, 15), years(linyi, 4), years(jinan, 3)),
			applyIn: jinan, rule: "pension.previous", place: qingdao, mode: routing.Proxy,
		},
		{
			name:    "(4) no place with ≥ 10 years: 户籍地",
			who:     resident(heze, years(qingdao, 6), years(jinan, 7)),
			applyIn: heze, rule: "pension.domicile-fallback", place: heze, mode: routing.Local,
		},
		{
			name:    "(4) no insurance history at all: 户籍地",
			who:     resident(heze),
			applyIn: jinan, rule: "pension.domicile-fallback", place: heze, mode: routing.Proxy,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rt, err := r.Route(context.Background(), routing.Request{
				Matter: mPensionAward, Applicant: c.who, Division: c.applyIn, Channel: matter.Window, At: on(2026, 5, 6),
			})
			require.NoError(t, err)
			require.Len(t, rt.Deciding(), 1)
			assert.Equal(t, c.place, rt.Deciding()[0].Division)
			assert.Equal(t, routing.BasisBenefitPlace, rt.Deciding()[0].Basis)
			assert.Equal(t, c.mode, rt.Mode)
			var fired []string
			for _, s := range rt.Explain() {
				fired = append(fired, s.Rule)
				if s.Rule == c.rule {
					assert.Contains(t, s.ZH, "国办发〔2009〕66号第六条")
				}
			}
			assert.Contains(t, fired, c.rule)
		})
	}
}

// A benefit place in another province is beyond a province-wide matter: the
// applicant is told so rather than routed to the wrong place.
func TestPensionBenefitPlaceOutOfProvince(t *testing.T) {
	r := demoRouter(t)
	_, err := r.Route(context.Background(), routing.Request{
		Matter: mPensionAward, Applicant: resident(lixia, years(zhengzhou, 11), years(qingdao, 3)),
		Division: lixia, Channel: matter.Window, At: on(2026, 5, 6),
	})
	var nr *routing.NotRoutableError
	require.ErrorAs(t, err, &nr)
	assert.Equal(t, routing.OutOfReach, nr.Reason)
	assert.Equal(t, zhengzhou, nr.To)
}

// WithPensionMatters marks a matter as a pension matter without data.
func TestWithPensionMatters(t *testing.T) {
	r := demoRouter(t, routing.WithPensionMatters("370015006000"))
	rt, err := r.Route(context.Background(), routing.Request{
		Matter: "370015006000", Applicant: resident(heze, years(qingdao, 12), years(jinan, 3)),
		Division: qingdao, Channel: matter.Window, At: on(2026, 5, 6),
	})
	require.NoError(t, err)
	assert.Equal(t, routing.Local, rt.Mode)
	assert.Equal(t, qingdao, rt.Deciding()[0].Division)
}
