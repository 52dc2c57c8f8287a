package evaluation

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// TopicMatcher names the topic of a text in the dispatch vocabulary. The
// caller supplies it: package evaluation does not depend on the dispatch
// rules, which an adapter can wrap (for example calling
// dispatch.Rules.Classify and returning the decision's topic, false when the
// decision is manual). It must be safe for concurrent use if the Inspector
// is used concurrently.
type TopicMatcher interface {
	MatchTopic(text string) (topic string, ok bool)
}

// TopicMatcherFunc adapts a function to TopicMatcher.
type TopicMatcherFunc func(text string) (string, bool)

// MatchTopic calls f.
func (f TopicMatcherFunc) MatchTopic(text string) (string, bool) { return f(text) }

// InspectionCheck is the outcome of one rule on one order.
type InspectionCheck struct {
	Rule InspectRule `json:"rule"`
	// Passed is false when the rule found a fault; Applicable false when
	// the rule did not apply (the check then passes and costs nothing).
	Passed     bool `json:"passed"`
	Applicable bool `json:"applicable"`
	// Points is what the fault cost.
	Points int `json:"points,omitempty"`
	// Evidence says what was found, in Chinese, with personal numbers
	// masked.
	Evidence string `json:"evidence,omitempty"`
	// Unchecked is true when the rule should apply but could not be
	// evaluated (RuleRevisit on an order whose dates fall outside the
	// working-day calendar): it is then not applicable, costs nothing and
	// Evidence says why, so the gap is reported rather than passed
	// silently.
	Unchecked bool `json:"unchecked,omitempty"`
}

// Inspection is the result of the smart quality inspection of one order.
type Inspection struct {
	Order  uuid.UUID         `json:"order"`
	Number string            `json:"number,omitempty"`
	Unit   matter.Department `json:"unit,omitzero"`
	// Score is 100 less the points of every failed rule, at least 0.
	Score  int               `json:"score"`
	Checks []InspectionCheck `json:"checks"`
}

// Failed returns the rules that found a fault.
func (in Inspection) Failed() []InspectRule {
	var out []InspectRule
	for _, c := range in.Checks {
		if !c.Passed {
			out = append(out, c.Rule)
		}
	}
	return out
}

// Flagged reports whether any rule found a fault.
func (in Inspection) Flagged() bool { return len(in.Failed()) > 0 }

// Inspector runs the inspection rules. It is immutable and safe for
// concurrent use when its TopicMatcher is.
type Inspector struct {
	rules    InspectionRules
	basis    []*regexp.Regexp
	times    []*regexp.Regexp
	matcher  TopicMatcher
	disabled map[InspectRule]bool
}

// NewInspector compiles the rules. matcher may be nil: RuleTopic then does
// not apply.
func NewInspector(rules InspectionRules, matcher TopicMatcher) (*Inspector, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	in := &Inspector{rules: rules, matcher: matcher, disabled: map[InspectRule]bool{}}
	for _, s := range rules.BasisPatterns {
		in.basis = append(in.basis, regexp.MustCompile(s))
	}
	for _, s := range rules.TimePatterns {
		in.times = append(in.times, regexp.MustCompile(s))
	}
	for _, r := range rules.Disabled {
		in.disabled[r] = true
	}
	return in, nil
}

