package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The generator sends at the rate asked, each request with a new
// Idempotency-Key and the token, and fails when the server does.
func TestRun(t *testing.T) {
	var mu sync.Mutex
	keys := map[string]bool{}
	status := http.StatusCreated
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		keys[r.Header.Get("Idempotency-Key")] = true
		mu.Unlock()
		assert.Equal(t, "Bearer tok_0123456789", r.Header.Get("Authorization"))
		assert.Equal(t, "/v1/applications", r.URL.Path)
		w.WriteHeader(status)
	}))
	defer ts.Close()
	tokens := filepath.Join(t.TempDir(), "demo-tokens.json")
	require.NoError(t, os.WriteFile(tokens, []byte(`{"citizen":"tok_0123456789"}`), 0o600))

	require.NoError(t, run(ts.URL, 100, 300*time.Millisecond, tokens, "citizen", "", time.Second, time.Second))
	assert.Len(t, keys, 30, "one key per request")

	status = http.StatusInternalServerError
	assert.Error(t, run(ts.URL, 100, 100*time.Millisecond, tokens, "citizen", "", time.Second, time.Second))
	assert.Error(t, run(ts.URL, 100, 100*time.Millisecond, tokens, "nobody", "", time.Second, time.Second))
}
