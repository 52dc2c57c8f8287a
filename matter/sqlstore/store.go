package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/onething-gov/onething/matter"
)

// Store is a matter.Store in a SQL database. It is safe for concurrent use,
// and several Stores, in one process or several, may share one database:
// every version check happens in the database. The zero value is not
// usable; call New.
type Store struct {
	pool *sql.DB
	d    Dialect
	// pageSize is the number of rows a listing reads per query.
	pageSize int
}

var _ matter.Store = (*Store)(nil)

// defaultPageSize is the number of rows a listing reads per query.
const defaultPageSize = 500

// New returns a Store on db, a database of dialect d, after bringing its
// schema up to date (see the package documentation on migrations). The
// Store does not close db.
func New(ctx context.Context, db *sql.DB, d Dialect) (*Store, error) {
	if db == nil {
		return nil, errors.New("matter: sqlstore: New: nil *sql.DB")
	}
	if !d.valid() {
		return nil, fmt.Errorf("matter: sqlstore: New: unknown dialect %v", d)
	}
	if err := migrate(ctx, db, d, migrations(d), 0); err != nil {
		return nil, err
	}
	return &Store{pool: db, d: d, pageSize: defaultPageSize}, nil
}

// read returns the runner of single statements on the pool.
func (s *Store) read() db { return db{s.pool, s.d} }

// write runs f in a write transaction; see inTx.
func (s *Store) write(ctx context.Context, f func(db) error) error {
	return inTx(ctx, s.pool, s.d, f)
}
