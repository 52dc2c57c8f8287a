// Command server is the onething reference server: the demo Shandong
// catalog, merged forms, pre-fill, pre-review, routing, reviews, work
// orders, scorecards and reports over JSON HTTP, on an embedded SQLite file.
//
//	go run ./examples/server [-addr 127.0.0.1:8080] [-db onething.db | -db postgres://… | -db memory] [-dev]
//
// In development mode (the default with the default database) it serves the
// demo data, wires the demo registries of examples/registry for pre-fill and,
// on first start, writes random demo bearer tokens to demo-tokens.json beside
// the database: citizen (王建国 of the demo population), citizen2 (李秀英),
// clerk@370100, clerk@370200, city-admin@370100, city-admin@370200,
// province-admin and auditor. Elsewhere tokens come from -tokens or
// $ONETHING_TOKENS: a JSON object from a name to a token, or to
// {"token", "role", "division", "subject"}.
//
// Quick start:
//
//	curl -s localhost:8080/v1/bundles
//	curl -s 'localhost:8080/v1/bundles/SD-YJS-TX/form?one_of.retirement-basis=370015001000'
//	TOKEN=$(sed -n 's/.*"citizen": "\(.*\)".*/\1/p' demo-tokens.json)
//	curl -s -X POST localhost:8080/v1/applications -H "Authorization: Bearer $TOKEN" \
//	  -H 'Content-Type: application/json' -H 'Idempotency-Key: quickstart-1' \
//	  -d '{"bundle":"SD-YJS-TX","at":{"division":"370102","channel":"window"},"answers":{…}}'
//
// Errors are RFC 9457 problem documents with a stable code; /openapi.json
// documents every route. It is a reference, not a product: a city system
// takes its handlers as a model and plugs in its own stores, registries and
// identity provider.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	cfg, err := parseConfig(os.Args[1:], os.Stderr)
	if err != nil {
		os.Exit(2)
	}
	log := newLogger(os.Stderr, cfg.LogFormat)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg, log); err != nil {
		log.Error("server stopped", "err", err)
		os.Exit(1)
	}
}

// run serves until ctx is done, then shuts down gracefully.
func run(ctx context.Context, cfg config, log *slog.Logger) error {
	s, err := newServer(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer s.Close()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	return serve(ctx, cfg, log, s, ln)
}

func serve(ctx context.Context, cfg config, log *slog.Logger, s *server, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("onething reference server listening", "addr", "http://"+ln.Addr().String(), "dev", cfg.Dev, "storage", s.storage)

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
