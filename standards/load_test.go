package standards_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards"
)

const treeJSON = `{"id": "root", "name": "体系", "children": [{"id": "201", "name": "就业"}, {"id": "202", "name": "养老"}]}`

// stdJSON is a valid standard; its fields are replaced by the cases.
const stdJSON = `{"identifier": "DB37/T 9013", "version": "2024", "title": "就业服务规范", "category": "201",
  "status": "published", "effective": "2025-01-01", "scope": {"matters": ["370015030000"]},
  "requirements": [{"clause": "5.1", "rule": "visits_max", "max": 0}]}`

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys["standards/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// with returns stdJSON with one replacement.
func with(old, new string) string {
	if !strings.Contains(stdJSON, old) {
		panic("no " + old)
	}
	return strings.Replace(stdJSON, old, new, 1)
}

func TestLoadSystemDemo(t *testing.T) {
	sys, _ := demo(t)
	assert.Equal(t, []string{"DB37/T 9001", "DB37/T 9011", "DB37/T 9012", "DB37/T 9013", "DB37/T 9014", "DB37/T 9015",
		"DB37/T 9021", "DB37/T 9022", "DB37/T 9023", "GB/T 39734"}, sys.Identifiers())
	assert.Len(t, sys.Standards(), 11)
	tree := sys.Tree()
	var top []string
	for _, n := range tree.Children {
		top = append(top, n.Name)
	}
	assert.Equal(t, []string{"基础通用", "服务提供", "服务保障", "服务评价"}, top)
	n, ok := sys.Category("201")
	require.True(t, ok)
	assert.Equal(t, "社会保障卡服务", n.Name)
	_, ok = sys.Category("999")
	assert.False(t, ok)
}

// TestLoadSystemErrors checks that each kind of fault is reported with its
// file and JSON pointer.
func TestLoadSystemErrors(t *testing.T) {
	cases := []struct {
		name            string
		files           map[string]string
		file, ptr, text string
	}{
		{"unknown field", map[string]string{"s.json": with(`"title"`, `"titel": "x", "title"`)},
			"standards/s.json", "/0/titel", `unknown property "titel"`},
		{"parameter of another rule", map[string]string{"s.json": with(`"max": 0`, `"max": 0, "types": ["a"]`)},
			"standards/s.json", "/0/requirements/0/types", "not a parameter of this rule"},
		{"parameter on a rule without parameters", map[string]string{"s.json": with(`"rule": "visits_max", "max": 0`, `"rule": "fee_zero", "max": 0`)},
			"standards/s.json", "/0/requirements/0/max", "not a parameter of this rule"},
		{"missing parameter", map[string]string{"s.json": with(`, "max": 0`, ``)},
			"standards/s.json", "/0/requirements/0/max", `missing property "max"`},
		{"depth needs steps or fully_online", map[string]string{"s.json": with(`"rule": "visits_max", "max": 0`, `"rule": "depth_min"`)},
			"standards/s.json", "/0/requirements/0", `needs one of the properties "steps", "fully_online"`},
		{"empty scope", map[string]string{"s.json": with(`{"matters": ["370015030000"]}`, `{}`)},
			"standards/s.json", "/0/scope", `needs one of the properties "matters", "kinds", "tags"`},
		{"unknown rule", map[string]string{"s.json": with(`"visits_max"`, `"visit_max"`)},
			"standards/s.json", "/0/requirements/0/rule", "must be one of"},
		{"unknown element", map[string]string{"s.json": with(`"rule": "visits_max", "max": 0`, `"rule": "required", "elements": ["places", "hours"]`)},
			"standards/s.json", "/0/requirements/0/elements/1", "must be one of"},
		{"negative limit", map[string]string{"s.json": with(`"max": 0`, `"max": -1`)},
			"standards/s.json", "/0/requirements/0/max", "minimum"},
		{"fractional limit", map[string]string{"s.json": with(`"max": 0`, `"max": 1.5`)},
			"standards/s.json", "/0/requirements/0/max", "want integer"},
		{"huge number", map[string]string{"s.json": with(`"max": 0`, `"max": 1e100000000`)},
			"standards/s.json", "/0/requirements/0/max", "too large"},
		{"impossible date", map[string]string{"s.json": with(`2025-01-01`, `2025-02-30`)},
			"standards/s.json", "/0/effective", "date"},
		{"bad identifier", map[string]string{"s.json": with(`DB37/T 9013`, `DB37/T-9013`)},
			"standards/s.json", "/0/identifier", "does not match pattern"},
		{"withdrawn without a day", map[string]string{"s.json": with(`"published"`, `"withdrawn"`)},
			"standards/s.json", "/0/withdrawn", `missing property "withdrawn"`},
		{"second element", map[string]string{"s.json": "[" + stdJSON + `, {"identifier": "DB37/T 1"}]`},
			"standards/s.json", "/1/version", `missing property "version"`},
		{"malformed JSON", map[string]string{"s.json": "[\n" + stdJSON + ",\n]"},
			"standards/s.json", "", "line 5, column 1"},
		{"not an array", map[string]string{"s.json": stdJSON},
			"standards/s.json", "", "must be a JSON array"},
		{"truncated", map[string]string{"s.json": "[" + stdJSON[:40]},
			"standards/s.json", "", "unexpected end"},
		{"no tree", map[string]string{"tree.json": "", "s.json": "[" + stdJSON + "]"}, "standards/tree.json", "", "malformed JSON"},
		{"bad tree", map[string]string{"tree.json": `{"id": "root", "name": "体系", "children": [{"id": "a b", "name": "x"}]}`},
			"standards/tree.json", "/children/0/id", "does not match pattern"},
		{"repeated category id", map[string]string{"tree.json": `{"id": "root", "name": "体系", "children": [{"id": "201", "name": "x", "children": [{"id": "201", "name": "y"}]}]}`},
			"standards/tree.json", "/children/0/children/0/id", `category id "201" repeats`},
		{"unknown category", map[string]string{"s.json": "[" + with(`"201"`, `"209"`) + "]"},
			"standards/s.json", "/0/category", `category "209" is not a node`},
		{"repeated version", map[string]string{"s.json": "[" + stdJSON + "]", "t.json": "[" + stdJSON + "]"},
			"standards/t.json", "/0/version", "repeats the version at standards/s.json#/0"},
		{"same effective day", map[string]string{"s.json": "[" + stdJSON + "," + with(`"2024"`, `"2025"`) + "]"},
			"standards/s.json", "/1/effective", "same day as DB37/T 9013—2024"},
		{"superseded without successor", map[string]string{"s.json": "[" + with(`"published"`, `"superseded"`) + "]"},
			"standards/s.json", "/0/status", "no later version"},
		{"withdrawn before effective", map[string]string{"s.json": "[" + with(`"effective": "2025-01-01"`, `"effective": "2025-01-01", "withdrawn": "2025-01-01"`) + "]"},
			"standards/s.json", "/0/withdrawn", "must come after the effective day"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"tree.json": treeJSON}
			for k, v := range c.files {
				files[k] = v
			}
			for k, v := range files {
				if !strings.HasPrefix(strings.TrimSpace(v), "[") && k != "tree.json" && c.name != "not an array" {
					files[k] = "[" + v + "]"
				}
			}
			_, err := standards.LoadSystem(mapFS(files))
			require.Error(t, err)
			assert.ErrorIs(t, err, standards.ErrInvalid)
			var le *standards.LoadError
			require.ErrorAs(t, err, &le)
			found := false
			for _, p := range le.Problems {
				if p.File == c.file && p.Pointer == c.ptr && strings.Contains(p.EN, c.text) {
					found = true
					assert.NotEmpty(t, p.ZH)
				}
			}
			assert.True(t, found, "want %s#%s: …%s…; got\n%v", c.file, c.ptr, c.text, err)
		})
	}
}

