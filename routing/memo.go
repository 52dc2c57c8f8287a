package routing

import (
	"sync"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Memoize wraps an immutable catalog, such as a *matter.Catalog snapshot, so
// that each matter is resolved once per division and then shared. A
// *matter.Catalog returns a fresh copy from every Resolve, which protects it
// from callers but costs a route about 20 allocations; the router never
// changes what Resolve returns, so a memoized catalog is safe to share
// between routers and goroutines. Do not memoize a catalog whose answers
// change: build a new snapshot (matter.NewCatalog) and memoize that instead.
//
// Memory grows with the distinct (matter, division) pairs routed, at most
// the catalog's matters times the divisions that apply.
func Memoize(c Catalog) Catalog { return &memoCatalog{cat: c} }

type memoCatalog struct {
	cat Catalog
	m   sync.Map // memoKey → *matter.Matter
}

type memoKey struct {
	code string
	d    division.Code
}

func (s *memoCatalog) Resolve(code string, d division.Code) (*matter.Matter, error) {
	key := memoKey{code, d}
	if m, ok := s.m.Load(key); ok {
		return m.(*matter.Matter), nil
	}
	m, err := s.cat.Resolve(code, d)
	if err != nil {
		return nil, err
	}
	actual, _ := s.m.LoadOrStore(key, m)
	return actual.(*matter.Matter), nil
}

func (s *memoCatalog) Negative(code string, d division.Code) (matter.NegativeEntry, bool) {
	return s.cat.Negative(code, d)
}
