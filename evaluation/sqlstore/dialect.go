package sqlstore

import (
	"strconv"
	"strings"
	"time"
)

// Dialect is the SQL dialect of the database behind a Store: it decides
// the placeholders and the column types.
type Dialect int

// The dialects.
const (
	// SQLite is SQLite 3.24 or later, as the pure-Go driver
	// modernc.org/sqlite (driver name "sqlite") provides it. Documents are
	// TEXT, times TEXT in UTC (RFC 3339, nine fraction digits, so that text
	// order is time order) and ids TEXT in the canonical UUID form.
	SQLite Dialect = iota + 1
	// Postgres is PostgreSQL 13 or later through github.com/jackc/pgx/v5/stdlib
	// (driver name "pgx"). Documents are JSONB, times TIMESTAMPTZ, ids UUID
	// and codes TEXT with the "C" collation, so that ranges of codes are byte
	// ranges.
	Postgres
)

// String returns "sqlite" or "postgres".
func (d Dialect) String() string {
	switch d {
	case SQLite:
		return "sqlite"
	case Postgres:
		return "postgres"
	}
	return "Dialect(" + strconv.Itoa(int(d)) + ")"
}

func (d Dialect) valid() bool { return d == SQLite || d == Postgres }

// types maps the type tokens of the schema's SQL to the dialect's types.
func (d Dialect) types() *strings.Replacer {
	if d == Postgres {
		return strings.NewReplacer("{id}", "UUID", "{json}", "JSONB", "{time}", "TIMESTAMPTZ", "{code}", `TEXT COLLATE "C"`)
	}
	return strings.NewReplacer("{id}", "TEXT", "{json}", "TEXT", "{time}", "TEXT", "{code}", "TEXT")
}

// rebind turns the ? placeholders of q into PostgreSQL's $1, $2, …. The
// statements of this package have no ? in literals.
func (d Dialect) rebind(q string) string {
	if d != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for _, c := range q {
		if c == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// sqliteTime is the layout of times in SQLite: UTC with a fixed number of
// fraction digits, so that text order is time order.
const sqliteTime = "2006-01-02T15:04:05.000000000Z"

// instant returns the column values of a time: the instant in the
// dialect's time type and the nanoseconds below the microsecond.
// PostgreSQL keeps times to the microsecond; the extra column keeps
// listings ordered and bounded to the nanosecond, as MemoryStore's are.
func (d Dialect) instant(t time.Time) (at any, ns int) {
	t = t.UTC()
	ns = t.Nanosecond() % 1000
	if d == Postgres {
		return t.Add(-time.Duration(ns)), ns
	}
	return t.Format(sqliteTime), ns
}
