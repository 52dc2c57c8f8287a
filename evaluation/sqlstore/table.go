package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
)

// table reads and writes the records of one kind. Every write is one
// statement, atomic on its own: an INSERT … ON CONFLICT DO NOTHING for an
// add, an UPDATE … WHERE id = ? AND version = ? for an update. The database
// decides between concurrent writers, in this process or others; a
// statement that changed nothing is followed by a read that tells the
// caller why.
type table[R, F any] struct {
	k        kind[R, F]
	db       *sql.DB
	d        Dialect
	pageSize int

	insertSQL, updateSQL, getSQL, versionSQL string
}

func newTable[R, F any](db *sql.DB, d Dialect, k kind[R, F]) *table[R, F] {
	names := []string{"id", "version", "doc", k.at, k.at + "_ns"}
	sets := []string{"version = ?", "doc = ?", k.at + " = ?", k.at + "_ns = ?"}
	for _, c := range k.cols {
		names = append(names, c.name)
		sets = append(sets, c.name+" = ?")
	}
	marks := strings.Repeat("?, ", len(names)-1) + "?"
	return &table[R, F]{
		k: k, db: db, d: d, pageSize: 500,
		insertSQL:  d.rebind("INSERT INTO " + k.table + " (" + strings.Join(names, ", ") + ") VALUES (" + marks + ") ON CONFLICT (id) DO NOTHING"),
		updateSQL:  d.rebind("UPDATE " + k.table + " SET " + strings.Join(sets, ", ") + " WHERE id = ? AND version = ?"),
		getSQL:     d.rebind("SELECT version, doc FROM " + k.table + " WHERE id = ?"),
		versionSQL: d.rebind("SELECT version FROM " + k.table + " WHERE id = ?"),
	}
}

// row returns the values of the columns after id, version and doc: the
// listing time and the filter columns.
func (t *table[R, F]) row(v *R) []any {
	at, ns := t.d.instant(t.k.time(v))
	out := []any{at, ns}
	for _, c := range t.k.cols {
		out = append(out, c.value(v))
	}
	return out
}

// prepare checks v and returns its id and its document at version ver.
func (t *table[R, F]) prepare(v *R, ver int) (uuid.UUID, []byte, error) {
	if v == nil {
		return uuid.Nil, nil, fmt.Errorf("%w: nil record", evaluation.ErrInvalid)
	}
	id := t.k.id(v)
	if id == uuid.Nil {
		return uuid.Nil, nil, fmt.Errorf("%w: nil id", evaluation.ErrInvalid)
	}
	c := *v // a shallow copy, to set the version without touching v
	*t.k.version(&c) = ver
	doc, err := encode(t.d, &c, t.k.equal)
	return id, doc, err
}

func (t *table[R, F]) add(ctx context.Context, v *R) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, t.fail(ctx, "add", v, err)
	}
	id, doc, err := t.prepare(v, 1)
	if err != nil {
		return 0, t.fail(ctx, "add", v, err)
	}
	args := append([]any{id.String(), 1, string(doc)}, t.row(v)...)
	res, err := t.db.ExecContext(ctx, t.insertSQL, args...)
	if err != nil {
		return 0, t.fail(ctx, "add", v, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return 0, t.fail(ctx, "add", v, err)
	} else if n == 1 {
		return 1, nil
	}
	// The id is taken; records are never deleted, so it stays taken.
	old, err := t.get(ctx, id)
	if err != nil {
		return 0, t.fail(ctx, "add", v, err)
	}
	ver := *t.k.version(old)
	if !t.k.equal(old, v) {
		return 0, t.fail(ctx, "add", v, fmt.Errorf("%w: a different record with this id exists (version %d)", evaluation.ErrConflict, ver))
	}
	return ver, nil
}

func (t *table[R, F]) get(ctx context.Context, id uuid.UUID) (*R, error) {
	if err := ctx.Err(); err != nil {
		return nil, t.failID(ctx, "get", id, err)
	}
	var ver int
	var doc []byte
	err := t.db.QueryRowContext(ctx, t.getSQL, id.String()).Scan(&ver, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, t.failID(ctx, "get", id, evaluation.ErrNotFound)
	}
	if err != nil {
		return nil, t.failID(ctx, "get", id, err)
	}
	v, err := t.decode(ver, doc)
	if err != nil {
		return nil, t.failID(ctx, "get", id, err)
	}
	return v, nil
}

// decode reads a stored document at version ver.
func (t *table[R, F]) decode(ver int, doc []byte) (*R, error) {
	v, err := decode[R](doc)
	if err != nil {
		return nil, fmt.Errorf("reading the stored document: %w", err)
	}
	*t.k.version(v) = ver
	return v, nil
}

// updateTries bounds the rounds of an update that keeps finding its
// record changing under it (see update).
const updateTries = 5

func (t *table[R, F]) update(ctx context.Context, v *R, expect int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, t.fail(ctx, "update", v, err)
	}
	id, doc, err := t.prepare(v, expect+1)
	if err != nil {
		return 0, t.fail(ctx, "update", v, err)
	}
	args := append(append([]any{expect + 1, string(doc)}, t.row(v)...), id.String(), expect)
	for range updateTries {
		res, err := t.db.ExecContext(ctx, t.updateSQL, args...)
		if err != nil {
			return 0, t.fail(ctx, "update", v, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return 0, t.fail(ctx, "update", v, err)
		} else if n == 1 {
			return expect + 1, nil
		}
		var cur int
		err = t.db.QueryRowContext(ctx, t.versionSQL, id.String()).Scan(&cur)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return 0, t.fail(ctx, "update", v, evaluation.ErrNotFound)
		case err != nil:
			return 0, t.fail(ctx, "update", v, err)
		case cur != expect:
			return 0, t.fail(ctx, "update", v, fmt.Errorf("%w: expected version %d, current is %d", evaluation.ErrConflict, expect, cur))
		}
		// The record was added, or reached version expect, between the
		// two statements: the update may yet apply. Try again.
	}
	return 0, t.fail(ctx, "update", v, fmt.Errorf("%w: the record kept changing during the update", evaluation.ErrConflict))
}

// fail describes an error of op on record v.
func (t *table[R, F]) fail(ctx context.Context, op string, v *R, err error) error {
	id := uuid.Nil
	if v != nil {
		id = t.k.id(v)
	}
	return t.failID(ctx, op, id, err)
}

// failID describes an error of op on the record with that id. If ctx is
// done, the error wraps ctx.Err(), whatever the driver made of it.
func (t *table[R, F]) failID(ctx context.Context, op string, id uuid.UUID, err error) error {
	return fmt.Errorf("evaluation/sqlstore: %s %s %s: %w", op, t.k.name, id, withCtx(ctx, err))
}

// withCtx returns err, wrapping ctx.Err() too if ctx is done: drivers
// report a cancelled statement each in their own way.
func withCtx(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil && !errors.Is(err, cerr) {
		return fmt.Errorf("%w: %w", cerr, err)
	}
	return err
}
