package matter_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Codes of the testdata catalog (testdata/catalog).
const (
	unemployment = "370112001000" // 失业保险金申领, promised 5; 济南 3; 长清 2
	enrolment    = "370107001000" // 职工参保登记
	earlyRetire  = "370101003000" // 特殊工种提前退休核准, on the negative list
	retireBundle = "370000YJS001" // 退休一件事
)

// catFiles returns the testdata catalog as a MapFS, to be broken by tests.
func catFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	root := os.DirFS("testdata/catalog")
	err := fs.WalkDir(root, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, name)
		out[name] = &fstest.MapFile{Data: b}
		return err
	})
	require.NoError(t, err)
	return out
}

func catLoad(t testing.TB) *matter.Catalog {
	t.Helper()
	c, err := matter.LoadFS(os.DirFS("testdata/catalog"))
	require.NoError(t, err)
	return c
}

func TestLoadFSTestdata(t *testing.T) {
	c := catLoad(t)
	assert.Equal(t, 7, c.Len())
	assert.Equal(t, []string{"https://onething.gov.cn/forms/rs/unemployment-benefit.json"}, c.Forms())

	m, ok := c.Matter(unemployment)
	require.True(t, ok)
	assert.Equal(t, "失业保险金申领", m.Name)
	assert.True(t, m.Depth.FullyOnline())
	assert.Equal(t, "11370000004301724T", m.Body.CreditCode.String())

	b, ok := c.Bundle(retireBundle)
	require.True(t, ok)
	assert.Equal(t, "退休一件事", b.Name)
	assert.Len(t, b.Members, 5)

	assert.Equal(t, []string{"370107006000"}, c.ByDepartment("11370000MB2855168J"))
	assert.Len(t, c.ByDivision("370000"), 7)
	assert.Empty(t, c.ByDivision("370100"), "every base matter is the province's")
	assert.Len(t, c.Overlays(unemployment), 2)

	var codes []string
	for m := range c.Matters() {
		codes = append(codes, m.Code)
	}
	assert.Equal(t, c.Codes(), codes)
	var bundles int
	for range c.Bundles() {
		bundles++
	}
	assert.Equal(t, 1, bundles)
}

func TestCatalogReturnsCopies(t *testing.T) {
	c := catLoad(t)
	m, _ := c.Matter(unemployment)
	m.Name = "改"
	m.Materials[0].Trust[0] = matter.TrustD
	again, _ := c.Matter(unemployment)
	assert.Equal(t, "失业保险金申领", again.Name)
	assert.Equal(t, matter.TrustA, again.Materials[0].Trust[0])

	b, _ := c.Bundle(retireBundle)
	b.Plan.Steps[0].Slots[0].OneOf[0] = "x"
	b2, _ := c.Bundle(retireBundle)
	assert.Equal(t, "370107002000", b2.Plan.Steps[0].Slots[0].OneOf[0])

	ovs := c.Overlays(unemployment)
	*ovs[0].PromisedLimit = matter.TimeLimit{Value: 99}
	assert.Equal(t, 3, c.Overlays(unemployment)[0].PromisedLimit.Value)

	out := c.OutletsNear("370102", unemployment)
	out[0].Matters[0] = "x"
	assert.Equal(t, unemployment, c.OutletsNear("370102", unemployment)[0].Matters[0])

	cs := c.Contents()
	cs.Matters[0].Name = "改"
	assert.NotEqual(t, "改", c.Contents().Matters[0].Name)
}

