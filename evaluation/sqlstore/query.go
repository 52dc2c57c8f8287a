package sqlstore

import (
	"strings"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/standards/division"
)

// where is a listing filter in SQL terms: the period bounding the listing
// time, the division, and columns that must equal a value.
type where struct {
	period   evaluation.Period
	division division.Code
	eq       []eq
}

type eq struct{ col, val string }

// text adds col = v unless v is empty (a zero filter field).
func (w *where) text(col, v string) {
	if v != "" {
		w.eq = append(w.eq, eq{col, v})
	}
}

// id adds col = v unless v is uuid.Nil.
func (w *where) id(col string, v uuid.UUID) {
	if v != uuid.Nil {
		w.eq = append(w.eq, eq{col, v.String()})
	}
}

// divisionRange returns the byte range [lo, hi) of the codes that share
// the prefix of c that its level keeps: 37 for a province 370000, 3701 for
// a city 370100, the whole code for a county. Every code within c lies in
// the range (some others may too: the exact test is the filter's Match).
// ok is false when no range applies.
func divisionRange(c division.Code) (lo, hi string, ok bool) {
	p := string(c)
	for strings.HasSuffix(p, "00") {
		p = p[:len(p)-2]
	}
	if p == "" {
		return "", "", false
	}
	return p, p[:len(p)-1] + string(p[len(p)-1]+1), true
}

// selectPage returns the query of the page of a listing after c (from the
// start if c is nil), with its arguments.
func (t *table[R, F]) selectPage(w where, c *cursor) (string, []any) {
	at, ns := t.k.at, t.k.at+"_ns"
	var conds []string
	var args []any
	if !w.period.From.IsZero() {
		v, n := t.d.instant(w.period.From)
		conds = append(conds, "("+at+", "+ns+") >= (?, ?)")
		args = append(args, v, n)
	}
	if !w.period.To.IsZero() {
		v, n := t.d.instant(w.period.To)
		conds = append(conds, "("+at+", "+ns+") < (?, ?)")
		args = append(args, v, n)
	}
	if lo, hi, ok := divisionRange(w.division); ok {
		conds = append(conds, "division >= ? AND division < ?")
		args = append(args, lo, hi)
	}
	for _, e := range w.eq {
		conds = append(conds, e.col+" = ?")
		args = append(args, e.val)
	}
	if c != nil {
		conds = append(conds, "("+at+", "+ns+", id) > (?, ?, ?)")
		args = append(args, c.at, c.ns, c.id.String())
	}
	var b strings.Builder
	b.WriteString("SELECT version, doc FROM " + t.k.table)
	for i, c := range conds {
		if i == 0 {
			b.WriteString(" WHERE ")
		} else {
			b.WriteString(" AND ")
		}
		b.WriteString(c)
	}
	b.WriteString(" ORDER BY " + at + ", " + ns + ", id LIMIT ?")
	args = append(args, t.pageSize)
	return t.d.rebind(b.String()), args
}
