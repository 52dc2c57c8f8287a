package evaluation

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// HotspotKind is what made a hotspot.
type HotspotKind string

// The kinds.
const (
	HotspotSpike  HotspotKind = "spike"         // 突增: a cell's week far above its own history
	HotspotNew    HotspotKind = "new_topic"     // 新增诉求: a cell with no order in its history
	HotspotRepeat HotspotKind = "repeat_caller" // 重复来电: one caller calling again and again
)

// HotspotRules are the parameters of DetectHotspots, with JSON tags so
// that they can be kept as data. The defaults (DefaultHotspotRules) are
// this project's choice (unconfirmed).
type HotspotRules struct {
	// HistoryWeeks is the history a week is compared with: the weeks just
	// before it (default 8). MinHistory is how many of those weeks must lie
	// inside the data for a week to be judged (default 4): the first weeks
	// of the data are never hotspots.
	HistoryWeeks int `json:"history_weeks"`
	MinHistory   int `json:"min_history"`
	// MinCount is the fewest orders a cell-week needs to be a hotspot
	// (default 5): a rise from 0 to 2 is noise.
	MinCount int `json:"min_count"`
	// Threshold is the robust z-score from which a week is a spike
	// (default 3.5, Iglewicz and Hoaglin's cut-off); MinScale the smallest
	// denominator 1.4826·MAD may take (default 1), so that a flat history
	// (MAD 0) does not make every rise infinite.
	Threshold float64 `json:"threshold"`
	MinScale  float64 `json:"min_scale"`
	// Raw turns off the variance-stabilising transform: z is then computed
	// on the counts themselves (see DetectHotspots).
	Raw bool `json:"raw,omitempty"`
	// RepeatCalls orders from one caller (same phone or ID number) within
	// RepeatDays days are a repeat-caller hotspot (defaults 3 and 30).
	RepeatCalls int `json:"repeat_calls"`
	RepeatDays  int `json:"repeat_days"`
	// CityLevel groups divisions by their city (370116 → 370100).
	CityLevel bool `json:"city_level"`
}

// DefaultHotspotRules returns the defaults.
func DefaultHotspotRules() HotspotRules {
	return HotspotRules{HistoryWeeks: 8, MinHistory: 4, MinCount: 5, Threshold: 3.5, MinScale: 1, RepeatCalls: 3, RepeatDays: 30, CityLevel: true}
}

// Validate checks the rules.
func (r HotspotRules) Validate() error {
	if r.HistoryWeeks < 3 || r.MinHistory < 1 || r.MinHistory > r.HistoryWeeks || r.MinCount < 1 ||
		!(r.Threshold > 0) || !(r.MinScale > 0) || r.RepeatCalls < 2 || r.RepeatDays < 1 {
		return fmt.Errorf("evaluation: hotspot rules: %w: need history_weeks ≥ 3, 1 ≤ min_history ≤ history_weeks, min_count ≥ 1, threshold > 0, min_scale > 0, repeat_calls ≥ 2, repeat_days ≥ 1", ErrInvalid)
	}
	return nil
}

// Hotspot is one hotspot with its orders as evidence.
type Hotspot struct {
	Kind     HotspotKind   `json:"kind"`
	Topic    string        `json:"topic"`
	Division division.Code `json:"division"`
	// Week is the ISO week ("2026-W10") and WeekStart its Monday.
	Week      string      `json:"week"`
	WeekStart matter.Date `json:"week_start"`
	Count     int         `json:"count"`
	// Median, MAD and Z describe the history (spikes and new topics);
	// Z is +Inf for a new topic.
	Median float64 `json:"median"`
	MAD    float64 `json:"mad"`
	Z      float64 `json:"z"`
	// Caller is the repeat caller, masked.
	Caller string `json:"caller,omitempty"`
	// Orders are the orders of the hotspot, by time.
	Orders []uuid.UUID `json:"orders"`
}

// weekIndex counts weeks from Monday 1970-01-05 (CST).
func weekIndex(t time.Time) int {
	t = t.In(matter.CST)
	days := int(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400)
	return int(math.Floor(float64(days-4) / 7))
}

