package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOverlays(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ov := func(days int, version int) map[string]any {
		return map[string]any{
			"places":         []any{map[string]any{"name": "青岛市市南区政务服务中心", "division": "370202", "window": "一件事窗口"}},
			"promised_limit": map[string]any{"value": days, "unit": "working_days"},
			"version":        version,
		}
	}
	// A city admin of 济南 may not touch 青岛's list.
	st, h, b := e.call("PUT", "/v1/overlays/370202/370015001000", "city-admin@370100", ov(3, 0))
	requireProblem(t, st, h, b, 403, "forbidden")
	st, h, b = e.call("PUT", "/v1/overlays/370202/370015001000", "clerk@370200", ov(3, 0))
	requireProblem(t, st, h, b, 403, "forbidden")
	st, h, b = e.call("PUT", "/v1/overlays/370202/370015001000", "", ov(3, 0))
	requireProblem(t, st, h, b, 401, "unauthenticated")

	// 青岛's admin creates it; the catalog resolves with it at once.
	st, h, b = e.call("PUT", "/v1/overlays/370202/370015001000", "city-admin@370200", ov(3, 0))
	require.Equal(t, 201, st, string(b))
	assert.Equal(t, `"1"`, h.Get("ETag"))
	st, _, b = e.call("GET", "/v1/matters/370015001000?division=370202", "", nil)
	require.Equal(t, 200, st)
	assert.Contains(t, string(b), "青岛市市南区政务服务中心")

	// A stale version conflicts; If-Match with the current one succeeds.
	st, h, b = e.call("PUT", "/v1/overlays/370202/370015001000", "city-admin@370200", ov(2, 0))
	requireProblem(t, st, h, b, 409, "version-conflict")
	st, h, b = e.call("PUT", "/v1/overlays/370202/370015001000", "city-admin@370200", ov(2, 0), "If-Match", `"7"`)
	requireProblem(t, st, h, b, 412, "version-conflict")
	st, h, b = e.call("PUT", "/v1/overlays/370202/370015001000", "city-admin@370200", ov(2, 0), "If-Match", `"1"`)
	require.Equal(t, 200, st, string(b))
	assert.Equal(t, `"2"`, h.Get("ETag"))

	// Lengthening the promised limit and adding a material break the
	// base standard: a 422 naming both fields.
	bad := ov(999, 2)
	bad["materials"] = []any{map[string]any{"name": "额外证明", "type": "extra", "need": "required", "medium": "paper", "copies": 1}}
	st, h, b = e.call("PUT", "/v1/overlays/370202/370015001000", "province-admin", bad)
	p := requireProblem(t, st, h, b, 422, "overlay-violation")
	var ptrs []string
	for _, x := range p["problems"].([]any) {
		ptrs = append(ptrs, x.(map[string]any)["pointer"].(string))
	}
	assert.Contains(t, ptrs, "/promised_limit")
	assert.Len(t, ptrs, 2, string(b))

	st, _, b = e.call("GET", "/v1/overlays/370202/370015001000", "", nil)
	require.Equal(t, 200, st)
	assert.Equal(t, float64(2), decode(t, b)["version"])
	st, _, _ = e.call("PUT", "/v1/overlays/370202/000000000000", "province-admin", ov(2, 0))
	assert.Equal(t, 404, st)
	st, _, _ = e.call("PUT", "/v1/overlays/370202/370015001000", "province-admin", map[string]any{"division": "370100"})
	assert.Equal(t, 422, st)
}
