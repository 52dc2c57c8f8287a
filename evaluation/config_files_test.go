package evaluation_test

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

func TestInspectionAndHotspotRuleFiles(t *testing.T) {
	b, err := os.ReadFile("testdata/inspection_rules.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := evaluation.ParseInspectionRules(b)
	if err != nil {
		t.Fatal(err)
	}
	if r.RevisitWorkingDays != 5 || r.Weights[evaluation.RulePII] != 40 || len(r.BasisCategories) != 3 || r.BasisCategories[2] != matter.Report {
		t.Errorf("parsed %+v", r)
	}
	// The defaults round-trip through JSON.
	def := evaluation.DefaultInspectionRules()
	j, _ := json.Marshal(def)
	back, err := evaluation.ParseInspectionRules(j)
	if err != nil || !reflect.DeepEqual(back, def) {
		t.Errorf("round trip: %v", err)
	}

	b, err = os.ReadFile("testdata/hotspot_rules.json")
	if err != nil {
		t.Fatal(err)
	}
	h, err := evaluation.ParseHotspotRules(b)
	if err != nil || h != evaluation.DefaultHotspotRules() {
		t.Errorf("hotspot rules %+v, %v", h, err)
	}
	for _, bad := range []string{`{"threshold": 0}`, `{"window": 8}`, `{"min_history": 9}`, `[]`} {
		if _, err := evaluation.ParseHotspotRules([]byte(bad)); !errors.Is(err, evaluation.ErrInvalid) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}
