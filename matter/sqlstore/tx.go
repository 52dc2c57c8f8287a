package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"time"
)

// querier is what runs statements: a *sql.DB, a *sql.Tx, or a *sql.Conn
// inside a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// db runs the package's statements, written with ? placeholders, in a
// dialect.
type db struct {
	q querier
	d Dialect
}

func (x db) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return x.q.ExecContext(ctx, x.d.rebind(query), args...)
}

func (x db) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return x.q.QueryContext(ctx, x.d.rebind(query), args...)
}

func (x db) row(ctx context.Context, query string, args ...any) *sql.Row {
	return x.q.QueryRowContext(ctx, x.d.rebind(query), args...)
}

// affected returns the number of rows a statement changed.
func affected(r sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

// inTx runs f in a write transaction on pool and commits it if f returns
// nil. In SQLite the transaction is begun with BEGIN IMMEDIATE, which takes
// the database's write lock at once, so that no two writers, in this
// process or another, interleave and none fails on upgrading a read lock;
// in PostgreSQL it is an ordinary READ COMMITTED transaction, and f takes
// the row locks its statements need. A ctx done before the commit rolls
// the transaction back; in SQLite the commit itself is not cut short. A
// nil error means the write is committed.
func inTx(ctx context.Context, pool *sql.DB, d Dialect, f func(db) error) error {
	if d == SQLite {
		return inSQLiteTx(ctx, pool, f)
	}
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(db{tx, d}); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := ctx.Err(); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// inSQLiteTx is inTx for SQLite, on a connection of its own.
func inSQLiteTx(ctx context.Context, pool *sql.DB, f func(db) error) error {
	c, err := beginImmediate(ctx, pool)
	if err != nil {
		return err
	}
	defer c.Close()
	err = f(db{c, SQLite})
	if err == nil {
		err = ctx.Err()
	}
	if err == nil {
		if _, err = c.ExecContext(context.WithoutCancel(ctx), "COMMIT"); err == nil {
			return nil
		}
	}
	if _, rerr := c.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
		// The transaction's state is unknown (an interrupted statement may
		// have ended it already): drop the connection rather than return
		// one to the pool that may still hold the write lock.
		_ = c.Raw(func(any) error { return driver.ErrBadConn })
	}
	return err
}

// busyWait bounds how long beginImmediate retries a busy database after
// SQLite's own busy_timeout has run out, or when the DSN set none.
const busyWait = 30 * time.Second

// beginImmediate returns a connection of pool in a transaction holding
// SQLite's write lock, retrying while the database is busy until ctx is
// done or busyWait has passed. Opening a connection can be busy too: the
// first connections to a new file race to switch it to WAL, and SQLite
// does not wait for that lock.
func beginImmediate(ctx context.Context, pool *sql.DB) (*sql.Conn, error) {
	deadline := time.Now().Add(busyWait)
	pause := time.Millisecond
	for {
		c, err := pool.Conn(ctx)
		if err == nil {
			if _, err = c.ExecContext(ctx, "BEGIN IMMEDIATE"); err == nil {
				return c, nil
			}
			c.Close()
		}
		if !isBusy(err) || time.Now().After(deadline) {
			return nil, err
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		case <-t.C:
		}
		pause = min(2*pause, 50*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY ("database is
// locked"), told by its text, as the package imports no driver.
func isBusy(err error) bool {
	s := err.Error()
	return strings.Contains(s, "SQLITE_BUSY") || strings.Contains(s, "database is locked")
}

// failed wraps err, the failure of op, with the package's prefix. When ctx
// is done, the error wraps ctx.Err() too, whatever the driver made of the
// cancellation.
func failed(ctx context.Context, op string, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("matter: sqlstore: %s: %w: %w", op, cerr, err)
	}
	return fmt.Errorf("matter: sqlstore: %s: %w", op, err)
}
