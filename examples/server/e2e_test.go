package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The two demo bundles end to end over HTTP on SQLite: the catalog, the
// merged form, pre-fill, the application with its routes, a review of the
// service, and the monthly report that counts both.
func TestEndToEnd(t *testing.T) {
	t.Parallel()
	e := newSQLiteEnv(t)
	require.Equal(t, "sqlite", e.s.storage)
	endToEnd(t, e)
}

// TestEndToEndPostgres runs the same on PostgreSQL, in a schema of its own,
// when ONETHING_TEST_POSTGRES names a database.
func TestEndToEndPostgres(t *testing.T) {
	dsn := os.Getenv("ONETHING_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("ONETHING_TEST_POSTGRES is not set")
	}
	t.Parallel()
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	schema := fmt.Sprintf("server_test_%d", time.Now().UnixNano())
	_, err = db.Exec("CREATE SCHEMA " + schema)
	require.NoError(t, err)
	t.Cleanup(func() { _, _ = db.Exec("DROP SCHEMA " + schema + " CASCADE") })
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	e := newEnvDB(t, dsn+sep+"search_path="+schema)
	require.Equal(t, "postgres", e.s.storage)
	endToEnd(t, e)
}

func endToEnd(t *testing.T, e *testEnv) {
	tests := []struct {
		name, bundle, who string
		application       map[string]any
		// wantModes are the members' routing modes, in plan order.
		wantModes []string
		rating    int
	}{
		{"退休一件事 at the 历下 window", "SD-YJS-TX", "citizen", retireApplication(),
			[]string{"local", "local", "local", "local", "local"}, 5},
		{"社会保障卡 for a 青岛 resident at the 临沂 hall", "SD-YJS-SBK", "citizen2", cardApplication(),
			nil, 2},
	}
	for i, tt := range tests {
		// Catalog: the bundle is listed, its merged form has fewer fields
		// than its members' forms together.
		st, _, b := e.call("GET", "/v1/bundles", "", nil)
		require.Equal(t, 200, st)
		require.Contains(t, string(b), tt.bundle)
		st, h, b := e.call("GET", "/v1/bundles/"+tt.bundle+"/form", "", nil)
		require.Equal(t, 200, st, string(b))
		assert.Equal(t, "application/schema+json", h.Get("Content-Type"))
		after, err1 := strconv.Atoi(h.Get("X-Fields-After"))
		before, err2 := strconv.Atoi(h.Get("X-Fields-Before"))
		require.NoError(t, errors.Join(err1, err2))
		assert.Less(t, after, before, "多表合一 merges shared fields")
		var schema map[string]any
		require.NoError(t, json.Unmarshal(b, &schema))
		assert.Equal(t, "object", schema["type"])
		st, _, b = e.call("GET", "/v1/bundles/"+tt.bundle+"/efficiency", "", nil)
		require.Equal(t, 200, st, string(b))

		// Pre-fill knows the applicant.
		st, _, b = e.call("POST", "/v1/bundles/"+tt.bundle+"/prefill", tt.who, map[string]any{"choices": tt.application["choices"]})
		require.Equal(t, 200, st, string(b))
		pre := decode(t, b)["prefilled"].(map[string]any)["answers"].(map[string]any)
		require.NotEmpty(t, pre["person.id_number"])

		// Apply.
		st, _, b = e.call("POST", "/v1/applications", tt.who, tt.application, "Idempotency-Key", "e2e-"+tt.bundle)
		require.Equal(t, 201, st, "%s: %s", tt.name, b)
		app := decode(t, b)
		assert.Equal(t, pre["person.id_number"], app["application"].(map[string]any)["applicant"].(map[string]any)["subject_id"])
		routes := app["routes"].(map[string]any)["routes"].([]any)
		var modes []string
		for _, r := range routes {
			modes = append(modes, r.(map[string]any)["mode"].(string))
		}
		if tt.wantModes != nil {
			assert.Equal(t, tt.wantModes, modes, tt.name)
		} else {
			assert.Contains(t, modes, "proxy", "%s: a 青岛 card applied for in 临沂 is proxied: %v", tt.name, modes)
		}
		st, _, b = e.call("GET", "/v1/applications/"+app["id"].(string), tt.who, nil)
		require.Equal(t, 200, st, string(b))
		assert.Equal(t, "accepted", decode(t, b)["status"])

		// Rate the service.
		st, rv := e.rate(tt.who, "e2e-review-"+string(rune('0'+i)), app, tt.rating)
		require.Equal(t, 201, st, rv)
		assert.Equal(t, tt.rating <= 2, rv["case"] != nil)
	}

	// The monthly report counts both bundles and the bad review's case.
	st, _, b := e.call("GET", "/v1/reports/monthly?month=2026-03", "auditor", nil)
	require.Equal(t, 200, st, string(b))
	rep := decode(t, b)
	var bundles []string
	for _, x := range rep["bundles"].([]any) {
		bundles = append(bundles, x.(map[string]any)["code"].(string))
	}
	assert.Contains(t, bundles, "SD-YJS-TX")
	assert.Contains(t, bundles, "SD-YJS-SBK")
	for _, id := range []string{"370102196501151237", "370202197501201265", "王建国", "李秀英"} {
		assert.NotContains(t, string(b), id, "the report shows personal data in clear")
	}
	st, _, b = e.call("GET", "/v1/reports/monthly?month=2026-03", "auditor", nil, "Accept", "text/markdown")
	require.Equal(t, 200, st)
	assert.Contains(t, string(b), "退休")
	st, _, b = e.call("GET", "/v1/scorecards?group=bundle&period=2026-03", "province-admin", nil)
	require.Equal(t, 200, st)
	assert.Contains(t, string(b), "SD-YJS-SBK")
}

