package evaluation_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

func TestHotspotSection(t *testing.T) {
	g := generateYear(2026)
	in := evaluation.HotspotInput{TopicOf: matterTopic, Top: 3}
	feb, err := evaluation.BuildHotspotSection(in, g.orders, evaluation.Month(2026, time.February), evaluation.Month(2026, time.January))
	if err != nil {
		t.Fatal(err)
	}
	if feb.Total < 1 || len(feb.Top) > 3 {
		t.Fatalf("february: %+v", feb)
	}
	top := feb.Top[0]
	if top.Hotspot.Topic != "wage-arrears" || top.Hotspot.Division != "370200" || top.Hotspot.Week != "2026-W06" {
		t.Errorf("top hotspot %+v", top.Hotspot)
	}
	// February has the weeks W06–W09 (Mondays 2, 9, 16, 23); the spike is the first.
	if len(top.Trend) != 4 || top.Trend[0] != top.Hotspot.Count || top.Trend[1] >= top.Trend[0] {
		t.Errorf("trend %v", top.Trend)
	}
	if len(top.Units) != 1 || top.Units[0] == "" {
		t.Errorf("units %v", top.Units)
	}
	if feb.RepeatCallers < 1 {
		t.Errorf("repeat callers %d", feb.RepeatCallers)
	}
	mar, err := evaluation.BuildHotspotSection(in, g.orders, evaluation.Month(2026, time.March), evaluation.Month(2026, time.February))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range mar.Previous {
		if f.Topic == "wage-arrears" && f.Division == "370200" {
			found = true
			if !f.Cooled || f.Latest >= f.Count {
				t.Errorf("follow-up %+v", f)
			}
		}
	}
	if !found {
		t.Errorf("february's spike not followed up: %+v", mar.Previous)
	}
}

// TestMonthlyReportHotspots builds the February report of the generated
// year with the hotspot section and compares the section with a golden
// file.
func TestMonthlyReportHotspots(t *testing.T) {
	g := generateYear(2026)
	store := evaluation.NewMemoryStore()
	ctx := context.Background()
	for _, w := range g.orders {
		if w.ReceivedAt.Before(time.Date(2026, 4, 1, 0, 0, 0, 0, matter.CST)) {
			if _, err := store.AddWorkOrder(ctx, w); err != nil {
				t.Fatal(err)
			}
		}
	}
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), nil)
	in := evaluation.ReportInput{Store: store, Hotspots: &evaluation.HotspotInput{TopicOf: matterTopic, Top: 5}, Inspector: insp}
	rep, err := evaluation.MonthlyReport(ctx, in, 2026, time.February)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Hotspots == nil || len(rep.Hotspots.Top) == 0 {
		t.Fatalf("no hotspot section: %+v", rep.Hotspots)
	}
	var md, csvOut bytes.Buffer
	if err := rep.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := rep.CSV(&csvOut); err != nil {
		t.Fatal(err)
	}
	s := md.String()
	i, j := strings.Index(s, "## 十、热点诉求"), strings.Index(s, "## 附：计算口径")
	if len(rep.Inspection) != 16 {
		t.Errorf("inspection of %d units, want the 16 cities", len(rep.Inspection))
	}
	if i < 0 || j < i {
		t.Fatal("section missing from the Markdown")
	}
	golden(t, "monthly-2026-02-hotspots.md", []byte(s[i:j]))
	var rows []string
	for _, l := range strings.Split(csvOut.String(), "\n") {
		if strings.HasPrefix(l, "hotspot") || strings.HasPrefix(l, "inspection,370") || strings.HasPrefix(l, "inspection,") && strings.Contains(l, "济南") {
			rows = append(rows, l)
		}
	}
	if len(rows) == 0 {
		t.Error("no hotspot rows in the CSV")
	}
	golden(t, "monthly-2026-02-hotspots.csv", []byte(strings.Join(rows, "\n")+"\n"))

	// Without hotspots the inspection section takes number 十.
	in.Hotspots = nil
	rep, err = evaluation.MonthlyReport(ctx, in, 2026, time.February)
	if err != nil {
		t.Fatal(err)
	}
	md.Reset()
	if err := rep.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if s := md.String(); !strings.Contains(s, "## 十、智能质检") || strings.Contains(s, "十一、") {
		t.Error("inspection section not numbered 十 when there is no hotspot section")
	}
}
