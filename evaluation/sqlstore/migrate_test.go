package sqlstore_test

import (
	"context"
	"database/sql"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation/sqlstore"
)

func countMigrations(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	require.NoError(t, db.QueryRow("SELECT COUNT(*) FROM "+sqlstore.MigrationsTable).Scan(&n))
	return n
}

// A second start-up on a migrated database, from the same pool or
// another, changes nothing and keeps the records.
func TestMigrateIdempotent(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := t.Context()
			db, reopen := b.open(t)
			s, err := sqlstore.New(ctx, db, b.dialect)
			require.NoError(t, err)
			r := windowReview(laiwuHR, "370116", at(5, 6, 9, 30))
			_, err = s.AddReview(ctx, r)
			require.NoError(t, err)

			for _, db := range []*sql.DB{db, reopen()} {
				s, err := sqlstore.New(ctx, db, b.dialect)
				require.NoError(t, err)
				got, err := s.GetReview(ctx, r.ID)
				require.NoError(t, err)
				assert.True(t, got.Equal(r))
				assert.Equal(t, sqlstore.SchemaVersion, countMigrations(t, db))
			}
		})
	}
}

// Servers starting at once on an empty database all start; the schema
// is made once.
func TestMigrateConcurrentStartUp(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			_, reopen := b.open(t)
			const servers = 6
			dbs := make([]*sql.DB, servers)
			for i := range dbs {
				dbs[i] = reopen()
			}
			errs := make([]error, servers)
			var wg sync.WaitGroup
			for i, db := range dbs {
				wg.Go(func() { _, errs[i] = sqlstore.New(context.Background(), db, b.dialect) })
			}
			wg.Wait()
			for i, err := range errs {
				assert.NoError(t, err, "server %d", i)
			}
			assert.Equal(t, sqlstore.SchemaVersion, countMigrations(t, dbs[0]))
		})
	}
}

// A later migration is applied once, after the earlier ones; a program
// that knows fewer migrations than the database has refuses to start.
func TestMigrateLater(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			db, _ := b.open(t)
			_, err := sqlstore.New(t.Context(), db, b.dialect)
			require.NoError(t, err)
			// Run twice, the ALTER would fail: it must run once.
			for range 2 {
				require.NoError(t, sqlstore.MigrateExtra(db, b.dialect, "ALTER TABLE evaluation_incidents ADD COLUMN note TEXT"))
			}
			assert.Equal(t, sqlstore.SchemaVersion+1, countMigrations(t, db))

			_, err = sqlstore.New(t.Context(), db, b.dialect)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "newer than this program's")
		})
	}
}

func TestNewRefuses(t *testing.T) {
	db, _ := openSQLite(t)
	_, err := sqlstore.New(t.Context(), nil, sqlstore.SQLite)
	assert.Error(t, err)
	_, err = sqlstore.New(t.Context(), db, sqlstore.Dialect(0))
	assert.Error(t, err)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err = sqlstore.New(ctx, db, sqlstore.SQLite)
	assert.ErrorIs(t, err, context.Canceled)
}
