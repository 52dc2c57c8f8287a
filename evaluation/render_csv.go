package evaluation

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"github.com/onething-gov/onething/matter"
)

// CSVHeader is the header row of Report.CSV.
var CSVHeader = []string{"section", "code", "name", "item", "value", "previous", "change", "text"}

// CSV writes the report as one long table, one figure a row, under
// CSVHeader: section (meta, total, city, unit, action, finding, overdue,
// bundle, typical, incident, and hotspot and hotspot_previous when the
// report has a hotspot section, inspection when it has inspection
// results), the code of the group or record, its name,
// the item (a metric, rule, detector or field), the value, its previous
// value and change where there is one, and a text. Rates are percentages
// with 2 decimals and no sign, empty when undefined; changes are signed.
func (r *Report) CSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	put := func(rec ...string) {
		for len(rec) < len(CSVHeader) {
			rec = append(rec, "")
		}
		_ = cw.Write(rec) // errors surface through cw.Error
	}
	put(CSVHeader...)
	kzh, _ := r.Kind.Names()
	put("meta", "", "", "title", r.Title, "", "", "")
	put("meta", "", "", "kind", string(r.Kind), "", "", kzh)
	put("meta", "", "", "period", span(r.Period))
	put("meta", "", "", "previous", span(r.Previous))
	put("meta", "", "", "as_of", r.AsOf.In(matter.CST).Format(time.RFC3339))

	rowCSV := func(section string, row Row) {
		code := row.Current.Group.Code
		for _, l := range rowLines(row) {
			put(section, code, row.Current.Name, l.item, l.num, l.prevNum, changeText(l), l.zh)
		}
	}
	rowCSV("total", r.Total)
	for _, row := range r.Cities {
		rowCSV("city", row)
	}
	for _, row := range r.Units {
		rowCSV("unit", row)
	}
	for _, a := range r.Actions {
		put("action", a.Group.Code, a.Name, a.Evidence.Rule.ID, string(a.Kind), "", "", a.Evidence.ZH)
	}
	for _, f := range r.Findings {
		put("finding", string(f.Unit.CreditCode), f.Unit.Name, string(f.Detector), strconv.FormatInt(f.Count, 10), "", "", f.ZH)
	}
	for _, o := range r.Overdue {
		put("overdue", o.ID.String(), o.Unit.Name, o.Record+"/"+string(o.Due.Deadline), strconv.Itoa(o.DaysLate), "", "", o.Due.Date.String())
	}
	for _, b := range r.Bundles {
		put("bundle", b.Code, b.Name, "applications", strconv.FormatInt(b.Applications, 10))
		put("bundle", b.Code, b.Name, "decided", strconv.FormatInt(b.Decided, 10))
		put("bundle", b.Code, b.Name, "on_time", strconv.FormatInt(b.OnTime, 10))
		put("bundle", b.Code, b.Name, "on_time_rate", percentText(b.OnTimeRate))
		put("bundle", b.Code, b.Name, "overdue_open", strconv.FormatInt(b.OverdueOpen, 10))
	}
	for _, t := range r.Typical {
		kind := "good"
		if t.Bad {
			kind = "bad"
		}
		put("typical", t.Review.String(), t.Unit.Name, kind, strconv.Itoa(int(t.Rating)), "", "", t.Comment)
		if t.Answer != "" {
			put("typical", t.Review.String(), t.Unit.Name, kind+"_answer", "", "", "", t.Answer)
		}
	}
	for _, i := range r.Incidents {
		for _, x := range []struct {
			item string
			c    ReportCheck
		}{{"phone", i.Check.Phone}, {"written", i.Check.Written}} {
			if x.c.Late {
				put("incident", i.ID.String(), i.Title, x.item, strconv.FormatInt(int64(x.c.By.Round(time.Minute)/time.Minute), 10), "", "", i.Unit.Name)
			}
		}
	}
	if r.Hotspots != nil {
		hotspotCSV(put, r.Hotspots)
	}
	inspectionCSV(put, r.Inspection)
	cw.Flush()
	return cw.Error()
}

// changeText returns the change of a line without its "—" placeholder.
func changeText(l line) string {
	if l.change == "—" {
		return ""
	}
	return l.change
}