// TestContentsRoundTrip writes a catalog's Contents back in the documented
// layout and loads it again.
func TestContentsRoundTrip(t *testing.T) {
	c := catLoad(t)
	cs := c.Contents()
	files := fstest.MapFS{}
	put := func(name string, v any) {
		b, err := json.MarshalIndent(v, "", "  ")
		require.NoError(t, err)
		files[name] = &fstest.MapFile{Data: b}
	}
	put("matters/all.json", cs.Matters)
	put("bundles/all.json", cs.Bundles)
	put("negative/all.json", cs.Negative)
	put("outlets/all.json", cs.Outlets)
	put("overlays/370000.json", cs.Overlays)
	for i, id := range cs.Forms {
		put("forms/f"+string(rune('a'+i))+".json", map[string]any{"$id": id, "type": "object"})
	}
	c2, err := matter.LoadFS(files)
	require.NoError(t, err)
	assert.Equal(t, cs, c2.Contents())

	c3, err := matter.Build(cs)
	require.NoError(t, err)
	assert.Equal(t, cs, c3.Contents())
}

func TestResolve(t *testing.T) {
	c := catLoad(t)
	for _, tc := range []struct {
		name     string
		d        string
		promised int
		body     string
	}{
		{"province", "370000", 5, "山东省人力资源和社会保障厅"},
		{"no division", "", 5, "山东省人力资源和社会保障厅"},
		{"another city", "371700", 5, "山东省人力资源和社会保障厅"},
		{"county of another city", "371722", 5, "山东省人力资源和社会保障厅"},
		{"city overlay", "370100", 3, "济南市人力资源和社会保障局"},
		{"county without its own overlay takes the city's", "370102", 3, "济南市人力资源和社会保障局"},
		{"county overlay over the city's", "370113", 2, "济南市长清区人力资源和社会保障局"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := c.Resolve(unemployment, division.Code(tc.d))
			require.NoError(t, err)
			assert.Equal(t, tc.promised, m.PromisedLimit.Value)
			assert.Equal(t, tc.body, m.Body.Name)
			assert.Equal(t, "失业保险金申领", m.Name)
			require.NoError(t, m.Validate())
		})
	}
	m, err := c.Resolve(unemployment, "370113")
	require.NoError(t, err)
	assert.Equal(t, "长清区政务服务中心", m.Places[0].Name)
	assert.Equal(t, "0531-12333", m.Contacts.Consult, "the county keeps the city's contacts")

	m, err = c.Resolve(unemployment, "３７０１１３")
	require.NoError(t, err)
	assert.Equal(t, 2, m.PromisedLimit.Value, "full-width digits are folded")

	_, err = c.Resolve("370199999999", "370100")
	assert.ErrorIs(t, err, matter.ErrNotFound)
	_, err = c.Resolve(unemployment, "37010")
	assert.ErrorIs(t, err, matter.ErrInvalid)
}

// TestCountyMayNotLengthenCity: the city shortened 5 days to 3; a county
// overlay of 4 is shorter than the province's 5 but breaks the city's list.
func TestCountyMayNotLengthenCity(t *testing.T) {
	cs := catLoad(t).Contents()
	for _, o := range cs.Overlays {
		if o.Division == "370113" {
			o.PromisedLimit = &matter.TimeLimit{Value: 4}
		}
	}
	_, err := matter.Build(cs)
	var ve *matter.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 1, "%v", err)
	p := ve.Problems[0]
	assert.Equal(t, "overlay-standard", p.Rule)
	assert.Equal(t, "/promised_limit", p.Pointer)
	assert.Equal(t, unemployment+"@370113", p.Subject)
	assert.Contains(t, p.EN, "base 3个工作日, local 4个工作日")
	assert.Contains(t, p.EN, "370100")
}

