package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// GetOverlay implements matter.Store.
func (s *Store) GetOverlay(ctx context.Context, code string, d division.Code) (*matter.Overlay, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	op := fmt.Sprintf("overlay of matter %q for %s", code, d)
	var doc []byte
	var v int
	err := s.read().row(ctx, `SELECT doc, version FROM matter_overlays WHERE matter = ? AND division = ? AND is_current`, code, string(d)).Scan(&doc, &v)
	if errors.Is(err, sql.ErrNoRows) {
		err = matter.ErrNotFound
	}
	if err != nil {
		return nil, failed(ctx, op, err)
	}
	o, err := decodeOverlay(doc, v)
	if err != nil {
		return nil, failed(ctx, op, err)
	}
	return o, nil
}

// PutOverlay implements matter.Store. As MemoryStore does, it refuses an
// overlay without a matter code or a valid division code (ErrInvalid) and
// does not check the overlay against its base matter.
func (s *Store) PutOverlay(ctx context.Context, o *matter.Overlay, expect int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if o == nil {
		return 0, fmt.Errorf("matter: sqlstore: put overlay: %w: nil overlay", matter.ErrInvalid)
	}
	if strings.TrimSpace(o.Matter) == "" {
		return 0, fmt.Errorf("matter: sqlstore: put overlay: %w: no matter code", matter.ErrInvalid)
	}
	op := fmt.Sprintf("put overlay of matter %q for %s", o.Matter, o.Division)
	if d, err := division.Parse(string(o.Division)); err != nil || d != o.Division {
		return 0, fmt.Errorf("matter: sqlstore: %s: %w: division %q is not a valid code", op, matter.ErrInvalid, o.Division)
	}
	c := *o
	c.Version = expect + 1
	doc, _, err := encode(&c)
	if err != nil {
		return 0, fmt.Errorf("matter: sqlstore: %s: %w", op, err)
	}
	err = s.write(ctx, func(x db) error {
		if expect < 0 {
			return overlayConflict(ctx, x, c.Matter, c.Division, expect)
		}
		if expect > 0 {
			n, err := affected(x.exec(ctx, `UPDATE matter_overlays SET is_current = FALSE
				WHERE matter = ? AND division = ? AND version = ? AND is_current`, c.Matter, string(c.Division), expect))
			if err != nil {
				return err
			}
			if n == 0 {
				return overlayConflict(ctx, x, c.Matter, c.Division, expect)
			}
		}
		at, _ := x.d.instant(time.Now())
		n, err := affected(x.exec(ctx, `INSERT INTO matter_overlays (matter, division, version, is_current, doc, written_at)
			VALUES (?, ?, ?, TRUE, ?, ?) ON CONFLICT (matter, division, version) DO NOTHING`,
			c.Matter, string(c.Division), c.Version, doc, at))
		if err != nil {
			return err
		}
		if n == 0 {
			return overlayConflict(ctx, x, c.Matter, c.Division, expect)
		}
		return nil
	})
	if err != nil {
		return 0, failed(ctx, op, err)
	}
	return c.Version, nil
}

// overlayConflict returns the error for a write of an overlay that
// expected version expect, naming the current version.
func overlayConflict(ctx context.Context, x db, code string, d division.Code, expect int) error {
	var cur int
	err := x.row(ctx, `SELECT version FROM matter_overlays WHERE matter = ? AND division = ? AND is_current`, code, string(d)).Scan(&cur)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return conflict(expect, cur)
}

// ListOverlays implements matter.Store. The empty division code lists
// every overlay.
func (s *Store) ListOverlays(ctx context.Context, d division.Code) iter.Seq2[*matter.Overlay, error] {
	where := `is_current`
	var args []any
	var keep func(*matter.Overlay) bool
	if d != "" {
		lo, hi, ok := divisionRange(d)
		if !ok {
			return none[matter.Overlay](ctx)
		}
		where += ` AND division >= ? AND division < ?`
		args = append(args, lo, hi)
		keep = func(o *matter.Overlay) bool { return d.Contains(o.Division) }
	}
	return pages(ctx, s, fmt.Sprintf("list overlays of %q", d), nil, keep,
		func(ctx context.Context, last *matter.Overlay) ([]*matter.Overlay, error) {
			q, a := where, slices.Clone(args)
			if last != nil {
				q += ` AND (matter, division) > (?, ?)`
				a = append(a, last.Matter, string(last.Division))
			}
			query := `SELECT doc, version FROM matter_overlays WHERE ` + q + ` ORDER BY matter, division LIMIT ?`
			return readPage(ctx, s.read(), query, append(a, s.pageSize), func(rows *sql.Rows) (*matter.Overlay, error) {
				var doc []byte
				var v int
				if err := rows.Scan(&doc, &v); err != nil {
					return nil, err
				}
				return decodeOverlay(doc, v)
			})
		})
}

// decodeOverlay reads a stored overlay document at version v.
func decodeOverlay(doc []byte, v int) (*matter.Overlay, error) {
	o, err := decode[matter.Overlay](doc)
	if err != nil {
		return nil, err
	}
	o.Version = v
	return o, nil
}