func weekStart(idx int) time.Time {
	return time.Unix(int64(idx*7+4)*86400, 0).UTC()
}

func weekLabel(idx int) string {
	y, w := weekStart(idx).ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

type cellKey struct {
	topic string
	div   division.Code
}

type orderRef struct {
	id uuid.UUID
	at time.Time
}

// DetectHotspots finds the hotspots of a listing of work orders, by topic ×
// division × ISO week (China Standard Time). The topic of an order is what
// topicOf returns for it (for example the dispatch topic of its summary
// through a TopicMatcher, see TopicOfSummary); orders without a topic are
// not counted in cells but still count for repeat callers.
//
// The method, for every cell (topic, division) and every week W in which the
// cell has orders, with x its count in W and h the counts of the cell in the
// HistoryWeeks weeks before W (zeros included) that lie within the data
// (from the week of the earliest order):
//
//   - W is not judged when h has fewer than MinHistory weeks, or x < MinCount;
//   - when every count of h is 0, W is a new topic (HotspotNew);
//   - otherwise, with a(c) = 2·√(c + 3/8) (Anscombe's transform, which makes
//     a Poisson count roughly normal with variance 1), the robust z-score
//     z = (a(x) − median(a(h))) / max(1.4826·MAD(a(h)), MinScale), MAD being
//     the median of |a(h_i) − median(a(h))|, and W is a spike when
//     z ≥ Threshold. Without the transform (Raw) z is computed on the counts
//     with the denominator max(1.4826·MAD(h), MinScale, √median(h)).
//
// The transform matters: hotline counts are small and skewed, and on the
// generated year (gen_year_test.go) the raw z-score at 3.5 flags ordinary
// weeks of low-volume cells (precision 0.38) where the transformed one does
// not. Median and MAD are reported in counts, z as computed.
//
// A repeat caller is RepeatCalls or more orders from one caller (the same
// phone digits, or else the same ID number) within RepeatDays days; one
// hotspot is reported per run of such orders, at the week of its last order,
// with the caller masked. The hotspots come sorted by week, kind, topic and
// division. An error of the listing is returned wrapped.
func DetectHotspots(r HotspotRules, orders iter.Seq2[*WorkOrder, error], topicOf func(*WorkOrder) string) ([]Hotspot, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	cells := map[cellKey]map[int][]uuid.UUID{}
	callers := map[string][]orderRef{}
	first := math.MaxInt
	for w, err := range orders {
		if err != nil {
			return nil, fmt.Errorf("evaluation: hotspots: %w", err)
		}
		if w == nil || w.ReceivedAt.IsZero() {
			continue
		}
		wk := weekIndex(w.ReceivedAt)
		first = min(first, wk)
		if w.Caller != nil {
			key := digitsOnly(w.Caller.Phone)
			if key == "" && !w.Caller.CitizenID.IsZero() {
				key = "id:" + w.Caller.CitizenID.String()
			}
			if key != "" {
				callers[key] = append(callers[key], orderRef{w.ID, w.ReceivedAt})
			}
		}
		topic := ""
		if topicOf != nil {
			topic = topicOf(w)
		}
		if topic == "" {
			continue
		}
		div := w.Division
		if r.CityLevel && div != "" {
			div = div.City()
		}
		k := cellKey{topic, div}
		m := cells[k]
		if m == nil {
			m = map[int][]uuid.UUID{}
			cells[k] = m
		}
		m[wk] = append(m[wk], w.ID)
	}
	var out []Hotspot
	h := make([]float64, 0, r.HistoryWeeks)
	dev := make([]float64, 0, r.HistoryWeeks)
	for k, weeks := range cells {
		for wk, ids := range weeks {
			x := len(ids)
			from := max(wk-r.HistoryWeeks, first)
			if x < r.MinCount || wk-from < r.MinHistory {
				continue
			}
			h = h[:0]
			zero := true
			for i := from; i < wk; i++ {
				c := len(weeks[i])
				zero = zero && c == 0
				h = append(h, float64(c))
			}
			hs := Hotspot{Topic: k.topic, Division: k.div, Week: weekLabel(wk), WeekStart: matter.NewDate(weekStart(wk)), Count: x}
			if zero {
				hs.Kind, hs.Z = HotspotNew, math.Inf(1)
			} else {
				dev = dev[:0]
				for _, v := range h {
					dev = append(dev, v)
				}
				med, mad := medianMAD(dev)
				var z float64
				if r.Raw {
					z = (float64(x) - med) / max(1.4826*mad, r.MinScale, math.Sqrt(med))
				} else {
					for i, v := range h {
						h[i] = anscombe(v)
					}
					amed, amad := medianMAD(h)
					z = (anscombe(float64(x)) - amed) / max(1.4826*amad, r.MinScale)
				}
				if z < r.Threshold {
					continue
				}
				hs.Kind, hs.Median, hs.MAD, hs.Z = HotspotSpike, med, mad, math.Round(z*100)/100
			}
			hs.Orders = slices.Clone(ids)
			out = append(out, hs)
		}
	}
	window := time.Duration(r.RepeatDays) * 24 * time.Hour
	for key, refs := range callers {
		if len(refs) < r.RepeatCalls {
			continue
		}
		slices.SortFunc(refs, func(a, b orderRef) int { return a.at.Compare(b.at) })
		for i := 0; i < len(refs); {
			j := i
			for j+1 < len(refs) && refs[j+1].at.Sub(refs[i].at) <= window {
				j++
			}
			if j-i+1 < r.RepeatCalls {
				i++
				continue
			}
			// Extend the run while each next order is within the window of
			// the one RepeatCalls-1 before it.
			for j+1 < len(refs) && refs[j+1].at.Sub(refs[j+2-r.RepeatCalls].at) <= window {
				j++
			}
			hs := Hotspot{Kind: HotspotRepeat, Count: j - i + 1, Caller: maskCaller(key)}
			wk := weekIndex(refs[j].at)
			hs.Week, hs.WeekStart = weekLabel(wk), matter.NewDate(weekStart(wk))
			for _, o := range refs[i : j+1] {
				hs.Orders = append(hs.Orders, o.id)
			}
			out = append(out, hs)
			i = j + 1
		}
	}
	slices.SortFunc(out, func(a, b Hotspot) int {
		return cmp.Or(cmp.Compare(a.Week, b.Week), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Topic, b.Topic),
			cmp.Compare(a.Division, b.Division), cmp.Compare(a.Caller, b.Caller), cmp.Compare(b.Count, a.Count))
	})
	return out, nil
}

