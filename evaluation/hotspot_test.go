package evaluation_test

import (
	"errors"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

func matterTopic(w *evaluation.WorkOrder) string { return w.Matter }

func TestHotspotsSmall(t *testing.T) {
	// One cell: 8 quiet weeks of 3–5 orders, then 20 in week 9.
	var orders []*evaluation.WorkOrder
	counts := []int{3, 4, 5, 3, 4, 4, 3, 5, 20}
	for wk, n := range counts {
		for i := range n {
			w := repliedOrder(matter.Complaint, "公司拖欠工资", goodReply)
			w.Matter = "wage-arrears"
			w.ReceivedAt = mondayOfISOWeek(10 + wk).Add(timeHours(i))
			w.Caller = nil
			orders = append(orders, w)
		}
	}
	hs, err := evaluation.DetectHotspots(evaluation.DefaultHotspotRules(), orderList(orders), matterTopic)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].Kind != evaluation.HotspotSpike || hs[0].Week != "2026-W18" || hs[0].Count != 20 || len(hs[0].Orders) != 20 {
		t.Fatalf("hotspots = %+v", hs)
	}
	// Counts: median 4, MAD 1. Transformed: a(20) = 9.02, median a(h) = 4.18,
	// MAD 0.25 → scale max(0.37, 1) = 1: z = 4.84.
	if hs[0].Median != 4 || hs[0].MAD != 1 || hs[0].Z != 4.84 || hs[0].Division != "370100" {
		t.Errorf("spike %+v", hs[0])
	}
	// Raw: (20 − 4) / max(1.4826, 1, √4) = 8.
	raw := evaluation.DefaultHotspotRules()
	raw.Raw = true
	if hs, _ := evaluation.DetectHotspots(raw, orderList(orders), matterTopic); len(hs) != 1 || hs[0].Z != 8 {
		t.Errorf("raw: %+v", hs)
	}
	// A week below MinCount is no hotspot, however sharp.
	r := evaluation.DefaultHotspotRules()
	r.MinCount = 21
	if hs, _ := evaluation.DetectHotspots(r, orderList(orders), matterTopic); len(hs) != 0 {
		t.Errorf("below min count: %+v", hs)
	}
	r.HistoryWeeks = 2
	if _, err := evaluation.DetectHotspots(r, orderList(orders), matterTopic); !errors.Is(err, evaluation.ErrInvalid) {
		t.Errorf("bad rules: %v", err)
	}
}

// TestDetectorsOnGeneratedYear reports the precision and recall of the
// detectors on a generated year with planted spikes, new topics, repeat
// callers and bad replies.
func TestDetectorsOnGeneratedYear(t *testing.T) {
	g := generateYear(2026)
	hs, err := evaluation.DetectHotspots(evaluation.DefaultHotspotRules(), orderList(g.orders), matterTopic)
	if err != nil {
		t.Fatal(err)
	}
	planted := map[string]bool{}
	for _, s := range plantedSpikes {
		n := 1
		if s.isNew {
			n = 3 // a new topic's first weeks are all planted
		}
		for k := range n {
			planted[fmt.Sprintf("%s|%s|2026-W%02d", s.topic, s.city, s.week+k)] = true
		}
	}
	found := map[string]bool{}
	tp, fp := 0, 0
	rtp, rfp := 0, 0
	foundCallers := map[string]bool{}
	for _, h := range hs {
		if h.Kind == evaluation.HotspotRepeat {
			if h.Count >= 3 && isPlantedCaller(g, h) {
				rtp++
				foundCallers[h.Caller] = true
			} else {
				rfp++
				t.Logf("unplanted repeat caller: %+v", h)
			}
			continue
		}
		key := fmt.Sprintf("%s|%s|%s", h.Topic, h.Division, h.Week)
		if planted[key] {
			tp++
			found[key] = true
		} else {
			fp++
			t.Logf("unplanted %s: %s count %d median %.1f z %.2f", h.Kind, key, h.Count, h.Median, h.Z)
		}
	}
	recalled := 0
	for _, s := range plantedSpikes {
		if found[fmt.Sprintf("%s|%s|2026-W%02d", s.topic, s.city, s.week)] {
			recalled++
		} else {
			t.Errorf("planted %+v not found", s)
		}
	}
	precision := float64(tp) / math.Max(1, float64(tp+fp))
	recall := float64(recalled) / float64(len(plantedSpikes))
	t.Logf("orders %d; spikes/new topics: %d found, %d true, %d false: precision %.3f, recall %.3f (%d/%d planted events)",
		len(g.orders), tp+fp, tp, fp, precision, recall, recalled, len(plantedSpikes))
	t.Logf("repeat callers: %d found, %d planted, %d false", len(foundCallers), len(g.repeatCallers), rfp)
	if recall < 1 || precision < 0.8 {
		t.Errorf("precision %.3f recall %.3f", precision, recall)
	}
	if len(foundCallers) != len(g.repeatCallers) || rfp != 0 {
		t.Errorf("repeat callers: found %d of %d, %d false", len(foundCallers), len(g.repeatCallers), rfp)
	}

	// Inspection: every planted bad reply is caught by its rule, and no
	// good reply is flagged.
	insp := mustInspector(t, evaluation.DefaultInspectionRules(), nil)
	asOf := mondayOfISOWeek(53)
	var itp, ifp, ifn int
	for _, w := range g.orders {
		got := insp.Inspect(w, asOf)
		want, isBad := g.bad[w.ID]
		caught := false
		for _, r := range got.Failed() {
			if isBad && r == want {
				caught = true
			} else {
				ifp++
			}
		}
		switch {
		case caught:
			itp++
		case isBad:
			ifn++
		}
	}
	ip := float64(itp) / math.Max(1, float64(itp+ifp))
	ir := float64(itp) / math.Max(1, float64(itp+ifn))
	t.Logf("inspection: %d planted bad replies, %d caught, %d missed, %d false flags: precision %.3f, recall %.3f", len(g.bad), itp, ifn, ifp, ip, ir)
	if ifn != 0 || ifp != 0 {
		t.Errorf("inspection precision %.3f recall %.3f", ip, ir)
	}
}

func isPlantedCaller(g *genYear, h evaluation.Hotspot) bool {
	for p := range g.repeatCallers {
		if evaluation.MaskPhone(p) == h.Caller {
			return true
		}
	}
	return false
}

func timeHours(i int) time.Duration { return time.Duration(i) * time.Hour }
