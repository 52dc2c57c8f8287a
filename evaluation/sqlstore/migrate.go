package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"
)

// migration is one version of the schema.
type migration struct {
	version int
	name    string
	stmts   []string
}

// migrationsTable records the versions of the schema applied, one row
// each.
const migrationsTable = "evaluation_schema_migrations"

// migrateLock is the PostgreSQL advisory lock key that serialises
// start-ups: "evalsqls" in ASCII.
const migrateLock int64 = 0x6576616c73716c73

// execer is a *sql.Tx, or a *sql.Conn inside a transaction.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// migrate brings the schema up to the last of ms in one transaction that
// excludes every other start-up, in this process or another: applying is
// idempotent and safe when several servers start at once. A database
// whose schema is newer than ms is refused, so that an old binary does
// not write records a newer one cannot read.
func migrate(ctx context.Context, db *sql.DB, d Dialect, ms []migration) error {
	err := d.exclusive(ctx, db, func(q execer) error {
		types := d.types()
		_, err := q.ExecContext(ctx, types.Replace(`CREATE TABLE IF NOT EXISTS `+migrationsTable+` (
			version INTEGER PRIMARY KEY,
			name TEXT NOT NULL,
			applied_at {time} NOT NULL
		)`))
		if err != nil {
			return err
		}
		var cur int
		if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM `+migrationsTable).Scan(&cur); err != nil {
			return err
		}
		if latest := ms[len(ms)-1].version; cur > latest {
			return fmt.Errorf("the database's schema is at version %d, newer than this program's %d: upgrade the program", cur, latest)
		}
		for _, m := range ms {
			if m.version <= cur {
				continue
			}
			for _, stmt := range m.stmts {
				if _, err := q.ExecContext(ctx, types.Replace(stmt)); err != nil {
					return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
				}
			}
			at, _ := d.instant(time.Now())
			_, err := q.ExecContext(ctx, d.rebind(`INSERT INTO `+migrationsTable+` (version, name, applied_at) VALUES (?, ?, ?)`), m.version, m.name, at)
			if err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("evaluation/sqlstore: migrating the %s schema: %w", d, withCtx(ctx, err))
	}
	return nil
}

// exclusive runs f in a transaction that no other start-up runs beside:
// in SQLite one begun with BEGIN IMMEDIATE, which takes the database's
// write lock; in PostgreSQL one holding a transaction-level advisory lock.
// It commits if f returns nil and rolls back otherwise.
func (d Dialect) exclusive(ctx context.Context, db *sql.DB, f func(execer) error) error {
	if d == Postgres {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
			return errors.Join(err, tx.Rollback())
		}
		if err := f(tx); err != nil {
			return errors.Join(err, tx.Rollback())
		}
		return tx.Commit()
	}
	// database/sql's BeginTx cannot ask for BEGIN IMMEDIATE: issue it on
	// one connection of the pool.
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return err
	}
	err = f(conn)
	if err == nil {
		err = ctx.Err()
	}
	end := "COMMIT"
	if err != nil {
		end = "ROLLBACK"
	}
	// End the transaction even if ctx is done, so that the connection
	// goes back to the pool outside a transaction; if that fails, drop
	// the connection instead.
	if _, endErr := conn.ExecContext(context.WithoutCancel(ctx), end); endErr != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		if err == nil {
			err = endErr
		}
	}
	return err
}
