package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rate posts a review of the first part of an application.
func (e *testEnv) rate(who, key string, app map[string]any, rating int) (int, map[string]any) {
	e.t.Helper()
	a := app["application"].(map[string]any)
	part := a["parts"].([]any)[0].(map[string]any)
	rv := map[string]any{
		"mode":        "per_service",
		"application": a["id"],
		"matter":      part["matter"],
		"bundle":      a["bundle"],
		"unit":        part["office"],
		"division":    a["division"],
		"channel":     a["channel"],
		"served_at":   "2026-03-02T09:30:00+08:00",
		"rating":      rating,
		"real_name":   true,
	}
	if rating <= 2 {
		rv["reason_text"] = "窗口人员解释不清，多跑了一次"
	}
	st, _, b := e.call("POST", "/v1/reviews", who, rv, "Idempotency-Key", key)
	return st, decode(e.t, b)
}

func TestReviewsCasesWorkOrders(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, _, b := e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "a1")
	require.Equal(t, 201, st, string(b))
	app := decode(t, b)

	// A bad real-name review opens a case.
	st, rv := e.rate("citizen", "r1", app, 1)
	require.Equal(t, 201, st, rv)
	require.NotNil(t, rv["case"], rv)
	review := rv["review"].(map[string]any)
	assert.Equal(t, "370102196501151237", review["reviewer"].(map[string]any)["citizen_id"])
	caseID := rv["case"].(map[string]any)["id"].(string)
	reviewID := review["id"].(string)

	// The same event again in the same mode is a duplicate.
	st, dup := e.rate("citizen", "r2", app, 5)
	assert.Equal(t, 409, st, dup)
	// Someone else's application cannot be rated by citizen2.
	st, _ = e.rate("citizen2", "r3", app, 5)
	assert.Equal(t, 422, st)

	// The unit (a clerk of 济南) never sees who rated.
	st, _, b = e.call("GET", "/v1/reviews/"+reviewID, "clerk@370100", nil)
	require.Equal(t, 200, st, string(b))
	assert.NotContains(t, string(b), "370102196501151237")
	assert.NotContains(t, string(b), "reviewer")
	st, _, b = e.call("GET", "/v1/reviews/"+reviewID, "citizen", nil)
	require.Equal(t, 200, st)
	assert.Contains(t, string(b), "370102196501151237")
	st, _, _ = e.call("GET", "/v1/reviews/"+reviewID, "clerk@370200", nil)
	assert.Equal(t, 404, st)

	// The case moves: verifying, rectifying; a refused move is a 409.
	for i, to := range []string{"verifying", "rectifying"} {
		st, _, b = e.call("POST", "/v1/cases/"+caseID+"/events", "clerk@370100", map[string]any{"to": to, "note": "已联系"}, "Idempotency-Key", "c"+string(rune('0'+i)))
		require.Equal(t, 200, st, string(b))
		assert.Equal(t, to, decode(t, b)["state"])
	}
	st, h, b := e.call("POST", "/v1/cases/"+caseID+"/events", "clerk@370100", map[string]any{"to": "closed"}, "Idempotency-Key", "c9")
	requireProblem(t, st, h, b, 409, "transition-refused")
	st, h, b = e.call("POST", "/v1/cases/"+caseID+"/events", "clerk@370100", map[string]any{"to": "nowhere"}, "Idempotency-Key", "c10")
	requireProblem(t, st, h, b, 422, "invalid")
	st, _, _ = e.call("POST", "/v1/cases/"+caseID+"/events", "clerk@370200", map[string]any{"to": "rectified", "note": "x"}, "Idempotency-Key", "c11")
	assert.Equal(t, 404, st)
	st, _, b = e.call("GET", "/v1/cases/"+caseID, "auditor", nil)
	require.Equal(t, 200, st)
	assert.Equal(t, "rectifying", decode(t, b)["state"])

	// A hotline work order: taken, dispatched, replied; the unit does not
	// see a caller who asked for confidentiality (保密).
	st, _, b = e.call("POST", "/v1/workorders", "clerk@370100", map[string]any{
		"line": "12345", "category": "complaint", "channel": "hotline", "division": "370102",
		"matter": "370015001000", "summary": "退休待遇核定进度咨询无人答复",
		"caller": map[string]any{"name": "王建国", "phone": "13905310001"}, "confidential": true,
	}, "Idempotency-Key", "w1")
	require.Equal(t, 201, st, string(b))
	woID := decode(t, b)["id"].(string)
	unit := app["application"].(map[string]any)["parts"].([]any)[0].(map[string]any)["office"]
	steps := []map[string]any{
		{"step": "dispatch", "unit": unit},
		{"step": "accept"},
		{"step": "reply", "text": "已核定，待遇将于下月发放"},
	}
	for i, s := range steps {
		st, _, b = e.call("POST", "/v1/workorders/"+woID+"/events", "city-admin@370100", s, "Idempotency-Key", "we"+string(rune('0'+i)))
		require.Equal(t, 200, st, string(b))
	}
	assert.Equal(t, "replied", decode(t, b)["state"])
	st, _, b = e.call("GET", "/v1/workorders/"+woID, "clerk@370100", nil)
	require.Equal(t, 200, st)
	assert.NotContains(t, string(b), "13905310001")
	st, h, b = e.call("POST", "/v1/workorders/"+woID+"/events", "clerk@370100", map[string]any{"step": "fly"}, "Idempotency-Key", "we9")
	requireProblem(t, st, h, b, 422, "invalid")
	st, h, b = e.call("POST", "/v1/workorders", "citizen", map[string]any{}, "Idempotency-Key", "w2")
	requireProblem(t, st, h, b, 403, "forbidden")

	// Scorecards and the monthly report count them.
	st, _, b = e.call("GET", "/v1/scorecards?group=unit&period=2026-03", "auditor", nil)
	require.Equal(t, 200, st, string(b))
	assert.Contains(t, string(b), "济南市人力资源和社会保障局")
	st, h, b = e.call("GET", "/v1/scorecards?group=planet&period=2026-13", "auditor", nil)
	p := requireProblem(t, st, h, b, 422, "invalid")
	assert.Len(t, p["problems"], 2)
	st, _, _ = e.call("GET", "/v1/scorecards", "citizen", nil)
	assert.Equal(t, 403, st)

	st, _, b = e.call("GET", "/v1/reports/monthly?month=2026-03", "province-admin", nil)
	require.Equal(t, 200, st, string(b))
	rep := decode(t, b)
	assert.Equal(t, "monthly", rep["kind"])
	assert.NotContains(t, string(b), "370102196501151237")
	st, h, b = e.call("GET", "/v1/reports/monthly?month=2026-03", "auditor", nil, "Accept", "text/markdown")
	require.Equal(t, 200, st, string(b))
	assert.True(t, strings.HasPrefix(h.Get("Content-Type"), "text/markdown"))
	assert.Contains(t, string(b), "#")
}

func TestPoliciesMatch(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, _, b := e.call("POST", "/v1/policies/match", "", map[string]any{
		"date":     "2025-03-31",
		"policies": []string{"SD-HRSS-CYDK"},
		"profile": map[string]any{
			"credit_code": "91370102MA3P7D5195", "name": "历下示例创业有限公司",
			"attributes": map[string]any{
				"size": "small", "employees": 40, "credit_blacklist": false, "social_insurance_arrears": false,
				"loan_principal": "2000000", "loan_interest_paid": map[string]any{"2024": "61234.57"},
				"eligible_new_hires": map[string]any{"2024": 4},
			},
			"account": map[string]any{"bank": "中国工商银行济南历下支行", "number": "160200110902400011"},
		},
		"explain": true,
	})
	require.Equal(t, 200, st, string(b))
	assert.Contains(t, string(b), "30617.29")
	st, h, b := e.call("POST", "/v1/policies/match", "", map[string]any{"profile": map[string]any{"credit_code": "bad"}, "date": "2025-02-30"})
	requireProblem(t, st, h, b, 422, "invalid")
}
