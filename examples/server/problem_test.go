package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A value a library type refuses is named by its pointer.
func TestDecodePointers(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, h, b := e.call("POST", "/v1/reviews", "clerk@370100", `{"mode":"per_visit","rating":9,"channel":"window","division":"370102"}`, "Idempotency-Key", "p1")
	p := requireProblem(t, st, h, b, 422, "invalid")
	var ptrs []string
	for _, x := range p["problems"].([]any) {
		ptrs = append(ptrs, x.(map[string]any)["pointer"].(string))
	}
	assert.Contains(t, ptrs, "/mode", string(b))
	st, h, b = e.call("POST", "/v1/workorders", "clerk@370100", `{"line":"12345","category":"gossip","channel":"hotline","division":"370102","summary":"x","caller":{"citizen_id":"123"}}`, "Idempotency-Key", "p2")
	p = requireProblem(t, st, h, b, 422, "invalid")
	ptrs = nil
	for _, x := range p["problems"].([]any) {
		ptrs = append(ptrs, x.(map[string]any)["pointer"].(string))
	}
	assert.Contains(t, ptrs, "/caller/citizen_id", string(b))
	t.Log(string(b))
}
