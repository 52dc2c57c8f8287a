package dispatch_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/routing/dispatch"
)

// A small rule set for table tests: four departments, a few synonyms and
// rules that exercise every condition.
const (
	testDepartments = `{"departments": [
  {"id": "pension", "name": "社会保险事业中心", "name_en": "Social Insurance Centre", "level": "county",
   "topics": [{"id": "pension-claim", "name": "养老金领取", "name_en": "pension payment", "matter": "370015005000"}]},
  {"id": "labour-inspection", "name": "劳动保障监察大队", "name_en": "Labour Inspection Brigade", "level": "county",
   "topics": [{"id": "wage-arrears", "name": "拖欠工资", "name_en": "wage arrears"}]},
  {"id": "card", "name": "社会保障卡服务中心", "name_en": "Card Centre", "level": "county",
   "topics": [{"id": "card-loss", "name": "社保卡挂失与补换", "name_en": "card loss"}]},
  {"id": "housing-fund", "name": "住房公积金管理中心", "name_en": "Housing Provident Fund Centre", "level": "city",
   "topics": [{"id": "fund-withdrawal", "name": "公积金提取", "name_en": "fund withdrawal"}]}
]}`
	testSynonyms = `{"synonyms": [
  {"term": "社保卡", "variants": ["社会保障卡", "医保卡"]},
  {"term": "欠薪", "variants": ["拖欠工资", "讨薪"]},
  {"term": "养老金", "variants": ["退休金", "养老待遇"]}
]}`
	testPlaces = `{"province": "370000", "aliases": [{"name": "泉城", "division": "370100"}], "ignore": ["市中"]}`
	testRules  = `{"rules": [
  {"id": "fraud", "any": ["诈骗"], "manual": "out of scope: fraud"},
  {"id": "wage-qingdao", "within": ["370200"], "any": ["欠薪"], "topic": "wage-arrears"},
  {"id": "wage-report", "categories": ["report"], "any": ["欠薪"], "topic": "wage-arrears"},
  {"id": "wage-heze", "prefix": ["3717"], "any": ["欠薪"], "topic": "wage-arrears"},
  {"id": "wage", "any": ["欠薪", "工钱"], "topic": "wage-arrears"},
  {"id": "card-loss", "all": ["社保卡"], "any": ["丢", "挂失"], "none": ["电子"], "topic": "card-loss"},
  {"id": "pension-app", "all": ["退休金", "APP"], "topic": "pension-claim"},
  {"id": "pension", "any": ["退休金"], "topic": "pension-claim"},
  {"id": "fund", "any": ["公积金"], "topic": "fund-withdrawal"}
]}`
)

// testFS returns a catalog root with the test files, with any file
// replaced by the overrides (file name → content; "" removes the file).
func testFS(overrides map[string]string) fstest.MapFS {
	files := map[string]string{
		dispatch.DepartmentsFile: testDepartments,
		dispatch.SynonymsFile:    testSynonyms,
		dispatch.PlacesFile:      testPlaces,
		dispatch.RulesFile:       testRules,
	}
	for k, v := range overrides {
		files[k] = v
	}
	fsys := fstest.MapFS{}
	for name, body := range files {
		if body != "" {
			fsys[dispatch.Dir+"/"+name] = &fstest.MapFile{Data: []byte(body)}
		}
	}
	return fsys
}

// testRulesLoaded loads the test rule set.
func testRulesLoaded(t testing.TB) *dispatch.Rules {
	t.Helper()
	rs, err := dispatch.LoadRules(testFS(nil))
	require.NoError(t, err)
	return rs
}

// loadErrors flattens a joined error into its *LoadErrors.
func loadErrors(err error) []*dispatch.LoadError {
	var out []*dispatch.LoadError
	var walk func(error)
	walk = func(e error) {
		var le *dispatch.LoadError
		if errors.As(e, &le) && le == e {
			out = append(out, le)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}
