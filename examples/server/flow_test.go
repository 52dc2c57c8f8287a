package main

import (
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// retireApplication is 王建国's (the demo "citizen") 退休一件事 at the 济南
// 历下 window.
func retireApplication() map[string]any {
	return map[string]any{
		"bundle":  "SD-YJS-TX",
		"choices": map[string]any{},
		"at":      map[string]any{"division": "370102", "channel": "window"},
		"answers": map[string]any{
			"retirement.category":   "male",
			"retirement.early_type": "normal",
			"retirement.date":       "2025-02-01",
			"matters": map[string]any{
				"370003001000": map[string]any{"purpose": "退休"},
				"370015002000": map[string]any{"file_keeper": "济南市人才服务中心",
					"deemed_periods": []any{map[string]any{"from": "1983-07", "to": "1986-06", "employer": "济南示范机械厂"}}},
			},
		},
	}
}

// photo is a minimal JPEG header, base64: what the photo check looks at.
var photo = base64.StdEncoding.EncodeToString([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1})

// cardApplication is 李秀英's (the demo "citizen2", insured in 青岛)
// 社会保障卡居民服务一件事 at the 临沂 hall.
func cardApplication() map[string]any {
	return map[string]any{
		"bundle":  "SD-YJS-SBK",
		"choices": map[string]any{"one_of": map[string]any{"card-issue": "370015020000"}},
		"at":      map[string]any{"division": "371300", "channel": "window"},
		"answers": map[string]any{
			"person.photo": photo,
			"matters":      map[string]any{"370015020000": map[string]any{"delivery": "window"}},
		},
	}
}

func TestApplicationAccepted(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, h, b := e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "retire-1")
	require.Equal(t, 201, st, string(b))
	app := decode(t, b)
	assert.Equal(t, "accepted", app["status"])
	id := app["id"].(string)
	assert.Equal(t, "/v1/applications/"+id, h.Get("Location"))
	parts := app["parts"].(map[string]any)
	assert.Len(t, parts, 5, "资格确认, 户籍, 视同缴费, 待遇核定, 医保")
	assert.Equal(t, "退休", parts["370003001000"].(map[string]any)["purpose"])
	routes := app["routes"].(map[string]any)["routes"].([]any)
	require.Len(t, routes, 5)
	assert.Equal(t, "local", routes[0].(map[string]any)["mode"])

	// The citizen reads it back; another citizen does not see it.
	st, _, b = e.call("GET", "/v1/applications/"+id, "citizen", nil)
	require.Equal(t, 200, st, string(b))
	assert.Equal(t, "370102196501151237", decode(t, b)["applicant"].(map[string]any)["subject_id"])
	st, h, b = e.call("GET", "/v1/applications/"+id, "citizen2", nil)
	requireProblem(t, st, h, b, 404, "not-found")
	// A clerk of 济南 sees it; a clerk of 青岛 does not.
	st, _, _ = e.call("GET", "/v1/applications/"+id, "clerk@370100", nil)
	assert.Equal(t, 200, st)
	st, _, _ = e.call("GET", "/v1/applications/"+id, "clerk@370200", nil)
	assert.Equal(t, 404, st)
	st, h, b = e.call("GET", "/v1/applications/"+id, "", nil)
	requireProblem(t, st, h, b, 401, "unauthenticated")
}

func TestApplicationReviewFails(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	a := retireApplication()
	ans := a["answers"].(map[string]any)
	ans["retirement.date"] = "2025-01-01" // before 60 years 1 month
	ans["person.mobile"] = "1234"
	st, h, b := e.call("POST", "/v1/applications", "citizen", a, "Idempotency-Key", "retire-bad")
	p := requireProblem(t, st, h, b, 422, "review-failed")
	var ptrs []string
	for _, x := range p["problems"].([]any) {
		ptrs = append(ptrs, x.(map[string]any)["pointer"].(string))
	}
	assert.Contains(t, ptrs, "/answers/retirement.date")
	assert.Contains(t, ptrs, "/answers/person.mobile")
	// Nothing stored, and the key is free for the corrected application.
	st, _, b = e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "retire-bad")
	assert.Equal(t, 201, st, string(b))
}