func TestOutletsNear(t *testing.T) {
	c := catLoad(t)
	ids := func(os []matter.Outlet) []string {
		var out []string
		for _, o := range os {
			out = append(out, o.ID)
		}
		return out
	}
	// 历下: its own hall and a bank (not comprehensive: by id), then the
	// city's hall and 长清 (comprehensive first), then the province.
	assert.Equal(t, []string{"370102-bank-qilu", "370102-hall", "370100-hall", "370113-hall", "370000-hall", "371700-hall"},
		ids(c.OutletsNear("370102", unemployment)))
	assert.Equal(t, []string{"370113-hall", "370100-hall", "370102-bank-qilu", "370102-hall", "370000-hall", "371700-hall"},
		ids(c.OutletsNear("370113", unemployment)))
	assert.Equal(t, []string{"370100-hall", "370000-hall"}, ids(c.OutletsNear("370102", retireBundle)))
	assert.Equal(t, []string{"371700-hall", "370000-hall", "370100-hall", "370113-hall", "370102-bank-qilu", "370102-hall"},
		ids(c.OutletsNear("371722", unemployment)))
	assert.Empty(t, c.OutletsNear("110105", unemployment), "outside the province")
	assert.Empty(t, c.OutletsNear("370102", "370199999999"))
}

func TestNegativeList(t *testing.T) {
	c := catLoad(t)
	e, ok := c.Negative(earlyRetire, "370113")
	require.True(t, ok)
	assert.Equal(t, "山东省大数据局", e.ApprovedBy)
	_, ok = c.Negative(unemployment, "370113")
	assert.False(t, ok)

	assert.Len(t, c.NegativeList("11370000004301724T", "370100"), 1)
	assert.Len(t, c.NegativeList("", ""), 1)
	assert.Empty(t, c.NegativeList("11370000MB2855168J", "370100"))

	// The most specific entry wins.
	cs := c.Contents()
	county := cs.Negative[0]
	county.Division = "370113"
	county.Reason = "长清区档案室未开通远程查阅"
	cs.Negative = append(cs.Negative, county)
	c2, err := matter.Build(cs)
	require.NoError(t, err)
	e, _ = c2.Negative(earlyRetire, "370113")
	assert.Equal(t, "长清区档案室未开通远程查阅", e.Reason)
	e, _ = c2.Negative(earlyRetire, "370102")
	assert.NotEqual(t, "长清区档案室未开通远程查阅", e.Reason)
	assert.Len(t, c2.NegativeList("", "370100"), 2)
	assert.Len(t, c2.NegativeList("", "371700"), 1)
}

