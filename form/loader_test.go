package form_test

import (
	"errors"
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

func TestLoadDemoForms(t *testing.T) {
	cat := demoCatalog(t)
	lib := demoLibrary(t)
	require.Len(t, lib.Forms(), len(cat.Forms()))
	for m := range cat.Matters() {
		if m.Form == "" {
			continue
		}
		f, err := lib.ForMatter(m.Code)
		require.NoError(t, err, m.Code)
		assert.Equal(t, m.Form, f.ID())
		assert.Equal(t, m.Code, f.MatterCode())
		assert.Equal(t, m.Name, f.Matter().Name)
		g, err := lib.Form(m.Form)
		require.NoError(t, err)
		assert.Same(t, f, g)
	}
	_, err := lib.Form("https://nowhere.invalid/x.json")
	assert.True(t, errors.Is(err, form.ErrNotFound))
	_, err = lib.ForMatter("000000000000")
	assert.True(t, errors.Is(err, form.ErrNotFound))
}

func testMatter(code, formID string) *matter.Matter {
	return &matter.Matter{Code: code, Name: "测试事项" + code, Form: formID,
		Materials: []matter.Material{{Type: "resident-id-card", Name: "居民身份证", Need: matter.Required, Trust: []matter.Trust{matter.TrustB}}}}
}

// loadOne loads one form file body as file "f.json" of matter T1.
func loadOne(body string) (*form.Library, error) {
	fsys := fstest.MapFS{"f.json": {Data: []byte(body)}}
	return (&form.Loader{Matters: []*matter.Matter{testMatter("T1", "https://t.invalid/f.json")}}).Load(fsys)
}

const formHead = `{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://t.invalid/f.json","title":"t","type":"object",`

func TestLoadErrors(t *testing.T) {
	cases := []struct {
		name, body, code, pointer string
		is                        error
	}{
		{"unknown element", formHead + `"properties":{"x":{"type":"string","x-element":"person.shoe_size"}}}`, "element.unknown", "/properties/x/x-element", form.ErrUnknownElement},
		{"type against element", formHead + `"properties":{"m":{"type":"integer","x-element":"person.mobile"}}}`, "element.type", "/properties/m", form.ErrTypeMismatch},
		{"enum against element", formHead + `"properties":{"s":{"type":"string","enum":["M","F"],"x-element":"person.sex"}}}`, "element.type", "/properties/s", form.ErrTypeMismatch},
		{"format against element", formHead + `"properties":{"d":{"type":"string","format":"date-time","x-element":"retirement.date"}}}`, "element.type", "/properties/d", form.ErrTypeMismatch},
		{"element inside an array", formHead + `"properties":{"kids":{"type":"array","items":{"type":"object","properties":{"id":{"type":"string","x-element":"person.id_number"}}}}}}`, "form.nested_element", "/properties/kids/items/properties/id/x-element", form.ErrInvalid},
		{"unsupported keyword on an object", formHead + `"properties":{"a":{"type":"string"}},"patternProperties":{"^x":{}}}`, "form.unsupported", "/patternProperties", form.ErrInvalid},
		{"required names no property", formHead + `"properties":{"a":{"type":"string"}},"required":["b"]}`, "form.required", "/required", form.ErrInvalid},
		{"condition names no property", formHead + `"properties":{"a":{"type":"string"}},"if":{"required":["zz"]},"then":{"required":["a"]}}`, "form.condition", "", form.ErrInvalid},
		{"reference outside the form", formHead + `"properties":{"a":{"$ref":"https://elsewhere.invalid/s.json"}}}`, "form.json_schema", "", form.ErrInvalid},
		{"unknown check", formHead + `"x-rules":[{"check":"horoscope"}],"properties":{"a":{"type":"string"}}}`, "rule.unknown", "/x-rules/0/check", form.ErrInvalid},
		{"check parameter unbound", formHead + `"x-rules":[{"check":"min-contribution"}],"properties":{"d":{"type":"string","x-element":"retirement.date"}}}`, "rule.unbound", "/x-rules/0/args/years", form.ErrInvalid},
		{"check parameter unknown", formHead + `"x-rules":[{"check":"id-consistency","args":{"shoe":"person.name"}}],"properties":{"i":{"type":"string","x-element":"person.id_number"}}}`, "rule.param", "/x-rules/0/args/shoe", form.ErrInvalid},
		{"auto-approve names no field", formHead + `"x-auto-approve":{"elements":["person.name"],"basis":"b"},"properties":{"i":{"type":"string","x-element":"person.id_number"}}}`, "rule.unbound", "/x-auto-approve/elements/0", form.ErrInvalid},
		{"no title", `{"$id":"https://t.invalid/f.json","type":"object","properties":{"a":{}}}`, "form.meta", "", form.ErrInvalid},
		{"not JSON", `{"$id":`, "form.json", "", form.ErrInvalid},
		{"duplicate key", formHead + `"properties":{"a":{},"a":{}}}`, "form.json", "", form.ErrInvalid},
		{"not a JSON Schema", formHead + `"properties":{"a":{"type":5}}}`, "form.json_schema", "/properties/a/type", form.ErrInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loadOne(c.body)
			require.Error(t, err)
			assert.True(t, errors.Is(err, c.is), "%v", err)
			assert.True(t, errors.Is(err, form.ErrInvalid), "%v", err)
			var fe *form.FieldError
			require.True(t, errors.As(err, &fe), "%v", err)
			assert.Equal(t, "f.json", fe.File)
			assert.Equal(t, c.code, fe.Code, "%v", err)
			if c.pointer != "" {
				assert.Equal(t, c.pointer, fe.Pointer, "%v", err)
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	_, err := loadOne(formHead + `"properties":{"x":{"x-element":"no.such"},"y":{"type":"boolean","x-element":"person.name"}}}`)
	var joined interface{ Unwrap() []error }
	require.True(t, errors.As(err, &joined))
	assert.Len(t, joined.Unwrap(), 2)
}

func TestLoaderMatters(t *testing.T) {
	good := formHead + `"properties":{"a":{"type":"string"}}}`
	fsys := fstest.MapFS{"f.json": {Data: []byte(good)}}
	_, err := (&form.Loader{Matters: []*matter.Matter{testMatter("T2", "https://t.invalid/other.json")}}).Load(fsys)
	assert.ErrorContains(t, err, "no matter names form https://t.invalid/f.json")
	assert.ErrorContains(t, err, "names form https://t.invalid/other.json, which no file holds")
	assert.True(t, errors.Is(err, form.ErrNotFound))

	_, err = (&form.Loader{Matters: []*matter.Matter{testMatter("T1", "https://t.invalid/f.json"), testMatter("T2", "https://t.invalid/f.json")}}).Load(fsys)
	assert.ErrorContains(t, err, "named by matters T1 and T2")

	fsys["g.json"] = &fstest.MapFile{Data: []byte(good)}
	_, err = (&form.Loader{}).Load(fsys)
	var fe *form.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "form.duplicate", fe.Code)

	// A map from $id to matter code will do.
	lib, err := (&form.Loader{Owners: map[string]string{"https://t.invalid/f.json": "T7"}}).Load(fstest.MapFS{"f.json": {Data: []byte(good)}})
	require.NoError(t, err)
	f, _ := lib.ForMatter("T7")
	assert.Equal(t, "T7", f.MatterCode())

	// Without matters, forms load without one, and Merge refuses them.
	lib, err = (&form.Loader{}).Load(fstest.MapFS{"f.json": {Data: []byte(good)}})
	require.NoError(t, err)
	f, _ = lib.Form("https://t.invalid/f.json")
	assert.Nil(t, f.Matter())
	_, err = form.Merge(f)
	assert.True(t, errors.Is(err, form.ErrInvalid))
}

// testLibrary loads testdata/forms with matters T1 (employment) and T2
// (subsidy).
func testLibrary(t testing.TB) *form.Library {
	t.Helper()
	lib, err := (&form.Loader{Matters: []*matter.Matter{
		testMatter("T1", "https://test.onething.invalid/forms/employment.json"),
		testMatter("T2", "https://test.onething.invalid/forms/subsidy.json"),
	}}).Load(os.DirFS("testdata/forms"))
	require.NoError(t, err)
	return lib
}

func TestNestedFormStructure(t *testing.T) {
	f, err := testLibrary(t).ForMatter("T1")
	require.NoError(t, err)
	var ptrs []string
	for _, fd := range f.Fields() {
		ptrs = append(ptrs, fd.Pointer)
	}
	assert.Equal(t, []string{"/applicant/name", "/applicant/id", "/applicant/contact/mobile", "/applicant/contact/email",
		"/work/employer", "/work/employer_code", "/work/years", "/work/kind", "/remarks"}, ptrs, "document order, through $ref")
	fields := f.Fields()
	assert.Equal(t, "person.id_number", fields[1].Element, "bound through $ref")
	assert.True(t, fields[0].Required)
	assert.False(t, fields[2].Required, "required in an optional object")
	assert.False(t, fields[4].Required)
}
