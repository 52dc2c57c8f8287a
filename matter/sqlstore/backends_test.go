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
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite" // driver "sqlite"

	"github.com/onething-gov/onething/matter/sqlstore"
)

// postgresEnv names the environment variable that holds the DSN of a
// PostgreSQL database for the tests, e.g.
// postgres://postgres@/onething_test?host=/var/run/postgresql&sslmode=disable.
// Without it, only SQLite is tested.
const postgresEnv = "ONETHING_TEST_POSTGRES"

// backend is a database the tests run on.
type backend struct {
	name    string
	dialect sqlstore.Dialect
	driver  string
	// fresh returns the DSN of a new, empty database (SQLite) or schema
	// (PostgreSQL), removed when the test ends.
	fresh func(t testing.TB) string
}

// backends returns SQLite, and PostgreSQL when postgresEnv is set.
func backends() []backend {
	bs := []backend{{name: "sqlite", dialect: sqlstore.SQLite, driver: "sqlite", fresh: freshSQLite}}
	if dsn := os.Getenv(postgresEnv); dsn != "" {
		bs = append(bs, backend{name: "postgres", dialect: sqlstore.Postgres, driver: "pgx",
			fresh: func(t testing.TB) string { return freshPostgres(t, dsn) }})
	}
	return bs
}

// eachBackend runs f as a subtest per backend.
func eachBackend(t *testing.T, f func(t *testing.T, b backend)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { f(t, b) })
	}
}

// freshSQLite returns the DSN of a new database file in a temporary
// directory.
func freshSQLite(t testing.TB) string {
	return sqlstore.SQLiteDSN(filepath.Join(t.TempDir(), "onething.db"))
}

// freshPostgres creates a schema of its own in the database of base and
// returns base with that schema as its search_path; the schema is dropped
// when the test ends.
func freshPostgres(t testing.TB, base string) string {
	schema := "matter_test_" + strings.ToLower(rand.Text()[:12])
	admin := func(stmt string) {
		db, err := postgresAdmin(base)
		require.NoError(t, err, "%s", postgresEnv)
		_, err = db.ExecContext(context.Background(), stmt)
		require.NoError(t, err, "%s: %s", postgresEnv, stmt)
	}
	admin(`CREATE SCHEMA ` + schema)
	t.Cleanup(func() { admin(`DROP SCHEMA ` + schema + ` CASCADE`) })
	return withSearchPath(t, base, schema)
}

// postgresAdmin returns the pool that creates and drops the tests'
// schemas, shared by all tests (connecting is slow) and closed with the
// process.
func postgresAdmin(base string) (*sql.DB, error) {
	adminOnce.Do(func() { adminDB, adminErr = sql.Open("pgx", base) })
	return adminDB, adminErr
}

var (
	adminOnce sync.Once
	adminDB   *sql.DB
	adminErr  error
)

// withSearchPath adds search_path to a URL or key=value DSN.
func withSearchPath(t testing.TB, dsn, schema string) string {
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
		return dsn + " search_path=" + schema
	}
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// open opens dsn and closes it when the test ends.
func (b backend) open(t testing.TB, dsn string) *sql.DB {
	db, err := sql.Open(b.driver, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// newStore returns a Store on a fresh database.
func (b backend) newStore(t testing.TB) *sqlstore.Store {
	s, err := sqlstore.New(context.Background(), b.open(t, b.fresh(t)), b.dialect)
	require.NoError(t, err)
	return s
}

// schemaVersions returns the versions recorded in db.
func schemaVersions(t testing.TB, db *sql.DB) []int {
	rows, err := db.Query(fmt.Sprintf(`SELECT version FROM %s ORDER BY version`, sqlstore.MigrationsTable))
	require.NoError(t, err)
	defer rows.Close()
	var vs []int
	for rows.Next() {
		var v int
		require.NoError(t, rows.Scan(&v))
		vs = append(vs, v)
	}
	require.NoError(t, rows.Err())
	return vs
}
