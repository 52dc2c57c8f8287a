package evaluation

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ActionKind is a measure a scorecard can call for.
type ActionKind string

// The actions.
const (
	Interview ActionKind = "interview" // 约谈: the unit's head is called in
	Notice    ActionKind = "notice"    // 通报: public notice (通报批评)
)

// Names returns the Chinese and English names of the action.
func (k ActionKind) Names() (zh, en string) {
	switch k {
	case Interview:
		return "约谈", "interview"
	case Notice:
		return "通报", "public notice"
	}
	return "", ""
}

// Valid reports whether k is one of the actions.
func (k ActionKind) Valid() bool { return k == Interview || k == Notice }

// RuleKind is how a threshold rule tests scorecards.
type RuleKind string

// The kinds of rule.
const (
	// RateBelow fires for a card whose rate metric, as published (rounded
	// to 2 decimals), is below Limit percent.
	RateBelow RuleKind = "rate_below"
	// RateAbove fires for a card whose rate metric, as published, is above
	// Limit percent.
	RateAbove RuleKind = "rate_above"
	// Highest fires for the card, or the tied cards, with the highest value
	// of a count metric among the cards evaluated (Overall cards apart),
	// when there are at least two to compare.
	Highest RuleKind = "highest"
	// ConfirmedFraud fires for the unit of every 数据不实 finding that has
	// been confirmed (Finding.Confirmed set).
	ConfirmedFraud RuleKind = "confirmed_fraud"
)

// Rule is one threshold: which figure, what limit, which action. Rules are
// data: Thresholds reads them from JSON.
type Rule struct {
	// ID names the rule in the evidence of its actions, e.g.
	// "satisfaction-below-90".
	ID   string   `json:"id"`
	When RuleKind `json:"when"`
	// Metric is the rate (RateBelow, RateAbove) or count (Highest) tested.
	Metric Metric `json:"metric,omitempty"`
	// Limit is the percentage a rate is compared with, e.g. 90 for 90%.
	Limit decimal.Decimal `json:"limit,omitzero"`
	// MinBase: a rate rule applies only to a rate whose denominator is at
	// least MinBase, so that 1 of 2 is not a 50% 满意率; a Highest rule only
	// to a count of at least MinBase (at least 1 in any case).
	MinBase int64      `json:"min_base,omitempty"`
	Action  ActionKind `json:"action"`
}

// Thresholds is the rule set that turns scorecards into actions. It is
// data: write it in JSON and read it with ParseThresholds. Rules are
// evaluated independently, so a card may call for several actions, each
// with the rule that fired.
type Thresholds struct {
	Rules []Rule `json:"rules"`
}

// DefaultThresholds returns the default rules (unconfirmed; local policy
// sets its own): 满意率 below 90% or 解决率 below 85% → 约谈 (with at least 10
// orders revisited); the highest complaint volume → 通报; a confirmed 数据不实
// → 通报.
func DefaultThresholds() Thresholds {
	return Thresholds{Rules: []Rule{
		{ID: "satisfaction-below-90", When: RateBelow, Metric: SatisfactionRate, Limit: decimal.NewFromInt(90), MinBase: 10, Action: Interview},
		{ID: "resolution-below-85", When: RateBelow, Metric: ResolveRate, Limit: decimal.NewFromInt(85), MinBase: 10, Action: Interview},
		{ID: "most-complaints", When: Highest, Metric: ComplaintCount, MinBase: 1, Action: Notice},
		{ID: "confirmed-false-data", When: ConfirmedFraud, Action: Notice},
	}}
}

// ParseThresholds reads a rule set from JSON, refusing unknown fields, and
// validates it. It returns a *ValidationError listing every problem.
func ParseThresholds(data []byte) (Thresholds, error) {
	var t Thresholds
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return Thresholds{}, fmt.Errorf("evaluation: thresholds: %w: %w", ErrInvalid, err)
	}
	if err := t.Validate(); err != nil {
		return Thresholds{}, err
	}
	return t, nil
}

