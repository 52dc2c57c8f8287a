package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/onething-gov/onething/evaluation"
	esql "github.com/onething-gov/onething/evaluation/sqlstore"
	"github.com/onething-gov/onething/matter"
	msql "github.com/onething-gov/onething/matter/sqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCrash builds the server, posts applications and reviews concurrently,
// kills the process with SIGKILL mid-stream, restarts it on the same SQLite
// file and checks that every acknowledged (2xx) write is there exactly once,
// and that retrying every key, acknowledged or not, makes no duplicate.
func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the server binary")
	}
	t.Parallel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "server")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	db := filepath.Join(dir, "onething.db")

	start := func() (*exec.Cmd, string) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		addr := ln.Addr().String()
		ln.Close()
		cmd := exec.Command(bin, "-addr", addr, "-db", db, "-dev")
		var buf bytes.Buffer
		logs := &lockedWriter{w: &buf}
		cmd.Stderr = logs
		require.NoError(t, cmd.Start())
		for i := 0; ; i++ {
			resp, err := http.Get("http://" + addr + "/healthz")
			if err == nil {
				resp.Body.Close()
				break
			}
			if i == 200 {
				logs.mu.Lock()
				t.Fatalf("server did not start: %s", buf.String())
			}
			time.Sleep(50 * time.Millisecond)
		}
		return cmd, "http://" + addr
	}
	cmd, base := start()
	tokens := readTokens(t, filepath.Join(dir, "demo-tokens.json"))
	client := &http.Client{Timeout: 10 * time.Second}
	post := func(base, path, who, key string, body any) (int, map[string]any) {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest("POST", base+path, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+tokens[who])
		req.Header.Set("Idempotency-Key", key)
		resp, err := client.Do(req)
		if err != nil {
			return 0, nil
		}
		defer resp.Body.Close()
		out, err := io.ReadAll(resp.Body)
		if err != nil {
			return 0, nil
		}
		var m map[string]any
		_ = json.Unmarshal(out, &m)
		return resp.StatusCode, m
	}

	type ack struct{ key, id, kind string }
	var (
		mu    sync.Mutex
		acked []ack
		keys  []string
		n     atomic.Int64
	)
	review := func(app map[string]any) map[string]any {
		a := app["application"].(map[string]any)
		part := a["parts"].([]any)[0].(map[string]any)
		return map[string]any{
			"mode": "per_service", "application": a["id"], "matter": part["matter"], "bundle": a["bundle"],
			"unit": part["office"], "division": a["division"], "channel": a["channel"],
			"served_at": time.Now().Add(-time.Minute).Format(time.RFC3339), "rating": 5,
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Go(func() {
			for i := 0; ctx.Err() == nil; i++ {
				key := fmt.Sprintf("crash-%d-%d", w, i)
				mu.Lock()
				keys = append(keys, key)
				mu.Unlock()
				st, app := post(base, "/v1/applications", "citizen", key, retireApplication())
				if st != 201 {
					continue
				}
				n.Add(1)
				mu.Lock()
				acked = append(acked, ack{key, app["id"].(string), "application"})
				mu.Unlock()
				if st, rv := post(base, "/v1/reviews", "citizen", key+"-r", review(app)); st == 201 {
					mu.Lock()
					acked = append(acked, ack{key + "-r", rv["review"].(map[string]any)["id"].(string), "review"})
					mu.Unlock()
				}
			}
		})
	}
	for n.Load() < 150 {
		time.Sleep(10 * time.Millisecond)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
	_ = cmd.Wait()
	cancel()
	wg.Wait()
	t.Logf("killed after %d acknowledged applications, %d writes acknowledged, %d application keys tried", n.Load(), len(acked), len(keys))

	// Restart and retry every application key: the acknowledged ones
	// replay their id; none makes a second application.
	cmd, base = start()
	replayed := map[string]string{}
	for _, k := range keys {
		st, app := post(base, "/v1/applications", "citizen", k, retireApplication())
		require.Equal(t, 201, st, "retry of %s: %v", k, app)
		replayed[k] = app["id"].(string)
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	_ = cmd.Wait()

	sdb, err := sql.Open("sqlite", msql.SQLiteDSN(db))
	require.NoError(t, err)
	defer sdb.Close()
	ms, err := msql.New(t.Context(), sdb, msql.SQLite)
	require.NoError(t, err)
	es, err := esql.New(t.Context(), sdb, esql.SQLite)
	require.NoError(t, err)
	apps := map[string]int{}
	for a, err := range ms.ListApplications(t.Context(), matter.ApplicationFilter{}) {
		require.NoError(t, err)
		apps[a.ID.String()]++
	}
	reviews := map[string]int{}
	for r, err := range es.ListReviews(t.Context(), evaluation.ReviewFilter{}) {
		require.NoError(t, err)
		reviews[r.ID.String()]++
	}
	assert.Len(t, apps, len(keys), "one application per key, no more")
	for _, a := range acked {
		switch a.kind {
		case "application":
			assert.Equal(t, 1, apps[a.id], "acknowledged application %s", a.id)
			assert.Equal(t, a.id, replayed[a.key], "the retry of %s returned another application", a.key)
		case "review":
			assert.Equal(t, 1, reviews[a.id], "acknowledged review %s", a.id)
		}
	}
}
