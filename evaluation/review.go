package evaluation

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Review is one 好差评 rating: who was served, where, how and when, the
// rating with its indicator scores and reasons, and the rater.
//
// The rater's identity is kept apart in Reviewer and never reaches the unit
// reviewed: give a unit ForUnit, which drops it. RealName says whether the
// rating is real-name (实名) — which a unit may know, since every real-name
// bad review is revisited — without saying who.
type Review struct {
	// ID is the review's own id, a time-ordered UUID (v7).
	ID   uuid.UUID `json:"id"`
	Mode Mode      `json:"mode"`

	// The service event. Application (the 办件 id), Matter and ServedAt are
	// required in the modes that rate one event (一次一评, 一事一评).
	Application uuid.UUID `json:"application,omitzero"`
	// Matter is the 基本编码 of the matter served; Bundle the 一件事 code
	// when the service was part of a bundle.
	Matter string `json:"matter,omitempty"`
	Bundle string `json:"bundle,omitempty"`
	// Unit is the body reviewed; Division where the service took place.
	Unit     matter.Department `json:"unit"`
	Division division.Code     `json:"division"`
	// Staff is the staff number of the clerk who served, when known.
	Staff   string         `json:"staff,omitempty"`
	Channel matter.Channel `json:"channel"`
	// ServedAt is when the service ended (办结); RatedAt when the rating
	// was given.
	ServedAt time.Time `json:"served_at,omitzero"`
	RatedAt  time.Time `json:"rated_at"`

	Rating Rating `json:"rating"`
	// Scores rate the indicators of the channel (see Indicators): none,
	// or every one of the set.
	Scores map[Indicator]Rating `json:"scores,omitempty"`
	// Reasons are the reason codes chosen and ReasonText the reason
	// written; a bad review needs at least one of them.
	Reasons    []string `json:"reasons,omitempty"`
	ReasonText string   `json:"reason_text,omitempty"`
	Comment    string   `json:"comment,omitempty"`

	// RealName marks a real-name (实名) rating; Reviewer then names the
	// rater. An anonymous rating may still carry a device or phone in
	// Reviewer, for the detection of fake ratings.
	RealName bool      `json:"real_name"`
	Reviewer *Reviewer `json:"reviewer,omitempty"`
	// Publish records the rater's consent to publish the review (公开晾晒),
	// masked.
	Publish bool `json:"publish"`

	// FollowUpOf links a follow-up rating (追评) to the rating it follows.
	FollowUpOf uuid.UUID `json:"follow_up_of,omitzero"`
	// Exclusion is set when the review was found a 误评 or 恶意评价 after
	// 申诉复核; an excluded review counts in no score.
	Exclusion *Exclusion `json:"exclusion,omitempty"`

	// Version counts stored revisions, from 1; the store sets it.
	Version int `json:"version"`
}

func newID() (uuid.UUID, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return uuid.Nil, fmt.Errorf("evaluation: new id: %w", err)
	}
	return id, nil
}

// IsBad reports whether the review is a bad review (差评).
func (r *Review) IsBad() bool { return r.Rating.IsBad() }

// ForUnit returns a copy for the unit reviewed: without the Reviewer, so
// that nothing identifies the rater.
func (r *Review) ForUnit() *Review {
	c := r.Clone()
	c.Reviewer = nil
	return c
}

// Clone returns a deep copy.
func (r *Review) Clone() *Review {
	c := *r
	c.Scores = maps.Clone(r.Scores)
	c.Reasons = slices.Clone(r.Reasons)
	if r.Reviewer != nil {
		v := *r.Reviewer
		c.Reviewer = &v
	}
	if r.Exclusion != nil {
		e := *r.Exclusion
		c.Exclusion = &e
	}
	return &c
}

// Equal reports whether r and o are the same review apart from Version:
// times are compared as instants and a nil slice or map equals an empty one.
func (r *Review) Equal(o *Review) bool { return sameRecord(r, o) }