// What the server acknowledged survives a restart on the same database:
// applications, overlays and idempotency keys.
func TestRestartKeepsWrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	open := func() *testEnv {
		cfg, err := parseConfig([]string{"-db", filepath.Join(dir, "onething.db")}, io.Discard)
		require.NoError(t, err)
		require.False(t, cfg.Dev, "a non-default -db is not development mode by default")
		cfg.Dev = true
		s, err := newServer(context.Background(), cfg, newLogger(io.Discard, "text"))
		require.NoError(t, err)
		s.now = func() time.Time { return monday }
		e := &testEnv{t: t, s: s}
		e.tokens = readTokens(t, filepath.Join(dir, "demo-tokens.json"))
		e.ts = httptest.NewServer(s.Handler())
		return e
	}
	e := open()
	st, _, b := e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "restart-1")
	require.Equal(t, 201, st, string(b))
	id := decode(t, b)["id"]
	st, _, b = e.call("PUT", "/v1/overlays/370202/370015001000", "city-admin@370200", map[string]any{
		"places": []any{map[string]any{"name": "青岛市市南区政务服务中心"}},
	})
	require.Equal(t, 201, st, string(b))
	tokens := e.tokens
	e.ts.Close()
	require.NoError(t, e.s.Close())

	e = open()
	defer func() { e.ts.Close(); _ = e.s.Close() }()
	assert.Equal(t, tokens, e.tokens, "demo tokens are kept")
	st, h, b := e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "restart-1")
	require.Equal(t, 201, st, string(b))
	assert.Equal(t, "true", h.Get("Idempotent-Replayed"))
	assert.Equal(t, id, decode(t, b)["id"])
	st, _, b = e.call("GET", "/v1/matters/370015001000?division=370202", "", nil)
	require.Equal(t, 200, st)
	assert.True(t, strings.Contains(string(b), "青岛市市南区政务服务中心"))
	n := 0
	for _, err := range e.s.matters.ListApplications(t.Context(), applicationsOf("370102196501151237")) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
}
