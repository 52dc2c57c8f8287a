package routing_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/onething-gov/onething/routing"
)

// FuzzLoadAgreements feeds LoadAgreements arbitrary files beside the demo
// regions. It must never panic; a failure is a *LoadError naming the file;
// a success has every agreement's partners and modes filled in.
func FuzzLoadAgreements(f *testing.F) {
	regions, err := os.ReadFile("../examples/catalog/agreements/regions.json")
	if err != nil {
		f.Fatal(err)
	}
	for _, dir := range []string{"../examples/catalog/agreements", "testdata/agreements"} {
		names, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Add([]byte(`{"agreements": [{"id": "a", "name": "协议", "division": "370000", "modes": ["proxy"], "matters": [{"code": "370015030000"}], "effective": "2026-01-01", "expires": null, "source": "s"}]}`))
	f.Add([]byte(`{"regions": [], "agreements": [], "jurisdiction": []}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		fsys := fstest.MapFS{
			"agreements/0-regions.json": {Data: regions},
			"agreements/fuzz.json":      {Data: doc},
		}
		a, err := routing.LoadAgreements(fsys)
		if err != nil {
			var le *routing.LoadError
			if !errors.As(err, &le) || len(le.Problems) == 0 {
				t.Fatalf("error %v is not a *LoadError with problems", err)
			}
			if !errors.Is(err, routing.ErrInvalid) || errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		for _, ag := range a.List() {
			if len(ag.Partners) == 0 || len(ag.Modes) == 0 || len(ag.Matters) == 0 {
				t.Fatalf("agreement %s loaded incomplete: %+v", ag.ID, ag)
			}
			if !ag.Expires.IsZero() && !ag.Effective.Before(ag.Expires) {
				t.Fatalf("agreement %s expires before it takes effect", ag.ID)
			}
		}
	})
}
