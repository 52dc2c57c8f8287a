package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
)

// pages returns a listing read in pages of s.pageSize rows: fetch returns
// the page after last (nil for the first), in the listing's order, and the
// listing yields the values that keep accepts (nil keeps all). Each page is
// read in full and its rows closed before any value is yielded, so the
// loop body may use the store, and ctx is checked before each value. An
// error, ctx's included, is yielded once and ends the listing; notFound,
// if not nil, is the error for a listing with no rows at all.
func pages[E any](ctx context.Context, s *Store, op string, notFound error, keep func(*E) bool,
	fetch func(ctx context.Context, last *E) ([]*E, error)) iter.Seq2[*E, error] {
	return func(yield func(*E, error) bool) {
		var last *E
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			page, err := fetch(ctx, last)
			if err != nil {
				yield(nil, failed(ctx, op, err))
				return
			}
			if last == nil && len(page) == 0 && notFound != nil {
				yield(nil, fmt.Errorf("matter: sqlstore: %w", notFound))
				return
			}
			for _, v := range page {
				if err := ctx.Err(); err != nil {
					yield(nil, err)
					return
				}
				if keep != nil && !keep(v) {
					continue
				}
				if !yield(v, nil) {
					return
				}
			}
			if len(page) < s.pageSize {
				return
			}
			last = page[len(page)-1]
		}
	}
}

// none returns a listing of nothing, which still reports a done ctx.
func none[E any](ctx context.Context) iter.Seq2[*E, error] {
	return func(yield func(*E, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(nil, err)
		}
	}
}

// readPage runs query and returns every row read by scan, with the rows
// closed.
func readPage[T any](ctx context.Context, x db, query string, args []any, scan func(*sql.Rows) (T, error)) ([]T, error) {
	rows, err := x.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, rows.Close()
}
