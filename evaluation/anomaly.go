package evaluation

import (
	"strconv"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
)

// Detector names a check for false rating data (数据不实: 刷好评, ratings
// that cannot be genuine). Each has its own thresholds in AnomalyRules and
// states its evidence in a Finding. A finding is a suspicion for an
// office to verify; once confirmed (Finding.Confirmed) it may call for an
// action (the ConfirmedFraud rule).
type Detector string

// The detectors.
const (
	// BurstDetector: top ratings for one unit from the same device or
	// phone in a short time (集中刷评); default 5 within 10 minutes.
	BurstDetector Detector = "rating_burst"
	// RepeatDetector: one rater rating one unit many times; default 3
	// within 30 days. Raters are told apart by ID number, else phone, else
	// (online channels only, where it is the rater's own) device.
	RepeatDetector Detector = "repeat_rater"
	// EarlyDetector: a rating given before the service ended (先评后办):
	// RatedAt before ServedAt, or before the application was decided.
	EarlyDetector Detector = "rated_before_service"
	// ExcessDetector: more ratings of service events than services
	// (matter.Application counts) for a unit in the period.
	ExcessDetector Detector = "reviews_exceed_services"
	// PerfectDetector: a 100% 好评率 over many reviews (default 200) while
	// the unit's hotline complaints rose on the previous period.
	PerfectDetector Detector = "perfect_while_complaints_rise"
)

var detectorNames = map[Detector][2]string{
	BurstDetector:   {"集中刷评", "burst of top ratings"},
	RepeatDetector:  {"同一评价人多次评价", "one rater rating repeatedly"},
	EarlyDetector:   {"先评后办", "rated before the service ended"},
	ExcessDetector:  {"评价数多于办件数", "more ratings than services"},
	PerfectDetector: {"满分好评而投诉上升", "perfect ratings while complaints rise"},
}

// Detectors lists every detector.
func Detectors() []Detector {
	return []Detector{BurstDetector, RepeatDetector, EarlyDetector, ExcessDetector, PerfectDetector}
}

// Names returns the Chinese and English names of the detector.
func (d Detector) Names() (zh, en string) { n := detectorNames[d]; return n[0], n[1] }

// Valid reports whether d is one of the detectors.
func (d Detector) Valid() bool { _, ok := detectorNames[d]; return ok }

func (d Detector) rank() int {
	for i, v := range Detectors() {
		if v == d {
			return i
		}
	}
	return len(detectorNames)
}

// Finding is what a detector found: the unit (and staff member) concerned,
// the ratings involved and a statement in Chinese and English. Personal
// data appear masked (a device, phone or ID number in Source and in the
// statements); the review ids let an office look the ratings up.
type Finding struct {
	Detector Detector          `json:"detector"`
	Unit     matter.Department `json:"unit"`
	// Staff is the staff member concerned, when all the ratings involved
	// name the same one.
	Staff string `json:"staff,omitempty"`
	// Period is the period screened; From and To the first and last
	// rating involved (zero for the detectors that compare counts).
	Period Period    `json:"period"`
	From   time.Time `json:"from,omitzero"`
	To     time.Time `json:"to,omitzero"`
	// Count is the number of ratings involved; Reviews the ids of the first
	// AnomalyRules.EvidenceLimit of them.
	Count   int64       `json:"count"`
	Reviews []uuid.UUID `json:"reviews,omitempty"`
	// Source is the masked device, phone or ID number the ratings came
	// from (BurstDetector, RepeatDetector).
	Source string `json:"source,omitempty"`
	// Figures are the counts compared (ExcessDetector, PerfectDetector).
	Figures []Figure `json:"figures,omitempty"`
	ZH      string   `json:"zh"`
	EN      string   `json:"en"`
	// Confirmed is set by the office that verified the finding.
	Confirmed *Confirmation `json:"confirmed,omitempty"`
}

// Figure is one named count in a finding's evidence.
type Figure struct {
	Name  string `json:"name"`
	Value int64  `json:"value"`
}

// Confirmation records that a finding was verified as 数据不实: when, by
// whom, and what was found.
type Confirmation struct {
	At   time.Time `json:"at"`
	By   string    `json:"by"`
	Note string    `json:"note,omitempty"`
}

