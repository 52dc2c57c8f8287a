package sqlstore

import "net/url"

// SQLiteDSN returns the data source name that opens the SQLite database
// file at path with modernc.org/sqlite (driver name "sqlite") the way a
// Store needs it, for example
//
//	file:onething.db?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(ON)&_txlock=immediate
//
// The pragmas are run on every new connection:
//
//   - busy_timeout(5000): a writer waits up to 5 s for another, in this
//     process or another, instead of failing at once with SQLITE_BUSY;
//   - journal_mode(WAL): readers and the writer do not block each other;
//   - synchronous(FULL): every commit is synced to disk before it is
//     acknowledged, so an acknowledged write survives a power cut or a
//     crash of the machine, not only of the process (in WAL mode NORMAL
//     syncs only at checkpoints);
//   - foreign_keys(ON): SQLite checks the schema's references.
//
// _txlock=immediate makes the transactions other code begins on the same
// *sql.DB take the write lock at BEGIN, so that they cannot fail on
// upgrading a read lock; Store takes its own locks either way.
//
// Use it as sql.Open("sqlite", sqlstore.SQLiteDSN("onething.db")).
func SQLiteDSN(path string) string {
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath()}
	return u.String() + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_pragma=foreign_keys(ON)&_txlock=immediate"
}
