package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"testing"
)

// BenchmarkApplication measures POST /v1/applications in process on
// memory stores (pre-fill, pre-review, split, route, store);
// BenchmarkGetMatter is the read baseline of the same handler stack.
func BenchmarkApplication(b *testing.B) { benchApplication(b, newEnv(b)) }

// BenchmarkApplicationSQLite is the same on an SQLite file, every
// application durable before it is acknowledged.
func BenchmarkApplicationSQLite(b *testing.B) { benchApplication(b, newSQLiteEnv(b)) }

func benchApplication(b *testing.B, e *testEnv) {
	s, tok := e.s, e.tokens["citizen"]
	h := s.Handler()
	body, _ := json.Marshal(retireApplication())
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		req := httptest.NewRequest("POST", "/v1/applications", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Idempotency-Key", fmt.Sprint("bench-", i))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 201 {
			b.Fatal(rec.Code, rec.Body.String())
		}
	}
}

func BenchmarkGetMatter(b *testing.B) {
	s := newEnv(b).s
	h := s.Handler()
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/matters/370015001000", nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
		_, _ = io.Copy(io.Discard, rec.Body)
	}
}
