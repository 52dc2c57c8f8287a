package dispatch_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/routing/dispatch"
	"github.com/onething-gov/onething/standards/division"
)

// demoRules loads the demo rules of the example catalog from disk.
func demoRules(t testing.TB) *dispatch.Rules {
	t.Helper()
	rs, err := dispatch.LoadRules(os.DirFS("../../examples/catalog"))
	require.NoError(t, err)
	return rs
}

// corpus reads testdata/corpus.jsonl.
func corpus(t testing.TB) []dispatch.Labeled {
	t.Helper()
	f, err := os.Open("testdata/corpus.jsonl")
	require.NoError(t, err)
	defer f.Close()
	orders, err := dispatch.ReadCorpus(f)
	require.NoError(t, err)
	return orders
}

// TestCorpus checks the corpus is what the package documentation says:
// at least 300 orders over every department and all 16 cities of
// Shandong, with a held-out part of at least 30% holding at least five
// orders of each department, and labels the rules can express.
func TestCorpus(t *testing.T) {
	rs := demoRules(t)
	orders := corpus(t)
	require.GreaterOrEqual(t, len(orders), 300)

	tuning, held := dispatch.Split(orders)
	assert.Equal(t, len(orders), len(tuning)+len(held))
	assert.GreaterOrEqual(t, 10*len(held), 3*len(orders), "held-out share %d/%d", len(held), len(orders))

	heldBy := map[string]int{}
	for _, o := range held {
		heldBy[o.Want.Department]++
	}
	for _, d := range rs.Departments() {
		assert.GreaterOrEqual(t, heldBy[d.ID], 5, "held-out orders of %s", d.ID)
	}

	cities := map[division.Code]bool{}
	fullWidth, manual := 0, 0
	for _, o := range orders {
		if o.Division != "" {
			_, ok := division.Lookup(o.Division)
			assert.True(t, ok, "%s: division %s", o.ID, o.Division)
			cities[o.Division.City()] = true
		}
		assert.True(t, o.Category.Valid(), "%s: category", o.ID)
		assert.False(t, o.ReceivedAt.IsZero(), "%s: received_at", o.ID)
		if strings.ContainsFunc(o.Text, func(r rune) bool { return r >= 0xFF01 && r <= 0xFF5E }) {
			fullWidth++
		}
		if o.Want.Manual != "" {
			manual++
			continue
		}
		_, dep, ok := rs.Topic(o.Want.Topic)
		if assert.True(t, ok, "%s: topic %q", o.ID, o.Want.Topic) {
			assert.Equal(t, o.Want.Department, dep.ID, "%s: department of topic %s", o.ID, o.Want.Topic)
		}
		_, ok = division.Lookup(o.Want.Jurisdiction)
		assert.True(t, ok, "%s: jurisdiction %q", o.ID, o.Want.Jurisdiction)
	}
	for _, c := range division.Children("370000") {
		assert.True(t, cities[c.Code], "no order from %s %s", c.Code, c.Name)
	}
	assert.GreaterOrEqual(t, fullWidth, 5, "orders with full-width characters")
	assert.GreaterOrEqual(t, 10*manual, len(orders), "orders labelled manual")
}

// TestHeldOut measures the demo rules on the held-out part of the corpus:
// every department needs coverage ≥ 70% and precision ≥ 85%. Run with -v
// to see the report, which lists the misrouted and unrouted orders.
func TestHeldOut(t *testing.T) {
	rs := demoRules(t)
	_, held := dispatch.Split(corpus(t))
	rep := dispatch.Evaluate(rs, held)
	t.Log("held-out part:\n" + rep.String())
	for _, d := range rep.Departments {
		assert.True(t, d.Coverage().AtLeast(70, 100), "%s coverage %s", d.Department.ID, d.Coverage())
		assert.True(t, d.Precision().AtLeast(85, 100), "%s precision %s", d.Department.ID, d.Precision())
	}
}

// TestTuning reports the same figures on the tuning part, for comparison.
func TestTuning(t *testing.T) {
	rs := demoRules(t)
	tuning, _ := dispatch.Split(corpus(t))
	rep := dispatch.Evaluate(rs, tuning)
	t.Log("tuning part:\n" + rep.String())
	assert.Equal(t, len(tuning), rep.Orders)
}

// TestTopicMatters checks that every topic naming a matter names one of
// the demo catalog's matters.
func TestTopicMatters(t *testing.T) {
	codes := map[string]bool{}
	files, err := filepath.Glob("../../examples/catalog/matters/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var ms []struct {
			Code string `json:"code"`
		}
		require.NoError(t, json.Unmarshal(b, &ms), f)
		for _, m := range ms {
			codes[m.Code] = true
		}
	}
	b, err := os.ReadFile("../../examples/catalog/dispatch/departments.json")
	require.NoError(t, err)
	var file struct {
		Departments []struct {
			Topics []dispatch.Topic `json:"topics"`
		} `json:"departments"`
	}
	require.NoError(t, json.Unmarshal(b, &file))
	n := 0
	for _, d := range file.Departments {
		for _, tp := range d.Topics {
			if tp.Matter != "" {
				n++
				assert.True(t, codes[tp.Matter], "topic %s: matter %s not in the demo catalog", tp.ID, tp.Matter)
			}
		}
	}
	assert.Positive(t, n)
}
