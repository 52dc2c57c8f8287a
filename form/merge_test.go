package form_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

var update = flag.Bool("update", false, "rewrite golden files")

func mergedDoc(t testing.TB, m *form.Merged) map[string]any {
	t.Helper()
	var doc map[string]any
	d := json.NewDecoder(bytes.NewReader(m.Schema()))
	d.UseNumber()
	require.NoError(t, d.Decode(&doc))
	return doc
}

func property(t testing.TB, doc map[string]any, name string) map[string]any {
	t.Helper()
	p, ok := doc["properties"].(map[string]any)[name].(map[string]any)
	require.True(t, ok, "no property %s", name)
	return p
}

func TestMergeRetirement(t *testing.T) {
	lib := demoLibrary(t)
	m := demoMerged(t, lib, retirementBundle, fullRetirement)
	assert.Equal(t, []string{qualification, hukou, deemed, pensionAward, medical, fundWithdraw, onlyChild}, m.Members())
	before := 0
	for _, f := range m.Forms() {
		before += len(f.Fields())
	}
	assert.Equal(t, before, m.FieldsBefore())
	assert.Equal(t, 67, m.FieldsBefore())
	assert.Equal(t, 32, m.FieldsAfter())

	// Every element once.
	seen := map[string]bool{}
	for _, f := range m.Fields() {
		if f.Element != "" {
			assert.False(t, seen[f.Element], f.Element)
			seen[f.Element] = true
			assert.Equal(t, "/"+f.Element, f.Pointer)
		} else {
			assert.True(t, strings.HasPrefix(f.Pointer, "/matters/"), f.Pointer)
		}
	}
	id, _ := m.Field("/person.id_number")
	assert.Equal(t, m.Members(), id.Members, "every member asks for the ID number")
	assert.Len(t, id.Sources, 7)

	// Sections in plan order, each with the fields its form brings first.
	secs := m.Sections()
	require.Len(t, secs, 7)
	for i, s := range secs {
		assert.Equal(t, m.Members()[i], s.Matter)
	}
	assert.Equal(t, "/person.id_number", secs[0].Fields[0])
	assert.Equal(t, []string{"/person.address", "/matters/" + hukou + "/purpose"}, secs[1].Fields)

	// Constraints intersected.
	doc := mergedDoc(t, m)
	name := property(t, doc, "person.name")
	assert.Equal(t, json.Number("20"), name["maxLength"], "30 ∩ 20")
	assert.Equal(t, json.Number("2"), name["minLength"])
	acct := property(t, doc, "person.bank_account")
	assert.Equal(t, json.Number("16"), acct["minLength"], "only the 公积金 form asks for 16")
	assert.Equal(t, `^\d{12,19}$`, acct["pattern"])
	early := property(t, doc, "retirement.early_type")
	assert.Equal(t, []any{"normal", "flexible"}, early["enum"], "资格确认 allows only normal and flexible")
	req := doc["required"].([]any)
	assert.Contains(t, req, "person.birth_date", "required by one member is required")
	assert.NotContains(t, req, "insurance.first_insured_date")

	// Materials by type: one 居民身份证 for all.
	mats := m.Materials()
	i := slices.IndexFunc(mats, func(x form.Material) bool { return x.Type == "resident-id-card" })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, []string{qualification, hukou, deemed, pensionAward, medical, fundWithdraw}, mats[i].MemberCodes(),
		"every member but the 独生子女 reward, which asks for no ID card")
	assert.Equal(t, matter.Required, mats[i].Need)
	types := map[string]bool{}
	for _, x := range mats {
		assert.False(t, types[x.Type])
		types[x.Type] = true
	}
	assert.Greater(t, m.MaterialsBefore(), len(mats))
}

