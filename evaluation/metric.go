package evaluation

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Metric names a figure of a scorecard: a rate (好评率, 满意率, …) or a count
// (评价数, 投诉量, …). Threshold rules name the metric they test.
type Metric string

// The rate metrics. Their formulas and sources are in the package
// documentation (# Scorecards).
const (
	GoodRate          Metric = "good_rate"            // 好评率
	BadRate           Metric = "bad_rate"             // 差评率
	RectifyRate       Metric = "rectify_rate"         // 差评整改率
	RevisitRate       Metric = "revisit_rate"         // 实名差评回访率
	ActiveRate        Metric = "active_rate"          // 主动评价率
	ServiceOnTimeRate Metric = "service_on_time_rate" // 办件按时办结率
	OnTimeRate        Metric = "on_time_rate"         // 工单按时办结率
	ResolveRate       Metric = "resolve_rate"         // 解决率
	SatisfactionRate  Metric = "satisfaction_rate"    // 满意率
	OrderRevisitRate  Metric = "order_revisit_rate"   // 工单回访率
	RehandleRate      Metric = "rehandle_rate"        // 重办率
	InspectionPass    Metric = "inspection_pass_rate" // 质检合格率
	InspectionScore   Metric = "inspection_score"     // 质检平均分
)

// The count metrics.
const (
	ReviewCount    Metric = "reviews"        // 评价数
	BadCount       Metric = "bad_reviews"    // 差评数
	ServiceCount   Metric = "services"       // 办件数
	OrderCount     Metric = "orders"         // 工单数
	ComplaintCount Metric = "complaints"     // 投诉量
	OverdueCount   Metric = "overdue_orders" // 超期工单数
)

type metricDef struct {
	zh, en string
	rate   func(Counts) Rate
	count  func(Counts) int64
}

var metricDefs = map[Metric]metricDef{
	GoodRate:          {"好评率", "good-review rate", Counts.GoodRate, nil},
	BadRate:           {"差评率", "bad-review rate", Counts.BadRate, nil},
	RectifyRate:       {"差评整改率", "bad-review rectification rate", Counts.RectifyRate, nil},
	RevisitRate:       {"实名差评回访率", "real-name bad-review revisit rate", Counts.RevisitRate, nil},
	ActiveRate:        {"主动评价率", "active rating rate", Counts.ActiveRate, nil},
	ServiceOnTimeRate: {"办件按时办结率", "applications decided on time", Counts.ServiceOnTimeRate, nil},
	OnTimeRate:        {"按时办结率", "work orders finished on time", Counts.OnTimeRate, nil},
	ResolveRate:       {"解决率", "resolution rate", Counts.ResolveRate, nil},
	SatisfactionRate:  {"满意率", "satisfaction rate", Counts.SatisfactionRate, nil},
	OrderRevisitRate:  {"回访率", "work-order revisit rate", Counts.OrderRevisitRate, nil},
	RehandleRate:      {"重办率", "re-handling rate", Counts.RehandleRate, nil},
	InspectionPass:    {"质检合格率", "inspection pass rate", Counts.InspectionPassRate, nil},
	InspectionScore:   {"质检平均分", "mean inspection score", Counts.InspectionMeanScore, nil},
	ReviewCount:       {"评价数", "reviews", nil, Counts.Reviews},
	BadCount:          {"差评数", "bad reviews", nil, Counts.Bad},
	ServiceCount:      {"办件数", "services", nil, func(c Counts) int64 { return c.Services }},
	OrderCount:        {"工单数", "work orders", nil, func(c Counts) int64 { return c.Orders }},
	ComplaintCount:    {"投诉量", "complaints", nil, func(c Counts) int64 { return c.Complaints }},
	OverdueCount:      {"超期工单数", "overdue work orders", nil, func(c Counts) int64 { return c.OrdersOverdue }},
}

// Metrics lists every metric: the rates in the order of a report, then the
// counts.
func Metrics() []Metric {
	return []Metric{
		GoodRate, BadRate, RectifyRate, RevisitRate, ActiveRate, ServiceOnTimeRate,
		OnTimeRate, ResolveRate, SatisfactionRate, OrderRevisitRate, RehandleRate,
		InspectionPass, InspectionScore,
		ReviewCount, BadCount, ServiceCount, OrderCount, ComplaintCount, OverdueCount,
	}
}

// ReportRates lists the rate metrics a report compares with the previous
// period.
func ReportRates() []Metric {
	return []Metric{
		GoodRate, BadRate, RectifyRate, RevisitRate, ActiveRate,
		OnTimeRate, ResolveRate, SatisfactionRate, OrderRevisitRate, RehandleRate,
	}
}

