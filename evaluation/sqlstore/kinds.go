package sqlstore

import (
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
)

// The kinds of record and their tables (see migrations).

var reviews = kind[evaluation.Review, evaluation.ReviewFilter]{
	name: "review", table: "evaluation_reviews", at: "rated_at",
	cols: []column[evaluation.Review]{
		{"unit", func(r *evaluation.Review) string { return string(r.Unit.CreditCode) }},
		{"division", func(r *evaluation.Review) string { return string(r.Division) }},
		{"application", func(r *evaluation.Review) string { return r.Application.String() }},
		{"matter", func(r *evaluation.Review) string { return r.Matter }},
		{"staff", func(r *evaluation.Review) string { return r.Staff }},
		{"mode", func(r *evaluation.Review) string { return string(r.Mode) }},
		{"channel", func(r *evaluation.Review) string { return string(r.Channel) }},
	},
	id:      func(r *evaluation.Review) uuid.UUID { return r.ID },
	time:    func(r *evaluation.Review) time.Time { return r.RatedAt },
	version: func(r *evaluation.Review) *int { return &r.Version },
	equal:   (*evaluation.Review).Equal,
	where: func(f evaluation.ReviewFilter) where {
		w := where{period: f.Period, division: f.Division}
		w.text("unit", string(f.Unit))
		w.id("application", f.Application)
		w.text("matter", f.Matter)
		w.text("staff", f.Staff)
		w.text("mode", string(f.Mode))
		w.text("channel", string(f.Channel))
		return w
	},
	match: evaluation.ReviewFilter.Match,
}

var cases = kind[evaluation.Case, evaluation.CaseFilter]{
	name: "case", table: "evaluation_cases", at: "received_at",
	cols: []column[evaluation.Case]{
		{"unit", func(c *evaluation.Case) string { return string(c.Unit.CreditCode) }},
		{"division", func(c *evaluation.Case) string { return string(c.Division) }},
		{"state", func(c *evaluation.Case) string { return string(c.State) }},
		{"review", func(c *evaluation.Case) string { return c.Review.String() }},
	},
	id:      func(c *evaluation.Case) uuid.UUID { return c.ID },
	time:    func(c *evaluation.Case) time.Time { return c.ReceivedAt },
	version: func(c *evaluation.Case) *int { return &c.Version },
	equal:   (*evaluation.Case).Equal,
	where: func(f evaluation.CaseFilter) where {
		w := where{period: f.Period, division: f.Division}
		w.text("unit", string(f.Unit))
		w.text("state", string(f.State))
		w.id("review", f.Review)
		return w
	},
	match: evaluation.CaseFilter.Match,
}

var workOrders = kind[evaluation.WorkOrder, evaluation.WorkOrderFilter]{
	name: "work order", table: "evaluation_work_orders", at: "received_at",
	cols: []column[evaluation.WorkOrder]{
		// unit is the unit holding the order now: empty when none does.
		{"unit", func(w *evaluation.WorkOrder) string { return string(w.Unit.CreditCode) }},
		{"division", func(w *evaluation.WorkOrder) string { return string(w.Division) }},
		{"state", func(w *evaluation.WorkOrder) string { return string(w.State) }},
		{"category", func(w *evaluation.WorkOrder) string { return string(w.Category) }},
		{"line", func(w *evaluation.WorkOrder) string { return string(w.Line) }},
	},
	id:      func(w *evaluation.WorkOrder) uuid.UUID { return w.ID },
	time:    func(w *evaluation.WorkOrder) time.Time { return w.ReceivedAt },
	version: func(w *evaluation.WorkOrder) *int { return &w.Version },
	equal:   (*evaluation.WorkOrder).Equal,
	where: func(f evaluation.WorkOrderFilter) where {
		w := where{period: f.Period, division: f.Division}
		w.text("unit", string(f.Unit))
		w.text("state", string(f.State))
		w.text("category", string(f.Category))
		w.text("line", string(f.Line))
		return w
	},
	match: evaluation.WorkOrderFilter.Match,
}

var problems = kind[evaluation.ProblemOrder, evaluation.ProblemFilter]{
	name: "problem order", table: "evaluation_problems", at: "opened_at",
	cols: []column[evaluation.ProblemOrder]{
		{"division", func(p *evaluation.ProblemOrder) string { return string(p.Division) }},
		{"state", func(p *evaluation.ProblemOrder) string { return string(p.State) }},
		{"order_id", func(p *evaluation.ProblemOrder) string { return p.Order.String() }},
	},
	id:      func(p *evaluation.ProblemOrder) uuid.UUID { return p.ID },
	time:    func(p *evaluation.ProblemOrder) time.Time { return p.OpenedAt },
	version: func(p *evaluation.ProblemOrder) *int { return &p.Version },
	equal:   (*evaluation.ProblemOrder).Equal,
	where: func(f evaluation.ProblemFilter) where {
		w := where{period: f.Period, division: f.Division}
		w.text("state", string(f.State))
		w.id("order_id", f.Order)
		return w
	},
	match: evaluation.ProblemFilter.Match,
}

var incidents = kind[evaluation.Incident, evaluation.IncidentFilter]{
	name: "incident", table: "evaluation_incidents", at: "occurred_at",
	cols: []column[evaluation.Incident]{
		{"unit", func(i *evaluation.Incident) string { return string(i.Unit.CreditCode) }},
		{"division", func(i *evaluation.Incident) string { return string(i.Division) }},
	},
	id:      func(i *evaluation.Incident) uuid.UUID { return i.ID },
	time:    func(i *evaluation.Incident) time.Time { return i.OccurredAt },
	version: func(i *evaluation.Incident) *int { return &i.Version },
	equal:   (*evaluation.Incident).Equal,
	where: func(f evaluation.IncidentFilter) where {
		w := where{period: f.Period, division: f.Division}
		w.text("unit", string(f.Unit))
		return w
	},
	match: evaluation.IncidentFilter.Match,
}

var handlingReviews = kind[evaluation.HandlingReview, evaluation.HandlingReviewFilter]{
	name: "handling review", table: "evaluation_handling_reviews", at: "opened_at",
	cols: []column[evaluation.HandlingReview]{
		{"unit", func(r *evaluation.HandlingReview) string { return string(r.Unit.CreditCode) }},
		// division is the reviewed unit's division.
		{"division", func(r *evaluation.HandlingReview) string { return string(r.Unit.Division) }},
		{"order_id", func(r *evaluation.HandlingReview) string { return r.Order.String() }},
		{"state", func(r *evaluation.HandlingReview) string { return string(r.State) }},
	},
	id:      func(r *evaluation.HandlingReview) uuid.UUID { return r.ID },
	time:    func(r *evaluation.HandlingReview) time.Time { return r.OpenedAt },
	version: func(r *evaluation.HandlingReview) *int { return &r.Version },
	equal:   (*evaluation.HandlingReview).Equal,
	where: func(f evaluation.HandlingReviewFilter) where {
		w := where{period: f.Period, division: f.Division}
		w.text("unit", string(f.Unit))
		w.id("order_id", f.Order)
		w.text("state", string(f.State))
		return w
	},
	match: evaluation.HandlingReviewFilter.Match,
}
