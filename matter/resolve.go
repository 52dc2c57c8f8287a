package matter

import (
	"errors"
	"fmt"

	"github.com/onething-gov/onething/standards/division"
)

// Resolve returns the effective matter in division d: the base matter with
// the implementation list (实施清单) of d's city applied, then, if d is a
// county (or a development zone), the county's own list, each checked
// against the matter before it, so that a county cannot lengthen what its
// city shortened. Without overlays, or with an empty d, it is a copy of the
// base matter.
//
// d is read as division.Parse reads it (full-width digits are folded). An
// unknown code gives an error wrapping ErrNotFound; a malformed d one
// wrapping ErrInvalid.
func (cat *Catalog) Resolve(code string, d division.Code) (*Matter, error) {
	base, ok := cat.matters[code]
	if !ok {
		return nil, fmt.Errorf("matter: %s: %w", code, ErrNotFound)
	}
	if d == "" {
		return base.Clone(), nil
	}
	d, err := division.Parse(string(d))
	if err != nil {
		return nil, fmt.Errorf("matter: resolving %s: %w", code, errors.Join(ErrInvalid, err))
	}
	chain := []division.Code{d}
	if city := d.City(); city != "" && city != d {
		chain = []division.Code{city, d}
	}
	m := base
	for _, at := range chain {
		o, ok := cat.overlays[overlayKey{code, at}]
		if !ok {
			continue
		}
		next, err := o.Apply(m)
		if err != nil {
			return nil, fmt.Errorf("matter: resolving %s in %s: %w", code, d, err)
		}
		m = next
	}
	if m == base {
		return base.Clone(), nil
	}
	return m, nil
}
