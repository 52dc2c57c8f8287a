package dispatch_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/routing/dispatch"
)

func TestLoadDemoRules(t *testing.T) {
	rs, err := dispatch.LoadRules(os.DirFS("../../examples/catalog"))
	require.NoError(t, err)
	assert.Len(t, rs.Departments(), 10)
}

func TestLoadRulesErrors(t *testing.T) {
	const (
		dep  = "dispatch/departments.json"
		syn  = "dispatch/synonyms.json"
		plc  = "dispatch/places.json"
		rul  = "dispatch/rules.json"
		rule = `{"id": "r", "any": ["欠薪"], "topic": "wage-arrears"}`
	)
	rules := func(rs ...string) string { return `{"rules": [` + strings.Join(rs, ",") + `]}` }
	type problem struct{ file, pointer, message string }
	cases := []struct {
		name      string
		overrides map[string]string
		want      []problem
		notExist  bool
	}{
		{"missing file", map[string]string{dispatch.RulesFile: ""},
			[]problem{{rul, "", "file does not exist"}}, true},
		{"syntax error with line and column", map[string]string{dispatch.RulesFile: "{\"rules\": [\n  {\"id\": \"r\",,}\n]}"},
			[]problem{{rul, "", "line 2, column 14"}}, false},
		{"data after the value", map[string]string{dispatch.PlacesFile: `{"province": "370000"} {}`},
			[]problem{{plc, "", "data after the JSON value"}}, false},
		{"unknown property", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "anyy": ["x"], "any": ["x"], "topic": "wage-arrears"}`)},
			[]problem{{rul, "/rules/0/anyy", `unknown property "anyy"`}}, false},
		{"topic and manual both", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "any": ["x"], "topic": "wage-arrears", "manual": "why"}`)},
			[]problem{{rul, "/rules/0", "exactly one of topic and manual"}}, false},
		{"neither topic nor manual", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "any": ["x"]}`)},
			[]problem{{rul, "/rules/0", "exactly one of topic and manual"}}, false},
		{"no condition", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "none": ["x"], "topic": "wage-arrears"}`)},
			[]problem{{rul, "/rules/0", "needs a condition"}}, false},
		{"bad category", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "categories": ["praise"], "topic": "wage-arrears"}`)},
			[]problem{{rul, "/rules/0/categories/0", "value must be one of"}}, false},
		{"bad rule id", map[string]string{dispatch.RulesFile: rules(`{"id": "Rule 1", "any": ["x"], "topic": "wage-arrears"}`)},
			[]problem{{rul, "/rules/0/id", "does not match pattern"}}, false},
		{"unknown topic", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "any": ["x"], "topic": "wages"}`)},
			[]problem{{rul, "/rules/0/topic", `unknown topic "wages"`}}, false},
		{"duplicate rule id", map[string]string{dispatch.RulesFile: rules(rule, rule)},
			[]problem{{rul, "/rules/1/id", `rule "r" is already defined at /rules/0`}}, false},
		{"keyword empty after folding", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "any": ["　"], "topic": "wage-arrears"}`)},
			[]problem{{rul, "/rules/0/any/0", "empty after normalisation"}}, false},
		{"keyword required and forbidden, through a synonym", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "any": ["欠薪"], "none": ["讨薪"], "topic": "wage-arrears"}`)},
			[]problem{{rul, "/rules/0/none/0", `"欠薪" is both required and forbidden`}}, false},
		{"within a code not in the table", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "within": ["379999"], "topic": "wage-arrears"}`)},
			[]problem{{rul, "/rules/0/within/0", "not in the division table"}}, false},
		{"bad prefix", map[string]string{dispatch.RulesFile: rules(`{"id": "r", "prefix": ["3"], "topic": "wage-arrears"}`)},
			[]problem{{rul, "/rules/0/prefix/0", "does not match pattern"}}, false},
		{"duplicate topic across departments", map[string]string{dispatch.DepartmentsFile: `{"departments": [
			{"id": "a", "name": "甲", "name_en": "A", "level": "county", "topics": [{"id": "t", "name": "x", "name_en": "x"}]},
			{"id": "b", "name": "乙", "name_en": "B", "level": "county", "topics": [{"id": "t", "name": "y", "name_en": "y"}]}]}`,
			dispatch.RulesFile: rules(`{"id": "r", "any": ["x"], "topic": "t"}`)},
			[]problem{{dep, "/departments/1/topics/0/id", `topic "t" is already defined at /departments/0/topics/0`}}, false},
		{"duplicate department", map[string]string{dispatch.DepartmentsFile: `{"departments": [
			{"id": "a", "name": "甲", "name_en": "A", "level": "county", "topics": [{"id": "t", "name": "x", "name_en": "x"}]},
			{"id": "a", "name": "乙", "name_en": "B", "level": "county", "topics": [{"id": "u", "name": "y", "name_en": "y"}]}]}`,
			dispatch.RulesFile: rules(`{"id": "r", "any": ["x"], "topic": "t"}`)},
			[]problem{{dep, "/departments/1/id", `department "a" is already defined at /departments/0`}}, false},
		{"bad level", map[string]string{dispatch.DepartmentsFile: `{"departments": [
			{"id": "a", "name": "甲", "name_en": "A", "level": "province", "topics": [{"id": "t", "name": "x", "name_en": "x"}]}]}`},
			[]problem{{dep, "/departments/0/level", "value must be one of"}}, false},
		{"missing property", map[string]string{dispatch.DepartmentsFile: `{"departments": [
			{"id": "a", "name": "甲", "level": "city", "topics": [{"id": "t", "name": "x", "name_en": "x"}]}]}`},
			[]problem{{dep, "/departments/0/name_en", `missing property "name_en"`}}, false},
		{"synonym in two groups", map[string]string{dispatch.SynonymsFile: `{"synonyms": [
			{"term": "社保卡", "variants": ["医保卡"]}, {"term": "医疗卡", "variants": ["医保卡"]}]}`},
			[]problem{{syn, "/synonyms/1/variants/0", `"医保卡" is already listed at /synonyms/0/variants/0`}}, false},
		{"variant equal to its term after folding", map[string]string{dispatch.SynonymsFile: `{"synonyms": [
			{"term": "app", "variants": ["ＡＰＰ"]}]}`},
			[]problem{{syn, "/synonyms/0/variants/0", `"app" is already listed at /synonyms/0/term`}}, false},
		{"province is a city", map[string]string{dispatch.PlacesFile: `{"province": "370100"}`},
			[]problem{{plc, "/province", "does not match pattern"}}, false},
		{"province not in the table", map[string]string{dispatch.PlacesFile: `{"province": "990000"}`},
			[]problem{{plc, "/province", `"990000" is not a province`}}, false},
		{"alias outside the province and unknown ignored name", map[string]string{dispatch.PlacesFile: `{"province": "370000",
			"aliases": [{"name": "帝都", "division": "110105"}], "ignore": ["北京"]}`},
			[]problem{{plc, "/aliases/0/division", `"110105" is not a division of 370000`}, {plc, "/ignore/0", `"北京" is not a place name`}}, false},
		{"problems in two files are all reported", map[string]string{
			dispatch.SynonymsFile: `{"synonyms": [{"term": "x"}]}`,
			dispatch.RulesFile:    rules(`{"id": "r", "any": [], "topic": "wage-arrears"}`)},
			[]problem{{syn, "/synonyms/0/variants", `missing property "variants"`}, {rul, "/rules/0/any", "minItems"}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rs, err := dispatch.LoadRules(testFS(c.overrides))
			require.Error(t, err)
			assert.Nil(t, rs)
			if c.notExist {
				assert.ErrorIs(t, err, fs.ErrNotExist)
			} else {
				assert.ErrorIs(t, err, dispatch.ErrInvalid)
			}
			got := loadErrors(err)
			require.Len(t, got, len(c.want), "%v", err)
			for i, w := range c.want {
				assert.Equal(t, w.file, got[i].File, "file")
				assert.Equal(t, w.pointer, got[i].Pointer, "pointer")
				assert.Contains(t, got[i].Error(), w.message)
			}
		})
	}
}

func TestLoadErrorFormat(t *testing.T) {
	e := &dispatch.LoadError{File: "dispatch/rules.json", Pointer: "/rules/3/topic", Err: dispatch.ErrInvalid}
	assert.Equal(t, "dispatch: dispatch/rules.json#/rules/3/topic: invalid", e.Error())
	assert.True(t, errors.Is(e, dispatch.ErrInvalid))
	e.Pointer = ""
	assert.Equal(t, "dispatch: dispatch/rules.json: invalid", e.Error())
}

func TestSchemasPublished(t *testing.T) {
	for _, name := range []string{dispatch.DepartmentsFile, dispatch.SynonymsFile, dispatch.PlacesFile, dispatch.RulesFile} {
		b, err := fs.ReadFile(dispatch.Schemas(), name)
		require.NoError(t, err, name)
		assert.Contains(t, string(b), `"$id": "`+dispatch.SchemaBaseURL+name+`"`)
	}
}