// Inspect applies every enabled rule to an order as it stands at asOf, and
// scores it. The reply text inspected is that of the last reply; an order
// without a reply fails RuleDeadline only if it is overdue at asOf, and the
// text rules do not apply to it.
//
// The rules:
//
//   - RuleBasis: for the BasisCategories, the reply matches a BasisPattern
//     (《…》, 第X条, 〔20xx〕N号).
//   - RuleAction: the reply holds an ActionVerb and a TimePattern.
//   - RuleTopic: with a matcher, the topic of the reply equals that of the
//     order's summary (the question asked); when the summary has no topic the
//     rule does not apply.
//   - RulePII: no citizen ID, mobile or bank card number (FindPII) other
//     than the caller's own phone or ID number.
//   - RuleEvasion: no EvasionPhrase, unless a ReferralPhrase is there too.
//   - RuleDeadline: every reply was on time (Reply.OnTime) and the order is
//     not overdue at asOf.
//   - RuleRevisit: an order of the RevisitCategories whose revisit deadline
//     (RevisitWorkingDays working days after its last reply's date, on the
//     rules' Calendar) has passed at asOf, or that is closed, has a
//     revisit, unless its closing note holds a RevisitExempt phrase. An
//     order whose dates fall outside the calendar is Unchecked, with
//     evidence.
func (in *Inspector) Inspect(w *WorkOrder, asOf time.Time) Inspection {
	res := Inspection{Order: w.ID, Number: w.Number, Score: 100, Checks: make([]InspectionCheck, 0, len(allInspectRules))}
	if u, ok := w.HandlingUnit(); ok {
		res.Unit = u
	}
	text, replied := "", len(w.Replies) > 0
	if replied {
		text = w.Replies[len(w.Replies)-1].Text
	}
	for _, rule := range allInspectRules {
		if in.disabled[rule] {
			continue
		}
		c := InspectionCheck{Rule: rule, Passed: true, Applicable: true}
		switch rule {
		case RuleBasis:
			c.Applicable = replied && slices.Contains(in.rules.BasisCategories, w.Category)
			if c.Applicable && !anyMatch(in.basis, text) {
				c.Passed, c.Evidence = false, "咨询、投诉类答复未引用政策或法律依据"
			}
		case RuleAction:
			c.Applicable = replied
			if c.Applicable {
				verb := containsAny(text, in.rules.ActionVerbs)
				when := anyMatch(in.times, text)
				switch {
				case verb == "" && !when:
					c.Passed, c.Evidence = false, "答复未说明办理了什么、何时办理"
				case verb == "":
					c.Passed, c.Evidence = false, "答复未说明办理了什么"
				case !when:
					c.Passed, c.Evidence = false, fmt.Sprintf("答复说明“%s”但未写明时间", verb)
				}
			}
		case RuleTopic:
			c.Applicable = replied && in.matcher != nil
			if c.Applicable {
				asked, ok := in.matcher.MatchTopic(w.Summary)
				if !ok {
					c.Applicable = false
					break
				}
				got, ok := in.matcher.MatchTopic(text)
				switch {
				case !ok:
					c.Passed, c.Evidence = false, fmt.Sprintf("诉求主题为%s，答复未涉及", asked)
				case got != asked:
					c.Passed, c.Evidence = false, fmt.Sprintf("诉求主题为%s，答复主题为%s", asked, got)
				}
			}
		case RulePII:
			c.Applicable = replied
			if c.Applicable {
				var found []string
				for _, m := range FindPII(text) {
					if w.Caller != nil && isCallers(w.Caller, text[m.Start:m.End]) {
						continue
					}
					found = append(found, fmt.Sprintf("%s %s", m.Kind, m.Masked))
				}
				if len(found) > 0 {
					c.Passed, c.Evidence = false, "答复含第三方个人信息："+strings.Join(found, "，")
				}
			}
		case RuleEvasion:
			c.Applicable = replied
			if c.Applicable {
				if p := containsAny(text, in.rules.EvasionPhrases); p != "" && containsAny(text, in.rules.ReferralPhrases) == "" {
					c.Passed, c.Evidence = false, fmt.Sprintf("推诿用语“%s”且未转交或告知承办单位", p)
				}
			}
		case RuleDeadline:
			for i, r := range w.Replies {
				if !r.OnTime {
					c.Passed, c.Evidence = false, fmt.Sprintf("第%d次答复超期（期限%s）", i+1, r.Due)
					break
				}
			}
			if c.Passed {
				if d, late := w.Overdue(asOf); late {
					c.Passed, c.Evidence = false, fmt.Sprintf("工单已超期（期限%s）", d.Date)
				}
			}
		case RuleRevisit:
			due, err := in.revisitDue(w, asOf)
			if err != nil {
				c.Applicable, c.Unchecked, c.Evidence = false, true, "无法计算回访期限："+err.Error()
				break
			}
			c.Applicable = due
			if c.Applicable && len(w.Revisits) == 0 {
				c.Passed, c.Evidence = false, "应回访未回访"
			}
		}
		if !c.Passed {
			c.Points = in.rules.Weights[rule]
			res.Score -= c.Points
		}
		res.Checks = append(res.Checks, c)
	}
	res.Score = max(res.Score, 0)
	return res
}

// revisitDue reports whether a revisit is required of w at asOf: it is
// closed without an exempt note, or RevisitWorkingDays working days after
// its last reply's date have passed (Due.Passed). The working days are
// counted by Config.due on the rules' calendar; an error (the dates fall
// outside the calendar, workday.ErrNotCovered) makes the check unchecked.
func (in *Inspector) revisitDue(w *WorkOrder, asOf time.Time) (bool, error) {
	if len(w.Replies) == 0 || !slices.Contains(in.rules.RevisitCategories, w.Category) {
		return false, nil
	}
	if w.State == OrderClosed {
		if n := len(w.History); n > 0 && containsAny(w.History[n-1].Note, in.rules.RevisitExempt) != "" {
			return false, nil
		}
		return true, nil
	}
	last := w.Replies[len(w.Replies)-1].At
	d, err := Config{Calendar: in.rules.Calendar}.due(last, in.rules.RevisitWorkingDays)
	if err != nil {
		return false, err
	}
	return Due{Deadline: DeadlineRevisit, Date: d}.Passed(asOf), nil
}

