package evaluation_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run %s -update to create it", t.Name())
	assert.Equal(t, string(want), string(got), "golden file %s differs; run go test -update and review the diff", path)
}

// appLister serves applications as matter.Store.ListApplications would.
func appLister(apps []*matter.Application) func(context.Context, matter.ApplicationFilter) iter.Seq2[*matter.Application, error] {
	return func(_ context.Context, f matter.ApplicationFilter) iter.Seq2[*matter.Application, error] {
		return func(yield func(*matter.Application, error) bool) {
			for _, a := range apps {
				if f.Match(a) && !yield(a.Clone(), nil) {
					return
				}
			}
		}
	}
}

// handReport builds the October report of the hand-made set, with one
// finding confirmed by the city's office.
func handReport(t *testing.T) *evaluation.Report {
	t.Helper()
	h := handData(t)
	confirmed := evaluation.Finding{
		Detector: evaluation.BurstDetector, Unit: laiwuHR, Period: evaluation.Month(2026, time.September), Count: 6,
		From: at(9, 24, 17, 30), To: at(9, 24, 17, 36), Source: "device:pa***16",
		ZH: "设备pa***16在10分钟内给出6条“非常满意”评价", EN: "6 top ratings from device pa***16 within 10 minutes",
		Confirmed: &evaluation.Confirmation{At: at(10, 20, 15, 0), By: "济南市好差评办", Note: "系窗口人员代为评价"},
	}
	rep, err := evaluation.MonthlyReport(context.Background(), evaluation.ReportInput{
		Store:        h.store(t),
		Applications: appLister(h.apps),
		Bundles: []matter.Bundle{
			{Code: retirement, Name: "退休一件事"},
			{Code: socialCard, Name: "社会保障卡居民服务一件事"},
		},
		Confirmed: []evaluation.Finding{confirmed},
		AsOf:      reportAsOf,
	}, 2026, time.October)
	require.NoError(t, err)
	return rep
}

// TestMonthlyReportHandMade checks the report's content against the
// hand-computed figures, then its rendering against the golden files.
func TestMonthlyReportHandMade(t *testing.T) {
	rep := handReport(t)
	assert.Equal(t, "2026年10月好差评和热线工单月调度报告", rep.Title)
	assert.Equal(t, evaluation.Month(2026, time.September), rep.Previous)
	// Figures of scorecard_test.go.
	good, _ := rep.Total.Current.Rate(evaluation.GoodRate)
	assert.Equal(t, "69.23% (9/13)", good.Detail())
	require.Len(t, rep.Units, 2)
	require.Len(t, rep.Cities, 2)
	assert.Equal(t, "济南市", rep.Cities[0].Current.Name)
	// September's total: 6 reviews, 5 good → 83.33%; October 69.23%:
	// −14.10 points.
	assert.Equal(t, "-14.10", rep.Total.Changes[0].String())
	// Actions: the three of TestEvaluateDefaultThresholds for B, the
	// confirmed finding's 通报 for A.
	require.Len(t, rep.Actions, 4)
	assert.Equal(t, laiwuHR.Name, rep.Actions[0].Name)
	assert.Equal(t, "confirmed-false-data", rep.Actions[0].Evidence.Rule.ID)
	// Findings: s3 was rated before b3 was decided.
	require.Len(t, rep.Findings, 1)
	assert.Equal(t, evaluation.EarlyDetector, rep.Findings[0].Detector)
	assert.Equal(t, shinanHR.CreditCode, rep.Findings[0].Unit.CreditCode)
	// Overdue on 11-02: the 问题工单's follow-up (due 10-23, 6 working days
	// late), c3's rectification (due 10-27, 4 days), w4's handling (due 10-27).
	require.Len(t, rep.Overdue, 3)
	assert.Equal(t, "problem", rep.Overdue[0].Record)
	assert.Equal(t, 6, rep.Overdue[0].DaysLate)
	assert.Equal(t, []string{"case", "work_order"}, []string{rep.Overdue[1].Record, rep.Overdue[2].Record})
	assert.Equal(t, 4, rep.Overdue[1].DaysLate)
	// Bundles, by code: 社会保障卡 (SD-YJS-SBK) has no application;
	// 退休一件事 (SD-YJS-TX) a3–a5, 2 of 3 on time.
	require.Len(t, rep.Bundles, 2)
	assert.Equal(t, "—", rep.Bundles[0].OnTimeRate.String())
	assert.Equal(t, "66.67% (2/3)", rep.Bundles[1].OnTimeRate.Detail())
	assert.Len(t, rep.Typical, 3)
	// Incidents: the 莱芜 outage reported by phone 15 minutes late.
	require.Len(t, rep.Incidents, 1)
	assert.Equal(t, 15*time.Minute, rep.Incidents[0].Check.Phone.By)
	assert.False(t, rep.Incidents[0].Check.Written.Late)

	var md, csvOut bytes.Buffer
	require.NoError(t, rep.Markdown(&md))
	require.NoError(t, rep.CSV(&csvOut))
	golden(t, "monthly-2026-10.md", md.Bytes())
	golden(t, "monthly-2026-10.csv", csvOut.Bytes())

	// What is published never shows a rater's phone or ID number.
	for _, raw := range []string{"13698765432", "13805311234", "15965421987", "370102196501150015", "李秀英", "张建国"} {
		assert.NotContains(t, md.String(), raw)
		assert.NotContains(t, csvOut.String(), raw)
	}
	// The CSV is one rectangular table.
	rows, err := csv.NewReader(bytes.NewReader(csvOut.Bytes())).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, evaluation.CSVHeader, rows[0])
	// The report marshals to JSON.
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	assert.True(t, json.Valid(b))
}

