package evaluation

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// reportHotspots reads the work orders the hotspot section needs and
// builds it.
func reportHotspots(ctx context.Context, s Store, in HotspotInput, cur, prev Period) (*HotspotSection, error) {
	weeks := in.Rules.HistoryWeeks
	if in.Rules == (HotspotRules{}) {
		weeks = DefaultHotspotRules().HistoryWeeks
	}
	from := prev.From.Add(-time.Duration(weeks+1) * 7 * 24 * time.Hour)
	var orders []*WorkOrder
	for w, err := range s.ListWorkOrders(ctx, WorkOrderFilter{Period: Period{From: from, To: cur.To}}) {
		if err != nil {
			return nil, fmt.Errorf("evaluation: report: hotspots: %w", err)
		}
		orders = append(orders, w)
	}
	return BuildHotspotSection(in, orders, cur, prev)
}

func kindNames(k HotspotKind) string {
	switch k {
	case HotspotSpike:
		return "突增 spike"
	case HotspotNew:
		return "新增诉求 new topic"
	case HotspotRepeat:
		return "重复来电 repeat caller"
	}
	return string(k)
}

func trendText(t []int) string {
	parts := make([]string, len(t))
	for i, n := range t {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, " → ")
}

func zText(z float64) string {
	if z > 1e300 {
		return "∞"
	}
	return strconv.FormatFloat(z, 'f', 2, 64)
}

// hotspotMarkdown renders the hotspot section.
func hotspotMarkdown(w io.Writer, number string, s *HotspotSection) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("\n## %s、热点诉求（主动治理） Hotspots\n\n", number)
	p("方法 Method: %s。本期热点 %d 个，重复来电 %d 起。%d hotspots, %d repeat callers.\n\n", s.Method, s.Total, s.RepeatCallers, s.Total, s.RepeatCallers)
	if len(s.Top) == 0 {
		p("本期无热点 None this period.\n")
	} else {
		p("| 类型 Kind | 主题 Topic | 区划 Division | 周 Week | 件数 Count | 历史中位数 Median | z | 趋势 Trend | 承办单位 Units |\n|---|---|---|---|---:|---:|---:|---|---|\n")
		for _, it := range s.Top {
			h := it.Hotspot
			p("| %s | %s | %s | %s | %d | %.1f | %s | %s | %s |\n", kindNames(h.Kind), cell(h.Topic), h.Division, h.Week, h.Count, h.Median, zText(h.Z), trendText(it.Trend), cell(strings.Join(it.Units, "、")))
		}
	}
	p("\n上期热点跟踪 Previous period's hotspots:\n\n")
	if len(s.Previous) == 0 {
		p("无 None.\n")
		return
	}
	p("| 类型 Kind | 主题 Topic | 区划 Division | 周 Week | 件数 Count | 本期末周 Latest | 是否降温 Cooled |\n|---|---|---|---|---:|---:|---|\n")
	for _, f := range s.Previous {
		cooled := "否 no"
		if f.Cooled {
			cooled = "是 yes"
		}
		p("| %s | %s | %s | %s | %d | %d | %s |\n", kindNames(f.Kind), cell(f.Topic), f.Division, f.Week, f.Count, f.Latest, cooled)
	}
}

// hotspotCSV writes the hotspot rows: section hotspot (code the division,
// name the topic, item kind/week, value the count, change the z-score,
// text the trend and units) and hotspot_previous (value the count, previous
// the count in the last week of the present period, text whether it
// cooled down).
func hotspotCSV(put func(rec ...string), s *HotspotSection) {
	for _, it := range s.Top {
		h := it.Hotspot
		put("hotspot", string(h.Division), h.Topic, string(h.Kind)+"/"+h.Week, strconv.Itoa(h.Count), "", zText(h.Z), trendText(it.Trend)+"; "+strings.Join(it.Units, "、"))
	}
	for _, f := range s.Previous {
		put("hotspot_previous", string(f.Division), f.Topic, string(f.Kind)+"/"+f.Week, strconv.Itoa(f.Count), strconv.Itoa(f.Latest), "", strconv.FormatBool(f.Cooled))
	}
}

// inspectionMarkdown renders the units' inspection results.
func inspectionMarkdown(w io.Writer, number string, units []UnitInspection) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }
	p("\n## %s、智能质检 Quality inspection of replies\n\n", number)
	if len(units) == 0 {
		p("无 None.\n")
		return
	}
	p("| 单位 Unit | 质检工单 Orders | 问题工单 Flagged | 合格率 Pass rate | 平均分 Mean score | 问题分布 Faults |\n|---|---:|---:|---:|---:|---|\n")
	for _, u := range units {
		p("| %s | %d | %d | %s | %s | %s |\n", cell(u.Unit.Name), u.Orders, u.Flagged, u.PassRate, u.MeanScore().StringFixed(2), faultText(u.Failures))
	}
}

func faultText(m map[InspectRule]int) string {
	var parts []string
	for _, r := range allInspectRules {
		if n := m[r]; n > 0 {
			zh, _ := r.Names()
			parts = append(parts, fmt.Sprintf("%s %d", zh, n))
		}
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, "；")
}

// inspectionCSV writes one row per unit and figure: section inspection,
// item orders, flagged, pass_rate, mean_score or fault/<rule>.
func inspectionCSV(put func(rec ...string), units []UnitInspection) {
	for _, u := range units {
		code, name := string(u.Unit.CreditCode.String()), u.Unit.Name
		put("inspection", code, name, "orders", strconv.Itoa(u.Orders))
		put("inspection", code, name, "flagged", strconv.Itoa(u.Flagged))
		put("inspection", code, name, "pass_rate", percentText(u.PassRate))
		put("inspection", code, name, "mean_score", u.MeanScore().StringFixed(2))
		for _, r := range allInspectRules {
			if n := u.Failures[r]; n > 0 {
				zh, _ := r.Names()
				put("inspection", code, name, "fault/"+string(r), strconv.Itoa(n), "", "", zh)
			}
		}
	}
}
