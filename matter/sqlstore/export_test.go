package sqlstore

import (
	"context"
	"database/sql"
)

// SetPageSize sets the number of rows s's listings read per query, so that
// tests cross page boundaries with little data.
func SetPageSize(s *Store, n int) { s.pageSize = n }

// MigrateTo applies the migrations up to version v, as an older program
// would have.
func MigrateTo(ctx context.Context, db *sql.DB, d Dialect, v int) error {
	return migrate(ctx, db, d, migrations(d), v)
}

// NewUnmigrated returns a Store on db without touching its schema, as an
// older program would run on it.
func NewUnmigrated(db *sql.DB, d Dialect) *Store {
	return &Store{pool: db, d: d, pageSize: defaultPageSize}
}

// Latest returns the version of the dialect's last migration.
func Latest(d Dialect) int { ms := migrations(d); return ms[len(ms)-1].version }

// MigrationsTable is the table that records the applied versions.
const MigrationsTable = migrationsTable
