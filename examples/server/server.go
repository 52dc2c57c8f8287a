package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/examples/catalog"
	"github.com/onething-gov/onething/examples/registry"
	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/policy"
	"github.com/onething-gov/onething/routing"
)

// server holds what the handlers share.
type server struct {
	log     *slog.Logger
	cfg     config
	storage string

	files   matter.Contents
	forms   *form.Library
	agr     *routing.Agreements
	matters matter.Store
	evals   evaluation.Store
	evalCfg evaluation.Config
	policy  *policy.Set

	// snap is the current catalog and router, rebuilt after an overlay
	// is written.
	snap   atomic.Pointer[snapshot]
	snapMu sync.Mutex

	// merged caches merged forms by selection.
	merged sync.Map

	pop     *registry.Population
	sources []form.Source
	tokens  *tokens
	idem    *idempotency
	now     func() time.Time
	closers []func() error
}

type snapshot struct {
	cat    *matter.Catalog
	router *routing.Router
}

// newServer loads the catalog and opens the stores.
func newServer(ctx context.Context, cfg config, log *slog.Logger) (*server, error) {
	s := &server{log: log, cfg: cfg, evalCfg: evaluation.DefaultConfig(), now: func() time.Time { return time.Now().In(matter.CST) }}
	var err error
	if s.files, err = matter.ReadFS(catalog.FS); err != nil {
		return nil, fmt.Errorf("catalog: %w", err)
	}
	forms, err := fs.Sub(catalog.FS, "forms")
	if err != nil {
		return nil, err
	}
	if s.forms, err = (&form.Loader{Matters: s.files.Matters}).Load(forms); err != nil {
		return nil, fmt.Errorf("forms: %w", err)
	}
	if s.agr, err = routing.LoadAgreements(catalog.FS); err != nil {
		return nil, fmt.Errorf("agreements: %w", err)
	}
	if s.policy, err = policy.LoadFS(catalog.FS, "policies"); err != nil {
		return nil, fmt.Errorf("policies: %w", err)
	}
	if err := s.openStores(ctx); err != nil {
		return nil, err
	}
	if cfg.Dev {
		s.pop = registry.Demo()
		s.sources = registry.Sources(s.pop)
	}
	if s.tokens, err = loadTokens(cfg, s.pop, log.Info); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.seed(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.rebuild(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close releases the stores.
func (s *server) Close() error {
	var errs []error
	for _, c := range slices.Backward(s.closers) {
		errs = append(errs, c())
	}
	s.closers = nil
	return errors.Join(errs...)
}

// seed writes the demo catalog's matters and overlays into an empty store,
// so that NewCatalog finds them; a store that already has them keeps its
// own (changed overlays survive restarts).
func (s *server) seed(ctx context.Context) error {
	for _, m := range s.files.Matters {
		if _, err := s.matters.GetMatter(ctx, m.Code); err == nil {
			continue
		} else if !errors.Is(err, matter.ErrNotFound) {
			return err
		}
		if _, err := s.matters.PutMatter(ctx, m, 0); err != nil && !errors.Is(err, matter.ErrConflict) {
			return fmt.Errorf("seed matter %s: %w", m.Code, err)
		}
	}
	for _, o := range s.files.Overlays {
		if _, err := s.matters.GetOverlay(ctx, o.Matter, o.Division); err == nil {
			continue
		} else if !errors.Is(err, matter.ErrNotFound) {
			return err
		}
		if _, err := s.matters.PutOverlay(ctx, o, 0); err != nil && !errors.Is(err, matter.ErrConflict) {
			return fmt.Errorf("seed overlay %s@%s: %w", o.Matter, o.Division, err)
		}
	}
	return nil
}

// rebuild makes a new catalog snapshot and router from the store.
func (s *server) rebuild(ctx context.Context) error {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	cat, err := matter.NewCatalog(ctx, s.matters, s.files)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	r, err := routing.NewRouter(routing.Memoize(cat), s.agr, nil)
	if err != nil {
		return fmt.Errorf("router: %w", err)
	}
	s.snap.Store(&snapshot{cat: cat, router: r})
	return nil
}

func (s *server) catalog() *matter.Catalog { return s.snap.Load().cat }
func (s *server) router() *routing.Router  { return s.snap.Load().router }

// mergedFor returns the merged form of a selection, cached.
func (s *server) mergedFor(sel matter.Selection) (*form.Merged, error) {
	key := sel.Bundle + "|" + strings.Join(sel.Members(), ",")
	if m, ok := s.merged.Load(key); ok {
		return m.(*form.Merged), nil
	}
	m, err := s.forms.Merge(sel)
	if err != nil {
		return nil, err
	}
	s.merged.Store(key, m)
	return m, nil
}

// route is one entry of the API: the OpenAPI test checks the document
// against this table.
type route struct {
	method, path string
	h            http.HandlerFunc
}

func (s *server) routes() []route {
	return []route{
		{"GET", "/healthz", s.healthz},
		{"GET", "/openapi.json", s.openapi},

		{"GET", "/v1/matters", s.listMatters},
		{"GET", "/v1/matters/{code}", s.getMatter},
		{"GET", "/v1/bundles", s.listBundles},
		{"GET", "/v1/bundles/{code}", s.getBundle},
		{"GET", "/v1/bundles/{code}/form", s.getBundleForm},
		{"GET", "/v1/bundles/{code}/efficiency", s.getEfficiency},
		{"POST", "/v1/bundles/{code}/prefill", s.prefill},

		{"POST", "/v1/applications", s.idempotent(s.createApplication)},
		{"GET", "/v1/applications/{id}", s.getApplication},
		{"POST", "/v1/routes", s.postRoute},
		{"PUT", "/v1/overlays/{division}/{code}", s.putOverlay},
		{"GET", "/v1/overlays/{division}/{code}", s.getOverlay},

		{"POST", "/v1/reviews", s.idempotent(s.createReview)},
		{"GET", "/v1/reviews/{id}", s.getReview},
		{"GET", "/v1/cases/{id}", s.getCase},
		{"POST", "/v1/cases/{id}/events", s.idempotent(s.caseEvent)},
		{"POST", "/v1/workorders", s.idempotent(s.createWorkOrder)},
		{"GET", "/v1/workorders/{id}", s.getWorkOrder},
		{"POST", "/v1/workorders/{id}/events", s.idempotent(s.workOrderEvent)},
		{"GET", "/v1/scorecards", s.scorecards},
		{"GET", "/v1/reports/monthly", s.monthlyReport},

		{"POST", "/v1/policies/match", s.matchPolicies},
	}
}

// Handler returns the server's HTTP handler.
func (s *server) Handler() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.HandleFunc(rt.method+" "+rt.path, rt.h)
	}
	s.mountWeb(mux)
	return s.logRequests(s.authenticate(problemMux{mux}))
}

// problemMux turns the mux's plain-text 405 into a problem document.
type problemMux struct{ mux *http.ServeMux }

func (m problemMux) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h, pattern := m.mux.Handler(r)
	if pattern == "" {
		// The mux answers 405 (or a redirect) itself; intercept 405.
		rec := &recorder{h: http.Header{}}
		h.ServeHTTP(rec, r)
		switch rec.status {
		case http.StatusMethodNotAllowed:
			w.Header().Set("Allow", rec.h.Get("Allow"))
			writeProblem(w, r, newProblem(http.StatusMethodNotAllowed, "method-not-allowed", r.Method+" is not allowed on "+r.URL.Path))
			return
		case http.StatusNotFound:
			writeProblem(w, r, newProblem(http.StatusNotFound, "no-route", "no route "+r.Method+" "+r.URL.Path))
			return
		}
		for k, v := range rec.h {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.buf.Bytes())
		return
	}
	m.mux.ServeHTTP(w, r)
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "storage": s.storage, "matters": s.catalog().Len()})
}
