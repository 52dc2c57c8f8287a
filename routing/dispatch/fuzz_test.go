package dispatch_test

import (
	"errors"
	"os"
	"testing"
	"testing/fstest"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing/dispatch"
	"github.com/onething-gov/onething/standards/division"
)

// FuzzLoadRules feeds arbitrary synonyms.json and rules.json beside the
// demo departments and places: LoadRules must return rules or an error
// wrapping ErrInvalid, never panic, and rules it accepts must classify.
func FuzzLoadRules(f *testing.F) {
	demo := func(name string) []byte {
		b, err := os.ReadFile("../../examples/catalog/dispatch/" + name)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	deps, places := demo(dispatch.DepartmentsFile), demo(dispatch.PlacesFile)
	f.Add(demo(dispatch.SynonymsFile), demo(dispatch.RulesFile))
	f.Add([]byte(testSynonyms), []byte(testRules))
	f.Add([]byte(`{"synonyms": []}`), []byte(`{"rules": [{"id": "r", "within": ["370100"], "manual": "x"}]}`))
	f.Add([]byte(`{"synonyms": [{"term": "a", "variants": ["ａ"]}]}`), []byte(`{"rules": [{"id": "r", "any": ["　"], "topic": "nope"}]}`))
	f.Add([]byte(`{`), []byte(`[]`))
	f.Add([]byte(`{"synonyms": [{"term": "欠薪", "variants": ["拖欠工资"]}]}`), []byte(`{"rules": [{"id": "r", "all": ["拖欠工资"], "none": ["欠薪"], "topic": "wage-arrears"}]}`))
	f.Fuzz(func(t *testing.T, synonyms, rules []byte) {
		fsys := fstest.MapFS{
			"dispatch/departments.json": {Data: deps},
			"dispatch/places.json":      {Data: places},
			"dispatch/synonyms.json":    {Data: synonyms},
			"dispatch/rules.json":       {Data: rules},
		}
		rs, err := dispatch.LoadRules(fsys)
		if err != nil {
			if !errors.Is(err, dispatch.ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			return
		}
		for _, text := range []string{"拖欠工资", "社保卡丢了", "", string(synonyms)} {
			checkDecision(t, rs.Classify(dispatch.Order{ID: "F", Text: text, Division: "370102", Category: matter.Complaint}))
		}
	})
}

// FuzzClassify classifies arbitrary orders with the demo rules: no panic,
// and every decision is consistent.
func FuzzClassify(f *testing.F) {
	rs := demoRules(f)
	for i, o := range corpus(f) {
		if i%7 == 0 {
			f.Add(o.Text, string(o.Division), string(o.Category))
		}
	}
	f.Add("济南市市中区枣庄市中区", "", "")
	f.Add("\xff\xfe社保卡", "３７０１０２", "complaint")
	f.Add("　", "371200", "report")
	f.Add("莱芜市钢城区章丘市胶南市泉城西海岸", "110105", "inquiry")
	f.Fuzz(func(t *testing.T, text, div, cat string) {
		checkDecision(t, rs.Classify(dispatch.Order{ID: "F", Text: text, Division: division.Code(div), Category: matter.Category(cat)}))
	})
}

// checkDecision checks what every Decision promises.
func checkDecision(t *testing.T, d dispatch.Decision) {
	t.Helper()
	if d.Order != "F" {
		t.Fatalf("order %q", d.Order)
	}
	if d.Manual != (d.Reason != "") {
		t.Fatalf("manual %v with reason %q", d.Manual, d.Reason)
	}
	if d.Manual {
		if d.Jurisdiction != "" {
			t.Fatalf("manual decision with jurisdiction %s", d.Jurisdiction)
		}
		return
	}
	if d.Rule == "" || d.Topic.ID == "" || d.Department.ID == "" || d.From == "" {
		t.Fatalf("routed decision incomplete: %+v", d)
	}
	if _, ok := division.Lookup(d.Jurisdiction); !ok {
		t.Fatalf("jurisdiction %q not in the table", d.Jurisdiction)
	}
	if d.Department.Level == dispatch.LevelCity && d.Jurisdiction.Level() == division.County {
		t.Fatalf("city-level department with county jurisdiction %s", d.Jurisdiction)
	}
}
