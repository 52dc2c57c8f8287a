package sqlstore_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/onething-gov/onething/evaluation/sqlstore"
)

// postgresEnv names the environment variable holding the DSN of a
// PostgreSQL database for the tests; without it they run on SQLite only.
const postgresEnv = "ONETHING_TEST_POSTGRES"

// backend opens databases of one dialect for tests. open returns a new,
// empty database; reopen another connection pool on the same one.
type backend struct {
	name    string
	dialect sqlstore.Dialect
	open    func(t testing.TB) (db *sql.DB, reopen func() *sql.DB)
}

// backends returns SQLite, and PostgreSQL when postgresEnv is set.
func backends() []backend {
	out := []backend{{"sqlite", sqlstore.SQLite, openSQLite}}
	if os.Getenv(postgresEnv) != "" {
		out = append(out, backend{"postgres", sqlstore.Postgres, openPostgres})
	}
	return out
}

// newStore returns a store of b's dialect on a new, empty database.
func (b backend) newStore(t testing.TB) *sqlstore.Store {
	t.Helper()
	db, _ := b.open(t)
	s, err := sqlstore.New(context.Background(), db, b.dialect)
	require.NoError(t, err)
	return s
}

// openSQLite opens a new SQLite database file in a temporary directory.
func openSQLite(t testing.TB) (*sql.DB, func() *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "onething test.db")
	reopen := func() *sql.DB {
		db, err := sql.Open("sqlite", sqlstore.SQLiteDSN(path))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		return db
	}
	return reopen(), reopen
}

// openPostgres creates a schema of its own in the database postgresEnv
// names and opens a pool whose search_path is that schema; the schema is
// dropped when the test ends.
func openPostgres(t testing.TB) (*sql.DB, func() *sql.DB) {
	t.Helper()
	dsn := os.Getenv(postgresEnv)
	if dsn == "" {
		t.Skip(postgresEnv + " is not set")
	}
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	schema := "evaluation_test_" + strings.ToLower(rand.Text()[:12])
	_, err = admin.Exec("CREATE SCHEMA " + schema)
	require.NoError(t, err)
	t.Cleanup(func() {
		_, err := admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		if err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
		admin.Close()
	})
	reopen := func() *sql.DB {
		db, err := sql.Open("pgx", withSearchPath(dsn, schema))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() }) // runs before the drop
		return db
	}
	return reopen(), reopen
}

// withSearchPath adds search_path to a URL or a key=value DSN.
func withSearchPath(dsn, schema string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return fmt.Sprintf("%s search_path=%s", dsn, schema)
}
