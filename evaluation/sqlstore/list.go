package sqlstore

import (
	"context"
	"fmt"
	"iter"
)

// list yields the records passing f, by listing time and then id, reading
// them in pages of pageSize rows: one query per page, each continuing
// after the last row of the one before (keyset pagination). A page is read
// whole and its rows closed before the first of its records is yielded,
// so the loop body may use the store, writes included, even on a database
// with a single connection; memory is held for one page, not the listing.
// Pages are read as the listing goes: a record written meanwhile shows if
// it sorts after the page being read. The SQL may select a superset (the
// division is a range of codes); every record is tested with match before
// it is yielded. ctx is checked before each record.
func (t *table[R, F]) list(ctx context.Context, f F) iter.Seq2[*R, error] {
	return func(yield func(*R, error) bool) {
		w := t.k.where(f)
		var after *cursor
		for {
			if err := ctx.Err(); err != nil {
				yield(nil, t.failList(ctx, err))
				return
			}
			page, err := t.page(ctx, w, after)
			if err != nil {
				yield(nil, t.failList(ctx, err))
				return
			}
			for _, v := range page {
				if err := ctx.Err(); err != nil {
					yield(nil, t.failList(ctx, err))
					return
				}
				if t.k.match(f, v) && !yield(v, nil) {
					return
				}
			}
			if len(page) < t.pageSize {
				return
			}
			last := page[len(page)-1]
			at, ns := t.d.instant(t.k.time(last))
			after = &cursor{at: at, ns: ns, id: t.k.id(last)}
		}
	}
}

// page reads one page of a listing and closes its rows.
func (t *table[R, F]) page(ctx context.Context, w where, after *cursor) ([]*R, error) {
	q, args := t.selectPage(w, after)
	rows, err := t.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*R
	for rows.Next() {
		var ver int
		var doc []byte
		if err := rows.Scan(&ver, &doc); err != nil {
			return nil, err
		}
		v, err := t.decode(ver, doc)
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

// failList describes an error of a listing.
func (t *table[R, F]) failList(ctx context.Context, err error) error {
	return fmt.Errorf("evaluation/sqlstore: list %ss: %w", t.k.name, withCtx(ctx, err))
}