func TestApplicationIdempotency(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, _, b := e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "same")
	require.Equal(t, 201, st, string(b))
	first := decode(t, b)["id"]
	st, h, b := e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "same")
	require.Equal(t, 201, st, string(b))
	assert.Equal(t, first, decode(t, b)["id"])
	assert.Equal(t, "true", h.Get("Idempotent-Replayed"))

	// Another body under the same key.
	other := retireApplication()
	other["at"] = map[string]any{"division": "370116", "channel": "window"}
	st, h, b = e.call("POST", "/v1/applications", "citizen", other, "Idempotency-Key", "same")
	requireProblem(t, st, h, b, 422, "idempotency-key-reused")
	// No key.
	st, h, b = e.call("POST", "/v1/applications", "citizen", retireApplication())
	requireProblem(t, st, h, b, 400, "idempotency-key-required")

	// Concurrent retries make one application.
	var wg sync.WaitGroup
	ids := make([]any, 8)
	for i := range ids {
		wg.Go(func() {
			st, _, b := e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "race")
			if st == 201 {
				ids[i] = decode(t, b)["id"]
			}
		})
	}
	wg.Wait()
	for _, id := range ids {
		assert.Equal(t, ids[0], id)
	}
	n := 0
	for range e.s.matters.ListApplications(t.Context(), applicationsOf("370102196501151237")) {
		n++
	}
	assert.Equal(t, 2, n, "one for key same, one for key race")
}

func TestApplicationChecks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tests := []struct {
		name, who string
		change    func(map[string]any)
		status    int
		code, ptr string
	}{
		{"unknown bundle", "citizen", func(a map[string]any) { a["bundle"] = "SD-YJS-XX" }, 422, "invalid", "/bundle"},
		{"bad division", "citizen", func(a map[string]any) { a["at"] = map[string]any{"division": "37010X", "channel": "window"} }, 422, "invalid", "/at/division"},
		{"bad channel", "citizen", func(a map[string]any) { a["at"] = map[string]any{"division": "370102", "channel": "pigeon"} }, 422, "invalid", "/at/channel"},
		{"bad choice", "citizen", func(a map[string]any) {
			a["choices"] = map[string]any{"one_of": map[string]any{"retirement-basis": "370003001000"}}
		}, 422, "invalid", "/choices"},
		{"someone else", "citizen", func(a map[string]any) { a["applicant"] = map[string]any{"subject_id": "370202197501201265"} }, 403, "forbidden", ""},
		{"clerk elsewhere", "clerk@370200", func(a map[string]any) { a["applicant"] = map[string]any{"subject_id": "370102196501151237"} }, 403, "forbidden", ""},
		{"clerk without applicant", "clerk@370100", func(map[string]any) {}, 422, "invalid", "/applicant/subject_id"},
		{"admin", "city-admin@370100", func(map[string]any) {}, 403, "forbidden", ""},
		{"unknown field", "citizen", func(a map[string]any) { a["colour"] = "red" }, 422, "invalid", "/colour"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := retireApplication()
			tt.change(a)
			st, h, b := e.call("POST", "/v1/applications", tt.who, a, "Idempotency-Key", fmt.Sprint("checks-", i))
			p := requireProblem(t, st, h, b, tt.status, tt.code)
			if tt.ptr != "" {
				require.NotEmpty(t, p["problems"], string(b))
				assert.Equal(t, tt.ptr, p["problems"].([]any)[0].(map[string]any)["pointer"])
			}
		})
	}
	// A clerk of 济南 takes it for 王建国.
	a := retireApplication()
	a["applicant"] = map[string]any{"subject_id": "370102196501151237"}
	st, _, b := e.call("POST", "/v1/applications", "clerk@370100", a, "Idempotency-Key", "clerk-ok")
	assert.Equal(t, 201, st, string(b))
}