// TestQuarterlyReportGenerated builds the third quarter's analysis of
// generated data for the 16 cities, checks that the sections hold together
// and renders it to a golden file.
func TestQuarterlyReportGenerated(t *testing.T) {
	d := genMonths(t, 42, time.April, time.May, time.June, time.July, time.August, time.September)
	ctx := context.Background()
	s := evaluation.NewMemoryStore()
	for _, r := range d.reviews {
		_, err := s.AddReview(ctx, r)
		require.NoError(t, err)
	}
	for _, c := range d.cases {
		_, err := s.AddCase(ctx, c)
		require.NoError(t, err)
	}
	for _, w := range d.orders {
		_, err := s.AddWorkOrder(ctx, w)
		require.NoError(t, err)
	}
	rep, err := evaluation.QuarterlyReport(ctx, evaluation.ReportInput{
		Store: s, Applications: appLister(d.apps), Bundles: []matter.Bundle{{Code: retirement, Name: "退休一件事"}},
	}, 2026, 3)
	require.NoError(t, err)
	assert.Equal(t, "2026年第3季度好差评和热线工单分析报告", rep.Title)
	assert.Equal(t, evaluation.Quarter(2026, 2), rep.Previous)
	assert.Len(t, rep.Units, 48)
	assert.Len(t, rep.Cities, 16)
	var units, cities evaluation.Counts
	for _, r := range rep.Units {
		units.Add(r.Current.Counts)
	}
	for _, r := range rep.Cities {
		cities.Add(r.Current.Counts)
	}
	assert.Equal(t, rep.Total.Current.Counts, units)
	assert.Equal(t, rep.Total.Current.Counts, cities)
	assert.Empty(t, rep.Findings, "the generated data are clean")
	require.Len(t, rep.Bundles, 1)
	assert.Positive(t, rep.Bundles[0].Decided)
	assert.NotEmpty(t, rep.Typical)
	assert.NotEmpty(t, rep.Overdue, "stalled cases and late orders")
	var md bytes.Buffer
	require.NoError(t, rep.Markdown(&md))
	golden(t, "quarterly-2026-q3.md", md.Bytes())

	_, err = evaluation.QuarterlyReport(ctx, evaluation.ReportInput{Store: s}, 2026, 5)
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
	_, err = evaluation.MonthlyReport(ctx, evaluation.ReportInput{}, 2026, 1)
	assert.ErrorIs(t, err, evaluation.ErrInvalid, "no store")
}

// TestReportWithoutApplications: without applications there are no
// volumes, so no 主动评价率, no bundle progress and no excess finding.
func TestReportWithoutApplications(t *testing.T) {
	h := handData(t)
	rep, err := evaluation.MonthlyReport(context.Background(), evaluation.ReportInput{Store: h.store(t), AsOf: reportAsOf}, 2026, time.October)
	require.NoError(t, err)
	r, _ := rep.Total.Current.Rate(evaluation.ActiveRate)
	assert.False(t, r.OK())
	assert.False(t, rep.Total.Current.Volumes)
	assert.Empty(t, rep.Bundles)
	var md bytes.Buffer
	require.NoError(t, rep.Markdown(&md))
	assert.True(t, strings.Contains(md.String(), "## 七、一件事办理进度 Bundles\n\n无 None."))
	// January's report compares with December of the year before.
	jan, err := evaluation.MonthlyReport(context.Background(), evaluation.ReportInput{Store: h.store(t)}, 2026, time.January)
	require.NoError(t, err)
	assert.Equal(t, evaluation.Month(2025, time.December), jan.Previous)
	_, err = evaluation.MonthlyReport(context.Background(), evaluation.ReportInput{Store: h.store(t)}, 2026, 13)
	assert.ErrorIs(t, err, evaluation.ErrInvalid)
}
