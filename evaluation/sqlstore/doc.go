// Package sqlstore is an evaluation.Store on a SQL database through
// database/sql: the reviews (好差评), bad-review cases, hotline work orders,
// problem orders (问题工单) and incidents of package evaluation, kept where
// they survive a restart and can be shared by several servers.
//
// It is for the developers of city and provincial systems who keep these
// records in SQLite or PostgreSQL, and for the reference server. A system
// on another database writes its own evaluation.Store and checks it with
// package evaluationtest, as this package's tests do; code that only
// reads and writes records should depend on evaluation.Store, not on this
// package.
//
// # Dialects
//
// New takes a *sql.DB and the Dialect of the database behind it. The
// package imports no driver: the program links the one it uses.
//
//   - SQLite, with the pure-Go driver modernc.org/sqlite (no cgo):
//     open the file with SQLiteDSN, which sets WAL mode, a busy timeout
//     and synchronous=FULL.
//   - Postgres, PostgreSQL 13 or later with github.com/jackc/pgx/v5/stdlib
//     (driver name "pgx"), for deployments that outgrow one machine.
//
// # Tables
//
// Each kind of record has a table, evaluation_reviews, evaluation_cases,
// evaluation_work_orders, evaluation_problems, evaluation_incidents and
// evaluation_handling_reviews,
// with the record's id and version, the record as package evaluation
// encodes it in JSON (JSONB in PostgreSQL; the rater's identity included,
// for stores keep raw values), and indexed copies of the fields listings
// filter and order by. Every name begins with "evaluation_", so the
// tables can share a database, or a PostgreSQL schema, with others.
// Records are never deleted.
//
// A record whose JSON encoding would not give it back, such as one with
// an unknown channel or an invalid credit code, is refused with an error
// wrapping evaluation.ErrInvalid; so is the character U+0000 in
// PostgreSQL, which cannot keep it.
//
// # Migrations
//
// New brings the schema up to date before it returns: it creates the
// tables in an empty database and applies, in order, the migrations an
// older database lacks, recording each in evaluation_schema_migrations.
// It does so in one transaction that excludes other start-ups (BEGIN
// IMMEDIATE in SQLite, a transaction-level advisory lock in PostgreSQL),
// so servers started at once on one database are safe, and a second start
// changes nothing. A database whose schema is newer than the program's is
// refused rather than written to.
//
// # Concurrency and durability
//
// A Store is safe for concurrent use, and several processes may share one
// database. Every write is a single SQL statement that the database
// applies atomically: an add is an INSERT that does nothing if the id is
// taken, an update an UPDATE … WHERE id = ? AND version = ?, so of two
// writers expecting the same version, in one process or two, exactly one
// succeeds. A write is acknowledged only once committed: on SQLite opened
// with SQLiteDSN, once synced to disk, so that it survives a crash of the
// process or of the machine; on PostgreSQL, as its settings (fsync,
// synchronous_commit) provide.
//
// Listings read in pages of 500 rows, each query continuing after the
// last row of the one before, and yield a page's records only after its
// rows are closed: memory is held per page, and the loop body may use the
// store, writes included. A record written while a listing runs shows in
// it if it sorts after the page being read.
package sqlstore