// Validate checks every rule: a unique id, a known kind and action, a rate
// metric with a limit from 0 to 100 for rate rules, a count metric for
// Highest, no negative MinBase. It returns nil or a *ValidationError.
func (t Thresholds) Validate() error {
	ps := &problems{subject: "thresholds"}
	seen := map[string]bool{}
	for i, r := range t.Rules {
		ptr := "/rules/" + strconv.Itoa(i)
		switch {
		case strings.TrimSpace(r.ID) == "":
			ps.add(ptr+"/id", "required", "规则缺少编号", "rule id is missing")
		case seen[r.ID]:
			ps.add(ptr+"/id", "rule-id", "规则编号%q重复", "rule id %q is used twice", r.ID)
		}
		seen[r.ID] = true
		if !r.Action.Valid() {
			ps.add(ptr+"/action", "action", "处置措施%q无效", "action %q is not defined", r.Action)
		}
		if r.MinBase < 0 {
			ps.add(ptr+"/min_base", "config-range", "min_base不能为负数", "min_base must not be negative")
		}
		switch r.When {
		case RateBelow, RateAbove:
			if !r.Metric.Valid() || !r.Metric.IsRate() {
				ps.add(ptr+"/metric", "rule-metric", "比率规则须指明比率指标，%q不是", "a rate rule needs a rate metric, not %q", r.Metric)
			}
			if r.Limit.Sign() < 0 || r.Limit.GreaterThan(hundred) {
				ps.add(ptr+"/limit", "rule-limit", "阈值%s%%不在0至100之间", "limit %s%% is not between 0 and 100", r.Limit)
			}
		case Highest:
			if !r.Metric.Valid() || r.Metric.IsRate() {
				ps.add(ptr+"/metric", "rule-metric", "最高值规则须指明计数指标，%q不是", "a highest rule needs a count metric, not %q", r.Metric)
			}
		case ConfirmedFraud:
		default:
			ps.add(ptr+"/when", "rule-kind", "规则类型%q无效", "rule kind %q is not defined", r.When)
		}
	}
	return ps.err()
}

// Action is a measure called for by a rule, for one group, with its
// evidence.
type Action struct {
	Kind     ActionKind `json:"kind"`
	Group    Group      `json:"group"`
	Name     string     `json:"name"`
	Period   Period     `json:"period"`
	Evidence Evidence   `json:"evidence"`
}

// Evidence is why an action was called for: the rule that fired, the
// figures it saw and a statement in Chinese and English (personal data
// masked).
type Evidence struct {
	Rule Rule `json:"rule"`
	// Rate is the rate tested by a rate rule; Count the count of a Highest
	// rule; Finding the confirmed finding of a ConfirmedFraud rule.
	Rate    Rate     `json:"rate,omitzero"`
	Count   int64    `json:"count,omitempty"`
	Finding *Finding `json:"finding,omitempty"`
	ZH      string   `json:"zh"`
	EN      string   `json:"en"`
}

// Evaluate applies the rules to scorecards (typically one grouping, such
// as every unit's card for a month) and to findings of 数据不实, of which
// only the confirmed ones count. It returns the actions sorted by group,
// then by the order of the rules, or a *ValidationError for invalid rules.
func Evaluate(t Thresholds, cards []Scorecard, findings []Finding) ([]Action, error) {
	if err := t.Validate(); err != nil {
		return nil, err
	}
	var out []Action
	for _, r := range t.Rules {
		switch r.When {
		case RateBelow, RateAbove:
			out = append(out, rateActions(r, cards)...)
		case Highest:
			out = append(out, highestActions(r, cards)...)
		case ConfirmedFraud:
			out = append(out, fraudActions(r, findings)...)
		}
	}
	order := map[string]int{}
	for i, r := range t.Rules {
		order[r.ID] = i
	}
	slices.SortStableFunc(out, func(a, b Action) int {
		return cmp.Or(compareGroups(a.Group, b.Group), cmp.Compare(order[a.Evidence.Rule.ID], order[b.Evidence.Rule.ID]))
	})
	return out, nil
}

