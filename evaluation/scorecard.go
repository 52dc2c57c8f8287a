package evaluation

// Counts are the counters a scorecard is made of: fixed-size, additive
// (two groups' Counts add up to the Counts of their union), and enough to
// compute every rate. The package documentation (# Scorecards) says which
// records each counter counts.
type Counts struct {
	// ByLevel counts the reviews of each level: ByLevel[r-1] for Rating r.
	// Excluded reviews are not counted.
	ByLevel [5]int64 `json:"by_level"`
	// EventReviews counts the first ratings of service events (一次一评 and
	// 一事一评, not follow-ups), the numerator of 主动评价率.
	EventReviews int64 `json:"event_reviews"`
	// ExcludedReviews counts the reviews excluded after 申诉复核, which are
	// in no other counter.
	ExcludedReviews int64 `json:"excluded_reviews"`

	// Cases counts the bad-review cases received (应整改差评), excluded
	// ones apart; Rectified those that reached the rectified state.
	Cases     int64 `json:"cases"`
	Rectified int64 `json:"rectified"`
	// RevisitDue counts the real-name cases rectified (应回访), Revisited
	// those of them revisited.
	RevisitDue int64 `json:"revisit_due"`
	Revisited  int64 `json:"revisited"`
	// ExcludedCases counts the cases whose review was excluded.
	ExcludedCases int64 `json:"excluded_cases"`

	// Applications counts the applications (办件) submitted; Services those
	// whose service ended (decided or rejected, see ServiceEnd), the
	// service volume of 主动评价率; Decided those decided, OnTime those
	// decided with every part on or before its due date; OverdueOpen the
	// open applications with a part past due at the as-of time.
	Applications int64 `json:"applications"`
	Services     int64 `json:"services"`
	Decided      int64 `json:"decided"`
	OnTime       int64 `json:"on_time"`
	OverdueOpen  int64 `json:"overdue_open"`

	// Orders counts the work orders received, Complaints those of the
	// category 投诉.
	Orders     int64 `json:"orders"`
	Complaints int64 `json:"complaints"`
	// OrdersDue counts the orders that had to be finished (应办结: replied,
	// or overdue at the as-of time), OrdersOnTime those with every reply on
	// time and not overdue; OrdersOverdue those overdue at the as-of time.
	OrdersDue     int64 `json:"orders_due"`
	OrdersOnTime  int64 `json:"orders_on_time"`
	OrdersOverdue int64 `json:"orders_overdue"`
	// OrdersReplied counts the orders answered (应回访); OrdersRevisited
	// those revisited; OrdersResolved and OrdersSatisfied those whose last
	// revisit found the problem resolved and the caller satisfied;
	// OrdersRehandled those reopened for 重办 at least once.
	OrdersReplied   int64 `json:"orders_replied"`
	OrdersRevisited int64 `json:"orders_revisited"`
	OrdersResolved  int64 `json:"orders_resolved"`
	OrdersSatisfied int64 `json:"orders_satisfied"`
	OrdersRehandled int64 `json:"orders_rehandled"`

	// Inspected counts the work orders inspected by the smart quality
	// inspection (AddInspection); InspectedPassed those no rule flagged;
	// InspectionScore the sum of their scores (0–100 each).
	Inspected       int64 `json:"inspected"`
	InspectedPassed int64 `json:"inspected_passed"`
	InspectionScore int64 `json:"inspection_score"`
}

// Add adds o's counters to c.
func (c *Counts) Add(o Counts) {
	for i := range c.ByLevel {
		c.ByLevel[i] += o.ByLevel[i]
	}
	c.EventReviews += o.EventReviews
	c.ExcludedReviews += o.ExcludedReviews
	c.Cases += o.Cases
	c.Rectified += o.Rectified
	c.RevisitDue += o.RevisitDue
	c.Revisited += o.Revisited
	c.ExcludedCases += o.ExcludedCases
	c.Applications += o.Applications
	c.Services += o.Services
	c.Decided += o.Decided
	c.OnTime += o.OnTime
	c.OverdueOpen += o.OverdueOpen
	c.Orders += o.Orders
	c.Complaints += o.Complaints
	c.OrdersDue += o.OrdersDue
	c.OrdersOnTime += o.OrdersOnTime
	c.OrdersOverdue += o.OrdersOverdue
	c.OrdersReplied += o.OrdersReplied
	c.OrdersRevisited += o.OrdersRevisited
	c.OrdersResolved += o.OrdersResolved
	c.OrdersSatisfied += o.OrdersSatisfied
	c.OrdersRehandled += o.OrdersRehandled
	c.Inspected += o.Inspected
	c.InspectedPassed += o.InspectedPassed
	c.InspectionScore += o.InspectionScore
}

