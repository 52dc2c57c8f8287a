package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	_ "modernc.org/sqlite"             // pure-Go SQLite driver "sqlite"

	"github.com/onething-gov/onething/evaluation"
	esql "github.com/onething-gov/onething/evaluation/sqlstore"
	"github.com/onething-gov/onething/matter"
	msql "github.com/onething-gov/onething/matter/sqlstore"
)

// openStores opens the matter and evaluation stores and the idempotency
// records: in an SQLite file (the default), in PostgreSQL for a
// postgres:// URL, or in memory for -db memory (tests, throw-away demos).
func (s *server) openStores(ctx context.Context) error {
	if s.cfg.DB == "memory" {
		s.matters = matter.NewMemoryStore()
		s.evals = evaluation.NewMemoryStore()
		s.idem = &idempotency{store: newMemoryIdem(), inflight: map[string]chan struct{}{}}
		s.storage = "memory"
		s.log.Warn("-db memory: nothing survives a restart")
		return nil
	}
	driver, dsn, mdial, edial := "sqlite", msql.SQLiteDSN(s.cfg.DB), msql.SQLite, esql.SQLite
	s.storage = "sqlite"
	if s.cfg.postgres() {
		driver, dsn, mdial, edial = "pgx", s.cfg.DB, msql.Postgres, esql.Postgres
		s.storage = "postgres"
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return fmt.Errorf("open %s: %w", s.storage, err)
	}
	s.closers = append(s.closers, db.Close)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return fmt.Errorf("open %s: %w", s.storage, err)
	}
	ms, err := msql.New(ctx, db, mdial)
	if err != nil {
		db.Close()
		return fmt.Errorf("matter store: %w", err)
	}
	es, err := esql.New(ctx, db, edial)
	if err != nil {
		db.Close()
		return fmt.Errorf("evaluation store: %w", err)
	}
	if s.cfg.postgres() {
		is, err := newSQLIdem(ctx, db, nil, true)
		if err != nil {
			return fmt.Errorf("idempotency store: %w", err)
		}
		s.matters, s.evals = ms, es
		s.idem = &idempotency{store: is, inflight: map[string]chan struct{}{}}
		s.log.Info("storage opened", "kind", s.storage, "db", "postgres")
		return nil
	}
	// The idempotency records go through their own pool with
	// synchronous(NORMAL): in WAL mode their commits are not synced on their
	// own, but the log is sequential, so a reservation is on disk once the
	// application written after it is (that commit syncs the log); and a
	// completion lost in a crash only makes a retry rebuild the same record
	// from its seed.
	idb, err := sql.Open("sqlite", strings.Replace(msql.SQLiteDSN(s.cfg.DB), "synchronous(FULL)", "synchronous(NORMAL)", 1))
	if err != nil {
		return err
	}
	s.closers = append(s.closers, idb.Close)
	mu := new(sync.Mutex)
	is, err := newSQLIdem(ctx, idb, mu, false)
	if err != nil {
		return fmt.Errorf("idempotency store: %w", err)
	}
	s.matters, s.evals = serialMatter{ms, mu}, serialEvaluation{es, mu}
	s.idem = &idempotency{store: is, inflight: map[string]chan struct{}{}}
	s.log.Info("storage opened", "kind", s.storage, "db", s.cfg.DB)
	return nil
}

// sqlIdem keeps idempotency records in the server's own table.
type sqlIdem struct {
	db       *sql.DB
	postgres bool
	// mu, if set, is held by writes (SQLite's one writer).
	mu *sync.Mutex
}

func (q *sqlIdem) exec(ctx context.Context, query string, args ...any) error {
	if q.mu != nil {
		q.mu.Lock()
		defer q.mu.Unlock()
	}
	_, err := q.db.ExecContext(ctx, q.ph(query), args...)
	return err
}

func newSQLIdem(ctx context.Context, db *sql.DB, mu *sync.Mutex, postgres bool) (*sqlIdem, error) {
	_, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS server_idempotency (
	key TEXT PRIMARY KEY,
	fingerprint TEXT NOT NULL,
	state TEXT NOT NULL,
	seed_id TEXT NOT NULL,
	seed_at TEXT NOT NULL,
	status INTEGER NOT NULL,
	content_type TEXT NOT NULL,
	location TEXT NOT NULL,
	body TEXT NOT NULL
)`)
	return &sqlIdem{db: db, postgres: postgres, mu: mu}, err
}

func (q *sqlIdem) ph(s string) string {
	if !q.postgres {
		return s
	}
	out := make([]byte, 0, len(s)+8)
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '?' {
			n++
			out = append(out, '$')
			out = append(out, itoa(n)...)
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

func (q *sqlIdem) get(ctx context.Context, key string) (*idemRecord, error) {
	var rec idemRecord
	var id, at, body string
	err := q.db.QueryRowContext(ctx, q.ph(`SELECT fingerprint, state, seed_id, seed_at, status, content_type, location, body FROM server_idempotency WHERE key = ?`), key).
		Scan(&rec.Fingerprint, &rec.State, &id, &at, &rec.Status, &rec.ContentType, &rec.Location, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if rec.Seed.ID, err = uuid.Parse(id); err != nil {
		return nil, err
	}
	if rec.Seed.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
		return nil, err
	}
	rec.Seed.At = rec.Seed.At.In(matter.CST)
	rec.Body = []byte(body)
	return &rec, nil
}

func (q *sqlIdem) reserve(ctx context.Context, key string, rec *idemRecord) error {
	return q.exec(ctx, `INSERT INTO server_idempotency (key, fingerprint, state, seed_id, seed_at, status, content_type, location, body)
VALUES (?, ?, ?, ?, ?, 0, '', '', '') ON CONFLICT (key) DO NOTHING`,
		key, rec.Fingerprint, statePending, rec.Seed.ID.String(), rec.Seed.At.UTC().Format(time.RFC3339Nano))
}

func (q *sqlIdem) complete(ctx context.Context, key string, rec *idemRecord) error {
	return q.exec(ctx, `UPDATE server_idempotency SET state = ?, status = ?, content_type = ?, location = ?, body = ? WHERE key = ? AND state = ?`,
		stateDone, rec.Status, rec.ContentType, rec.Location, string(rec.Body), key, statePending)
}

func (q *sqlIdem) release(ctx context.Context, key string) error {
	return q.exec(ctx, `DELETE FROM server_idempotency WHERE key = ? AND state = ?`, key, statePending)
}
