package matter_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/onething-gov/onething/matter"
)

// FuzzLoadFS fuzzes one matters file beside the testdata form: LoadFS must
// not panic, and must either load or return a *ValidationError whose
// problems each name a file.
func FuzzLoadFS(f *testing.F) {
	files := catFiles(f)
	f.Add(files["matters/rs.json"].Data)
	f.Add(files["matters/yb.json"].Data)
	f.Add([]byte(`[]`))
	f.Add([]byte(`[{"code": "370107006000", "kind": 1e400, "depth": [1, 1.0, 7]}]`))
	f.Add([]byte(`[{"code": "x", "visits": 1.5, "effective": "2025-02-30", "body": {"credit_code": "91440300715267260G"}}]`))
	f.Add([]byte(`[1, "a", null, [], {}] trailing`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		fsys := fstest.MapFS{
			"forms/rs/unemployment-benefit.json": files["forms/rs/unemployment-benefit.json"],
			"matters/fuzz.json":                  &fstest.MapFile{Data: data},
		}
		c, err := matter.LoadFS(fsys)
		if err == nil {
			for m := range c.Matters() {
				if m.Validate() != nil {
					t.Fatalf("loaded an invalid matter: %v", m.Validate())
				}
			}
			return
		}
		var ve *matter.ValidationError
		if !errors.As(err, &ve) || !errors.Is(err, matter.ErrInvalid) {
			t.Fatalf("error %T: %v", err, err)
		}
		if len(ve.Problems) == 0 || len(ve.Problems) > 1001 {
			t.Fatalf("%d problems", len(ve.Problems))
		}
		for _, p := range ve.Problems {
			if p.File == "" && p.Rule != "too-many-problems" {
				t.Fatalf("problem without a file: %v", p)
			}
		}
	})
}
