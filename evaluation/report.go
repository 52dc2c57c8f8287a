package evaluation

import (
	"context"
	"fmt"
	"iter"
	"reflect"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// ReportKind is the kind of a periodic report.
type ReportKind string

// The kinds of report.
const (
	MonthlyKind   ReportKind = "monthly"   // 月调度
	QuarterlyKind ReportKind = "quarterly" // 季分析
)

// Names returns the Chinese and English names of the kind.
func (k ReportKind) Names() (zh, en string) {
	switch k {
	case MonthlyKind:
		return "月调度", "monthly report"
	case QuarterlyKind:
		return "季分析", "quarterly analysis"
	}
	return "", ""
}

// Report is a periodic report of 好差评 and hotline work: scorecards with
// their change on the previous period, the actions they call for, the
// suspected false data, the overdue records for 督办, the progress of every
// 一件事 bundle, typical reviews for publication (公开晾晒) and the late
// incident reports. Markdown and CSV render it; it marshals to JSON as is.
// Personal data appear only masked.
type Report struct {
	Kind     ReportKind `json:"kind"`
	Title    string     `json:"title"`
	Period   Period     `json:"period"`
	Previous Period     `json:"previous"`
	AsOf     time.Time  `json:"as_of"`

	// Total is the whole province (or whatever the store holds); Cities
	// the divisions rolled up to cities; Units every unit.
	Total  Row   `json:"total"`
	Cities []Row `json:"cities"`
	Units  []Row `json:"units"`

	// Actions are called for by the thresholds on the units' scorecards
	// and by confirmed findings.
	Actions []Action `json:"actions"`
	// Findings are the period's suspected false data, to verify.
	Findings []Finding `json:"findings"`
	// Overdue lists the cases, work orders and 问题工单 past their
	// deadline at AsOf (督办), the most overdue first.
	Overdue   []OverdueItem    `json:"overdue"`
	Bundles   []BundleProgress `json:"bundles"`
	Typical   []Typical        `json:"typical"`
	Incidents []LateIncident   `json:"incidents"`
	// Hotspots is the hotspot section (主动治理), when ReportInput.Hotspots
	// asked for one.
	Hotspots *HotspotSection `json:"hotspots,omitempty"`
	// Inspection is the smart quality inspection (智能质检) of the period's
	// work orders by unit, when ReportInput.Inspector is set.
	Inspection []UnitInspection `json:"inspection,omitempty"`
}

// Row is one scorecard of a report with its change on the previous
// period.
type Row struct {
	Current  Scorecard `json:"current"`
	Previous Counts    `json:"previous"`
	// Changes compares the ReportRates.
	Changes []Change `json:"changes"`
}

// OverdueItem is a record past its deadline, for 督办.
type OverdueItem struct {
	// Record is "case", "work_order" or "problem".
	Record   string            `json:"record"`
	ID       uuid.UUID         `json:"id"`
	Number   string            `json:"number,omitempty"`
	Unit     matter.Department `json:"unit"`
	Division division.Code     `json:"division"`
	Due      Due               `json:"due"`
	// DaysLate is the number of working days from the due date to the
	// as-of day.
	DaysLate int `json:"days_late"`
}

// BundleProgress is how the applications of one 一件事 bundle went in the
// period: received, decided, decided on time (every part by its due
// date), and still open past a due date.
type BundleProgress struct {
	Code         string `json:"code"`
	Name         string `json:"name"`
	Applications int64  `json:"applications"`
	Decided      int64  `json:"decided"`
	OnTime       int64  `json:"on_time"`
	OverdueOpen  int64  `json:"overdue_open"`
	// OnTimeRate = OnTime / Decided.
	OnTimeRate Rate `json:"on_time_rate"`
}

// LateIncident is an incident of the period reported late by phone or in
// writing (measure 13 of the plan).
type LateIncident struct {
	ID         uuid.UUID         `json:"id"`
	Title      string            `json:"title"`
	Unit       matter.Department `json:"unit"`
	Division   division.Code     `json:"division"`
	OccurredAt time.Time         `json:"occurred_at"`
	Check      IncidentCheck     `json:"check"`
}

// ReportInput is what a report is built from: the rules, the store, and
// the applications for service volumes and bundle progress.
type ReportInput struct {
	// Config is the local rules; the zero Config means DefaultConfig.
	Config Config
	// Thresholds turn scorecards into actions; nil Rules mean
	// DefaultThresholds (an empty, non-nil list calls for no action).
	Thresholds Thresholds
	// Anomalies are the detectors' thresholds; the zero value means
	// DefaultAnomalyRules.
	Anomalies AnomalyRules
	// Typical chooses the reviews to publish; the zero value means
	// DefaultTypicalRules.
	Typical TypicalRules
	// Store holds the reviews, cases, work orders, 问题工单 and incidents.
	Store Store
	// Applications lists applications (办件), as matter.Store's
	// ListApplications does; nil leaves volumes out (主动评价率 undefined,
	// no bundle progress, no comparison of ratings with services).
	Applications func(ctx context.Context, f matter.ApplicationFilter) iter.Seq2[*matter.Application, error]
	// ApplicationsSince bounds the applications read: those submitted
	// before it are not. Zero reads every application submitted before
	// the end of the period, so that a service ended in the period counts
	// however long ago it was applied for.
	ApplicationsSince time.Time
	// Bundles lists the bundles whose progress is reported, even without
	// any application; bundles met in applications are reported too.
	Bundles []matter.Bundle
	// Confirmed are 数据不实 findings confirmed by an office, for the
	// ConfirmedFraud rules.
	Confirmed []Finding
	// AsOf is when the report is made, for deadlines; zero means the end
	// of the period.
	AsOf time.Time
	// Hotspots, when set, adds the hotspot section (BuildHotspotSection)
	// over the work orders received from HistoryWeeks weeks before the
	// previous period to the end of the period.
	Hotspots *HotspotInput
	// Inspector, when set, inspects every work order received in the
	// period as of AsOf and adds the units' inspection results.
	Inspector *Inspector
}

func (in ReportInput) withDefaults() ReportInput {
	if reflect.ValueOf(in.Config).IsZero() {
		in.Config = DefaultConfig()
	}
	if in.Thresholds.Rules == nil {
		in.Thresholds = DefaultThresholds()
	}
	if reflect.ValueOf(in.Anomalies).IsZero() {
		in.Anomalies = DefaultAnomalyRules()
	}
	if in.Typical == (TypicalRules{}) {
		in.Typical = DefaultTypicalRules()
	}
	return in
}

// MonthlyReport builds the monthly report (月调度) of a month, compared with
// the month before.
func MonthlyReport(ctx context.Context, in ReportInput, year int, month time.Month) (*Report, error) {
	if month < time.January || month > time.December {
		return nil, fmt.Errorf("evaluation: monthly report: %w: month %d is not 1 to 12", ErrInvalid, int(month))
	}
	cur := Month(year, month)
	prev := Month(year, month-1) // time.Date normalises month 0 to December of the year before
	title := fmt.Sprintf("%d年%d月好差评和热线工单月调度报告", year, int(month))
	return buildReport(ctx, in, MonthlyKind, title, cur, prev)
}

// QuarterlyReport builds the quarterly analysis (季分析) of quarter q (1–4)
// of year, compared with the quarter before.
func QuarterlyReport(ctx context.Context, in ReportInput, year, q int) (*Report, error) {
	if q < 1 || q > 4 {
		return nil, fmt.Errorf("evaluation: quarterly report: %w: quarter %d is not 1 to 4", ErrInvalid, q)
	}
	cur := Quarter(year, q)
	prev := Quarter(year, q-1)
	if q == 1 {
		prev = Quarter(year-1, 4)
	}
	title := fmt.Sprintf("%d年第%d季度好差评和热线工单分析报告", year, q)
	return buildReport(ctx, in, QuarterlyKind, title, cur, prev)
}
