package sqlstore

import (
	"strconv"
	"strings"
	"time"
)

// Dialect is the SQL dialect of the database behind a Store: it decides
// the placeholders, the column types and how a write transaction takes its
// lock.
type Dialect int

// The dialects.
const (
	// SQLite is SQLite 3.37 or later, as the pure-Go driver
	// modernc.org/sqlite (driver name "sqlite") provides it. Documents are
	// TEXT, times TEXT in UTC with a fixed number of fraction digits (so
	// that text order is time order), dates TEXT "2006-01-02" and ids TEXT
	// in the canonical UUID form.
	SQLite Dialect = iota + 1
	// Postgres is PostgreSQL 13 or later through
	// github.com/jackc/pgx/v5/stdlib (driver name "pgx"). Documents are
	// JSONB, times TIMESTAMPTZ, dates DATE, ids UUID and codes TEXT with the
	// "C" collation.
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

// rebind turns the ? placeholders of q into PostgreSQL's $1, $2, …. The
// statements of this package have no ? inside literals.
func (d Dialect) rebind(q string) string {
	if d != Postgres || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// sqliteTime is the layout of times in SQLite: UTC to the microsecond with
// all six fraction digits, so that text order is time order.
const sqliteTime = "2006-01-02T15:04:05.000000Z"

// instant returns the column values of a time: the instant truncated to
// the microsecond, in the dialect's time type, and the nanoseconds below
// the microsecond. PostgreSQL keeps times to the microsecond; the second
// column keeps listings ordered and bounded to the nanosecond, as
// MemoryStore's are. t's year must be 0–9999.
func (d Dialect) instant(t time.Time) (at any, ns int) {
	t = t.UTC().Round(0)
	ns = t.Nanosecond() % 1000
	t = t.Add(-time.Duration(ns))
	if d == Postgres {
		return t, ns
	}
	return t.Format(sqliteTime), ns
}

// date returns the column value of a matter.Date's day, "2006-01-02", or
// nil for no day.
func date(s string) any {
	if s == "" {
		return nil
	}
	return s
}
