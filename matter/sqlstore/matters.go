package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/onething-gov/onething/matter"
)

// GetMatter implements matter.Store.
func (s *Store) GetMatter(ctx context.Context, code string) (*matter.Matter, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var doc []byte
	var v int
	err := s.read().row(ctx, `SELECT doc, version FROM matters WHERE code = ? AND is_current AND NOT is_retired`, code).Scan(&doc, &v)
	if errors.Is(err, sql.ErrNoRows) {
		err = matter.ErrNotFound
	}
	if err != nil {
		return nil, failed(ctx, fmt.Sprintf("matter %q", code), err)
	}
	m, err := decodeMatter(doc, v)
	if err != nil {
		return nil, failed(ctx, fmt.Sprintf("matter %q", code), err)
	}
	return m, nil
}

// PutMatter implements matter.Store.
func (s *Store) PutMatter(ctx context.Context, m *matter.Matter, expect int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if m == nil {
		return 0, fmt.Errorf("matter: sqlstore: put matter: %w: nil matter", matter.ErrInvalid)
	}
	op := fmt.Sprintf("put matter %q", m.Code)
	if err := m.Validate(); err != nil {
		return 0, fmt.Errorf("matter: sqlstore: %s: %w", op, err)
	}
	c := m.Clone()
	c.Version = expect + 1
	err := s.write(ctx, func(x db) error {
		if expect < 0 {
			return matterConflict(ctx, x, c.Code, expect)
		}
		if expect > 0 {
			n, err := affected(x.exec(ctx, `UPDATE matters SET is_current = FALSE WHERE code = ? AND version = ? AND is_current`, c.Code, expect))
			if err != nil {
				return err
			}
			if n == 0 {
				return matterConflict(ctx, x, c.Code, expect)
			}
		}
		return insertMatter(ctx, x, c, expect, false)
	})
	if err != nil {
		return 0, failed(ctx, op, err)
	}
	return c.Version, nil
}

// insertMatter stores m, at m.Version, as the current version of its code,
// retired or not, with its tags. expect is the version the write replaces,
// for the conflict it reports if m.Version is taken.
func insertMatter(ctx context.Context, x db, m *matter.Matter, expect int, retired bool) error {
	doc, _, err := encode(m)
	if err != nil {
		return err
	}
	at, _ := x.d.instant(time.Now())
	n, err := affected(x.exec(ctx, `INSERT INTO matters
		(code, version, is_current, is_retired, department, division, kind, effective, expires, doc, written_at)
		VALUES (?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (code, version) DO NOTHING`,
		m.Code, m.Version, retired, m.Body.CreditCode.String(), string(m.Body.Division), int(m.Kind),
		date(m.Effective.String()), date(m.Expires.String()), doc, at))
	if err != nil {
		return err
	}
	if n == 0 {
		return matterConflict(ctx, x, m.Code, expect)
	}
	tags := slices.Clone(m.Tags)
	slices.Sort(tags)
	for _, t := range slices.Compact(tags) {
		if _, err := x.exec(ctx, `INSERT INTO matter_tags (code, version, tag) VALUES (?, ?, ?)`, m.Code, m.Version, t); err != nil {
			return err
		}
	}
	return nil
}

// matterConflict returns the error for a write of code that expected
// version expect, naming the current version.
func matterConflict(ctx context.Context, x db, code string, expect int) error {
	var cur int
	err := x.row(ctx, `SELECT version FROM matters WHERE code = ? AND is_current`, code).Scan(&cur)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return conflict(expect, cur)
}

// conflict returns the error for a write that expected version expect
// when cur is current (0: nothing is stored).
func conflict(expect, cur int) error {
	switch {
	case expect == 0:
		return fmt.Errorf("%w: it exists at version %d", matter.ErrConflict, cur)
	case cur == 0:
		return fmt.Errorf("%w: expected version %d, but it does not exist", matter.ErrConflict, expect)
	default:
		return fmt.Errorf("%w: expected version %d, current is %d", matter.ErrConflict, expect, cur)
	}
}

