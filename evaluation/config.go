package evaluation

import (
	"fmt"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/workday"
)

// Config holds the rules that vary by place or by policy: time windows,
// deadlines in working days and the thresholds that turn a work order into
// a 问题工单. Start from DefaultConfig (the Shandong rules) and change what
// differs; the package keeps no global settings. A Config is a plain value,
// safe to copy and to share between goroutines once made.
type Config struct {
	// Calendar counts working days for every deadline. Nil means
	// workday.China(), the State Council's schedules.
	Calendar *workday.Calendar
	Review   ReviewRules
	Case     CaseRules
	Hotline  HotlineRules
	Incident IncidentRules
}

// ReviewRules govern ratings (好差评).
type ReviewRules struct {
	// LateDays is how many working days after the day of service a rating
	// may still be given (补评), the day of service not counted. Default 5
	// (鲁政办发〔2020〕10号; local). 0 allows a rating on the day of service only.
	LateDays int
	// FollowUps is how many follow-up ratings (追评) one rating may receive.
	// Default 1 (unconfirmed); 0 forbids follow-ups.
	FollowUps int
	// Reasons, when not empty, lists the reason codes a rater may choose;
	// an empty list accepts any non-empty code. The list is local data.
	Reasons []string
}

// CaseRules are the three named deadlines of a bad-review case (差评整改),
// in working days (local; defaults from the Shandong cities' practice).
type CaseRules struct {
	// ContactDays: contact the rater within this many working days of
	// receiving the case (received → verifying). Default 1.
	ContactDays int
	// RectifyDays: rectify and answer within this many working days of
	// receiving the case (→ rectified). Default 5 (德州).
	RectifyDays int
	// RevisitDays: verify the fix by a revisit to the rater within this
	// many working days after the fix (rectified → revisited). Default 5 (泰安).
	RevisitDays int
}

// HotlineRules govern 12345/12333 work orders. The default is Shandong's
// hotline rule; ComplaintLine2017 is the 2017 complaint-line preset.
type HotlineRules struct {
	// Name labels the preset in reports, e.g. "山东12345 (5+10)".
	Name string
	// HandlingDays: the unit finishes and replies within this many working
	// days of dispatch (and of a reopening for 重办). Default 5.
	HandlingDays int
	// MaxExtensionDays: all extensions (延期) of one order together add at
	// most this many working days. Default 10.
	MaxExtensionDays int
	// SendBackDays: a unit may send an order outside its duties back (退回)
	// within this many working days of dispatch. Default 2.
	SendBackDays int
	// YellowDays: the yellow card (黄牌) shows from the day when this many
	// working days are left before the due date. Default 1.
	YellowDays int
	// StallRehandled and StallTransfers: an order re-handled (重办) this
	// many times, or transferred this many times with no lead unit, is
	// 久拖未决 and may become a 问题工单. Defaults 3 and 3.
	StallRehandled int
	StallTransfers int
	// FollowUpDays: the decision of a 问题工单 is followed up within this
	// many working days. Default 5 (unconfirmed).
	FollowUpDays int
}

// IncidentRules are the reporting limits for a major incident (measure 13
// of the plan).
type IncidentRules struct {
	// Phone: report by phone within this long after the incident. Default 40 minutes.
	Phone time.Duration
	// Written: report in writing within this long after the phone report.
	// Default 30 minutes.
	Written time.Duration
}

// DefaultConfig returns the Shandong rules: national calendar, late rating
// within 5 working days, one follow-up, case deadlines 1/5/5, hotline
// handling 5 working days with up to 10 of extension, send-back within 2,
// yellow card with 1 working day left, 久拖未决 at 3 re-handlings or 3
// transfers, incident reports within 40 + 30 minutes. Each call returns a
// new value.
func DefaultConfig() Config {
	return Config{
		Review:   ReviewRules{LateDays: 5, FollowUps: 1},
		Case:     CaseRules{ContactDays: 1, RectifyDays: 5, RevisitDays: 5},
		Hotline:  ShandongHotline(),
		Incident: IncidentRules{Phone: 40 * time.Minute, Written: 30 * time.Minute},
	}
}

// ShandongHotline returns the default hotline rules: handling within 5
// working days, extension up to 10, send-back within 2.
func ShandongHotline() HotlineRules {
	return HotlineRules{
		Name:         "山东12345 (5+10)",
		HandlingDays: 5, MaxExtensionDays: 10, SendBackDays: 2, YellowDays: 1,
		StallRehandled: 3, StallTransfers: 3, FollowUpDays: 5,
	}
}

// ComplaintLine2017 returns the rules of the Shandong complaint line of
// 2017: handling within 15 working days, extension up to 7; the other
// values as ShandongHotline.
func ComplaintLine2017() HotlineRules {
	h := ShandongHotline()
	h.Name = "山东投诉热线2017 (15+7)"
	h.HandlingDays, h.MaxExtensionDays = 15, 7
	return h
}

// Validate checks that the values make sense: no negative window, and the
// deadlines and thresholds that must be at least 1 are. It returns nil or
// a *ValidationError.
func (c Config) Validate() error {
	ps := &problems{subject: "config"}
	nonNeg := func(ptr string, v int) {
		if v < 0 {
			ps.add(ptr, "config-range", "%s不能为负数（%d）", "%s must not be negative (%d)", ptr, v)
		}
	}
	positive := func(ptr string, v int) {
		if v < 1 {
			ps.add(ptr, "config-range", "%s至少为1（%d）", "%s must be at least 1 (%d)", ptr, v)
		}
	}
	nonNeg("/review/late_days", c.Review.LateDays)
	nonNeg("/review/follow_ups", c.Review.FollowUps)
	positive("/case/contact_days", c.Case.ContactDays)
	positive("/case/rectify_days", c.Case.RectifyDays)
	positive("/case/revisit_days", c.Case.RevisitDays)
	positive("/hotline/handling_days", c.Hotline.HandlingDays)
	nonNeg("/hotline/max_extension_days", c.Hotline.MaxExtensionDays)
	nonNeg("/hotline/send_back_days", c.Hotline.SendBackDays)
	nonNeg("/hotline/yellow_days", c.Hotline.YellowDays)
	positive("/hotline/stall_rehandled", c.Hotline.StallRehandled)
	positive("/hotline/stall_transfers", c.Hotline.StallTransfers)
	positive("/hotline/follow_up_days", c.Hotline.FollowUpDays)
	if c.Incident.Phone <= 0 || c.Incident.Written <= 0 {
		ps.add("/incident", "config-range", "事件报告时限须为正", "incident reporting limits must be positive")
	}
	return ps.err()
}

// calendar returns the configured calendar or the national one.
func (c Config) calendar() *workday.Calendar {
	if c.Calendar != nil {
		return c.Calendar
	}
	return workday.China()
}

// due returns the date n working days after from's date.
func (c Config) due(from time.Time, n int) (matter.Date, error) {
	t, err := c.calendar().Add(from, n)
	if err != nil {
		return matter.Date{}, fmt.Errorf("evaluation: deadline: %w", err)
	}
	return matter.NewDate(t), nil
}
