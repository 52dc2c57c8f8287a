package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
)

// CreateApplication implements matter.Store. A repeated create is compared
// with the stored application as MemoryStore compares it: Version ignored,
// times as instants, a nil slice equal to an empty one.
func (s *Store) CreateApplication(ctx context.Context, a *matter.Application) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if a == nil {
		return 0, fmt.Errorf("matter: sqlstore: create application: %w: nil application", matter.ErrInvalid)
	}
	op := fmt.Sprintf("create application %s", a.ID)
	if err := a.Validate(); err != nil {
		return 0, fmt.Errorf("matter: sqlstore: %s: %w", op, err)
	}
	c := a.Clone()
	c.Version = 1
	doc, back, err := encode(c)
	if err != nil {
		return 0, fmt.Errorf("matter: sqlstore: %s: %w", op, err)
	}
	version := 1
	err = s.write(ctx, func(x db) error {
		n, err := affected(x.exec(ctx, `INSERT INTO matter_applications
			(id, version, applicant, division, status, submitted_at, submitted_ns, doc, written_at)
			VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
			applicationArgs(x.d, c, doc)...))
		if err != nil || n == 1 {
			return err
		}
		var old []byte
		if err := x.row(ctx, `SELECT doc, version FROM matter_applications WHERE id = ?`, c.ID.String()).Scan(&old, &version); err != nil {
			return err
		}
		stored, err := decode[matter.Application](old)
		if err != nil {
			return err
		}
		if !sameApplication(stored, back) {
			return fmt.Errorf("%w: a different application with this id exists (version %d)", matter.ErrConflict, version)
		}
		return nil
	})
	if err != nil {
		return 0, failed(ctx, op, err)
	}
	return version, nil
}

// applicationArgs returns the column values of a row for a: id,
// applicant, division, status, submitted_at, submitted_ns, doc and
// written_at.
func applicationArgs(d Dialect, a *matter.Application, doc string) []any {
	at, ns := d.instant(a.SubmittedAt)
	now, _ := d.instant(time.Now())
	return []any{a.ID.String(), a.Applicant.SubjectID, string(a.Division), string(a.Status), at, ns, doc, now}
}

// GetApplication implements matter.Store.
func (s *Store) GetApplication(ctx context.Context, id uuid.UUID) (*matter.Application, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	op := fmt.Sprintf("application %s", id)
	var doc []byte
	var v int
	err := s.read().row(ctx, `SELECT doc, version FROM matter_applications WHERE id = ?`, id.String()).Scan(&doc, &v)
	if errors.Is(err, sql.ErrNoRows) {
		err = matter.ErrNotFound
	}
	if err != nil {
		return nil, failed(ctx, op, err)
	}
	a, err := decodeApplication(doc, v)
	if err != nil {
		return nil, failed(ctx, op, err)
	}
	return a, nil
}

// UpdateApplication implements matter.Store. As MemoryStore does, it
// refuses an application that fails a.Validate (ErrInvalid).
func (s *Store) UpdateApplication(ctx context.Context, a *matter.Application, expect int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if a == nil {
		return 0, fmt.Errorf("matter: sqlstore: update application: %w: nil application", matter.ErrInvalid)
	}
	op := fmt.Sprintf("update application %s", a.ID)
	if err := a.Validate(); err != nil {
		return 0, fmt.Errorf("matter: sqlstore: %s: %w", op, err)
	}
	c := a.Clone()
	c.Version = expect + 1
	doc, _, err := encode(c)
	if err != nil {
		return 0, fmt.Errorf("matter: sqlstore: %s: %w", op, err)
	}
	err = s.write(ctx, func(x db) error {
		cols := applicationArgs(x.d, c, doc) // id first
		args := append([]any{c.Version}, cols[1:]...)
		args = append(args, cols[0], expect)
		n, err := affected(x.exec(ctx, `UPDATE matter_applications
			SET version = ?, applicant = ?, division = ?, status = ?, submitted_at = ?, submitted_ns = ?, doc = ?, written_at = ?
			WHERE id = ? AND version = ?`, args...))
		if err != nil || n == 1 {
			return err
		}
		var cur int
		err = x.row(ctx, `SELECT version FROM matter_applications WHERE id = ?`, c.ID.String()).Scan(&cur)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return matter.ErrNotFound
		case err != nil:
			return err
		}
		return conflict(expect, cur)
	})
	if err != nil {
		return 0, failed(ctx, op, err)
	}
	return c.Version, nil
}

// ListApplications implements matter.Store.
func (s *Store) ListApplications(ctx context.Context, f matter.ApplicationFilter) iter.Seq2[*matter.Application, error] {
	where := `TRUE`
	var args []any
	if f.Applicant != "" {
		where += ` AND applicant = ?`
		args = append(args, f.Applicant)
	}
	if f.Division != "" {
		lo, hi, ok := divisionRange(f.Division)
		if !ok {
			return none[matter.Application](ctx)
		}
		where += ` AND division >= ? AND division < ?`
		args = append(args, lo, hi)
	}
	from, to, ok := bounds(f.From, f.To)
	if !ok {
		return none[matter.Application](ctx)
	}
	if !from.IsZero() {
		at, ns := s.d.instant(from)
		where += ` AND (submitted_at, submitted_ns) >= (?, ?)`
		args = append(args, at, ns)
	}
	if !to.IsZero() {
		at, ns := s.d.instant(to)
		where += ` AND (submitted_at, submitted_ns) < (?, ?)`
		args = append(args, at, ns)
	}
	if f.Status != "" {
		where += ` AND status = ?`
		args = append(args, string(f.Status))
	}
	return pages(ctx, s, "list applications", nil, f.Match,
		func(ctx context.Context, last *matter.Application) ([]*matter.Application, error) {
			q, a := where, slices.Clone(args)
			if last != nil {
				at, ns := s.d.instant(last.SubmittedAt)
				q += ` AND (submitted_at, submitted_ns, id) > (?, ?, ?)`
				a = append(a, at, ns, last.ID.String())
			}
			query := `SELECT doc, version FROM matter_applications WHERE ` + q + ` ORDER BY submitted_at, submitted_ns, id LIMIT ?`
			return readPage(ctx, s.read(), query, append(a, s.pageSize), func(rows *sql.Rows) (*matter.Application, error) {
				var doc []byte
				var v int
				if err := rows.Scan(&doc, &v); err != nil {
					return nil, err
				}
				return decodeApplication(doc, v)
			})
		})
}

// The range of times a stored application can have: its document holds
// SubmittedAt in RFC 3339, which encoding/json writes only for years
// 0–9999.
var (
	firstInstant = time.Date(0, time.January, 1, 0, 0, 0, 0, time.UTC)
	lastInstant  = time.Date(9999, time.December, 31, 23, 59, 59, 999999999, time.UTC)
)

// bounds returns the filter's From and To (zero for no bound) within the
// range of stored times, so that the dialect can write them; ok is false
// when no stored time can lie between them.
func bounds(from, to time.Time) (f, t time.Time, ok bool) {
	if !from.IsZero() && from.Before(firstInstant) {
		from = time.Time{}
	}
	if !to.IsZero() && to.After(lastInstant) {
		to = time.Time{}
	}
	if !from.IsZero() && from.After(lastInstant) || !to.IsZero() && !to.After(firstInstant) {
		return time.Time{}, time.Time{}, false
	}
	return from, to, true
}

// decodeApplication reads a stored application document at version v.
func decodeApplication(doc []byte, v int) (*matter.Application, error) {
	a, err := decode[matter.Application](doc)
	if err != nil {
		return nil, err
	}
	a.Version = v
	return a, nil
}