// RetireMatter implements matter.Store.
func (s *Store) RetireMatter(ctx context.Context, code string, on matter.Date, expect int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	op := fmt.Sprintf("retire matter %q", code)
	if on.IsZero() {
		return fmt.Errorf("matter: sqlstore: %s: %w: no retirement day", op, matter.ErrInvalid)
	}
	err := s.write(ctx, func(x db) error {
		var doc []byte
		var cur int
		var retired bool
		err := x.row(ctx, `SELECT doc, version, is_retired FROM matters WHERE code = ? AND is_current`, code).Scan(&doc, &cur, &retired)
		switch {
		case errors.Is(err, sql.ErrNoRows) || err == nil && retired:
			return matter.ErrNotFound
		case err != nil:
			return err
		case cur != expect:
			return conflict(expect, cur)
		}
		m, err := decodeMatter(doc, cur)
		if err != nil {
			return err
		}
		m.Expires = on
		if err := m.Validate(); err != nil {
			return fmt.Errorf("on %s: %w", on, err)
		}
		m.Version = cur + 1
		n, err := affected(x.exec(ctx, `UPDATE matters SET is_current = FALSE WHERE code = ? AND version = ? AND is_current`, code, cur))
		if err != nil {
			return err
		}
		if n == 0 { // in PostgreSQL, another transaction got there first
			return matterConflict(ctx, x, code, expect)
		}
		return insertMatter(ctx, x, m, expect, true)
	})
	if err != nil {
		return failed(ctx, op, err)
	}
	return nil
}

// ListMatters implements matter.Store.
func (s *Store) ListMatters(ctx context.Context, f matter.MatterFilter) iter.Seq2[*matter.Matter, error] {
	where := `m.is_current AND NOT m.is_retired`
	var args []any
	if f.Department != "" {
		where += ` AND m.department = ?`
		args = append(args, f.Department)
	}
	if f.Division != "" {
		lo, hi, ok := divisionRange(f.Division)
		if !ok {
			return none[matter.Matter](ctx)
		}
		where += ` AND m.division >= ? AND m.division < ?`
		args = append(args, lo, hi)
	}
	if f.Kind != 0 {
		where += ` AND m.kind = ?`
		args = append(args, int(f.Kind))
	}
	if f.Tag != "" {
		where += ` AND EXISTS (SELECT 1 FROM matter_tags t WHERE t.code = m.code AND t.version = m.version AND t.tag = ?)`
		args = append(args, f.Tag)
	}
	return pages(ctx, s, "list matters", nil, f.Match,
		func(ctx context.Context, last *matter.Matter) ([]*matter.Matter, error) {
			q, a := where, slices.Clone(args)
			if last != nil {
				q += ` AND m.code > ?`
				a = append(a, last.Code)
			}
			return s.matterPage(ctx, `SELECT m.doc, m.version FROM matters m WHERE `+q+` ORDER BY m.code LIMIT ?`, append(a, s.pageSize)...)
		})
}

// MatterHistory implements matter.Store.
func (s *Store) MatterHistory(ctx context.Context, code string) iter.Seq2[*matter.Matter, error] {
	notFound := fmt.Errorf("history of matter %q: %w", code, matter.ErrNotFound)
	return pages(ctx, s, fmt.Sprintf("history of matter %q", code), notFound, nil,
		func(ctx context.Context, last *matter.Matter) ([]*matter.Matter, error) {
			after := 0
			if last != nil {
				after = last.Version
			}
			return s.matterPage(ctx, `SELECT doc, version FROM matters WHERE code = ? AND version > ? ORDER BY version LIMIT ?`, code, after, s.pageSize)
		})
}

// matterPage runs a query of (doc, version) rows and decodes them.
func (s *Store) matterPage(ctx context.Context, query string, args ...any) ([]*matter.Matter, error) {
	return readPage(ctx, s.read(), query, args, func(rows *sql.Rows) (*matter.Matter, error) {
		var doc []byte
		var v int
		if err := rows.Scan(&doc, &v); err != nil {
			return nil, err
		}
		return decodeMatter(doc, v)
	})
}

// decodeMatter reads a stored matter document at version v.
func decodeMatter(doc []byte, v int) (*matter.Matter, error) {
	m, err := decode[matter.Matter](doc)
	if err != nil {
		return nil, err
	}
	m.Version = v
	return m, nil
}