func TestLoadSystemMissing(t *testing.T) {
	_, err := standards.LoadSystem(fstest.MapFS{})
	assert.ErrorIs(t, err, fs.ErrNotExist)

	_, err = standards.LoadSystem(mapFS(map[string]string{"s.json": "[" + stdJSON + "]"}))
	var le *standards.LoadError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "standards/tree.json", le.Problems[0].File)
	assert.Contains(t, le.Problems[0].EN, "missing")

	sys, err := standards.LoadSystemDir(mapFS(map[string]string{"tree.json": treeJSON, "s.json": "[" + stdJSON + "]", "SOURCES.md": "not JSON"}), "standards")
	require.NoError(t, err, "files not ending in .json are ignored")
	assert.Equal(t, []string{"DB37/T 9013"}, sys.Identifiers())

	sys, err = standards.LoadSystemDir(os.DirFS(demoDir+"/standards"), ".")
	require.NoError(t, err, "a folder given directly")
	assert.Len(t, sys.Identifiers(), 10)
}

// TestLoadSystemAllProblems checks that problems in several files are all
// reported together.
func TestLoadSystemAllProblems(t *testing.T) {
	_, err := standards.LoadSystem(mapFS(map[string]string{
		"tree.json": treeJSON,
		"a.json":    "[" + with(`"201"`, `"209"`) + "]",
		"b.json":    "[" + with(`"title"`, `"titel": "", "title"`) + "]",
	}))
	var le *standards.LoadError
	require.ErrorAs(t, err, &le)
	require.Len(t, le.Problems, 2)
	assert.Equal(t, "standards/a.json#/0/category: DB37/T 9013—2024: category \"209\" is not a node of the tree", le.Problems[1].String())
	assert.Equal(t, "standards/b.json", le.Problems[0].File)
	assert.True(t, strings.HasPrefix(err.Error(), "standards: 2 problems:"))
}

// TestNewSystem checks that values are held to the same rules as files.
func TestNewSystem(t *testing.T) {
	good := published("DB37/T 1", "2024", day(2024, 1, 1), standards.Scope{Matters: []string{"370015030000"}})
	bad := published("DB37/T 2", "2024", day(2024, 1, 1), standards.Scope{})
	bad.Status = ""
	bad.Requirements = []standards.Requirement{{Clause: "1", Rule: standards.RuleVisitsMax}}
	_, err := standards.NewSystem(testTree(), []*standards.Standard{good, nil, bad})
	var le *standards.LoadError
	require.ErrorAs(t, err, &le)
	var got []string
	for _, p := range le.Problems {
		got = append(got, p.File+"#"+p.Pointer)
	}
	assert.Equal(t, []string{"standards#/1", "standards#/2/requirements/0/max", "standards#/2/scope", "standards#/2/status"}, got)

	sys, err := standards.NewSystem(testTree(), []*standards.Standard{good})
	require.NoError(t, err)
	good.Title = "changed"
	h := sys.History("DB37/T 1")
	require.Len(t, h, 1)
	assert.Equal(t, "测试标准 DB37/T 1", h[0].Title, "NewSystem copies")
	h[0].Scope.Matters[0] = "x"
	assert.Equal(t, "370015030000", sys.History("DB37/T 1")[0].Scope.Matters[0], "values returned are copies")
	assert.Nil(t, sys.History("DB37/T 404"))

	_, err = standards.NewSystem(standards.Node{ID: "root"}, nil)
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "tree", le.Problems[0].File)
	assert.True(t, errors.Is(err, standards.ErrInvalid))
}