// Validate checks a review against the rules: the service event complete
// for its mode, the channel fitting the mode (一事一评 online, 一次一评 on
// site), the rating and indicator scores valid for the channel, a reason for
// a bad review, a real-name rater named, a rating not before the service
// and, except for a follow-up, within cfg.Review.LateDays working days of
// it. It returns nil or a *ValidationError listing every problem (a late
// rating's problem wraps ErrLate). If the calendar does not cover the days
// involved, the error also wraps the calendar's error (workday.ErrNotCovered).
//
// Validate does not see other reviews: CheckOnce applies the one rating
// per service event rule.
func (r *Review) Validate(cfg Config) error {
	ps := &problems{subject: "review " + r.ID.String()}
	if r.ID == uuid.Nil {
		ps.add("/id", "required", "缺少评价编号", "review id is missing")
	}
	if !r.Mode.Valid() {
		ps.add("/mode", "mode", "评价方式%q无效", "mode %q is not defined", r.Mode)
	}
	if r.Mode.ServiceEvent() {
		if r.Application == uuid.Nil {
			ps.add("/application", "required", "%[1]s须指明办件", "a %[2]s must name the application", modeZH(r.Mode), modeEN(r.Mode))
		}
		if strings.TrimSpace(r.Matter) == "" {
			ps.add("/matter", "required", "%[1]s须指明事项", "a %[2]s must name the matter", modeZH(r.Mode), modeEN(r.Mode))
		}
		if r.ServedAt.IsZero() {
			ps.add("/served_at", "required", "%[1]s须有服务时间", "a %[2]s needs the time of service", modeZH(r.Mode), modeEN(r.Mode))
		}
	}
	validateUnit(ps, "/unit", r.Unit)
	if _, err := division.Parse(string(r.Division)); err != nil {
		ps.add("/division", "division", "区划代码%q无效", "division %q is not a valid code", r.Division)
	}
	switch {
	case !r.Channel.Valid():
		ps.add("/channel", "channel", "渠道%q无效", "channel %q is not defined", r.Channel)
	case r.Mode == PerMatter && !r.Channel.Online():
		ps.add("/channel", "mode-channel", "一事一评用于网上服务，渠道%q不是网上渠道", "rating per matter is for online service; channel %q is not online", r.Channel)
	case r.Mode == PerService && r.Channel.Online():
		ps.add("/channel", "mode-channel", "一次一评用于现场服务，渠道%q是网上渠道", "rating per service is for on-site service; channel %q is online", r.Channel)
	}
	if r.RatedAt.IsZero() {
		ps.add("/rated_at", "required", "缺少评价时间", "rating time is missing")
	} else if !r.ServedAt.IsZero() && r.RatedAt.Before(r.ServedAt) {
		ps.add("/rated_at", "rated-before-served", "评价时间%s早于服务时间%s", "rated at %s, before the service at %s",
			r.RatedAt.In(matter.CST).Format(time.DateTime), r.ServedAt.In(matter.CST).Format(time.DateTime))
	}
	if !r.Rating.Valid() {
		ps.add("/rating", "rating", "评价等级%d无效，应为1至5", "rating %d is not a level from 1 to 5", int(r.Rating))
	}
	r.validateScores(ps)
	r.validateReasons(ps, cfg.Review.Reasons)
	r.validateReviewer(ps)
	if r.FollowUpOf != uuid.Nil && r.FollowUpOf == r.ID {
		ps.add("/follow_up_of", "follow-up-self", "追评不能指向自身", "a follow-up cannot follow itself")
	}
	if r.Exclusion != nil {
		r.Exclusion.validate(ps, "/exclusion")
	}
	calErr := r.validateWindow(ps, cfg)
	err := ps.err()
	switch {
	case calErr == nil:
		return err
	case err == nil:
		return calErr
	default:
		return fmt.Errorf("%w; %w", err, calErr)
	}
}

func modeZH(m Mode) string { zh, _ := m.Names(); return zh }
func modeEN(m Mode) string { _, en := m.Names(); return en }

func validateUnit(ps *problems, ptr string, d matter.Department) {
	if strings.TrimSpace(d.Name) == "" {
		ps.add(ptr+"/name", "required", "缺少单位名称", "unit name is missing")
	}
	if d.CreditCode.IsZero() {
		ps.add(ptr+"/credit_code", "required", "缺少单位统一社会信用代码", "unit credit code is missing")
	}
}

func (r *Review) validateScores(ps *problems) {
	if len(r.Scores) == 0 {
		return
	}
	set := Indicators(r.Channel)
	for _, i := range slices.Sorted(maps.Keys(r.Scores)) {
		ptr := "/scores/" + string(i)
		switch {
		case !i.Valid():
			ps.add(ptr, "indicator", "评价指标%q无效", "indicator %q is not defined", i)
		case !slices.Contains(set, i):
			zh, en := i.Names()
			ps.add(ptr, "indicator-channel", "指标%[1]s不属于%[2]s渠道的指标", "indicator %[3]s is not one of the %[2]s channel's", zh, r.Channel, en)
		}
		if v := r.Scores[i]; !v.Valid() {
			ps.add(ptr, "rating", "指标评分%d无效，应为1至5", "score %d is not a level from 1 to 5", int(v))
		}
	}
	for _, i := range set {
		if _, ok := r.Scores[i]; !ok {
			zh, en := i.Names()
			ps.add("/scores", "indicator-set", "指标评分不全，缺少%[1]s", "indicator scores are incomplete: %[2]s is missing", zh, en)
		}
	}
}

func (r *Review) validateReasons(ps *problems, allowed []string) {
	for k, code := range r.Reasons {
		ptr := fmt.Sprintf("/reasons/%d", k)
		switch {
		case strings.TrimSpace(code) == "":
			ps.add(ptr, "reason-code", "差评原因代码为空", "reason code is empty")
		case len(allowed) > 0 && !slices.Contains(allowed, code):
			ps.add(ptr, "reason-code", "差评原因代码%q不在清单中", "reason code %q is not in the list", code)
		}
	}
	if r.Rating.IsBad() && len(r.Reasons) == 0 && strings.TrimSpace(r.ReasonText) == "" {
		ps.add("/reasons", "bad-needs-reason", "差评须选择或填写原因", "a bad review needs a reason, chosen or written")
	}
}

