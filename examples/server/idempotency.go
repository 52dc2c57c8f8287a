package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/google/uuid"
)

const (
	statePending = "pending"
	stateDone    = "done"
)

// seed is what a creating request fixes before it writes anything: the id
// of the record it creates and the time it is made at. A request retried
// after a crash reuses its seed, so it rebuilds the same record, which the
// stores accept again as a no-op (creation is idempotent by id).
type seed struct {
	ID uuid.UUID
	At time.Time
}

// idemRecord is a request with an Idempotency-Key: pending while it runs
// (with its seed), then done with the first 2xx response.
type idemRecord struct {
	Fingerprint string
	State       string
	Seed        seed
	Status      int
	ContentType string
	Location    string
	Body        []byte
}

// idemStore keeps idempotency records. get returns nil and no error for an
// unknown key; reserve inserts a pending record unless the key exists;
// complete turns a pending record done; release deletes a pending record.
type idemStore interface {
	get(ctx context.Context, key string) (*idemRecord, error)
	reserve(ctx context.Context, key string, rec *idemRecord) error
	complete(ctx context.Context, key string, rec *idemRecord) error
	release(ctx context.Context, key string) error
}

type memoryIdem struct {
	mu sync.Mutex
	m  map[string]idemRecord
}

func newMemoryIdem() *memoryIdem { return &memoryIdem{m: map[string]idemRecord{}} }

func (m *memoryIdem) get(_ context.Context, key string) (*idemRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, ok := m.m[key]
	if !ok {
		return nil, nil
	}
	return &rec, nil
}

func (m *memoryIdem) reserve(_ context.Context, key string, rec *idemRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.m[key]; !ok {
		r := *rec
		r.State = statePending
		m.m[key] = r
	}
	return nil
}

func (m *memoryIdem) complete(_ context.Context, key string, rec *idemRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.m[key]; ok && old.State == statePending {
		r := *rec
		r.State, r.Seed, r.Fingerprint = stateDone, old.Seed, old.Fingerprint
		m.m[key] = r
	}
	return nil
}

func (m *memoryIdem) release(_ context.Context, key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.m[key]; ok && old.State == statePending {
		delete(m.m, key)
	}
	return nil
}

// idempotency serialises requests with the same key within the process and
// keeps their records.
type idempotency struct {
	store    idemStore
	mu       sync.Mutex
	inflight map[string]chan struct{}
}

type recorder struct {
	h      http.Header
	status int
	buf    bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.h }
func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
}
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.buf.Write(b)
}

// validKey reports whether an Idempotency-Key is 1 to 255 visible ASCII
// characters.
func validKey(k string) bool {
	if k == "" || len(k) > 255 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}

type seedKey struct{}

// seedFrom returns the request's seed: the id and time of what it creates.
func (s *server) seedFrom(ctx context.Context) seed {
	if sd, ok := ctx.Value(seedKey{}).(seed); ok {
		return sd
	}
	id, err := uuid.NewV7()
	if err != nil {
		id = uuid.New()
	}
	return seed{ID: id, At: s.now()}
}

// idempotent wraps a handler that creates something. It requires an
// Idempotency-Key header. The key, scoped to the principal and route,
// is reserved with a seed before the handler runs; the first 2xx response
// is kept and a repeated request gets it back, marked Idempotent-Replayed;
// the same key with another body is a 422. A request whose first attempt
// was cut short (a crash) runs again with the same seed.
func (s *server) idempotent(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("Idempotency-Key")
		if key == "" {
			writeProblem(w, r, newProblem(http.StatusBadRequest, "idempotency-key-required", "a POST that creates something needs an Idempotency-Key header"))
			return
		}
		if !validKey(key) {
			writeProblem(w, r, newProblem(http.StatusBadRequest, "idempotency-key-invalid", "an Idempotency-Key is 1 to 255 visible ASCII characters"))
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		if err != nil {
			writeError(w, r, err)
			return
		}
		sum := sha256.Sum256(body)
		fp := hex.EncodeToString(sum[:])
		scope := "anonymous"
		if p, ok := principalFrom(r.Context()); ok {
			scope = string(p.Role) + ":" + p.Name
		}
		full := scope + "|" + r.Method + " " + r.URL.Path + "|" + key
		ctx := r.Context()

		idem := s.idem
		// One request per key at a time in this process.
		for {
			idem.mu.Lock()
			ch, busy := idem.inflight[full]
			if !busy {
				idem.inflight[full] = make(chan struct{})
				idem.mu.Unlock()
				break
			}
			idem.mu.Unlock()
			select {
			case <-ch:
			case <-ctx.Done():
				writeProblem(w, r, newProblem(http.StatusServiceUnavailable, "cancelled", "the request was cancelled"))
				return
			}
		}
		defer func() {
			idem.mu.Lock()
			close(idem.inflight[full])
			delete(idem.inflight, full)
			idem.mu.Unlock()
		}()

		rec, err := idem.store.get(ctx, full)
		if err == nil && rec == nil {
			sd := s.seedFrom(ctx)
			if err = idem.store.reserve(ctx, full, &idemRecord{Fingerprint: fp, Seed: sd}); err == nil {
				rec, err = idem.store.get(ctx, full)
			}
		}
		if err != nil {
			writeError(w, r, err)
			return
		}
		if rec == nil {
			writeProblem(w, r, newProblem(http.StatusServiceUnavailable, "retry", "the idempotency record vanished; retry"))
			return
		}
		if rec.Fingerprint != fp {
			writeProblem(w, r, newProblem(http.StatusUnprocessableEntity, "idempotency-key-reused", "this Idempotency-Key was used with another request body"))
			return
		}
		if rec.State == stateDone {
			replay(w, rec)
			return
		}

		rw := &recorder{h: http.Header{}}
		r2 := r.WithContext(context.WithValue(ctx, seedKey{}, rec.Seed))
		r2.Body = io.NopCloser(bytes.NewReader(body))
		r2.ContentLength = int64(len(body))
		h(rw, r2)
		if rw.status == 0 {
			rw.status = http.StatusOK
		}
		// The record is written with a context that outlives the client.
		wctx := context.WithoutCancel(ctx)
		if rw.status >= 200 && rw.status < 300 {
			err = idem.store.complete(wctx, full, &idemRecord{
				Status: rw.status, ContentType: rw.h.Get("Content-Type"),
				Location: rw.h.Get("Location"), Body: rw.buf.Bytes(),
			})
		} else if rw.status < 500 {
			// A refused request leaves the key free for a corrected one.
			err = idem.store.release(wctx, full)
		}
		if err != nil {
			s.log.Error("idempotency record not written", "err", err)
		}
		for k, v := range rw.h {
			w.Header()[k] = v
		}
		w.WriteHeader(rw.status)
		_, _ = w.Write(rw.buf.Bytes())
	}
}

func replay(w http.ResponseWriter, rec *idemRecord) {
	if rec.ContentType != "" {
		w.Header().Set("Content-Type", rec.ContentType)
	}
	if rec.Location != "" {
		w.Header().Set("Location", rec.Location)
	}
	w.Header().Set("Idempotent-Replayed", "true")
	w.Header().Set("Content-Length", strconv.Itoa(len(rec.Body)))
	w.WriteHeader(rec.Status)
	_, _ = w.Write(rec.Body)
}