func TestMergeDeterministic(t *testing.T) {
	lib := demoLibrary(t)
	a := demoMerged(t, lib, retirementBundle, fullRetirement).Schema()
	for range 5 {
		b := demoMerged(t, demoLibrary(t), retirementBundle, fullRetirement).Schema()
		require.True(t, bytes.Equal(a, b), "merge is not deterministic")
	}
	golden := "testdata/retirement-merged.golden.json"
	if *update {
		require.NoError(t, os.WriteFile(golden, a, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestMergeDeterministic -update")
	assert.Equal(t, string(want), string(a))
}

// pair parses two forms of matters A and B.
func pair(t *testing.T, a, b string) (*form.Form, *form.Form) {
	t.Helper()
	wrap := func(id, props string) string {
		return `{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://t.invalid/` + id + `.json","title":"` + id + `","type":"object","properties":` + props + `}`
	}
	fa, err := form.ParseForm("a.json", []byte(wrap("a", a)), testMatter("A", "https://t.invalid/a.json"), nil)
	require.NoError(t, err)
	fb, err := form.ParseForm("b.json", []byte(wrap("b", b)), testMatter("B", "https://t.invalid/b.json"), nil)
	require.NoError(t, err)
	return fa, fb
}

func TestMergeConflicts(t *testing.T) {
	cases := []struct {
		name, a, b, element, constraint string
	}{
		{"enum empty", `{"s":{"type":"string","enum":["男"],"x-element":"person.sex"}}`, `{"x":{"type":"string","const":"女","x-element":"person.sex"}}`, "person.sex", "enum"},
		{"minimum above maximum", `{"y":{"type":"number","minimum":20,"x-element":"insurance.contribution_years"}}`, `{"y":{"type":"number","maximum":10,"x-element":"insurance.contribution_years"}}`, "insurance.contribution_years", "minimum/maximum"},
		{"exclusive bounds meet", `{"y":{"type":"number","exclusiveMinimum":10,"x-element":"insurance.contribution_years"}}`, `{"y":{"type":"number","maximum":10,"x-element":"insurance.contribution_years"}}`, "insurance.contribution_years", "minimum/maximum"},
		{"lengths", `{"n":{"type":"string","minLength":10,"x-element":"person.name"}}`, `{"n":{"type":"string","maxLength":5,"x-element":"person.name"}}`, "person.name", "minLength/maxLength"},
		{"formats", `{"a":{"type":"string","format":"email","x-element":"person.address"}}`, `{"a":{"type":"string","format":"uri","x-element":"person.address"}}`, "person.address", "format"},
		{"other keyword", `{"p":{"type":"string","contentMediaType":"image/jpeg","x-element":"person.photo"}}`, `{"p":{"type":"string","contentMediaType":"image/png","x-element":"person.photo"}}`, "person.photo", "contentMediaType"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fa, fb := pair(t, c.a, c.b)
			_, err := form.Merge(fa, fb)
			require.Error(t, err)
			assert.True(t, errors.Is(err, form.ErrConflict))
			var ce *form.ConflictError
			require.True(t, errors.As(err, &ce), "%v", err)
			assert.Equal(t, c.element, ce.Element)
			assert.Equal(t, c.constraint, ce.Constraint)
			assert.Equal(t, [2]string{"https://t.invalid/a.json", "https://t.invalid/b.json"}, ce.Forms)
			assert.Equal(t, [2]string{"A", "B"}, ce.Matters)
			assert.Contains(t, ce.Error(), "https://t.invalid/a.json")
			assert.Contains(t, ce.Error(), "https://t.invalid/b.json")
		})
	}
	t.Run("against the element itself", func(t *testing.T) {
		d, err := form.Builtin().With(form.Element{ID: "test.level", Label: form.Text{ZH: "级别", EN: "level"}, Type: "integer", Enum: []any{1, 2, 3}, Class: form.Public})
		require.NoError(t, err)
		wrap := `{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://t.invalid/c.json","title":"c","type":"object","properties":{"l":{"type":"integer","minimum":5,"x-element":"test.level"}}}`
		f, err := form.ParseForm("c.json", []byte(wrap), testMatter("C", "https://t.invalid/c.json"), d)
		require.NoError(t, err)
		m, err := form.Merge(f)
		require.NoError(t, err, "minimum 5 with enum 1–3 is empty, but Merge does not solve constraints across keywords")
		r := form.Review(context.Background(), m, form.Answers{"test.level": json.Number("2")})
		assert.Equal(t, form.Fail, r.Verdict)
	})
	t.Run("every conflict reported", func(t *testing.T) {
		fa, fb := pair(t, `{"s":{"type":"string","enum":["男"],"x-element":"person.sex"},"n":{"type":"string","minLength":10,"x-element":"person.name"}}`,
			`{"s":{"type":"string","enum":["女"],"x-element":"person.sex"},"n":{"type":"string","maxLength":5,"x-element":"person.name"}}`)
		_, err := form.Merge(fa, fb)
		var joined interface{ Unwrap() []error }
		require.True(t, errors.As(err, &joined))
		assert.Len(t, joined.Unwrap(), 2)
	})
}

func TestMergeIntersects(t *testing.T) {
	fa, fb := pair(t,
		`{"m":{"type":"string","pattern":"^1","x-element":"person.mobile"},"y":{"type":"number","minimum":1,"maximum":50,"x-element":"insurance.contribution_years"},"s":{"type":"string","enum":["男","女"],"x-element":"person.sex"}}`,
		`{"m":{"type":"string","pattern":"^13","x-element":"person.mobile"},"y":{"type":"integer","minimum":5,"exclusiveMaximum":40,"x-element":"insurance.contribution_years"},"s":{"type":"string","enum":["女"],"x-element":"person.sex"}}`)
	m, err := form.Merge(fa, fb)
	require.NoError(t, err)
	doc := mergedDoc(t, m)
	mob := property(t, doc, "person.mobile")
	assert.Equal(t, "^1", mob["pattern"])
	assert.Equal(t, []any{map[string]any{"pattern": "^13"}}, mob["allOf"], "both patterns apply")
	y := property(t, doc, "insurance.contribution_years")
	assert.Equal(t, "integer", y["type"], "number ∩ integer")
	assert.Equal(t, json.Number("5"), y["minimum"])
	assert.Equal(t, json.Number("40"), y["exclusiveMaximum"])
	assert.NotContains(t, y, "maximum")
	assert.Equal(t, []any{"女"}, property(t, doc, "person.sex")["enum"])
	assert.Equal(t, 6, m.FieldsBefore())
	assert.Equal(t, 3, m.FieldsAfter())

	_, err = form.Merge(fa, fa)
	assert.True(t, errors.Is(err, form.ErrInvalid), "two forms of one matter")
	_, err = form.Merge()
	assert.True(t, errors.Is(err, form.ErrInvalid))
}

func TestMergeConditionals(t *testing.T) {
	ctx := context.Background()
	lib := testLibrary(t)
	emp, _ := lib.ForMatter("T1")
	sub, _ := lib.ForMatter("T2")
	m, err := form.Merge(emp, sub)
	require.NoError(t, err)
	base := form.Answers{
		"person.name": "王建国", "person.id_number": wangID,
		"matters": map[string]any{"T2": map[string]any{"amount": json.Number("100")}},
	}
	codes := func(a form.Answers) map[string]string {
		r := form.Review(ctx, m, a)
		out := map[string]string{}
		for _, p := range r.Problems {
			out[p.Pointer] = p.Code + " " + strings.Join(p.Matters, ",")
		}
		return out
	}
	assert.Empty(t, codes(base))

	// A required field of an optional object: giving work.years needs the
	// employer, bound to enterprise.name.
	a := base.Clone()
	a["matters"].(map[string]any)["T1"] = map[string]any{"work": map[string]any{"years": json.Number("3")}}
	assert.Equal(t, map[string]string{"/enterprise.name": "schema.required T1"}, codes(a))

	// if/then in a nested object, restated at the merged pointers.
	a["enterprise.name"] = "济南示范机械有限公司"
	a["matters"].(map[string]any)["T1"].(map[string]any)["work"].(map[string]any)["kind"] = "劳务派遣"
	assert.Equal(t, map[string]string{"/employment.employer_credit_code": "schema.required T1"}, codes(a))

	// dependentRequired: the credit code needs the years (given).
	a["employment.employer_credit_code"] = "913701001630448842"
	assert.Empty(t, codes(a))

	// A root if/then/else of the other form: reason 困难 forbids sex.
	b := base.Clone()
	b["matters"].(map[string]any)["T2"].(map[string]any)["reason"] = "困难"
	b["person.sex"] = "男"
	got := codes(b)
	require.Len(t, got, 1, "%v", got)
	b["matters"].(map[string]any)["T2"].(map[string]any)["reason"] = "失业"
	assert.Equal(t, map[string]string{"/person.mobile": "schema.required T2"}, codes(b))

	// A mobile given for the optional contact object is the required field of that object.
	c := base.Clone()
	c["matters"].(map[string]any)["T1"] = map[string]any{"applicant": map[string]any{"contact": map[string]any{"email": "a@b.cn"}}}
	assert.Equal(t, map[string]string{"/person.mobile": "schema.required T1"}, codes(c))
}