func rateActions(r Rule, cards []Scorecard) []Action {
	var out []Action
	mzh, men := r.Metric.Names()
	azh, aen := r.Action.Names()
	limit := r.Limit.StringFixed(2) + "%"
	for _, c := range cards {
		rate, _ := c.Rate(r.Metric)
		if !rate.OK() || rate.Den < r.MinBase {
			continue
		}
		p := rate.Percent()
		var zh, en string
		switch {
		case r.When == RateBelow && p.LessThan(r.Limit):
			zh = fmt.Sprintf("%s%s低于%s，按规则%s%s", mzh, rate.Detail(), limit, r.ID, azh)
			en = fmt.Sprintf("%s %s is below %s: %s (rule %s)", men, rate.Detail(), limit, aen, r.ID)
		case r.When == RateAbove && p.GreaterThan(r.Limit):
			zh = fmt.Sprintf("%s%s高于%s，按规则%s%s", mzh, rate.Detail(), limit, r.ID, azh)
			en = fmt.Sprintf("%s %s is above %s: %s (rule %s)", men, rate.Detail(), limit, aen, r.ID)
		default:
			continue
		}
		out = append(out, Action{Kind: r.Action, Group: c.Group, Name: c.Name, Period: c.Period,
			Evidence: Evidence{Rule: r, Rate: rate, ZH: zh, EN: en}})
	}
	return out
}

func highestActions(r Rule, cards []Scorecard) []Action {
	top := max(r.MinBase, 1)
	var best []Scorecard
	n := 0
	for _, c := range cards {
		if c.Group.By == Overall {
			continue
		}
		n++
		v, _ := c.Count(r.Metric)
		switch {
		case v > top || (v == top && len(best) == 0):
			top, best = v, []Scorecard{c}
		case v == top:
			best = append(best, c)
		}
	}
	if n < 2 {
		return nil
	}
	mzh, men := r.Metric.Names()
	azh, aen := r.Action.Names()
	out := make([]Action, 0, len(best))
	for _, c := range best {
		zh := fmt.Sprintf("%s%d，为%d个%s中最高，按规则%s%s", mzh, top, n, groupZH(c.Group.By), r.ID, azh)
		en := fmt.Sprintf("%d %s, the highest of %d %ss: %s (rule %s)", top, men, n, groupEN(c.Group.By), aen, r.ID)
		out = append(out, Action{Kind: r.Action, Group: c.Group, Name: c.Name, Period: c.Period,
			Evidence: Evidence{Rule: r, Count: top, ZH: zh, EN: en}})
	}
	return out
}

func groupZH(g Grouping) string { zh, _ := g.Names(); return zh }
func groupEN(g Grouping) string { _, en := g.Names(); return en }

func fraudActions(r Rule, findings []Finding) []Action {
	var out []Action
	azh, aen := r.Action.Names()
	for _, f := range findings {
		if f.Confirmed == nil {
			continue
		}
		dzh, den := f.Detector.Names()
		f := f
		out = append(out, Action{
			Kind: r.Action, Group: Group{By: ByUnit, Code: string(f.Unit.CreditCode)}, Name: f.Unit.Name,
			Period: f.Period,
			Evidence: Evidence{Rule: r, Finding: &f,
				ZH: fmt.Sprintf("经%s核实数据不实（%s）：%s，按规则%s%s", f.Confirmed.By, dzh, f.ZH, r.ID, azh),
				EN: fmt.Sprintf("false data confirmed by %s (%s): %s: %s (rule %s)", f.Confirmed.By, den, f.EN, aen, r.ID),
			},
		})
	}
	return out
}
