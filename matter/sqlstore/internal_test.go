package sqlstore

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards/division"
)

// Every code lies in the range of each division that contains it: the
// prefix filter is a superset of division.Code.Contains over the whole
// national table, municipalities and 省直辖 counties included.
func TestDivisionRangeHoldsContained(t *testing.T) {
	all := division.All()
	require.NotEmpty(t, all)
	for _, d := range all {
		for c := d.Code; c != ""; c = c.Parent() {
			require.True(t, c.Contains(d.Code))
			lo, hi, ok := divisionRange(c)
			if assert.True(t, ok, "range of %s", c) {
				assert.True(t, lo <= string(d.Code) && string(d.Code) < hi, "%s (%s) outside the range [%s, %s) of %s", d.Code, d.Name, lo, hi, c)
			}
		}
	}
}

func TestDivisionRange(t *testing.T) {
	for _, tc := range []struct {
		c      division.Code
		lo, hi string
		ok     bool
	}{
		{"370000", "37", "38", true},     // 山东省
		{"370100", "3701", "3702", true}, // 济南市
		{"370116", "370116", "370117", true},
		{"110000", "11", "12", true},         // 北京市, whose districts have the province as parent
		{"429004", "429004", "429005", true}, // 仙桃市, 省直辖
		{"370900", "3709", "370:", true},     // 泰安市: '9' + 1 is ':'
		{"37", "", "", false},                // malformed
		{"", "", "", false},                  // none
		{"37010X", "", "", false},            // not digits
	} {
		lo, hi, ok := divisionRange(tc.c)
		assert.Equal(t, tc.ok, ok, "%q", tc.c)
		assert.Equal(t, tc.lo, lo, "%q", tc.c)
		assert.Equal(t, tc.hi, hi, "%q", tc.c)
	}
}

func TestRebind(t *testing.T) {
	q := `SELECT doc FROM matters WHERE code = ? AND version > ? LIMIT ?`
	assert.Equal(t, q, SQLite.rebind(q))
	assert.Equal(t, `SELECT doc FROM matters WHERE code = $1 AND version > $2 LIMIT $3`, Postgres.rebind(q))
}

// Times are kept to the microsecond with the nanoseconds beside, and
// SQLite's text sorts as the instants do.
func TestInstant(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	at, ns := SQLite.instant(time.Date(2026, 3, 2, 9, 15, 0, 123456789, cst))
	assert.Equal(t, "2026-03-02T01:15:00.123456Z", at)
	assert.Equal(t, 789, ns)
	pat, pns := Postgres.instant(time.Date(2026, 3, 2, 9, 15, 0, 123456789, cst))
	assert.True(t, pat.(time.Time).Equal(time.Date(2026, 3, 2, 1, 15, 0, 123456000, time.UTC)))
	assert.Equal(t, 789, pns)

	early, _ := SQLite.instant(time.Date(2026, 3, 2, 9, 15, 0, 0, cst))
	late, _ := SQLite.instant(time.Date(2026, 3, 2, 9, 15, 0, 500000000, cst))
	assert.Less(t, early.(string), late.(string))
	year0, _ := SQLite.instant(firstInstant)
	year9999, _ := SQLite.instant(lastInstant)
	assert.Equal(t, "0000-01-01T00:00:00.000000Z", year0)
	assert.Equal(t, "9999-12-31T23:59:59.999999Z", year9999)
}

func TestHasNUL(t *testing.T) {
	for doc, want := range map[string]bool{
		`{"name":"a\u0000b"}`:   true,
		`{"name":"a\\u0000b"}`:  false, // an escaped backslash, then text
		`{"name":"a\\\u0000b"}`: true,
		`{"name":"\u00001"}`:    true,
		`{"name":"\u0001"}`:     false,
		`{"name":"\\"}`:         false,
	} {
		assert.Equal(t, want, hasNUL([]byte(doc)), doc)
	}
}

// Both dialects have the same numbered migrations.
func TestMigrationFiles(t *testing.T) {
	lite, pg := migrations(SQLite), migrations(Postgres)
	require.Len(t, pg, len(lite))
	for i := range lite {
		assert.Equal(t, i+1, lite[i].version)
		assert.Equal(t, lite[i].version, pg[i].version)
		assert.Equal(t, lite[i].name, pg[i].name)
	}
}

func TestBounds(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	f, to, ok := bounds(at, at.Add(time.Hour))
	assert.True(t, ok)
	assert.Equal(t, at, f)
	assert.Equal(t, at.Add(time.Hour), to)

	f, to, ok = bounds(time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.True(t, ok)
	assert.True(t, f.IsZero(), "a From before year 0 bounds nothing")
	assert.True(t, to.IsZero(), "a To after 9999 bounds nothing")

	_, _, ok = bounds(time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{})
	assert.False(t, ok, "nothing is stored after 9999")
	_, _, ok = bounds(time.Time{}, time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.False(t, ok, "nothing is stored before year 0")
}
