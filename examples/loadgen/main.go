// Command loadgen is an open-loop load generator for the reference server's
// POST /v1/applications: it sends at a fixed rate whatever the server does,
// each request with a unique Idempotency-Key, and measures each latency from
// the request's intended send time, so that a server that falls behind is
// charged for the queue it causes (no coordinated omission, which a
// closed-loop tool such as wrk suffers from).
//
//	go run ./examples/server &          # writes demo-tokens.json
//	go run ./examples/loadgen -rate 200 -duration 30s
//
// It prints the count of each status, the achieved rate and the latency
// percentiles, and exits 1 if the p99 exceeds -goal.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"sort"
	"sync"
	"time"
)

// retirement is 王建国's 退休一件事 at the 济南 历下 window: the demo
// "citizen"'s application.
const retirement = `{"bundle":"SD-YJS-TX","at":{"division":"370102","channel":"window"},
"answers":{"retirement.category":"male","retirement.early_type":"normal","retirement.date":"2025-02-01",
"matters":{"370003001000":{"purpose":"退休"},"370015002000":{"file_keeper":"济南市人才服务中心",
"deemed_periods":[{"from":"1983-07","to":"1986-06","employer":"济南示范机械厂"}]}}}}`

type result struct {
	status  int
	latency time.Duration
	err     error
}

func main() {
	url := flag.String("url", "http://127.0.0.1:8080", "server base URL")
	rate := flag.Float64("rate", 200, "requests per second")
	dur := flag.Duration("duration", 10*time.Second, "how long to send")
	tokens := flag.String("tokens", "demo-tokens.json", "demo token file (name → token)")
	who := flag.String("who", "citizen", "token name to send as")
	body := flag.String("body", "", "request body file (default: the demo 退休 application)")
	goal := flag.Duration("goal", 50*time.Millisecond, "p99 goal")
	timeout := flag.Duration("timeout", 10*time.Second, "per-request timeout")
	flag.Parse()

	if err := run(*url, *rate, *dur, *tokens, *who, *body, *goal, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(url string, rate float64, dur time.Duration, tokenFile, who, bodyFile string, goal, timeout time.Duration) error {
	if rate <= 0 || dur <= 0 {
		return fmt.Errorf("-rate and -duration must be positive")
	}
	data, err := os.ReadFile(tokenFile)
	if err != nil {
		return err
	}
	var toks map[string]string
	if err := json.Unmarshal(data, &toks); err != nil {
		return fmt.Errorf("%s: %w", tokenFile, err)
	}
	token, ok := toks[who]
	if !ok {
		return fmt.Errorf("%s has no token %q", tokenFile, who)
	}
	payload := []byte(retirement)
	if bodyFile != "" {
		if payload, err = os.ReadFile(bodyFile); err != nil {
			return err
		}
	}
	client := &http.Client{
		Timeout:   timeout,
		Transport: &http.Transport{MaxIdleConns: 4096, MaxIdleConnsPerHost: 4096, IdleConnTimeout: 90 * time.Second},
	}
	n := int(rate * dur.Seconds())
	interval := time.Duration(float64(time.Second) / rate)
	results := make([]result, n)
	run := time.Now().UnixNano()
	var wg sync.WaitGroup
	start := time.Now().Add(50 * time.Millisecond)
	for i := range n {
		intended := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(intended))
		wg.Go(func() {
			req, err := http.NewRequestWithContext(context.Background(), "POST", url+"/v1/applications", bytes.NewReader(payload))
			if err != nil {
				results[i] = result{err: err}
				return
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Idempotency-Key", fmt.Sprintf("loadgen-%d-%d", run, i))
			resp, err := client.Do(req)
			if err != nil {
				results[i] = result{err: err, latency: time.Since(intended)}
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			results[i] = result{status: resp.StatusCode, latency: time.Since(intended)}
		})
	}
	sendEnd := time.Now()
	wg.Wait()

	statuses := map[string]int{}
	lat := make([]time.Duration, 0, n)
	for _, r := range results {
		if r.err != nil {
			statuses["error"]++
			continue
		}
		statuses[fmt.Sprint(r.status)]++
		lat = append(lat, r.latency)
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	keys := make([]string, 0, len(statuses))
	for k := range statuses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("target %.0f req/s for %s: sent %d in %s (%.1f req/s)\n", rate, dur, n, sendEnd.Sub(start).Round(time.Millisecond), float64(n)/sendEnd.Sub(start).Seconds())
	for _, k := range keys {
		fmt.Printf("  status %s: %d\n", k, statuses[k])
	}
	fmt.Printf("latency from intended send time: p50 %s  p90 %s  p99 %s  max %s\n",
		pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
	p99 := pct(0.99)
	if statuses["201"] != n {
		return fmt.Errorf("%d of %d requests were not 201", n-statuses["201"], n)
	}
	if p99 > goal {
		return fmt.Errorf("p99 %s exceeds the goal %s", p99, goal)
	}
	fmt.Printf("goal p99 < %s: met\n", goal)
	return nil
}
