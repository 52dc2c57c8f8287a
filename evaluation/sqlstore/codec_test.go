package sqlstore_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/evaluation/sqlstore"
	"github.com/onething-gov/onething/matter"
)

// The document is the review as package evaluation encodes it, the
// rater's identity included: stores keep raw values.
func TestDocumentIsTheRecord(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := t.Context()
			db, _ := b.open(t)
			s, err := sqlstore.New(ctx, db, b.dialect)
			require.NoError(t, err)
			r := windowReview(laiwuHR, "370116", at(5, 6, 9, 30))
			_, err = s.AddReview(ctx, r)
			require.NoError(t, err)

			var doc string
			q := "SELECT doc FROM evaluation_reviews WHERE id = ?"
			if b.dialect == sqlstore.Postgres {
				q = "SELECT doc::text FROM evaluation_reviews WHERE id = $1"
			}
			require.NoError(t, db.QueryRow(q, r.ID.String()).Scan(&doc))
			r.Version = 1
			want, err := json.Marshal(r)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), doc)
			assert.Contains(t, doc, "370102196501150015")
		})
	}
}

// A record its JSON document would not give back is refused as invalid,
// and nothing is written.
func TestRefusesWhatJSONLoses(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := t.Context()
			s := b.newStore(t)
			bad := windowReview(laiwuHR, "370116", at(5, 6, 9, 30))
			bad.Channel = matter.Channel("fax")
			_, err := s.AddReview(ctx, bad)
			assert.ErrorIs(t, err, evaluation.ErrInvalid)
			_, err = s.GetReview(ctx, bad.ID)
			assert.ErrorIs(t, err, evaluation.ErrNotFound)

			r := windowReview(laiwuHR, "370116", at(5, 6, 9, 30))
			_, err = s.AddReview(ctx, r)
			require.NoError(t, err)
			notUTF8 := r.Clone()
			notUTF8.Comment = "\xff\xfe"
			_, err = s.UpdateReview(ctx, notUTF8, 1)
			assert.ErrorIs(t, err, evaluation.ErrInvalid)
			got, err := s.GetReview(ctx, r.ID)
			require.NoError(t, err)
			assert.True(t, got.Equal(r))
			assert.Equal(t, 1, got.Version)

			// PostgreSQL cannot keep U+0000; SQLite can.
			nul := r.Clone()
			nul.Comment = "a\x00b"
			_, err = s.UpdateReview(ctx, nul, 1)
			if b.dialect == sqlstore.Postgres {
				assert.ErrorIs(t, err, evaluation.ErrInvalid)
				return
			}
			require.NoError(t, err)
			got, err = s.GetReview(ctx, r.ID)
			require.NoError(t, err)
			assert.Equal(t, "a\x00b", got.Comment)
		})
	}
}