// Level returns the number of reviews of level r (0 for an invalid r).
func (c Counts) Level(r Rating) int64 {
	if !r.Valid() {
		return 0
	}
	return c.ByLevel[r-1]
}

// Reviews returns the number of reviews counted (excluded ones not).
func (c Counts) Reviews() int64 {
	var n int64
	for _, v := range c.ByLevel {
		n += v
	}
	return n
}

// Good returns the number of good reviews (好评, levels 3–5).
func (c Counts) Good() int64 { return c.ByLevel[2] + c.ByLevel[3] + c.ByLevel[4] }

// Bad returns the number of bad reviews (差评, levels 1–2).
func (c Counts) Bad() int64 { return c.ByLevel[0] + c.ByLevel[1] }

// GoodRate is 好评率 = good reviews / reviews.
func (c Counts) GoodRate() Rate { return Rate{c.Good(), c.Reviews()} }

// BadRate is 差评率 = bad reviews / reviews.
func (c Counts) BadRate() Rate { return Rate{c.Bad(), c.Reviews()} }

// RectifyRate is 差评整改率 = cases rectified / cases.
func (c Counts) RectifyRate() Rate { return Rate{c.Rectified, c.Cases} }

// RevisitRate is 实名差评回访率 = real-name cases revisited / real-name
// cases rectified.
func (c Counts) RevisitRate() Rate { return Rate{c.Revisited, c.RevisitDue} }

// ActiveRate is 主动评价率 = first ratings of service events / services.
// It is undefined when no service volume was counted.
func (c Counts) ActiveRate() Rate { return Rate{c.EventReviews, c.Services} }

// ServiceOnTimeRate is the on-time share of applications (办件按时办结率) =
// decided on time / decided.
func (c Counts) ServiceOnTimeRate() Rate { return Rate{c.OnTime, c.Decided} }

// OnTimeRate is the work orders' 按时办结率 = on time / due.
func (c Counts) OnTimeRate() Rate { return Rate{c.OrdersOnTime, c.OrdersDue} }

// ResolveRate is 解决率 = orders resolved at the last revisit / orders
// revisited.
func (c Counts) ResolveRate() Rate { return Rate{c.OrdersResolved, c.OrdersRevisited} }

// SatisfactionRate is 满意率 = orders whose caller was satisfied (非常满意,
// 满意, 基本满意) at the last revisit / orders revisited.
func (c Counts) SatisfactionRate() Rate { return Rate{c.OrdersSatisfied, c.OrdersRevisited} }

// OrderRevisitRate is the work orders' 回访率 = orders revisited / orders
// replied.
func (c Counts) OrderRevisitRate() Rate { return Rate{c.OrdersRevisited, c.OrdersReplied} }

// RehandleRate is 重办率 = orders reopened for 重办 / orders replied.
func (c Counts) RehandleRate() Rate { return Rate{c.OrdersRehandled, c.OrdersReplied} }

// InspectionPassRate is the 质检合格率 = orders inspected with no rule
// flagged / orders inspected.
func (c Counts) InspectionPassRate() Rate { return Rate{c.InspectedPassed, c.Inspected} }

// InspectionMeanScore is the mean inspection score (质检平均分) = sum of
// scores / orders inspected, as a Rate whose Percent is the mean score
// rounded half-up to 2 decimal places: the sum over 100 points an order.
func (c Counts) InspectionMeanScore() Rate { return Rate{c.InspectionScore, 100 * c.Inspected} }

// Scorecard is the counters and rates of one group over one period.
type Scorecard struct {
	Group Group `json:"group"`
	// Name labels the group: the unit's name, the division's name, the
	// channel's Chinese name, or the code.
	Name   string `json:"name"`
	Period Period `json:"period"`
	Counts
	// Volumes reports whether service volumes (applications) were counted,
	// so that 主动评价率 and the comparison of reviews with services mean
	// something.
	Volumes bool `json:"volumes"`
}

// Rate returns the value of a rate metric, and false for a count metric or
// an unknown one.
func (s Scorecard) Rate(m Metric) (Rate, bool) {
	d, ok := metricDefs[m]
	if !ok || d.rate == nil {
		return Rate{}, false
	}
	return d.rate(s.Counts), true
}

// Count returns the value of a count metric, and false for a rate metric
// or an unknown one.
func (s Scorecard) Count(m Metric) (int64, bool) {
	d, ok := metricDefs[m]
	if !ok || d.count == nil {
		return 0, false
	}
	return d.count(s.Counts), true
}