func TestPrefill(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, _, b := e.call("POST", "/v1/bundles/SD-YJS-SBK/prefill", "citizen2", map[string]any{})
	require.Equal(t, 200, st, string(b))
	ans := decode(t, b)["prefilled"].(map[string]any)["answers"].(map[string]any)
	assert.Equal(t, "李秀英", ans["person.name"])
	st, h, b := e.call("POST", "/v1/bundles/SD-YJS-SBK/prefill", "", map[string]any{})
	requireProblem(t, st, h, b, 401, "unauthenticated")
	st, h, b = e.call("POST", "/v1/bundles/SD-YJS-SBK/prefill", "citizen", map[string]any{"subject": "370202197501201265"})
	requireProblem(t, st, h, b, 403, "forbidden")
	st, h, b = e.call("POST", "/v1/bundles/SD-YJS-NO/prefill", "citizen", map[string]any{})
	requireProblem(t, st, h, b, 404, "bundle-not-found")
}

func TestRoutes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, _, b := e.call("POST", "/v1/routes", "", map[string]any{
		"matter":    "370015030000",
		"applicant": map[string]any{"audience": "person", "domicile": "370100"},
		"at":        map[string]any{"division": "371300", "outlet": "371300-city-hall", "channel": "window"},
		"time":      "2026-02-13T09:30:00+08:00",
	})
	require.Equal(t, 200, st, string(b))
	rt := decode(t, b)
	assert.Equal(t, "sd-province-hrss", rt["agreement"])
	assert.Equal(t, "2026-02-24", rt["due"])
	st, h, b := e.call("POST", "/v1/routes", "", map[string]any{"matter": "nope", "at": map[string]any{"division": "371300", "channel": "window"}})
	requireProblem(t, st, h, b, 422, "invalid")
}

func TestCatalogReads(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tests := []struct {
		name, path string
		status     int
		check      func(t *testing.T, body string)
	}{
		{"bundles", "/v1/bundles", 200, func(t *testing.T, b string) { assert.Contains(t, b, "SD-YJS-TX"); assert.Contains(t, b, "SD-YJS-SBK") }},
		{"bundle", "/v1/bundles/SD-YJS-TX", 200, func(t *testing.T, b string) { assert.Contains(t, b, "退休") }},
		{"form", "/v1/bundles/SD-YJS-TX/form", 200, func(t *testing.T, b string) { assert.Contains(t, b, "person.id_number") }},
		{"form with choice", "/v1/bundles/SD-YJS-TX/form?one_of.retirement-basis=370015003000", 200, func(t *testing.T, b string) { assert.Contains(t, b, "$schema") }},
		{"form bad choice", "/v1/bundles/SD-YJS-TX/form?one_of.retirement-basis=999", 422, nil},
		{"efficiency", "/v1/bundles/SD-YJS-TX/efficiency", 200, func(t *testing.T, b string) { assert.Contains(t, b, "before") }},
		{"matters", "/v1/matters", 200, func(t *testing.T, b string) { assert.Contains(t, b, "370015001000") }},
		{"matters by kind", "/v1/matters?kind=20&division=370000", 200, nil},
		{"matters bad kind", "/v1/matters?kind=x", 422, nil},
		{"matters bad division", "/v1/matters?division=12", 422, nil},
		{"search", "/v1/matters?q=退休", 200, func(t *testing.T, b string) { assert.Contains(t, b, "hits") }},
		{"matter", "/v1/matters/370015001000", 200, func(t *testing.T, b string) { assert.Contains(t, b, "370015001000") }},
		{"matter resolved", "/v1/matters/370015001000?division=370116", 200, func(t *testing.T, b string) { assert.Contains(t, b, "莱芜区") }},
		{"matter unknown", "/v1/matters/000000000000", 404, nil},
		{"bundle unknown", "/v1/bundles/nope/form", 404, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, h, b := e.call("GET", tt.path, "", nil)
			require.Equal(t, tt.status, st, string(b))
			if st >= 400 {
				assert.Equal(t, "application/problem+json", h.Get("Content-Type"))
			}
			if tt.check != nil {
				tt.check(t, string(b))
			}
		})
	}
	st, h, _ := e.call("GET", "/v1/bundles/SD-YJS-TX/efficiency", "", nil, "Accept", "text/markdown")
	assert.Equal(t, 200, st)
	assert.True(t, strings.HasPrefix(h.Get("Content-Type"), "text/markdown"))
}
