package main

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// brokenBodies are request bodies no route should answer with a 5xx.
func brokenBodies() map[string]string {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	deepObj := strings.Repeat(`{"a":`, 20000) + "1" + strings.Repeat("}", 20000)
	return map[string]string{
		"empty":            "",
		"null":             "null",
		"not json":         "hello",
		"truncated":        `{"bundle":"SD-YJS-TX"`,
		"array":            `[1,2,3]`,
		"string":           `"x"`,
		"number":           `12`,
		"two values":       `{} {}`,
		"wrong types":      `{"bundle":12,"choices":"x","at":[],"answers":"y","matter":true,"to":5,"step":[],"profile":1,"rating":"good","division":7,"unit":"x","line":{},"version":"1"}`,
		"unknown fields":   `{"zzz":1,"yyy":{"a":[1]}}`,
		"bad codes":        `{"bundle":"SD-YJS-TX","matter":"ZZZ","division":"99999X","at":{"division":"000000","channel":"window"},"unit":{"credit_code":"123","division":"x"},"applicant":{"subject_id":"370102196501151230","domicile":"1"}}`,
		"impossible dates": `{"date":"2025-02-30","time":"2026-13-45T99:00:00Z","served_at":"yesterday","rated_at":"2026-02-30T10:00:00+08:00","at":{"division":"370102","channel":"window"},"bundle":"SD-YJS-TX","answers":{"retirement.date":"2025-02-30"}}`,
		"deep array":       deep,
		"deep object":      deepObj,
		"huge":             `{"summary":"` + strings.Repeat("长", maxBody) + `"}`,
		"huge number":      `{"rating":1e999999,"months":99999999999999999999999}`,
		"invalid utf8":     "{\"summary\":\"\xff\xfe\"}",
		"nul":              "{\"summary\":\"a\x00b\"}",
		"answers deep":     `{"bundle":"SD-YJS-TX","at":{"division":"370102","channel":"window"},"answers":` + deepObj + `}`,
		"answers array":    `{"bundle":"SD-YJS-TX","at":{"division":"370102","channel":"window"},"answers":[1,2]}`,
		"choices bad":      `{"bundle":"SD-YJS-TX","at":{"division":"370102","channel":"window"},"choices":{"one_of":{"retirement-basis":"x"},"include":["y"]}}`,
	}
}

// TestBrokenBodies sends every broken body to every route, as every role,
// and expects a problem document, never a 5xx.
func TestBrokenBodies(t *testing.T) {
	t.Parallel()
	e := newSQLiteEnv(t)
	bodies := brokenBodies()
	paths := strings.NewReplacer("{code}", "SD-YJS-TX", "{division}", "370100", "{id}", "01a21c92-b146-71df-ac71-f25a4b199902")
	n := 0
	for _, rt := range e.s.routes() {
		path := paths.Replace(rt.path)
		for _, who := range []string{"", "citizen", "clerk@370100", "city-admin@370100", "province-admin"} {
			for name, body := range bodies {
				if rt.method == "GET" && name != "empty" {
					continue
				}
				n++
				st, h, b := e.call(rt.method, path, who, body, "Idempotency-Key", fmt.Sprint("robust-", n))
				require.Less(t, st, 500, "%s %s as %q with %s: %s", rt.method, rt.path, who, name, b)
				if st >= 400 {
					assert.Equal(t, "application/problem+json", h.Get("Content-Type"), "%s %s %s", rt.method, rt.path, name)
					p := decode(t, b)
					assert.NotEmpty(t, p["code"])
					if p["code"] == "invalid" {
						assert.NotEmpty(t, p["problems"], "%s %s %s: a validation problem names its fields: %s", rt.method, rt.path, name, b)
					}
				}
			}
		}
	}
	t.Logf("%d requests", n)
}

// Bad path values and queries.
func TestBrokenPathsAndQueries(t *testing.T) {
	t.Parallel()
	e := newSQLiteEnv(t)
	for _, p := range []string{
		"/v1/matters/%00", "/v1/matters/" + strings.Repeat("9", 5000), "/v1/matters/370015001000?division=%FF",
		"/v1/matters?kind=99999999999999999999&limit=-1", "/v1/matters?q=" + strings.Repeat("%E9%80%80", 3000),
		"/v1/bundles/..%2F..%2Fetc", "/v1/bundles/SD-YJS-TX/form?one_of.=x&include=,,,", "/v1/applications/not-a-uuid",
		"/v1/overlays/xx/yy", "/v1/scorecards?period=0000-00", "/v1/reports/monthly?month=99999-01",
		"/v1/cases/00000000-0000-0000-0000-000000000000", "/v1/workorders/%20",
	} {
		for _, who := range []string{"", "auditor"} {
			st, h, b := e.call(http.MethodGet, p, who, nil)
			require.Less(t, st, 500, "%s: %s", p, b)
			if st >= 400 {
				assert.Equal(t, "application/problem+json", h.Get("Content-Type"), p)
			}
		}
	}
	// A bad token is a 401 even on a public route.
	req, _ := http.NewRequest("GET", e.ts.URL+"/v1/bundles", nil)
	req.Header.Set("Authorization", "Bearer nope")
	resp, err := e.ts.Client().Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 401, resp.StatusCode)
}
