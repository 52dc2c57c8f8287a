package form_test

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

// seedForms adds every demo and testdata form as a seed.
func seedForms(f *testing.F, add func(b []byte)) {
	for _, dir := range []string{catalogDir + "/forms", "testdata/forms"} {
		_ = fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && path.Ext(p) == ".json" {
				if b, err := fs.ReadFile(os.DirFS(dir), p); err == nil {
					add(b)
				}
			}
			return nil
		})
	}
}

// FuzzLoadForm: no form file makes the loader, Merge, Split or Review
// panic; a form that loads merges alone and its merged schema compiles.
func FuzzLoadForm(f *testing.F) {
	seedForms(f, func(b []byte) { f.Add(b) })
	f.Add([]byte(`{"$id":"https://t.invalid/f.json","title":"t","type":"object","properties":{"a":{"$ref":"#/$defs/a"}},"$defs":{"a":{"$ref":"#/$defs/a"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var head struct {
			ID string `json:"$id"`
		}
		_ = json.Unmarshal(b, &head)
		lib, err := (&form.Loader{Matters: []*matter.Matter{testMatter("F1", head.ID)}}).Load(fstest.MapFS{"f.json": {Data: b}})
		if err != nil {
			if !errors.Is(err, form.ErrInvalid) && !errors.Is(err, form.ErrNotFound) {
				t.Fatalf("load error wraps no sentinel: %v", err)
			}
			return
		}
		fm, err := lib.ForMatter("F1")
		if err != nil {
			t.Fatal(err)
		}
		m, err := form.Merge(fm)
		if err != nil {
			if !errors.Is(err, form.ErrConflict) { // a field may contradict itself
				t.Fatalf("a form alone merges or conflicts: %v", err)
			}
			return
		}
		exercise(t, m, form.Answers{})
	})
}

// exercise reviews and splits answers and checks the merged schema
// compiles.
func exercise(t *testing.T, m *form.Merged, a form.Answers) {
	t.Helper()
	if err := m.Validate(map[string]any(a)); err != nil {
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			t.Fatalf("merged schema does not compile: %v\n%s", err, m.Schema())
		}
	}
	form.Review(context.Background(), m, a)
	_, _ = form.Split(m, a)
}

// FuzzMerge: no pair of forms makes Merge panic; a merge either succeeds
// with a compiling schema or fails with ErrConflict.
func FuzzMerge(f *testing.F) {
	var seeds [][]byte
	seedForms(f, func(b []byte) { seeds = append(seeds, b) })
	for i := range seeds {
		f.Add(seeds[i], seeds[(i+1)%len(seeds)])
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		fa, err := form.ParseForm("a.json", a, testMatter("A", "a"), nil)
		if err != nil {
			return
		}
		fb, err := form.ParseForm("b.json", b, testMatter("B", "b"), nil)
		if err != nil {
			return
		}
		m, err := form.Merge(fa, fb)
		if err != nil {
			if !errors.Is(err, form.ErrConflict) {
				t.Fatalf("merge failed without a conflict: %v", err)
			}
			return
		}
		exercise(t, m, form.Answers{})
	})
}

// FuzzReview: no answers make Review, Split or Normalize panic on the
// merged 退休 form.
func FuzzReview(f *testing.F) {
	lib := demoLibrary(f)
	m := demoMerged(f, lib, retirementBundle, fullRetirement)
	civil, insurance, licences := fakeRegistries(f)
	p := form.Prefill(context.Background(), m, form.Subject{Person: mustID(f, wangID)}, civil, insurance, licences)
	good, _ := json.Marshal(wangAnswers(p))
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"person.id_number":"11010519491231002X","retirement.date":"2025-02-30","matters":{"370015002000":{"deemed_periods":[{}]}}}`))
	f.Add([]byte(`{"insurance.contribution_years":1e400,"retirement.category":"female_cadre","person.id_number":"370102196501151237"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := form.DecodeAnswers(b)
		if err != nil {
			return
		}
		form.Review(context.Background(), m, a, form.WithPrefill(p), form.On(reviewDay))
		form.Review(context.Background(), m, m.Normalize(a))
		_, _ = form.Split(m, a)
	})
}