// Valid reports whether m is a defined metric.
func (m Metric) Valid() bool { _, ok := metricDefs[m]; return ok }

// IsRate reports whether m is a rate (a percentage); otherwise it is a count.
func (m Metric) IsRate() bool { return metricDefs[m].rate != nil }

// Names returns the Chinese and English names of the metric.
func (m Metric) Names() (zh, en string) { d := metricDefs[m]; return d.zh, d.en }

// UnmarshalText accepts only the defined metrics.
func (m *Metric) UnmarshalText(b []byte) error {
	v := Metric(b)
	if !v.Valid() {
		return fmt.Errorf("evaluation: %w: unknown metric %q", ErrInvalid, b)
	}
	*m = v
	return nil
}

// Change is how a rate moved from the previous period to the current one.
type Change struct {
	Metric   Metric `json:"metric"`
	Current  Rate   `json:"current"`
	Previous Rate   `json:"previous"`
	// Points is the change in percentage points, the difference of the two
	// published (rounded) percentages; OK is false, and Points zero, when
	// either rate is undefined.
	Points decimal.Decimal `json:"points"`
	OK     bool            `json:"ok"`
}

// String returns the change as published: "+1.50" or "—".
func (c Change) String() string {
	if !c.OK {
		return "—"
	}
	return signed(c.Points)
}

// Compare returns the change of each rate metric from prev to cur. Count
// metrics are skipped.
func Compare(cur, prev Counts, metrics ...Metric) []Change {
	out := make([]Change, 0, len(metrics))
	for _, m := range metrics {
		d := metricDefs[m]
		if d.rate == nil {
			continue
		}
		c := Change{Metric: m, Current: d.rate(cur), Previous: d.rate(prev)}
		c.Points, c.OK = c.Current.change(c.Previous)
		out = append(out, c)
	}
	return out
}

var metricFormulas = map[Metric][3]string{
	GoodRate:          {"好评数（3–5级）÷ 评价数", "good reviews (levels 3–5) / reviews", "common practice (unconfirmed)"},
	BadRate:           {"差评数（1–2级）÷ 评价数", "bad reviews (levels 1–2) / reviews", "conventional"},
	RectifyRate:       {"已整改差评 ÷ 应整改差评（本期受理、未剔除的差评件）", "cases rectified / cases received and not excluded", "common practice (unconfirmed)"},
	RevisitRate:       {"已回访的实名差评 ÷ 已整改的实名差评", "real-name cases revisited / real-name cases rectified", "conventional; 鲁政办发〔2020〕10号 requires 100%"},
	ActiveRate:        {"服务评价数（一次一评、一事一评，不含追评）÷ 办结办件数", "first ratings of service events / applications whose service ended", "common practice (unconfirmed)"},
	ServiceOnTimeRate: {"按承诺时限办结的办件 ÷ 办结（作出决定）的办件", "applications decided with every part by its due date / applications decided", "conventional"},
	OnTimeRate:        {"按时办结工单 ÷ 应办结工单（已回复或已超期）", "work orders replied on time and not overdue / work orders replied or overdue", "common practice (unconfirmed)"},
	ResolveRate:       {"末次回访已解决 ÷ 已回访工单", "orders resolved at the last revisit / orders revisited", "common practice (unconfirmed)"},
	SatisfactionRate:  {"末次回访满意（非常满意、满意、基本满意）÷ 已回访工单", "orders satisfied (levels 3–5) at the last revisit / orders revisited", "common practice (unconfirmed)"},
	OrderRevisitRate:  {"已回访工单 ÷ 已回复工单", "orders revisited / orders replied", "common practice (unconfirmed)"},
	RehandleRate:      {"重办过的工单 ÷ 已回复工单", "orders reopened for 重办 / orders replied", "conventional"},
	InspectionPass:    {"质检无扣分项的工单 ÷ 质检工单", "orders inspected with no rule flagged / orders inspected", "conventional"},
	InspectionScore:   {"质检得分之和 ÷ 质检工单数", "sum of inspection scores / orders inspected (mean of 0–100, 2 dp half-up)", "conventional"},
}

// Formula returns the formula of a rate metric in Chinese and English and
// its source: "common practice (unconfirmed)" for formulas in use but not
// seen in an official text, "conventional" for this package's own
// reading. Count metrics return empty strings.
func (m Metric) Formula() (zh, en, source string) {
	f := metricFormulas[m]
	return f[0], f[1], f[2]
}
