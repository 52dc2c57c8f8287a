package main

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The OpenAPI document lists every route served, and every documented path
// is served with the documented method.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, _, b := e.call("GET", "/openapi.json", "", nil)
	require.Equal(t, 200, st)
	var doc struct {
		OpenAPI string                    `json:"openapi"`
		Paths   map[string]map[string]any `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, "3.1.0", doc.OpenAPI)

	served := map[string]bool{}
	for _, rt := range e.s.routes() {
		served[rt.method+" "+rt.path] = true
		_, ok := doc.Paths[rt.path][strings.ToLower(rt.method)]
		assert.True(t, ok, "route %s %s is not documented", rt.method, rt.path)
	}
	for path, item := range doc.Paths {
		for method := range item {
			assert.True(t, served[strings.ToUpper(method)+" "+path], "documented %s %s is not served", method, path)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(operations)) {
		assert.True(t, served[k], "operations documents %s, which is not a route", k)
	}

	// Every documented path answers (not the mux's 404 or 405).
	for path, item := range doc.Paths {
		for method := range item {
			p := strings.NewReplacer("{code}", "SD-YJS-TX", "{division}", "370100", "{id}", "01a21c92-b146-71df-ac71-f25a4b199902").Replace(path)
			st, h, b := e.call(strings.ToUpper(method), p, "", nil)
			if st == 404 || st == 405 {
				p := decode(t, b)
				assert.NotEqual(t, "no-route", p["code"], "%s %s", method, path)
				assert.NotEqual(t, "method-not-allowed", p["code"], "%s %s", method, path)
				assert.Equal(t, "application/problem+json", h.Get("Content-Type"))
			}
		}
	}
}