// AnomalyRules are the thresholds of the detectors, with JSON tags so that
// they can be kept as data. Start from DefaultAnomalyRules.
type AnomalyRules struct {
	Burst   BurstRule   `json:"burst"`
	Repeat  RepeatRule  `json:"repeat"`
	Early   EarlyRule   `json:"early"`
	Excess  ExcessRule  `json:"excess"`
	Perfect PerfectRule `json:"perfect"`
	// Disabled lists detectors not to run.
	Disabled []Detector `json:"disabled,omitempty"`
	// EvidenceLimit is how many review ids a finding lists at most.
	// Default 20.
	EvidenceLimit int `json:"evidence_limit"`
}

// BurstRule: at least MinRatings ratings of TopRating or better for one
// unit from one device or phone within WindowMinutes. Defaults 5, 10, 非常满意.
type BurstRule struct {
	MinRatings    int    `json:"min_ratings"`
	WindowMinutes int    `json:"window_minutes"`
	TopRating     Rating `json:"top_rating"`
}

// RepeatRule: at least MinRatings first ratings (follow-ups apart) of one
// unit by one rater within WindowDays days. Defaults 3 and 30.
type RepeatRule struct {
	MinRatings int `json:"min_ratings"`
	WindowDays int `json:"window_days"`
}

// EarlyRule: a rating more than GraceMinutes before the end of the service
// (default 0). With Decided (default true) the decision of the application
// counts as the end too, when the Screen can look it up.
type EarlyRule struct {
	GraceMinutes int  `json:"grace_minutes"`
	Decided      bool `json:"decided"`
}

// ExcessRule: ratings of service events exceeding services by at least
// MinExcess (default 1), for a unit whose volumes were counted.
type ExcessRule struct {
	MinExcess int64 `json:"min_excess"`
}

// PerfectRule: a 好评率 of 100% over at least MinReviews reviews (default
// 200) while complaints rose on the previous period.
type PerfectRule struct {
	MinReviews int64 `json:"min_reviews"`
}

// DefaultAnomalyRules returns the default thresholds (unconfirmed; local
// policy may change them).
func DefaultAnomalyRules() AnomalyRules {
	return AnomalyRules{
		Burst:         BurstRule{MinRatings: 5, WindowMinutes: 10, TopRating: VerySatisfied},
		Repeat:        RepeatRule{MinRatings: 3, WindowDays: 30},
		Early:         EarlyRule{Decided: true},
		Excess:        ExcessRule{MinExcess: 1},
		Perfect:       PerfectRule{MinReviews: 200},
		EvidenceLimit: 20,
	}
}

// Validate checks the thresholds. It returns nil or a *ValidationError.
func (r AnomalyRules) Validate() error {
	ps := &problems{subject: "anomaly rules"}
	atLeast := func(ptr string, v, min int64) {
		if v < min {
			ps.add(ptr, "config-range", "%s至少为%d（%d）", "%s must be at least %d (%d)", ptr, min, v)
		}
	}
	atLeast("/burst/min_ratings", int64(r.Burst.MinRatings), 2)
	atLeast("/burst/window_minutes", int64(r.Burst.WindowMinutes), 1)
	if !r.Burst.TopRating.Valid() {
		ps.add("/burst/top_rating", "rating", "评价等级%d无效，应为1至5", "rating %d is not a level from 1 to 5", int(r.Burst.TopRating))
	}
	atLeast("/repeat/min_ratings", int64(r.Repeat.MinRatings), 2)
	atLeast("/repeat/window_days", int64(r.Repeat.WindowDays), 1)
	atLeast("/early/grace_minutes", int64(r.Early.GraceMinutes), 0)
	atLeast("/excess/min_excess", r.Excess.MinExcess, 1)
	atLeast("/perfect/min_reviews", r.Perfect.MinReviews, 1)
	atLeast("/evidence_limit", int64(r.EvidenceLimit), 1)
	for i, d := range r.Disabled {
		if !d.Valid() {
			ps.add("/disabled/"+strconv.Itoa(i), "detector", "检测项%q无效", "detector %q is not defined", d)
		}
	}
	return ps.err()
}

func (r AnomalyRules) on(d Detector) bool {
	for _, x := range r.Disabled {
		if x == d {
			return false
		}
	}
	return true
}
