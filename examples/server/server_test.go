package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testEnv is a server in development mode over a temporary directory, on a
// fixed clock, behind a real HTTP listener.
type testEnv struct {
	t      testing.TB
	s      *server
	ts     *httptest.Server
	tokens map[string]string
	logs   *bytes.Buffer
}

// monday is 2 March 2026, 10:00 China Standard Time: a working day.
var monday = time.Date(2026, 3, 2, 10, 0, 0, 0, matter.CST)

// newEnv is a server on memory stores.
func newEnv(t testing.TB) *testEnv { t.Helper(); return newEnvDB(t, "memory") }

// newSQLiteEnv is a server on an SQLite file.
func newSQLiteEnv(t testing.TB) *testEnv { t.Helper(); return newEnvDB(t, "onething.db") }

func newEnvDB(t testing.TB, db string) *testEnv {
	t.Helper()
	dir := t.TempDir()
	if db != "memory" && !strings.HasPrefix(db, "postgres") {
		db = filepath.Join(dir, db)
	}
	cfg, err := parseConfig([]string{"-db", db, "-dev", "-demo-tokens", filepath.Join(dir, "demo-tokens.json")}, io.Discard)
	require.NoError(t, err)
	logs := &bytes.Buffer{}
	s, err := newServer(context.Background(), cfg, newLogger(&lockedWriter{w: logs}, "json"))
	require.NoError(t, err)
	s.now = func() time.Time { return monday }
	t.Cleanup(func() { _ = s.Close() })
	e := &testEnv{t: t, s: s, logs: logs}
	e.tokens = readTokens(t, filepath.Join(dir, "demo-tokens.json"))
	e.ts = httptest.NewServer(s.Handler())
	t.Cleanup(e.ts.Close)
	return e
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

// call makes a request as the named demo token ("" for none) and returns
// the status, the headers and the body.
func (e *testEnv) call(method, path, who string, body any, hdr ...string) (int, http.Header, []byte) {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		require.NoError(e.t, err)
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, e.ts.URL+path, rd)
	require.NoError(e.t, err)
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if who != "" {
		tok, ok := e.tokens[who]
		require.True(e.t, ok, "no demo token %q", who)
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := e.ts.Client().Do(req)
	require.NoError(e.t, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(e.t, err)
	return resp.StatusCode, resp.Header, out
}

// decode unmarshals a body into a generic map.
func decode(t testing.TB, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m), string(b))
	return m
}

// requireProblem checks a problem document with the code.
func requireProblem(t *testing.T, status int, h http.Header, body []byte, wantStatus int, code string) map[string]any {
	t.Helper()
	require.Equal(t, wantStatus, status, string(body))
	assert.Equal(t, "application/problem+json", h.Get("Content-Type"))
	p := decode(t, body)
	assert.Equal(t, code, p["code"], string(body))
	assert.Equal(t, float64(wantStatus), p["status"])
	return p
}

func TestHealthz(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, _, b := e.call("GET", "/healthz", "", nil)
	require.Equal(t, 200, st)
	assert.Equal(t, "ok", decode(t, b)["status"])
}

func TestUnknownRouteAndMethod(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st, h, b := e.call("GET", "/v1/nothing", "", nil)
	requireProblem(t, st, h, b, 404, "no-route")
	st, h, b = e.call("DELETE", "/v1/matters", "", nil)
	requireProblem(t, st, h, b, 405, "method-not-allowed")
}

func TestSlogMasksPersonalData(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	log := newLogger(&buf, "json")
	log.Info("x", "subject", "370102196501151237", "name", "王建国", "mobile", "13905310001")
	out := buf.String()
	assert.NotContains(t, out, "370102196501151237")
	assert.NotContains(t, out, "王建国")
	assert.NotContains(t, out, "13905310001")
	assert.Contains(t, out, "370102********1237")
	_ = slog.LevelInfo
}

func applicationsOf(subject string) matter.ApplicationFilter {
	return matter.ApplicationFilter{Applicant: subject}
}

func readTokens(t testing.TB, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var m map[string]string
	require.NoError(t, json.Unmarshal(data, &m))
	return m
}
