package sqlstore_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation/sqlstore"
)

func TestSQLiteDSN(t *testing.T) {
	path := filepath.Join(t.TempDir(), "城市 #1?.db")
	db, err := sql.Open("sqlite", sqlstore.SQLiteDSN(path))
	require.NoError(t, err)
	defer db.Close()
	_, err = sqlstore.New(t.Context(), db, sqlstore.SQLite)
	require.NoError(t, err)

	_, err = os.Stat(path)
	assert.NoError(t, err, "the database is the file named")
	for pragma, want := range map[string]string{"journal_mode": "wal", "synchronous": "2", "busy_timeout": "5000"} {
		var got string
		require.NoError(t, db.QueryRow("PRAGMA "+pragma).Scan(&got))
		assert.Equal(t, want, got, pragma)
	}
}
