// Package sqlstore keeps a matter.Store in a SQL database through
// database/sql: the catalog's matters with every version, the local
// implementation lists (实施清单) as overlays, and applications (办件).
//
// It is for city and provincial systems that want matter.Store on their own
// PostgreSQL, and for a single machine, such as the reference server, that
// wants it in an embedded SQLite file. Callers use matter.Store's methods;
// this package adds only New, the Dialect and SQLiteDSN. Callers that keep
// the catalog in files and need no persistence use matter.MemoryStore.
//
// # Drivers and dialects
//
// The package imports no SQL driver: the program that opens the *sql.DB
// does. Two dialects are supported:
//
//   - SQLite, with the pure-Go driver modernc.org/sqlite (driver name
//     "sqlite"). Open it with SQLiteDSN, which sets the pragmas below.
//   - Postgres, PostgreSQL 13 or later with github.com/jackc/pgx/v5/stdlib
//     (driver name "pgx"), e.g. "postgres://user@host/onething".
//
// Each matter version, overlay version and application is one row holding
// the value's JSON document and, beside it, the columns the listings filter
// and order on. Codes are compared as bytes (PostgreSQL columns use the "C"
// collation), so listings come in Go's string order, as MemoryStore's do.
//
// # Migrations
//
// New brings the schema up to date before it returns. The migrations are SQL
// files embedded in the package, one numbered series per dialect; the table
// matter_schema_migrations records each version applied. Applying them is
// idempotent, and several processes may start at once: the migrations run in
// one transaction that holds SQLite's write lock (BEGIN IMMEDIATE) or a
// PostgreSQL advisory lock (pg_advisory_xact_lock). Migrations only move
// forward, and an applied one is never edited; a database whose schema is
// newer than the program is refused, so an old binary cannot write rows a
// newer schema no longer means. The tables are prefixed matter_ (and the
// matters table is "matters"), so the database can be shared with other
// stores such as evaluation/sqlstore.
//
// # Concurrency and durability
//
// Versions are checked in SQL, inside the write's transaction (an UPDATE
// that names the expected version, an INSERT that may not collide), so
// optimistic concurrency holds between processes sharing a database, not
// only between goroutines. SQLite writes run in BEGIN IMMEDIATE
// transactions on one pooled connection and wait for the write lock
// (busy_timeout, then a bounded retry) instead of failing.
//
// For SQLite, SQLiteDSN sets journal_mode(WAL), so readers do not block the
// writer, and synchronous(FULL): in WAL mode, NORMAL syncs only at
// checkpoints, so a commit acknowledged just before a power cut or a kernel
// crash can be lost; FULL syncs the log at every commit, which is what an
// acknowledged application needs. busy_timeout(5000) makes a writer wait for
// another one; foreign_keys(ON) makes SQLite check the schema's references.
// Use a file, not ":memory:": each pooled connection would see its own
// empty database.
//
// # Listings
//
// Listings read pages of at most 500 rows in key order, each page by its
// own query, closing the rows before yielding, so a loop body may call the
// store, even write to it, and memory grows with the page, not the table.
// A listing is therefore not a snapshot: a row written while it runs may or
// may not appear. Keys do not change, so a matter, overlay or version is
// yielded at most once, except that an application whose SubmittedAt is
// changed during the listing may be missed or yielded twice.
//
// # Choices
//
// Where the matter.Store documentation leaves a choice open, Store decides
// as matter.MemoryStore does (retired codes stay taken and can be
// reinstated, overlays are not checked against their base, a repeated
// CreateApplication is compared semantically, and so on). It also refuses
// with an error wrapping matter.ErrInvalid what it could not give back: a
// value whose JSON form cannot be read back (a credit code that fails
// creditcode.Parse, a year after 9999) or holds a NUL character, which
// PostgreSQL cannot store.
package sqlstore