func maskCaller(key string) string {
	if len(key) > 3 && key[:3] == "id:" {
		return MaskText(key[3:])
	}
	return MaskPhone(key)
}

// TopicOfSummary returns a topicOf for DetectHotspots that names an
// order's topic by its summary through a TopicMatcher, falling back to
// the order's matter code.
func TopicOfSummary(m TopicMatcher) func(*WorkOrder) string {
	return func(w *WorkOrder) string {
		if m != nil {
			if t, ok := m.MatchTopic(w.Summary); ok {
				return t
			}
		}
		return w.Matter
	}
}

func anscombe(c float64) float64 { return 2 * math.Sqrt(c+0.375) }

// medianMAD returns the median of v and the median of the absolute
// deviations from it, reordering v.
func medianMAD(v []float64) (med, mad float64) {
	med = median(v)
	for i := range v {
		v[i] = math.Abs(v[i] - med)
	}
	return med, median(v)
}

// median returns the median of v, reordering v.
func median(v []float64) float64 {
	slices.Sort(v)
	n := len(v)
	if n == 0 {
		return 0
	}
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// ParseHotspotRules reads rules from JSON over the defaults (a field
// absent keeps its default); unknown fields and invalid values are refused
// with ErrInvalid.
func ParseHotspotRules(data []byte) (HotspotRules, error) {
	r := DefaultHotspotRules()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return HotspotRules{}, fmt.Errorf("evaluation: hotspot rules: %w: %v", ErrInvalid, err)
	}
	if dec.More() {
		return HotspotRules{}, fmt.Errorf("evaluation: hotspot rules: %w: trailing data", ErrInvalid)
	}
	if err := r.Validate(); err != nil {
		return HotspotRules{}, err
	}
	return r, nil
}
