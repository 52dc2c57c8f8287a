package evaluation

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
)

// maskSource returns the masked form of a run's source: "device:an****7F",
// "phone:138****1234" or "id:370102********0015".
func maskSource(k runKey) string {
	switch k.kind {
	case 'd':
		return "device:" + MaskDevice(k.src)
	case 'p':
		return "phone:" + MaskPhone(k.src)
	case 'i':
		if id, err := citizenid.Parse(k.src); err == nil {
			return "id:" + id.Masked()
		}
		return "id:" + MaskDevice(k.src)
	}
	return ""
}

// MaskDevice keeps the first 2 and last 2 characters of a device
// identifier longer than 6 and hides the rest: "android-5F1C20" →
// "an**********20"; a shorter one is hidden but for its last character.
func MaskDevice(s string) string {
	n := utf8.RuneCountInString(s)
	rs := []rune(s)
	switch {
	case n == 0:
		return ""
	case n > 6:
		return string(rs[:2]) + strings.Repeat("*", n-4) + string(rs[n-2:])
	default:
		return strings.Repeat("*", n-1) + string(rs[n-1:])
	}
}

// sourceZH returns the Chinese label of a masked source.
func sourceZH(src string) string {
	kind, v, _ := strings.Cut(src, ":")
	switch kind {
	case "device":
		return "设备" + v
	case "phone":
		return "电话" + v
	case "id":
		return "身份证" + v
	}
	return v
}

// sourceEN returns the English label of a masked source.
func sourceEN(src string) string {
	kind, v, _ := strings.Cut(src, ":")
	if kind == "id" {
		kind = "ID number"
	}
	return kind + " " + v
}

func clock(t time.Time) string { return t.In(matter.CST).Format("2006-01-02 15:04") }

func staffZH(f Finding) string {
	if f.Staff == "" {
		return ""
	}
	return "（工作人员" + f.Staff + "）"
}

func staffEN(f Finding) string {
	if f.Staff == "" {
		return ""
	}
	return " (staff " + f.Staff + ")"
}

func burstStatement(f Finding, r AnomalyRules) Finding {
	zhLevel, enLevel := r.Burst.TopRating.Names()
	f.ZH = fmt.Sprintf("%s在%d分钟内对%s%s给出%d条“%s”及以上评价（%s至%s）",
		sourceZH(f.Source), r.Burst.WindowMinutes, f.Unit.Name, staffZH(f), f.Count, zhLevel, clock(f.From), clock(f.To))
	f.EN = fmt.Sprintf("%d ratings of %q or better for %s%s from %s within %d minutes (%s to %s)",
		f.Count, enLevel, f.Unit.Name, staffEN(f), sourceEN(f.Source), r.Burst.WindowMinutes, clock(f.From), clock(f.To))
	return f
}

func repeatStatement(f Finding, r AnomalyRules) Finding {
	f.ZH = fmt.Sprintf("同一评价人（%s）在%d天内对%s评价%d次（%s至%s）",
		sourceZH(f.Source), r.Repeat.WindowDays, f.Unit.Name, f.Count, clock(f.From), clock(f.To))
	f.EN = fmt.Sprintf("one rater (%s) rated %s %d times within %d days (%s to %s)",
		sourceEN(f.Source), f.Unit.Name, f.Count, r.Repeat.WindowDays, clock(f.From), clock(f.To))
	return f
}

func earlyStatement(f Finding) Finding {
	f.ZH = fmt.Sprintf("%s%s有%d条评价早于服务办结（先评后办，%s至%s）", f.Unit.Name, staffZH(f), f.Count, clock(f.From), clock(f.To))
	f.EN = fmt.Sprintf("%s of %s%s given before the service ended (%s to %s)", ratings(f.Count), f.Unit.Name, staffEN(f), clock(f.From), clock(f.To))
	return f
}

// excessFindings compares ratings of service events with services for
// every unit card with volumes.
// ratings returns "1 rating" or "n ratings".
func ratings(n int64) string {
	if n == 1 {
		return "1 rating"
	}
	return fmt.Sprintf("%d ratings", n)
}

func excessFindings(r AnomalyRules, p Period, cur []Scorecard) []Finding {
	var out []Finding
	for _, c := range cur {
		if c.Group.By != ByUnit || !c.Volumes || c.EventReviews-c.Services < r.Excess.MinExcess {
			continue
		}
		f := Finding{Detector: ExcessDetector, Unit: cardUnit(c), Period: p, Count: c.EventReviews,
			Figures: []Figure{{"event_reviews", c.EventReviews}, {"services", c.Services}}}
		f.ZH = fmt.Sprintf("%s服务评价%d条，多于办件%d件", c.Name, c.EventReviews, c.Services)
		f.EN = fmt.Sprintf("%s has %d ratings of services but only %d services", c.Name, c.EventReviews, c.Services)
		out = append(out, f)
	}
	return out
}

// perfectFindings looks for a 100% 好评率 over many reviews while the
// unit's complaints rose on the previous period (a unit absent from prev
// had none).
func perfectFindings(r AnomalyRules, p Period, cur, prev []Scorecard) []Finding {
	before := map[Group]int64{}
	for _, c := range prev {
		before[c.Group] = c.Complaints
	}
	var out []Finding
	for _, c := range cur {
		n := c.Reviews()
		if c.Group.By != ByUnit || n < r.Perfect.MinReviews || c.Bad() > 0 || c.Complaints <= before[c.Group] {
			continue
		}
		f := Finding{Detector: PerfectDetector, Unit: cardUnit(c), Period: p, Count: n,
			Figures: []Figure{{"reviews", n}, {"good_reviews", c.Good()}, {"complaints", c.Complaints}, {"previous_complaints", before[c.Group]}}}
		f.ZH = fmt.Sprintf("%s好评率%s（%d条评价），而投诉量由%d件升至%d件", c.Name, c.GoodRate(), n, before[c.Group], c.Complaints)
		f.EN = fmt.Sprintf("%s has a good-review rate of %s over %d reviews while complaints rose from %d to %d", c.Name, c.GoodRate(), n, before[c.Group], c.Complaints)
		out = append(out, f)
	}
	return out
}

// cardUnit returns the unit of a ByUnit scorecard.
func cardUnit(c Scorecard) matter.Department {
	return matter.Department{CreditCode: creditcode.Code(c.Group.Code), Name: c.Name}
}
