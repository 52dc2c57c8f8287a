package main

import (
	"bytes"
	"context"
	"html/template"
	"net/http"
	"slices"
	"time"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// dashMetrics are the rates the dashboard charts by city.
var dashMetrics = []evaluation.Metric{
	evaluation.SatisfactionRate, evaluation.ResolveRate, evaluation.OnTimeRate, evaluation.RectifyRate,
}

// dashRoles may see the dashboard.
var dashRoles = []role{roleCity, roleProvince, roleAuditor}

// cityCards are the month's scorecards by city within p's jurisdiction:
// the API's own aggregation (which filters a city admin's records), rolled
// up to cities and filtered again by jurisdiction.
func (s *server) cityCards(ctx context.Context, p *principal, period evaluation.Period) ([]evaluation.Scorecard, error) {
	cards, err := s.aggregate(ctx, evaluation.ByDivision, period, p)
	if err != nil {
		return nil, err
	}
	cities, err := evaluation.Rollup(cards, division.City)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(cities, func(c evaluation.Scorecard) bool {
		return !p.covers(division.Code(c.Group.Code))
	}), nil
}

// report is the month's 月调度 report as the API builds it, cut to p's
// jurisdiction: a city admin sees only their city's rows and records.
func (s *server) report(ctx context.Context, p *principal, month time.Time) (*evaluation.Report, error) {
	var bundles []matter.Bundle
	for b := range s.catalog().Bundles() {
		bundles = append(bundles, *b)
	}
	rep, err := evaluation.MonthlyReport(ctx, evaluation.ReportInput{
		Config: s.evalCfg, Store: s.evals, Applications: s.matters.ListApplications, Bundles: bundles, AsOf: s.now(),
	}, month.Year(), month.Month())
	if err != nil {
		return nil, err
	}
	if p.Role != roleCity {
		return rep, nil
	}
	// Where each unit sits, from what the report and the catalog name.
	unitDiv := map[string]division.Code{}
	note := func(d matter.Department) { unitDiv[string(d.CreditCode)] = d.Division }
	for m := range s.catalog().Matters() {
		note(m.Body)
	}
	for b := range s.catalog().Bundles() {
		note(b.Lead)
	}
	for _, o := range rep.Overdue {
		note(o.Unit)
	}
	for _, f := range rep.Findings {
		note(f.Unit)
	}
	for _, t := range rep.Typical {
		note(t.Unit)
	}
	for _, i := range rep.Incidents {
		note(i.Unit)
	}
	groupIn := func(g evaluation.Group) bool {
		switch g.By {
		case evaluation.ByDivision:
			return p.covers(division.Code(g.Code))
		case evaluation.ByUnit:
			return p.covers(unitDiv[g.Code])
		}
		return false
	}
	rowsIn := func(rows []evaluation.Row) []evaluation.Row {
		return slices.DeleteFunc(rows, func(r evaluation.Row) bool { return !groupIn(r.Current.Group) })
	}
	rep.Cities = rowsIn(rep.Cities)
	rep.Units = rowsIn(rep.Units)
	if len(rep.Cities) == 1 {
		rep.Total = rep.Cities[0]
	} else {
		rep.Total = evaluation.Row{}
	}
	rep.Actions = slices.DeleteFunc(rep.Actions, func(a evaluation.Action) bool { return !groupIn(a.Group) })
	rep.Overdue = slices.DeleteFunc(rep.Overdue, func(o evaluation.OverdueItem) bool { return !p.covers(o.Division) })
	rep.Findings = slices.DeleteFunc(rep.Findings, func(f evaluation.Finding) bool { return !p.covers(f.Unit.Division) })
	rep.Typical = slices.DeleteFunc(rep.Typical, func(t evaluation.Typical) bool { return !p.covers(t.Unit.Division) })
	rep.Incidents = slices.DeleteFunc(rep.Incidents, func(i evaluation.LateIncident) bool { return !p.covers(i.Division) })
	// Bundle progress counts applications province-wide; a city sees
	// none rather than others' figures.
	rep.Bundles = nil
	return rep, nil
}

type dashData struct {
	Month    string
	Cards    []evaluation.Scorecard
	Metrics  []dashMetric
	Bars     []template.HTML
	Trends   []template.HTML
	Report   *evaluation.Report
	Markdown string
}

type dashMetric struct {
	Metric evaluation.Metric
	Name   string
}

func (s *server) dashMonth(r *http.Request) (time.Time, error) {
	m := r.URL.Query().Get("month")
	if m == "" {
		m = s.now().Format("2006-01")
	}
	return parseMonth(m, "?month")
}

func (s *server) dashPrincipal(w http.ResponseWriter, r *http.Request) (*principal, bool) {
	p, ok := principalFrom(r.Context())
	if !ok {
		http.Redirect(w, r, "/ui/login?next="+r.URL.Path, http.StatusSeeOther)
		return nil, false
	}
	if !slices.Contains(dashRoles, p.Role) {
		s.renderError(w, r, http.StatusForbidden, "只有市级、省级管理员和审计人员可以查看。", "Only city and province admins and auditors may see this.")
		return nil, false
	}
	return p, true
}

func rateBar(label string, c evaluation.Scorecard, m evaluation.Metric) bar {
	rt, ok := c.Rate(m)
	if !ok || !rt.OK() {
		return bar{Label: label}
	}
	return bar{Label: label, Value: rt.Percent(), OK: true}
}

func (s *server) pageDashboard(w http.ResponseWriter, r *http.Request) {
	p, ok := s.dashPrincipal(w, r)
	if !ok {
		return
	}
	month, err := s.dashMonth(r)
	if err != nil {
		s.renderError(w, r, http.StatusBadRequest, "月份格式为 YYYY-MM。", "A month is YYYY-MM.")
		return
	}
	pg := s.newPage(w, r, "运行监测", "Operations dashboard")
	ctx := r.Context()
	cards, err := s.cityCards(ctx, p, evaluation.Month(month.Year(), month.Month()))
	if err != nil {
		s.renderError(w, r, http.StatusInternalServerError, err.Error(), err.Error())
		return
	}
	d := &dashData{Month: month.Format("2006-01"), Cards: cards}
	// Six months of trend, ending with this one.
	var months []string
	trend := map[string][]bar{}
	var order []string
	for i := 5; i >= 0; i-- {
		m := month.AddDate(0, -i, 0)
		months = append(months, m.Format("2006-01"))
		cs, err := s.cityCards(ctx, p, evaluation.Month(m.Year(), m.Month()))
		if err != nil {
			s.renderError(w, r, http.StatusInternalServerError, err.Error(), err.Error())
			return
		}
		for _, mt := range dashMetrics {
			for _, c := range cs {
				k := string(mt) + "|" + c.Name
				if _, seen := trend[k]; !seen {
					trend[k] = make([]bar, 6)
					order = append(order, k)
				}
				trend[k][5-i] = rateBar(c.Name, c, mt)
			}
		}
	}
	for _, mt := range dashMetrics {
		zh, en := mt.Names()
		name := pg.T(zh, en)
		d.Metrics = append(d.Metrics, dashMetric{Metric: mt, Name: name})
		var bars []bar
		for _, c := range cards {
			bars = append(bars, rateBar(c.Name, c, mt))
		}
		d.Bars = append(d.Bars, barChart(name+" · "+d.Month, bars))
		var lines []series
		for _, k := range order {
			if len(k) > len(mt) && k[:len(mt)+1] == string(mt)+"|" {
				lines = append(lines, series{Label: k[len(mt)+1:], Values: trend[k]})
			}
		}
		d.Trends = append(d.Trends, trendChart(name+" · "+pg.T("近六个月", "six months"), months, lines))
	}
	if d.Report, err = s.report(ctx, p, month); err != nil {
		s.renderError(w, r, http.StatusInternalServerError, err.Error(), err.Error())
		return
	}
	pg.Data = d
	s.render(w, http.StatusOK, "dashboard.html", pg)
}

// pageReport downloads the month's report, cut to the jurisdiction, as
// Markdown or CSV.
func (s *server) pageReport(w http.ResponseWriter, r *http.Request) {
	p, ok := s.dashPrincipal(w, r)
	if !ok {
		return
	}
	month, err := s.dashMonth(r)
	if err != nil {
		s.renderError(w, r, http.StatusBadRequest, "月份格式为 YYYY-MM。", "A month is YYYY-MM.")
		return
	}
	rep, err := s.report(r.Context(), p, month)
	if err != nil {
		s.renderError(w, r, http.StatusInternalServerError, err.Error(), err.Error())
		return
	}
	var buf bytes.Buffer
	name := "report-" + month.Format("2006-01")
	switch r.PathValue("format") {
	case "md":
		err = rep.Markdown(&buf)
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		name += ".md"
	case "csv":
		err = rep.CSV(&buf)
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		name += ".csv"
	default:
		s.renderError(w, r, http.StatusNotFound, "格式为 md 或 csv。", "The format is md or csv.")
		return
	}
	if err != nil {
		s.renderError(w, r, http.StatusInternalServerError, err.Error(), err.Error())
		return
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	_, _ = w.Write(buf.Bytes())
}
