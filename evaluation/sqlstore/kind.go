package sqlstore

import (
	"time"

	"github.com/google/uuid"
)

// kind maps one kind of record R, listed with filters F, to its table.
type kind[R, F any] struct {
	// name names the kind in errors: "review".
	name  string
	table string
	// at is the listing-time column; at+"_ns" holds the nanoseconds below
	// its microsecond.
	at string
	// cols are the other copies of fields: filter columns.
	cols []column[R]

	id func(*R) uuid.UUID
	// time returns the listing time; version points at the Version field.
	time    func(*R) time.Time
	version func(*R) *int
	equal   func(a, b *R) bool

	// where turns a filter into SQL terms; match is the filter's own test,
	// which every listed record passes.
	where func(F) where
	match func(F, *R) bool
}

// column is a filter column and the field it copies.
type column[R any] struct {
	name  string
	value func(*R) string
}

// cursor is where a listing has got to: the listing time and id of the
// last row read.
type cursor struct {
	at any
	ns int
	id uuid.UUID
}
