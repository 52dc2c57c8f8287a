package evaluation

import (
	"cmp"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// HotspotMethod describes the spike method, as reports publish it.
const HotspotMethod = "robust z-score of Anscombe-transformed weekly counts per topic × division: z = (a(x) − median a(h)) / max(1.4826·MAD a(h), min_scale), a(c) = 2√(c+3/8), h = the previous 8 ISO weeks; spike when z ≥ 3.5 and x ≥ 5 (defaults)"

// HotspotInput asks a report for its hotspot section (主动治理).
type HotspotInput struct {
	// Rules are the detection parameters; the zero value means
	// DefaultHotspotRules.
	Rules HotspotRules
	// TopicOf names an order's topic (see TopicOfSummary); nil means the
	// order's matter code.
	TopicOf func(*WorkOrder) string
	// Top is how many hotspots the section lists (default 10).
	Top int
}

// HotspotSection is the hotspot section of a report: the period's top
// hotspots with their trend and units, and what became of the previous
// period's.
type HotspotSection struct {
	Method string `json:"method"`
	// Top lists the period's spikes and new topics, highest z first (new
	// topics first), then by count; Total counts them all.
	Top   []HotspotItem `json:"top"`
	Total int           `json:"total"`
	// RepeatCallers counts the repeat-caller hotspots of the period.
	RepeatCallers int `json:"repeat_callers"`
	// Previous lists the previous period's spikes and new topics and
	// whether each cooled down.
	Previous []HotspotFollowUp `json:"previous"`
}

// HotspotItem is one hotspot of a report.
type HotspotItem struct {
	Hotspot Hotspot `json:"hotspot"`
	// Trend is the cell's count in each ISO week of the period, in order.
	Trend []int `json:"trend"`
	// Units are the names of the units that handled the hotspot's orders.
	Units []string `json:"units"`
}

// HotspotFollowUp says whether a hotspot of the previous period cooled
// down: the cell has no spike or new-topic hotspot in the present period.
// Latest is the cell's count in the last week of the present period.
type HotspotFollowUp struct {
	Kind     HotspotKind   `json:"kind"`
	Topic    string        `json:"topic"`
	Division division.Code `json:"division"`
	Week     string        `json:"week"`
	Count    int           `json:"count"`
	Latest   int           `json:"latest"`
	Cooled   bool          `json:"cooled"`
}

// BuildHotspotSection detects the hotspots of orders (which should reach
// back HistoryWeeks weeks before the previous period) and reports those
// whose week starts in cur, and the follow-up of those whose week starts
// in prev.
func BuildHotspotSection(in HotspotInput, orders []*WorkOrder, cur, prev Period) (*HotspotSection, error) {
	if in.Rules == (HotspotRules{}) {
		in.Rules = DefaultHotspotRules()
	}
	if in.Top <= 0 {
		in.Top = 10
	}
	topicOf := in.TopicOf
	if topicOf == nil {
		topicOf = func(w *WorkOrder) string { return w.Matter }
	}
	hs, err := DetectHotspots(in.Rules, func(yield func(*WorkOrder, error) bool) {
		for _, w := range orders {
			if !yield(w, nil) {
				return
			}
		}
	}, topicOf)
	if err != nil {
		return nil, err
	}
	// Weekly counts per cell and the unit of each order.
	counts := map[cellKey]map[int]int{}
	unitOf := map[uuid.UUID]string{}
	for _, w := range orders {
		if w == nil {
			continue
		}
		if u, ok := w.HandlingUnit(); ok {
			unitOf[w.ID] = u.Name
		}
		t := topicOf(w)
		if t == "" {
			continue
		}
		div := w.Division
		if in.Rules.CityLevel && div != "" {
			div = div.City()
		}
		k := cellKey{t, div}
		if counts[k] == nil {
			counts[k] = map[int]int{}
		}
		counts[k][weekIndex(w.ReceivedAt)]++
	}
	inPeriod := func(h Hotspot, p Period) bool { return p.Contains(h.WeekStart.Time()) }
	weeks := periodWeeks(cur)
	s := &HotspotSection{Method: HotspotMethod}
	hot := map[cellKey]bool{}
	var top []HotspotItem
	for _, h := range hs {
		if !inPeriod(h, cur) {
			continue
		}
		if h.Kind == HotspotRepeat {
			s.RepeatCallers++
			continue
		}
		k := cellKey{h.Topic, h.Division}
		hot[k] = true
		item := HotspotItem{Hotspot: h}
		for _, wk := range weeks {
			item.Trend = append(item.Trend, counts[k][wk])
		}
		seen := map[string]bool{}
		for _, id := range h.Orders {
			if n := unitOf[id]; n != "" && !seen[n] {
				seen[n] = true
				item.Units = append(item.Units, n)
			}
		}
		slices.Sort(item.Units)
		top = append(top, item)
	}
	slices.SortStableFunc(top, func(a, b HotspotItem) int {
		return cmp.Or(cmp.Compare(b.Hotspot.Z, a.Hotspot.Z), cmp.Compare(b.Hotspot.Count, a.Hotspot.Count))
	})
	s.Total = len(top)
	s.Top = top[:min(len(top), in.Top)]
	last := 0
	if len(weeks) > 0 {
		last = weeks[len(weeks)-1]
	}
	for _, h := range hs {
		if h.Kind == HotspotRepeat || !inPeriod(h, prev) {
			continue
		}
		k := cellKey{h.Topic, h.Division}
		s.Previous = append(s.Previous, HotspotFollowUp{
			Kind: h.Kind, Topic: h.Topic, Division: h.Division, Week: h.Week, Count: h.Count,
			Latest: counts[k][last], Cooled: !hot[k],
		})
	}
	return s, nil
}

// periodWeeks lists the week indexes whose Monday lies in p.
func periodWeeks(p Period) []int {
	if p.From.IsZero() || p.To.IsZero() {
		return nil
	}
	var out []int
	for wk := weekIndex(p.From); ; wk++ {
		start := weekStart(wk)
		// Week starts are UTC midnights of the CST Monday.
		monday := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, matter.CST)
		if !monday.Before(p.To) {
			return out
		}
		if p.Contains(monday) {
			out = append(out, wk)
		}
	}
}
