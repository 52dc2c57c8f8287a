package matter

import (
	"context"
	"fmt"
)

// NewCatalog builds a catalog from the current matters and overlays in s
// (ListMatters with the zero filter, ListOverlays with the empty division)
// and the bundles, negative list, outlets and forms of files, typically read
// with ReadFS. The matters and overlays of files are ignored: the store's
// replace them. The catalog is a snapshot: callers build a new one after
// writing to the store.
//
// The error wraps ctx.Err() or the store's error, or is a *ValidationError
// as from Build.
func NewCatalog(ctx context.Context, s Store, files Contents) (*Catalog, error) {
	files.Matters, files.Overlays = nil, nil // our copy of the struct
	c := files.clone()
	for m, err := range s.ListMatters(ctx, MatterFilter{}) {
		if err != nil {
			return nil, fmt.Errorf("matter: reading the catalog's matters: %w", err)
		}
		c.Matters = append(c.Matters, m)
	}
	for o, err := range s.ListOverlays(ctx, "") {
		if err != nil {
			return nil, fmt.Errorf("matter: reading the catalog's overlays: %w", err)
		}
		c.Overlays = append(c.Overlays, o)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return build(c, nil, &collector{})
}