// TestLoadFSBroken breaks the testdata catalog one rule at a time; each
// problem must name its file, its pointer and its rule.
func TestLoadFSBroken(t *testing.T) {
	for _, tc := range []struct {
		name, file, old, new string // replace old (first occurrence) by new in file; new file if old is ""
		want                 matter.Problem
		not                  []string // rules that must not fire
	}{
		{name: "schema: unit not in the enumeration", file: "matters/rs.json",
			old: `"promised_limit": {"value": 5}`, new: `"promised_limit": {"value": 5, "unit": "weeks"}`,
			want: matter.Problem{File: "matters/rs.json", Pointer: "/0/promised_limit/unit", Rule: "schema", Subject: unemployment}},
		{name: "schema: misspelt field", file: "matters/rs.json",
			old: `"postal": false,`, new: `"postl": false,`,
			want: matter.Problem{File: "matters/rs.json", Pointer: "/0/postl", Rule: "schema"}},
		{name: "schema: kind 11", file: "matters/yb.json",
			old: `"kind": 7`, new: `"kind": 11`,
			want: matter.Problem{File: "matters/yb.json", Pointer: "/0/kind", Rule: "schema"},
			not:  []string{"member-exists"}},
		{name: "schema: repeated depth step", file: "matters/rs.json",
			old: `"depth": [1, 2, 3, 4, 5, 6],`, new: `"depth": [1, 2, 2, 4, 5, 6],`,
			want: matter.Problem{File: "matters/rs.json", Pointer: "/0/depth", Rule: "schema"}},
		{name: "schema: impossible date", file: "matters/rs.json",
			old: `"effective": "2025-01-01"`, new: `"effective": "2025-02-30"`,
			want: matter.Problem{File: "matters/rs.json", Pointer: "/0/effective", Rule: "schema"}},
		{name: "schema: credit code check character", file: "matters/yb.json",
			old: `"11370000MB2855168J"`, new: `"11370000MB2855168K"`,
			want: matter.Problem{File: "matters/yb.json", Pointer: "/0/body/credit_code", Rule: "schema"}},
		{name: "schema: not an array", file: "outlets/province.json",
			old: "", new: `{"id": "x"}`,
			want: matter.Problem{File: "outlets/province.json", Pointer: "", Rule: "schema"}},
		{name: "schema: a number too large to check", file: "matters/yb.json",
			old: `"visits": 0,`, new: `"visits": 1e999999999,`,
			want: matter.Problem{File: "matters/yb.json", Pointer: "/0/visits", Rule: "schema"}},
		{name: "bad JSON", file: "matters/yb.json",
			old: `"postal": true,`, new: `"postal": true,,`,
			want: matter.Problem{File: "matters/yb.json", Rule: "json"},
			not:  []string{"member-exists"}},
		{name: "truncated JSON", file: "bundles/retirement.json",
			old: `"version": 1`, new: `"version": 1}`,
			want: matter.Problem{File: "bundles/retirement.json", Rule: "json"}},
		{name: "duplicate code", file: "matters/yb.json",
			old: `"code": "370107006000"`, new: `"code": "370112001000"`,
			want: matter.Problem{File: "matters/yb.json", Pointer: "/0/code", Rule: "duplicate-code", Subject: unemployment}},
		{name: "missing form", file: "forms/rs/unemployment-benefit.json",
			old: `"$id": "https://onething.gov.cn/forms/rs/unemployment-benefit.json"`, new: `"$id": "https://onething.gov.cn/forms/rs/other.json"`,
			want: matter.Problem{File: "matters/rs.json", Pointer: "/0/form", Rule: "form-missing", Subject: unemployment}},
		{name: "duplicate form $id", file: "forms/copy.json",
			new:  `{"$id": "https://onething.gov.cn/forms/rs/unemployment-benefit.json"}`,
			want: matter.Problem{File: "forms/rs/unemployment-benefit.json", Pointer: "/$id", Rule: "form-duplicate"}},
		{name: "form without $id", file: "forms/anon.json",
			new:  `{"type": "object"}`,
			want: matter.Problem{File: "forms/anon.json", Pointer: "/$id", Rule: "form-id"}},
		{name: "bundle member missing", file: "bundles/retirement.json",
			old: `{"matter": "370107006000"}`, new: `{"matter": "370107009999"}`,
			want: matter.Problem{File: "bundles/retirement.json", Pointer: "/0/members/4/matter", Rule: "member-exists", Subject: retireBundle}},
		{name: "city overlay lengthening the limit", file: "overlays/370100.json",
			old: `"promised_limit": {"value": 3}`, new: `"promised_limit": {"value": 7}`,
			want: matter.Problem{File: "overlays/370100.json", Pointer: "/0/promised_limit", Rule: "overlay-standard", Subject: unemployment + "@370100"}},
		{name: "county overlay lengthening the city's limit", file: "overlays/370113.json",
			old: `"promised_limit": {"value": 2}`, new: `"promised_limit": {"value": 4}`,
			want: matter.Problem{File: "overlays/370113.json", Pointer: "/0/promised_limit", Rule: "overlay-standard", Subject: unemployment + "@370113"}},
		{name: "overlay outside its file's division", file: "overlays/370113.json",
			old: `"division": "370113",`, new: `"division": "370102",`,
			want: matter.Problem{File: "overlays/370113.json", Pointer: "/0/division", Rule: "overlay-file"}},
		{name: "overlay file not named by a division", file: "overlays/jinan.json",
			new:  `[]`,
			want: matter.Problem{File: "overlays/jinan.json", Rule: "overlay-file"}},
		{name: "overlay of an unknown matter", file: "overlays/370100.json",
			old: `"matter": "370112001000"`, new: `"matter": "370112001999"`,
			want: matter.Problem{File: "overlays/370100.json", Pointer: "/0/matter", Rule: "overlay-matter"}},
		{name: "negative list with a full-online matter", file: "negative/rs.json",
			old: `"matter": "370101003000"`, new: `"matter": "370112001000"`,
			want: matter.Problem{File: "matters/rs.json", Pointer: "/0/depth", Rule: "negative-full-online", Subject: unemployment}},
		{name: "negative list naming no matter", file: "negative/rs.json",
			old: `"matter": "370101003000"`, new: `"matter": "370101003999"`,
			want: matter.Problem{File: "negative/rs.json", Pointer: "/0/matter", Rule: "negative-matter"}},
		{name: "outlet accepting an unknown matter", file: "outlets/jinan.json",
			old: `"matters": ["370112001000", "370107001000", "370107002000"`, new: `"matters": ["370112001000", "370107001999", "370107002000"`,
			want: matter.Problem{File: "outlets/jinan.json", Pointer: "/0/matters/1", Rule: "outlet-matter", Subject: "370100-hall"}},
		{name: "outlet accepting an unknown bundle", file: "outlets/province.json",
			old: `"bundles": ["370000YJS001"]`, new: `"bundles": ["370000YJS009"]`,
			want: matter.Problem{File: "outlets/province.json", Pointer: "/0/bundles/0", Rule: "outlet-bundle"}},
		{name: "duplicate outlet id", file: "outlets/province.json",
			old: `"id": "371700-hall"`, new: `"id": "370100-hall"`,
			want: matter.Problem{File: "outlets/province.json", Pointer: "/1/id", Rule: "outlet-duplicate"}},
		{name: "a matter's own rule", file: "matters/rs.json",
			old: `"on_site_reason": "需现场查验特殊工种档案原件",`, new: ``,
			want: matter.Problem{File: "matters/rs.json", Pointer: "/3/on_site_reason", Rule: "on-site-reason", Subject: earlyRetire}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := catFiles(t)
			if tc.old == "" {
				files[tc.file] = &fstest.MapFile{Data: []byte(tc.new)}
			} else {
				f := files[tc.file]
				require.NotNil(t, f, tc.file)
				require.Contains(t, string(f.Data), tc.old)
				f.Data = []byte(strings.Replace(string(f.Data), tc.old, tc.new, 1))
			}
			_, err := matter.LoadFS(files)
			require.Error(t, err)
			assert.ErrorIs(t, err, matter.ErrInvalid)
			var ve *matter.ValidationError
			require.ErrorAs(t, err, &ve)
			found := false
			for _, p := range ve.Problems {
				assert.NotEmpty(t, p.File, "problem without a file: %v", p)
				assert.NotEmpty(t, p.ZH, "problem without Chinese: %v", p)
				assert.NotEmpty(t, p.EN, "problem without English: %v", p)
				assert.NotContains(t, tc.not, p.Rule, "%v", p)
				if p.File == tc.want.File && p.Rule == tc.want.Rule && (tc.want.Pointer == "" || p.Pointer == tc.want.Pointer) &&
					(tc.want.Subject == "" || p.Subject == tc.want.Subject) {
					found = true
				}
			}
			assert.True(t, found, "want %s %s %s among:\n%v", tc.want.File, tc.want.Pointer, tc.want.Rule, err)
		})
	}
}

