package evaluation

import (
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Incident is a major incident (重大突发事件) and when it was reported, for
// measure 13 of the plan: a report by phone within IncidentRules.Phone of
// the incident, and in writing within IncidentRules.Written of the phone
// report. Check says which report was late and by how much.
type Incident struct {
	ID       uuid.UUID         `json:"id"`
	Title    string            `json:"title"`
	Division division.Code     `json:"division"`
	Unit     matter.Department `json:"unit"`
	// OccurredAt is when the incident happened; PhoneAt and WrittenAt when
	// it was reported by phone and in writing (zero: not yet).
	OccurredAt time.Time `json:"occurred_at"`
	PhoneAt    time.Time `json:"phone_at,omitzero"`
	WrittenAt  time.Time `json:"written_at,omitzero"`
	// Version counts stored revisions, from 1; the store sets it.
	Version int `json:"version"`
}

// Validate checks an incident: id, title, division, unit, the time it
// occurred, and reports in order (phone not before the incident, writing
// not before the phone report, and no writing without the phone report).
// It returns nil or a *ValidationError.
func (i *Incident) Validate() error {
	ps := &problems{subject: "incident " + i.ID.String()}
	if i.ID == uuid.Nil {
		ps.add("/id", "required", "缺少事件编号", "incident id is missing")
	}
	if strings.TrimSpace(i.Title) == "" {
		ps.add("/title", "required", "缺少事件名称", "incident title is missing")
	}
	if _, err := division.Parse(string(i.Division)); err != nil {
		ps.add("/division", "division", "区划代码%q无效", "division %q is not a valid code", i.Division)
	}
	validateUnit(ps, "/unit", i.Unit)
	if i.OccurredAt.IsZero() {
		ps.add("/occurred_at", "required", "缺少事发时间", "time of the incident is missing")
	}
	if !i.PhoneAt.IsZero() && i.PhoneAt.Before(i.OccurredAt) {
		ps.add("/phone_at", "report-order", "电话报告早于事发时间", "the phone report is before the incident")
	}
	switch {
	case i.WrittenAt.IsZero():
	case i.PhoneAt.IsZero():
		ps.add("/phone_at", "report-order", "有书面报告而无电话报告时间", "a written report without the time of the phone report")
	case i.WrittenAt.Before(i.PhoneAt):
		ps.add("/written_at", "report-order", "书面报告早于电话报告", "the written report is before the phone report")
	}
	return ps.err()
}

// ReportCheck is the verdict on one report of an incident.
type ReportCheck struct {
	// Due is the last moment the report was in time.
	Due time.Time `json:"due"`
	// Reported is when it was made, zero if not yet.
	Reported time.Time `json:"reported,omitzero"`
	// Late is set when it was made after Due, or is still missing after
	// Due; By says how late (up to asOf for a missing report).
	Late bool          `json:"late"`
	By   time.Duration `json:"by,omitempty"`
}

// IncidentCheck is the verdict on both reports of an incident.
type IncidentCheck struct {
	Phone   ReportCheck `json:"phone"`
	Written ReportCheck `json:"written"`
}

// Late reports whether either report was late.
func (c IncidentCheck) Late() bool { return c.Phone.Late || c.Written.Late }

// Check measures the reports against cfg.Incident as of asOf (for a report
// not yet made). The written report is due Written after the phone report,
// or, while there is none, Written after the phone report's due time.
func (i *Incident) Check(cfg Config, asOf time.Time) IncidentCheck {
	phone := judge(i.OccurredAt.Add(cfg.Incident.Phone), i.PhoneAt, asOf)
	base := i.PhoneAt
	if base.IsZero() {
		base = phone.Due
	}
	return IncidentCheck{Phone: phone, Written: judge(base.Add(cfg.Incident.Written), i.WrittenAt, asOf)}
}

func judge(due, reported, asOf time.Time) ReportCheck {
	c := ReportCheck{Due: due, Reported: reported}
	at := reported
	if at.IsZero() {
		at = asOf
	}
	if at.After(due) {
		c.Late, c.By = true, at.Sub(due)
	}
	return c
}

// Clone returns a copy.
func (i *Incident) Clone() *Incident { c := *i; return &c }

// Equal reports whether i and o are the same incident apart from Version,
// times compared as instants.
func (i *Incident) Equal(o *Incident) bool { return sameRecord(i, o) }
