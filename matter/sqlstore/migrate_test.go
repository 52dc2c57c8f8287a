package sqlstore_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/sqlstore"
)

// allVersions returns 1, 2, …, the dialect's latest version.
func allVersions(d sqlstore.Dialect) []int {
	var vs []int
	for v := 1; v <= sqlstore.Latest(d); v++ {
		vs = append(vs, v)
	}
	return vs
}

// New applies every migration once; a second New changes nothing.
func TestMigrationsIdempotent(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := t.Context()
		db := b.open(t, b.fresh(t))
		s, err := sqlstore.New(ctx, db, b.dialect)
		require.NoError(t, err)
		assert.Equal(t, allVersions(b.dialect), schemaVersions(t, db))
		_, err = s.PutMatter(ctx, registration("370000000001"), 0)
		require.NoError(t, err)

		_, err = sqlstore.New(ctx, db, b.dialect)
		require.NoError(t, err, "New on a database at the latest version")
		assert.Equal(t, allVersions(b.dialect), schemaVersions(t, db))
		got, err := s.GetMatter(ctx, "370000000001")
		require.NoError(t, err)
		assert.Equal(t, 1, got.Version)
	})
}

// A database an older program made, at version 1 and holding data, is
// upgraded by New and keeps its data.
func TestMigrationsUpgrade(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := t.Context()
		db := b.open(t, b.fresh(t))
		require.NoError(t, sqlstore.MigrateTo(ctx, db, b.dialect, 1))
		require.Equal(t, []int{1}, schemaVersions(t, db))
		old := sqlstore.NewUnmigrated(db, b.dialect)
		m := registration("370000000002")
		_, err := old.PutMatter(ctx, m, 0)
		require.NoError(t, err)
		_, err = old.CreateApplication(ctx, application(m.Code, at(9, 0)))
		require.NoError(t, err)

		s, err := sqlstore.New(ctx, db, b.dialect)
		require.NoError(t, err)
		assert.Equal(t, allVersions(b.dialect), schemaVersions(t, db))
		got, err := s.GetMatter(ctx, m.Code)
		require.NoError(t, err)
		assert.Equal(t, m.Name, got.Name)
		var codes []string
		for m, err := range s.ListMatters(ctx, matter.MatterFilter{Tag: "high-frequency", Division: "370000"}) {
			require.NoError(t, err)
			codes = append(codes, m.Code)
		}
		assert.Equal(t, []string{m.Code}, codes)
		n := 0
		for _, err := range s.ListApplications(ctx, matter.ApplicationFilter{Division: "370100"}) {
			require.NoError(t, err)
			n++
		}
		assert.Equal(t, 1, n)
	})
}

// A program refuses a database whose schema a newer program migrated.
func TestMigrationsNewerSchemaRefused(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := t.Context()
		db := b.open(t, b.fresh(t))
		_, err := sqlstore.New(ctx, db, b.dialect)
		require.NoError(t, err)
		at := "'2030-01-01T00:00:00Z'"
		_, err = db.ExecContext(ctx, fmt.Sprintf(`INSERT INTO %s (version, name, applied_at) VALUES (%d, 'from_the_future', %s)`,
			sqlstore.MigrationsTable, sqlstore.Latest(b.dialect)+1, at))
		require.NoError(t, err)
		_, err = sqlstore.New(ctx, db, b.dialect)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "newer than this program")
	})
}

// Several processes starting at once on an empty database migrate it
// once: each start-up opens its own *sql.DB, as separate processes would.
func TestMigrationsConcurrentStartUp(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		dsn := b.fresh(t)
		const starts = 4
		errs := make([]error, starts)
		var wg sync.WaitGroup
		for i := range starts {
			db := b.open(t, dsn)
			wg.Go(func() {
				_, errs[i] = sqlstore.New(context.Background(), db, b.dialect)
			})
		}
		wg.Wait()
		for i, err := range errs {
			assert.NoError(t, err, "start-up %d", i)
		}
		assert.Equal(t, allVersions(b.dialect), schemaVersions(t, b.open(t, dsn)))
	})
}

func TestNewRefusesBadArguments(t *testing.T) {
	_, err := sqlstore.New(t.Context(), nil, sqlstore.SQLite)
	assert.Error(t, err)
	b := backends()[0]
	_, err = sqlstore.New(t.Context(), b.open(t, b.fresh(t)), sqlstore.Dialect(0))
	assert.ErrorContains(t, err, "unknown dialect")
}
