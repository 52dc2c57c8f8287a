package matter

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSearchAgreesWithScan checks the gram index against the linear scan
// baseline on a generated catalog, for the benchmark's queries and random
// fragments of names and texts, at several limits.
func TestSearchAgreesWithScan(t *testing.T) {
	cat, err := Build(Contents{Matters: genMatters(3000)})
	require.NoError(t, err)
	queries := append([]string(nil), genQueries...)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		e := cat.search.entries[rng.IntN(len(cat.search.entries))]
		text := []rune(e.name)
		if len(e.texts) > 0 && rng.IntN(3) == 0 {
			text = []rune(e.texts[rng.IntN(len(e.texts))])
		}
		i := rng.IntN(len(text))
		j := i + 1 + rng.IntN(min(6, len(text)-i))
		queries = append(queries, string(text[i:j]))
	}
	queries = append(queries, "保", "（", "法》第", "不存在的事项", "济南市济南市")
	for _, q := range queries {
		for _, limit := range []int{0, 1, 7, 20} {
			assert.Equal(t, linearSearch(cat.search, q, limit), cat.Search(q, limit), "query %q limit %d", q, limit)
		}
	}
}

func TestFoldTextKeepsUnchangedStrings(t *testing.T) {
	for _, s := range []string{"失业保险金申领", "abc", "《失业保险条例》第十四条"} {
		assert.Equal(t, 0.0, testing.AllocsPerRun(10, func() { foldText(s) }), s)
	}
	assert.Equal(t, "abc 123", foldText("ＡＢＣ　１２３"))
}
