package sqlstore

import "github.com/onething-gov/onething/standards/division"

// divisionRange returns the half-open range [lo, hi) of division codes
// that holds every code c contains: codes with c's two-digit prefix for a
// province, its four-digit prefix for a city, and c alone for a county or
// a zone (division.Code.Parent only ever climbs to codes sharing those
// prefixes). It is a superset for municipalities and for counties a
// province administers directly; listings re-check each row with
// c.Contains. ok is false for a malformed c, which contains nothing.
func divisionRange(c division.Code) (lo, hi string, ok bool) {
	var p string
	switch c.Level() {
	case division.Province:
		p = string(c[:2])
	case division.City:
		p = string(c[:4])
	case division.County, division.Zone:
		p = string(c)
	default:
		return "", "", false
	}
	return p, p[:len(p)-1] + string(p[len(p)-1]+1), true
}