func TestLoadFSErrorMessages(t *testing.T) {
	files := catFiles(t)
	f := files["matters/rs.json"]
	f.Data = []byte(strings.Replace(string(f.Data), `"promised_limit": {"value": 5}`, `"promised_limit": {"value": 5, "unit": "weeks"}`, 1))
	_, err := matter.LoadFS(files)
	require.Error(t, err)
	assert.Equal(t, `matter: matters/rs.json: 370112001000: /0/promised_limit/unit: value must be one of 'working_days', 'natural_days', 'hours', 'minutes' (schema)`, err.Error())
	var ve *matter.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, `值应为以下之一："working_days"、"natural_days"、"hours"、"minutes"`, ve.Problems[0].ZH)

	files = catFiles(t)
	files["matters/yb.json"].Data = []byte("[\n  {\"code\": \"370107006000\",\n   \"name\" \"x\"}\n]")
	_, err = matter.LoadFS(files)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "matters/yb.json")
	assert.Contains(t, err.Error(), "line 3")
}

func TestLoadFSCollectsEveryFile(t *testing.T) {
	files := catFiles(t)
	for _, name := range []string{"matters/rs.json", "matters/yb.json", "outlets/province.json"} {
		f := files[name]
		f.Data = bytes.Replace(f.Data, []byte(`"name"`), []byte(`"nmae"`), 1)
	}
	_, err := matter.LoadFS(files)
	var ve *matter.ValidationError
	require.ErrorAs(t, err, &ve)
	got := map[string]bool{}
	for _, p := range ve.Problems {
		got[p.File] = true
	}
	assert.Equal(t, map[string]bool{"matters/rs.json": true, "matters/yb.json": true, "outlets/province.json": true}, got)
}

func TestLoadFSCapsProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 1500 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"bogus": 1}`)
	}
	b.WriteString("]")
	_, err := matter.LoadFS(fstest.MapFS{"matters/bad.json": {Data: []byte(b.String())}})
	var ve *matter.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Problems, 1001)
	assert.Equal(t, "too-many-problems", ve.Problems[1000].Rule)
}

func TestLoadFSEmpty(t *testing.T) {
	c, err := matter.LoadFS(fstest.MapFS{})
	require.NoError(t, err)
	assert.Zero(t, c.Len())
	assert.Empty(t, c.Search("失业", 10))
	c, err = matter.LoadFS(fstest.MapFS{"matters/none.json": {Data: []byte(" [ ] \n")}, "matters/README.md": {Data: []byte("#")}})
	require.NoError(t, err)
	assert.Zero(t, c.Len())
}

// TestLoadFSDemo loads the demo Shandong catalog from disk (library tests
// do not import examples) and resolves every matter in every place that has
// an implementation list.
func TestLoadFSDemo(t *testing.T) {
	dir := "../examples/catalog"
	if _, err := os.Stat(dir + "/matters"); err != nil {
		t.Skip("no demo catalog")
	}
	c, err := matter.LoadFS(os.DirFS(dir))
	require.NoError(t, err)
	assert.NotZero(t, c.Len())
	forms := 0
	require.NoError(t, fs.WalkDir(os.DirFS(dir), "forms", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(name, ".json") {
			forms++
		}
		return err
	}))
	assert.Len(t, c.Forms(), forms, "one form per file")

	hs := c.Search("退休一件事", 1)
	require.Len(t, hs, 1)
	assert.True(t, hs[0].Bundle)
	assert.Equal(t, matter.ScoreExactName, hs[0].Score)

	for m := range c.Matters() {
		for _, o := range c.Overlays(m.Code) {
			r, err := c.Resolve(m.Code, o.Division)
			require.NoError(t, err)
			assert.NoError(t, r.Validate(), "%s in %s", m.Code, o.Division)
		}
	}
	for b := range c.Bundles() {
		for _, mem := range b.Members {
			_, ok := c.Matter(mem.Matter)
			assert.True(t, ok, mem.Matter)
		}
	}
}

func TestReadFS(t *testing.T) {
	files := catFiles(t)
	delete(files, "matters/yb.json") // a bundle member is now missing
	_, err := matter.LoadFS(files)
	require.Error(t, err)
	cs, err := matter.ReadFS(files)
	require.NoError(t, err, "ReadFS does not cross-check")
	assert.Len(t, cs.Matters, 6)
	assert.Len(t, cs.Bundles, 1)
}

func TestNewCatalog(t *testing.T) {
	ctx := t.Context()
	files := catLoad(t).Contents()
	s := matter.NewMemoryStore()
	for _, m := range files.Matters {
		_, err := s.PutMatter(ctx, m, 0)
		require.NoError(t, err)
	}
	for _, o := range files.Overlays {
		_, err := s.PutOverlay(ctx, o, 0)
		require.NoError(t, err)
	}
	c, err := matter.NewCatalog(ctx, s, matter.Contents{Bundles: files.Bundles, Negative: files.Negative, Outlets: files.Outlets, Forms: files.Forms})
	require.NoError(t, err)
	assert.Equal(t, files, c.Contents())

	// The store's matters replace those of files; a missing member is found.
	require.NoError(t, s.RetireMatter(ctx, "370107006000", matter.DateOf(2026, 1, 1), 1))
	_, err = matter.NewCatalog(ctx, s, files)
	assert.ErrorIs(t, err, matter.ErrInvalid)
	assert.Contains(t, err.Error(), "member-exists")

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = matter.NewCatalog(cancelled, s, files)
	assert.ErrorIs(t, err, context.Canceled)
}

// TestSchemasPublished compiles each published schema on its own with a
// plain validator and checks every testdata file against it.
func TestSchemasPublished(t *testing.T) {
	sfs := matter.Schemas()
	c := jsonschema.NewCompiler()
	names, err := fs.Glob(sfs, "*.json")
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{"common.json", "matters.json", "bundles.json", "overlays.json", "negative.json", "outlets.json"}, names)
	for _, name := range names {
		b, err := fs.ReadFile(sfs, name)
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		require.NoError(t, err)
		assert.Equal(t, matter.SchemaBaseURL+name, doc.(map[string]any)["$id"])
		require.NoError(t, c.AddResource(matter.SchemaBaseURL+name, doc))
	}
	for dir, schema := range map[string]string{"matters": "matters.json", "bundles": "bundles.json", "overlays": "overlays.json", "negative": "negative.json", "outlets": "outlets.json"} {
		sch, err := c.Compile(matter.SchemaBaseURL + schema)
		require.NoError(t, err)
		files, _ := fs.Glob(os.DirFS("testdata/catalog"), dir+"/*.json")
		require.NotEmpty(t, files)
		for _, f := range files {
			b, err := os.ReadFile("testdata/catalog/" + f)
			require.NoError(t, err)
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			require.NoError(t, err)
			assert.NoError(t, sch.Validate(v), f)
		}
	}
}

func TestBuildChecksContents(t *testing.T) {
	cs := catLoad(t).Contents()
	cs.Matters = append(cs.Matters, nil, cs.Matters[0].Clone())
	cs.Outlets[0].Kind = "kiosk"
	cs.Outlets[0].Division = "37010"
	cs.Forms = append(cs.Forms, cs.Forms[0])
	_, err := matter.Build(cs)
	var ve *matter.ValidationError
	require.ErrorAs(t, err, &ve)
	rules := map[string]bool{}
	for _, p := range ve.Problems {
		rules[p.Rule] = true
		assert.Empty(t, p.File)
	}
	for _, r := range []string{"required", "duplicate-code", "outlet-kind", "outlet-division", "form-duplicate"} {
		assert.True(t, rules[r], r)
	}
	assert.True(t, errors.Is(err, matter.ErrInvalid))
}

func TestCatalogConcurrentUse(t *testing.T) {
	c := catLoad(t)
	done := make(chan struct{})
	for range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for range 50 {
				c.Search("失业", 5)
				if _, err := c.Resolve(unemployment, "370113"); err != nil {
					t.Error(err)
				}
				c.Matter(unemployment)
				c.OutletsNear("370102", unemployment)
				c.Contents()
			}
		}()
	}
	for range 4 {
		<-done
	}
}
