package standards_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/onething-gov/onething/standards"
)

// FuzzLoadSystem feeds arbitrary tree and standards files to LoadSystem: it
// must never panic, must fail only with a *LoadError, and a system it
// accepts must answer its lookups.
func FuzzLoadSystem(f *testing.F) {
	f.Add([]byte(treeJSON), []byte("["+stdJSON+"]"))
	f.Add([]byte(treeJSON), []byte(`[{"identifier": "DB37/T 1", "requirements": [{"rule": "depth_min", "steps": [1, 1e99]}]}]`))
	f.Add([]byte(`{"id": "a", "name": "x", "children": [{"id": "a", "name": "y"}]}`), []byte(`[]`))
	f.Add([]byte(`[`), []byte(`{`))
	if names, err := filepath.Glob(filepath.Join(demoDir, "standards", "*.json")); err == nil {
		tree, _ := os.ReadFile(filepath.Join(demoDir, "standards", "tree.json"))
		for _, name := range names {
			if b, err := os.ReadFile(name); err == nil && filepath.Base(name) != "tree.json" {
				f.Add(tree, b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, tree, stds []byte) {
		sys, err := standards.LoadSystem(fstest.MapFS{
			"standards/tree.json": {Data: tree},
			"standards/s.json":    {Data: stds},
		})
		if err != nil {
			var le *standards.LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("error %v is not a *LoadError with problems", err)
			}
			return
		}
		for _, id := range sys.Identifiers() {
			h := sys.History(id)
			if len(h) == 0 {
				t.Fatalf("%s has no history", id)
			}
			for _, s := range h {
				if _, ok := sys.Category(s.Category); !ok {
					t.Fatalf("%s: unknown category %q accepted", s.Designation(), s.Category)
				}
				sys.At(id, s.Effective)
				s.Evaluate(conforming())
			}
		}
	})
}
