package sqlstore_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/sqlstore"
)

// Two Stores on one database, each with its own *sql.DB as two processes
// would have, see each other's writes and conflict as one store's
// goroutines do: the version checks are in the database.
func TestTwoStoresShareVersions(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := t.Context()
		dsn := b.fresh(t)
		a, err := sqlstore.New(ctx, b.open(t, dsn), b.dialect)
		require.NoError(t, err)
		c, err := sqlstore.New(ctx, b.open(t, dsn), b.dialect)
		require.NoError(t, err)

		m := registration("370000000003")
		v, err := a.PutMatter(ctx, m, 0)
		require.NoError(t, err)
		require.Equal(t, 1, v)
		_, err = c.PutMatter(ctx, m, 0)
		assert.ErrorIs(t, err, matter.ErrConflict, "creating in the second store what the first created")

		seen, err := c.GetMatter(ctx, m.Code)
		require.NoError(t, err)
		seen.Contacts.Consult = "0531-12333"
		v, err = c.PutMatter(ctx, seen, seen.Version)
		require.NoError(t, err)
		assert.Equal(t, 2, v)
		_, err = a.PutMatter(ctx, m, 1)
		assert.ErrorIs(t, err, matter.ErrConflict, "the first store updating a version the second replaced")
		assert.ErrorIs(t, a.RetireMatter(ctx, m.Code, matter.DateOf(2026, 7, 1), 1), matter.ErrConflict)
		got, err := a.GetMatter(ctx, m.Code)
		require.NoError(t, err)
		assert.Equal(t, "0531-12333", got.Contacts.Consult)

		app := application(m.Code, at(9, 0))
		v, err = a.CreateApplication(ctx, app)
		require.NoError(t, err)
		assert.Equal(t, 1, v)
		v, err = c.CreateApplication(ctx, app.Clone())
		assert.NoError(t, err, "the same application again, through the other store")
		assert.Equal(t, 1, v)
		other := app.Clone()
		other.Channel = matter.Web
		_, err = c.CreateApplication(ctx, other)
		assert.ErrorIs(t, err, matter.ErrConflict)
	})
}

// Writers spread over two Stores on one database lose no update.
func TestTwoStoresConcurrentIncrements(t *testing.T) {
	eachBackend(t, func(t *testing.T, b backend) {
		ctx := t.Context()
		dsn := b.fresh(t)
		stores := make([]*sqlstore.Store, 2)
		for i := range stores {
			s, err := sqlstore.New(ctx, b.open(t, dsn), b.dialect)
			require.NoError(t, err)
			stores[i] = s
		}
		m := registration("370000000004")
		_, err := stores[0].PutMatter(ctx, m, 0)
		require.NoError(t, err)

		const writers, each = 6, 3
		errs := make([]error, writers)
		var wg sync.WaitGroup
		for w := range writers {
			s := stores[w%2]
			wg.Go(func() {
				for n := range each {
					errs[w] = increment(t, s, m.Code, fmt.Sprintf("%d-%d", w, n))
					if errs[w] != nil {
						return
					}
				}
			})
		}
		wg.Wait()
		require.NoError(t, errors.Join(errs...))
		got, err := stores[1].GetMatter(ctx, m.Code)
		require.NoError(t, err)
		assert.Equal(t, 1+writers*each, got.Version)
		assert.Len(t, got.Items, writers*each)
	})
}

// increment adds an item to the matter, retrying on conflict.
func increment(t *testing.T, s *sqlstore.Store, code, item string) error {
	for range 500 {
		m, err := s.GetMatter(t.Context(), code)
		if err != nil {
			return err
		}
		m.Items = append(m.Items, matter.Item{Code: code + item, Name: "变更"})
		_, err = s.PutMatter(t.Context(), m, m.Version)
		if !errors.Is(err, matter.ErrConflict) {
			return err
		}
	}
	return fmt.Errorf("item %s: no update succeeded in 500 attempts", item)
}