func isCallers(c *Reviewer, s string) bool {
	if c.Phone != "" && strings.HasSuffix(digitsOnly(c.Phone), s) && len(s) == 11 {
		return true
	}
	return !c.CitizenID.IsZero() && strings.EqualFold(c.CitizenID.String(), s)
}

func digitsOnly(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func anyMatch(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func containsAny(s string, phrases []string) string {
	for _, p := range phrases {
		if p != "" && strings.Contains(s, p) {
			return p
		}
	}
	return ""
}

// InspectAll inspects every order of a listing received in period p (a zero
// period takes all) and returns the inspections in the listing's order; an
// error of the listing ends it and is returned wrapped.
func (in *Inspector) InspectAll(orders iter.Seq2[*WorkOrder, error], p Period, asOf time.Time) ([]Inspection, error) {
	var out []Inspection
	for w, err := range orders {
		if err != nil {
			return nil, fmt.Errorf("evaluation: inspect: %w", err)
		}
		if w == nil || !p.Contains(w.ReceivedAt) {
			continue
		}
		out = append(out, in.Inspect(w, asOf))
	}
	return out, nil
}

// UnitInspection sums the inspections of one unit.
type UnitInspection struct {
	Unit   matter.Department `json:"unit"`
	Orders int               `json:"orders"`
	// Flagged counts the orders with a fault; Failures the faults by rule.
	Flagged  int                 `json:"flagged"`
	Failures map[InspectRule]int `json:"failures"`
	ScoreSum int64               `json:"score_sum"`
	// PassRate is the orders without a fault / the orders inspected.
	PassRate Rate `json:"pass_rate"`
}

// MeanScore returns the unit's mean score rounded half-up to 2 decimals.
func (u UnitInspection) MeanScore() decimal.Decimal {
	if u.Orders == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(u.ScoreSum).DivRound(decimal.NewFromInt(int64(u.Orders)), 2)
}

// SummarizeInspections scores the units: one UnitInspection per unit by
// credit code (byte order). Inspections without a unit are skipped.
func SummarizeInspections(list []Inspection) []UnitInspection {
	t := inspectionTally{}
	for _, in := range list {
		t.add(in)
	}
	return t.result()
}

// inspectionTally sums inspections per unit, holding one UnitInspection
// per unit.
type inspectionTally map[creditcode.Code]*UnitInspection

func (m inspectionTally) add(in Inspection) {
	if in.Unit.CreditCode.IsZero() {
		return
	}
	u := m[in.Unit.CreditCode]
	if u == nil {
		u = &UnitInspection{Unit: in.Unit, Failures: map[InspectRule]int{}}
		m[in.Unit.CreditCode] = u
	}
	u.Orders++
	u.ScoreSum += int64(in.Score)
	failed := in.Failed()
	if len(failed) > 0 {
		u.Flagged++
	}
	for _, r := range failed {
		u.Failures[r]++
	}
}

func (m inspectionTally) result() []UnitInspection {
	out := make([]UnitInspection, 0, len(m))
	for _, k := range slices.SortedFunc(maps.Keys(m), func(a, b creditcode.Code) int { return cmp.Compare(a.String(), b.String()) }) {
		u := m[k]
		u.PassRate = Rate{int64(u.Orders - u.Flagged), int64(u.Orders)}
		out = append(out, *u)
	}
	return out
}

// SampleInspections draws the inspected orders for human review (人工复核)
// with Audit: the same seed and orders give the same sample. With
// flaggedOnly, only orders whose inspection found a fault are eligible.
// The inspections are matched to the orders by order id; an order without
// an inspection is not eligible.
func SampleInspections(seed string, perUnit int, p Period, orders []*WorkOrder, list []Inspection, flaggedOnly bool) (*AuditSample, error) {
	byID := make(map[uuid.UUID]bool, len(list))
	for _, in := range list {
		byID[in.Order] = byID[in.Order] || !flaggedOnly || in.Flagged()
	}
	return Audit(seed, perUnit, p, func(yield func(*WorkOrder, error) bool) {
		for _, w := range orders {
			if w != nil && byID[w.ID] && !yield(w, nil) {
				return
			}
		}
	})
}
