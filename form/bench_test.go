package form_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

// benchRetirement is the merged 退休 form (all seven members of the
// default choice with both optional ones) and a complete, valid application
// of 王建国 with its pre-fill.
func benchRetirement(b *testing.B) (*form.Merged, form.Answers, *form.Prefilled) {
	b.Helper()
	m := demoMerged(b, demoLibrary(b), retirementBundle, fullRetirement)
	civil, insurance, licences := fakeRegistries(b)
	p := form.Prefill(context.Background(), m, form.Subject{Person: mustID(b, wangID)}, civil, insurance, licences)
	a := wangAnswers(p)
	r := form.Review(context.Background(), m, a, form.WithPrefill(p), form.On(reviewDay))
	require.Equal(b, form.Pass, r.Verdict, "%v", problemCodes(r))
	return m, a, p
}

// BenchmarkReview is the whole pre-review: schema, element validators, the
// declared checks, automatic approval. Baseline: BenchmarkReviewRawSchema.
func BenchmarkReview(b *testing.B) {
	m, a, p := benchRetirement(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		form.Review(ctx, m, a, form.WithPrefill(p), form.On(reviewDay))
	}
}

// BenchmarkReviewRawSchema validates the same document against the same
// compiled merged schema and nothing else.
func BenchmarkReviewRawSchema(b *testing.B) {
	m, a, _ := benchRetirement(b)
	doc := map[string]any(a)
	b.ReportAllocs()
	for b.Loop() {
		if err := m.Validate(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMerge merges the seven forms of the 退休 selection (members 1, 9,
// 2, 5, 6, 7, 8 of FACTS.md). The schema is compiled on first use, not here:
// see BenchmarkMergeAndCompile.
func BenchmarkMerge(b *testing.B) {
	lib := demoLibrary(b)
	bundle, _ := demoCatalog(b).Bundle(retirementBundle)
	sel, err := bundle.Select(fullRetirement)
	require.NoError(b, err)
	forms, err := lib.Select(sel)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := form.Merge(forms...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMergeAndCompile adds the compilation of the merged schema that
// the first Review of a Merged pays.
func BenchmarkMergeAndCompile(b *testing.B) {
	lib := demoLibrary(b)
	bundle, _ := demoCatalog(b).Bundle(retirementBundle)
	sel, _ := bundle.Select(fullRetirement)
	forms, _ := lib.Select(sel)
	b.ReportAllocs()
	for b.Loop() {
		m, err := form.Merge(forms...)
		if err != nil {
			b.Fatal(err)
		}
		if err := m.Validate(map[string]any{}); err == nil {
			b.Fatal("empty answers accepted")
		}
	}
}

var _ = matter.Choices{}
