package sqlstore

import "net/url"

// SQLiteDSN returns the data source name that opens the SQLite database
// file at path with modernc.org/sqlite (driver name "sqlite") the way a
// Store needs it:
//
//   - busy_timeout(5000): a writer waits up to 5 s for another, in this
//     process or another, instead of failing at once with SQLITE_BUSY;
//   - journal_mode(WAL): readers and the writer do not block each other;
//   - synchronous(FULL): every commit is synced to disk before it is
//     acknowledged, so an acknowledged write survives a power cut or a
//     crash of the machine, not only of the process;
//   - _txlock=immediate: transactions a caller begins on the same *sql.DB
//     take the write lock at BEGIN, so they cannot deadlock on upgrade.
//
// Use it as sql.Open("sqlite", sqlstore.SQLiteDSN("onething.db")).
func SQLiteDSN(path string) string {
	u := url.URL{Scheme: "file", Opaque: (&url.URL{Path: path}).EscapedPath()}
	return u.String() + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
}
