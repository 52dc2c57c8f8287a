package sqlstore_test

import (
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter/sqlstore"
)

func TestSQLiteDSNForm(t *testing.T) {
	assert.Equal(t, "file:onething.db?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(ON)&_txlock=immediate",
		sqlstore.SQLiteDSN("onething.db"))
	assert.Contains(t, sqlstore.SQLiteDSN("/srv/政务 data/a?b#c.db"), "file:/srv/%E6%94%BF%E5%8A%A1%20data/a%3Fb%23c.db?")
}

// Every connection the DSN opens has the settings durability needs, in a
// file whose name needs escaping.
func TestSQLiteDSNPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "政务 data?#.db")
	db := backends()[0].open(t, sqlstore.SQLiteDSN(path))
	conns := make([]*sql.Conn, 2) // two at once: two connections opened
	for i := range conns {
		c, err := db.Conn(t.Context())
		require.NoError(t, err)
		conns[i] = c
		for pragma, want := range map[string]string{
			"journal_mode": "wal",
			"synchronous":  "2", // FULL
			"busy_timeout": "5000",
			"foreign_keys": "1",
		} {
			var got string
			require.NoError(t, c.QueryRowContext(t.Context(), "PRAGMA "+pragma).Scan(&got))
			assert.Equal(t, want, got, pragma)
		}
	}
	for _, c := range conns {
		require.NoError(t, c.Close())
	}
	_, err := sqlstore.New(t.Context(), db, sqlstore.SQLite)
	require.NoError(t, err)
	assert.FileExists(t, path)
	assert.FileExists(t, path+"-wal")
}