func (r *Review) validateReviewer(ps *problems) {
	v := r.Reviewer
	if v != nil && v.Phone != "" && !validPhone(v.Phone) {
		ps.add("/reviewer/phone", "phone", "电话号码%s格式不对", "phone number %s is not well formed", MaskPhone(v.Phone))
	}
	if !r.RealName {
		return
	}
	if v == nil || strings.TrimSpace(v.Name) == "" {
		ps.add("/reviewer/name", "real-name", "实名评价须有评价人姓名", "a real-name rating needs the rater's name")
	}
	if v == nil || (v.Phone == "" && v.CitizenID.IsZero()) {
		ps.add("/reviewer/phone", "real-name", "实名评价须有联系电话或身份证号码，以便回访", "a real-name rating needs a phone number or ID number, for the revisit")
	}
}

// validateWindow checks the late-rating window. It returns the calendar's
// error, if any.
func (r *Review) validateWindow(ps *problems, cfg Config) error {
	if r.FollowUpOf != uuid.Nil || r.ServedAt.IsZero() || r.RatedAt.IsZero() || r.RatedAt.Before(r.ServedAt) {
		return nil
	}
	n, err := cfg.calendar().Between(r.ServedAt, r.RatedAt)
	if err != nil {
		return fmt.Errorf("evaluation: review %s: late-rating window: %w", r.ID, err)
	}
	if n > cfg.Review.LateDays {
		ps.addErr(ErrLate, "/rated_at", "late-rating",
			"评价时间%s在服务日%s后第%d个工作日，超过%d个工作日的补评期限",
			"rated %[3]d working days after the day of service %[2]s, beyond the window of %[4]d working days (rated %[1]s)",
			matter.NewDate(r.RatedAt), matter.NewDate(r.ServedAt), n, cfg.Review.LateDays)
	}
	return nil
}

// CheckOnce applies the rule of one rating per service event per mode to
// r, given the reviews already stored for the same application (such as
// those a Store lists with ReviewFilter.Application; others are ignored, as
// is a stored copy of r itself). Ratings in the modes that rate no service
// event (综合点评, 监督查评) are not limited.
//
// A first rating is refused if the event already has one in the mode. A
// follow-up (追评, FollowUpOf set) must follow a first rating of the same
// event and mode, come after it, and stay within cfg.Review.FollowUps
// follow-ups of it. CheckOnce returns nil or a *ValidationError wrapping
// ErrDuplicate (and ErrInvalid).
func CheckOnce(cfg Config, r *Review, existing []*Review) error {
	if !r.Mode.ServiceEvent() || r.Application == uuid.Nil {
		return nil
	}
	ps := &problems{subject: "review " + r.ID.String()}
	var first, original *Review
	followUps := 0
	for _, e := range existing {
		if e == nil || e.ID == r.ID || e.Application != r.Application || e.Mode != r.Mode {
			continue
		}
		if e.FollowUpOf == uuid.Nil && first == nil {
			first = e
		}
		if r.FollowUpOf != uuid.Nil && e.ID == r.FollowUpOf {
			original = e
		}
		if r.FollowUpOf != uuid.Nil && e.FollowUpOf == r.FollowUpOf {
			followUps++
		}
	}
	switch {
	case r.FollowUpOf == uuid.Nil:
		if first != nil {
			ps.addErr(ErrDuplicate, "/application", "once-per-event",
				"该办件已有%[1]s评价%[2]s；再次评价须作为追评", "the application already has a %[3]s (%[2]s); a further rating must be a follow-up",
				modeZH(r.Mode), first.ID, modeEN(r.Mode))
		}
	case cfg.Review.FollowUps == 0:
		ps.addErr(ErrDuplicate, "/follow_up_of", "follow-up-allowed", "不允许追评", "follow-up ratings are not allowed")
	case original == nil:
		ps.add("/follow_up_of", "follow-up-target", "追评所指评价%s不是同一办件同一方式的评价", "the rating followed, %s, is not a rating of the same event in the same mode", r.FollowUpOf)
	case original.FollowUpOf != uuid.Nil:
		ps.add("/follow_up_of", "follow-up-target", "不能对追评再追评", "a follow-up must follow a first rating, not another follow-up")
	default:
		if !r.RatedAt.After(original.RatedAt) {
			ps.add("/rated_at", "follow-up-order", "追评须晚于原评价", "a follow-up must come after the rating it follows")
		}
		if followUps >= cfg.Review.FollowUps {
			ps.addErr(ErrDuplicate, "/follow_up_of", "follow-up-count", "已追评%d次，至多%d次", "already followed up %d times, at most %d allowed", followUps, cfg.Review.FollowUps)
		}
	}
	return ps.err()
}
