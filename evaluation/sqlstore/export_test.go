package sqlstore

import (
	"context"
	"database/sql"
	"slices"
)

// SetPageSize sets the number of rows each listing of s reads per query,
// so that tests cross page boundaries with few records.
func SetPageSize(s *Store, n int) {
	s.reviews.pageSize = n
	s.cases.pageSize = n
	s.orders.pageSize = n
	s.problems.pageSize = n
	s.incidents.pageSize = n
	s.handling.pageSize = n
}

// MigrateExtra brings db's schema up to date with the migrations of the
// package and then one more, of version len(migrations)+1, running stmts.
func MigrateExtra(db *sql.DB, d Dialect, stmts ...string) error {
	ms := append(slices.Clone(migrations), migration{len(migrations) + 1, "test", stmts})
	return migrate(context.Background(), db, d, ms)
}

// MigrationsTable is the name of the table of applied migrations.
const MigrationsTable = migrationsTable

// SchemaVersion is the version of the schema this package makes.
var SchemaVersion = migrations[len(migrations)-1].version
