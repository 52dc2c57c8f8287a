package main

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/division"
)

// evalProblem maps the errors of package evaluation to problems.
func evalProblem(err error) error {
	var ve *evaluation.ValidationError
	var te *evaluation.TransitionError
	switch {
	case errors.As(err, &ve):
		p := invalid(ve.Subject + " is not valid")
		if errors.Is(err, evaluation.ErrDuplicate) {
			p.Code, p.Type, p.Status, p.Title = "duplicate", "urn:onething:problem:duplicate", http.StatusConflict, http.StatusText(http.StatusConflict)
		}
		for _, x := range ve.Problems {
			p.Problems = append(p.Problems, fieldIssue{Pointer: x.Pointer, Code: x.Rule, Message: &form.Text{ZH: x.ZH, EN: x.EN}})
		}
		return p
	case errors.As(err, &te):
		p := newProblem(http.StatusConflict, "transition-refused", te.Error())
		p.Extra = map[string]any{"from": te.From, "step": te.Step, "late": te.Late}
		return p
	case errors.Is(err, evaluation.ErrNotFound):
		return newProblem(http.StatusNotFound, "not-found", err.Error())
	case errors.Is(err, evaluation.ErrConflict):
		return newProblem(http.StatusConflict, "conflict", err.Error())
	case errors.Is(err, evaluation.ErrInvalid):
		return invalid(err.Error())
	}
	return err
}

func pathID(r *http.Request) (uuid.UUID, error) {
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		return uuid.Nil, newProblem(http.StatusNotFound, "not-found", "no record "+r.PathValue("id"))
	}
	return id, nil
}

// reviewResponse is a review as its reader may see it, and the case a bad
// review opened.
type reviewResponse struct {
	Review *evaluation.Review `json:"review"`
	Case   *evaluation.Case   `json:"case,omitempty"`
}

// createReview records a 好差评 rating: a citizen rates their own service
// (real-name: the reviewer is the token's person), a clerk records a
// rating given at a window of their jurisdiction. A bad review opens a case.
func (s *server) createReview(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleCitizen, roleClerk)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var rv evaluation.Review
	if err := decodeJSON(w, r, &rv); err != nil {
		writeError(w, r, err)
		return
	}
	ctx := r.Context()
	sd := s.seedFrom(ctx)
	now := sd.At
	if rv.ID == uuid.Nil {
		rv.ID = sd.ID
	}
	if rv.RatedAt.IsZero() {
		rv.RatedAt = now
	}
	rv.Version = 0
	rv.Exclusion = nil
	switch p.Role {
	case roleCitizen:
		if rv.RealName {
			if rv.Reviewer == nil {
				rv.Reviewer = &evaluation.Reviewer{}
			}
			if rv.Reviewer.CitizenID.String() != "" && rv.Reviewer.CitizenID.String() != p.Subject {
				writeProblem(w, r, forbidden("a citizen rates only in their own name"))
				return
			}
			rv.Reviewer.CitizenID = citizenIDOf(p.Subject)
			if s.pop != nil && rv.Reviewer.Name == "" {
				if person, ok := s.pop.Person(rv.Reviewer.CitizenID); ok {
					rv.Reviewer.Name = person.Name
				}
			}
		}
		if rv.Application != uuid.Nil {
			a, err := s.matters.GetApplication(ctx, rv.Application)
			if err != nil || a.Applicant.SubjectID != p.Subject {
				writeProblem(w, r, invalid("unknown service event", issue("/application", "application.unknown", "no application of yours with this id")))
				return
			}
		}
	case roleClerk:
		if !p.covers(rv.Division) {
			writeProblem(w, r, forbidden("a clerk of "+string(p.Division)+" records ratings only there"))
			return
		}
	}
	if err := rv.Validate(s.evalCfg); err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	if rv.Application != uuid.Nil {
		var existing []*evaluation.Review
		for x, err := range s.evals.ListReviews(ctx, evaluation.ReviewFilter{Application: rv.Application}) {
			if err != nil {
				writeError(w, r, err)
				return
			}
			existing = append(existing, x)
		}
		if err := evaluation.CheckOnce(s.evalCfg, &rv, existing); err != nil {
			writeError(w, r, evalProblem(err))
			return
		}
	}
	if _, err := s.evals.AddReview(ctx, &rv); err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	resp := reviewResponse{}
	// A retry after a crash finds the case it opened.
	for c, err := range s.evals.ListCases(ctx, evaluation.CaseFilter{Review: rv.ID}) {
		if err != nil {
			writeError(w, r, err)
			return
		}
		resp.Case = c
		break
	}
	if rv.IsBad() && resp.Case == nil {
		c, err := evaluation.NewCase(s.evalCfg, &rv, now, "onething")
		if err != nil {
			writeError(w, r, evalProblem(err))
			return
		}
		if _, err := s.evals.AddCase(ctx, c); err != nil {
			writeError(w, r, evalProblem(err))
			return
		}
		resp.Case, _ = s.evals.GetCase(ctx, c.ID)
	}
	resp.Review, err = s.evals.GetReview(ctx, rv.ID)
	if err != nil {
		writeError(w, r, err)
		return
	}
	if p.Role == roleClerk {
		resp.Review = resp.Review.ForUnit()
	}
	w.Header().Set("Location", "/v1/reviews/"+rv.ID.String())
	writeJSON(w, http.StatusCreated, resp)
}

// citizenIDOf returns a citizen token's subject as an ID number, or the zero
// ID when the subject is not one (tokens from a file may name anyone).
func citizenIDOf(s string) citizenid.ID {
	id, _ := citizenid.Parse(s)
	return id
}

// loadScoped reads the record with the given id and checks that p may see
// it. A record outside p's jurisdiction answers 404, as a missing one does,
// so that its existence does not leak. On failure it writes the problem and
// returns false.
func loadScoped[T any](w http.ResponseWriter, r *http.Request, p *principal, id uuid.UUID, noun string,
	get func(context.Context, uuid.UUID) (T, error), divisionOf func(T) division.Code) (T, bool) {
	rec, err := get(r.Context(), id)
	if err != nil {
		writeError(w, r, evalProblem(err))
		return rec, false
	}
	if !seesEvaluation(p, divisionOf(rec)) {
		writeProblem(w, r, newProblem(http.StatusNotFound, "not-found", "no "+noun+" "+id.String()))
		var zero T
		return zero, false
	}
	return rec, true
}

func orderDivision(wo *evaluation.WorkOrder) division.Code { return wo.Division }

// seesEvaluation reports whether a non-citizen principal may read a record
// of division d.
func seesEvaluation(p *principal, d division.Code) bool {
	switch p.Role {
	case roleProvince, roleAuditor:
		return true
	case roleClerk, roleCity:
		return p.covers(d)
	}
	return false
}

// getReview: the rater sees their review whole; officials see it without
// the rater's identity (Review.ForUnit), within their jurisdiction.
func (s *server) getReview(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	rv, err := s.evals.GetReview(r.Context(), id)
	if err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	own := p.Role == roleCitizen && rv.Reviewer != nil && rv.Reviewer.CitizenID.String() == p.Subject
	if !own && !seesEvaluation(p, rv.Division) {
		writeProblem(w, r, newProblem(http.StatusNotFound, "not-found", "no review "+id.String()))
		return
	}
	if !own {
		rv = rv.ForUnit()
	}
	writeJSON(w, http.StatusOK, rv)
}

func (s *server) getCase(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleClerk, roleCity, roleProvince, roleAuditor)
	if err != nil {
		writeError(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	c, ok := loadScoped(w, r, p, id, "case", s.evals.GetCase, func(c *evaluation.Case) division.Code { return c.Division })
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, c)
}

type caseEvent struct {
	To   evaluation.CaseState     `json:"to"`
	Note string                   `json:"note,omitempty"`
	Kind evaluation.ExclusionKind `json:"kind,omitempty"`
}

// caseEvent moves a bad-review case: the unit (clerk) contacts, rectifies
// and revisits; an appeal is decided by the city or the province. An
// excluded case excludes its review from every score.
func (s *server) caseEvent(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleClerk, roleCity, roleProvince)
	if err != nil {
		writeError(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var ev caseEvent
	if err := decodeJSON(w, r, &ev); err != nil {
		writeError(w, r, err)
		return
	}
	if !ev.To.Valid() {
		writeProblem(w, r, invalid("unknown state", issue("/to", "state.invalid", "to is one of the case states")))
		return
	}
	ctx := r.Context()
	c, ok := loadScoped(w, r, p, id, "case", s.evals.GetCase, func(c *evaluation.Case) division.Code { return c.Division })
	if !ok {
		return
	}
	if ev.To == evaluation.CaseExcluded && p.Role == roleClerk {
		writeProblem(w, r, forbidden("a unit does not decide its own appeal"))
		return
	}
	expect, sd := c.Version, s.seedFrom(ctx)
	if last := c.History[len(c.History)-1]; last.To == ev.To && last.By == p.Name && last.At.Equal(sd.At) {
		// Already moved by this request before a crash.
	} else {
		if err := c.Move(s.evalCfg, evaluation.CaseChange{From: c.State, To: ev.To, At: sd.At, By: p.Name, Note: ev.Note, Kind: ev.Kind}); err != nil {
			writeError(w, r, evalProblem(err))
			return
		}
		if _, err := s.evals.UpdateCase(ctx, c, expect); err != nil {
			writeError(w, r, evalProblem(err))
			return
		}
	}
	if c.State == evaluation.CaseExcluded && c.Exclusion != nil {
		if rv, err := s.evals.GetReview(ctx, c.Review); err == nil {
			rv.Exclusion = c.Exclusion
			if _, err := s.evals.UpdateReview(ctx, rv, rv.Version); err != nil {
				writeError(w, r, evalProblem(err))
				return
			}
		}
	}
	c, err = s.evals.GetCase(ctx, id)
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// createWorkOrder records a hotline request (受理).
func (s *server) createWorkOrder(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleClerk, roleCity, roleProvince)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var in evaluation.Intake
	if err := decodeJSON(w, r, &in); err != nil {
		writeError(w, r, err)
		return
	}
	if in.Division != "" && !p.covers(in.Division) {
		writeProblem(w, r, forbidden("a "+string(p.Role)+" of "+string(p.Division)+" takes requests about "+string(p.Division)+" only"))
		return
	}
	sd := s.seedFrom(r.Context())
	wo, err := evaluation.NewWorkOrder(in, sd.At, p.Name)
	if err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	wo.ID = sd.ID
	if _, err := s.evals.AddWorkOrder(r.Context(), wo); err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	wo, err = s.evals.GetWorkOrder(r.Context(), wo.ID)
	if err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/workorders/"+wo.ID.String())
	writeJSON(w, http.StatusCreated, wo)
}

// workOrderView hides the caller from the unit handling the order.
func workOrderView(p *principal, wo *evaluation.WorkOrder) *evaluation.WorkOrder {
	if p.Role == roleClerk {
		return wo.ForUnit()
	}
	return wo
}

func (s *server) getWorkOrder(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleClerk, roleCity, roleProvince, roleAuditor)
	if err != nil {
		writeError(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	wo, ok := loadScoped(w, r, p, id, "work order", s.evals.GetWorkOrder, orderDivision)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, workOrderView(p, wo))
}

// orderEvent is one step of a work order.
type orderEvent struct {
	// Step is accept, dispatch, send_back, assign_lead, reply, revisit,
	// rehandle, extend, supervise or close.
	Step     string                       `json:"step"`
	Unit     *matter.Department           `json:"unit,omitempty"`
	Text     string                       `json:"text,omitempty"`
	Rating   evaluation.Rating            `json:"rating,omitempty"`
	Resolved bool                         `json:"resolved,omitempty"`
	Days     int                          `json:"days,omitempty"`
	Reason   evaluation.SupervisionReason `json:"reason,omitempty"`
}

var orderSteps = []string{"accept", "dispatch", "send_back", "assign_lead", "reply", "revisit", "rehandle", "extend", "supervise", "close"}

func (s *server) workOrderEvent(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleClerk, roleCity, roleProvince)
	if err != nil {
		writeError(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var ev orderEvent
	if err := decodeJSON(w, r, &ev); err != nil {
		writeError(w, r, err)
		return
	}
	if !slices.Contains(orderSteps, ev.Step) {
		writeProblem(w, r, invalid("unknown step", issue("/step", "step.invalid", "step is one of accept, dispatch, send_back, assign_lead, reply, revisit, rehandle, extend, supervise, close")))
		return
	}
	if (ev.Step == "dispatch" || ev.Step == "assign_lead") && ev.Unit == nil {
		writeProblem(w, r, invalid("no unit", issue("/unit", "required", ev.Step+" names the unit")))
		return
	}
	ctx := r.Context()
	wo, ok := loadScoped(w, r, p, id, "work order", s.evals.GetWorkOrder, orderDivision)
	if !ok {
		return
	}
	sd := s.seedFrom(ctx)
	expect, now, by, cfg := wo.Version, sd.At, p.Name, s.evalCfg
	switch ev.Step {
	case "accept":
		err = wo.Accept(now, by)
	case "dispatch":
		err = wo.Dispatch(cfg, now, by, *ev.Unit)
	case "send_back":
		err = wo.SendBack(cfg, now, by, ev.Text)
	case "assign_lead":
		err = wo.AssignLead(now, by, *ev.Unit)
	case "reply":
		err = wo.Reply(now, by, ev.Text)
	case "revisit":
		err = wo.RecordRevisit(now, by, ev.Rating, ev.Resolved, ev.Text)
	case "rehandle":
		err = wo.Rehandle(cfg, now, by, ev.Text)
	case "extend":
		err = wo.Extend(cfg, now, ev.Days, by, ev.Text)
	case "supervise":
		err = wo.Supervise(now, by, ev.Reason, ev.Text)
	case "close":
		err = wo.Close(now, by, ev.Text)
	}
	if err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	if _, err := s.evals.UpdateWorkOrder(ctx, wo, expect); err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	wo, err = s.evals.GetWorkOrder(ctx, id)
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, workOrderView(p, wo))
}

// parseMonth reads YYYY-MM.
func parseMonth(v, ptr string) (time.Time, error) {
	t, err := time.ParseInLocation("2006-01", v, matter.CST)
	if err != nil {
		return t, invalid("bad month", issue(ptr, "month.invalid", "a month is YYYY-MM"))
	}
	if t.Year() < 2000 || t.Year() > 2100 {
		return t, invalid("bad month", issue(ptr, "month.invalid", "a month between 2000 and 2100"))
	}
	return t, nil
}

// scorecards computes the scorecards of a month, grouped by ?group= (unit,
// division, matter, staff, channel, bundle or all). A city admin sees their
// city's records only.
func (s *server) scorecards(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleCity, roleProvince, roleAuditor)
	if err != nil {
		writeError(w, r, err)
		return
	}
	q := r.URL.Query()
	g := evaluation.Grouping(q.Get("group"))
	if g == "" {
		g = evaluation.ByUnit
	}
	var issues []fieldIssue
	if !g.Valid() {
		issues = append(issues, issue("?group", "group.invalid", "group is unit, division, matter, staff, channel, bundle or all"))
	}
	month := q.Get("period")
	if month == "" {
		month = s.now().Format("2006-01")
	}
	t, err := parseMonth(month, "?period")
	if err != nil {
		issues = append(issues, err.(*problem).Problems...)
	}
	if len(issues) > 0 {
		writeProblem(w, r, invalid("bad query", issues...))
		return
	}
	period := evaluation.Month(t.Year(), t.Month())
	cards, err := s.aggregate(r.Context(), g, period, p)
	if err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"group": g, "period": period, "scorecards": orEmpty(cards)})
}

func (s *server) aggregate(ctx context.Context, g evaluation.Grouping, period evaluation.Period, p *principal) ([]evaluation.Scorecard, error) {
	agg, err := evaluation.NewAggregator(g, period, s.now())
	if err != nil {
		return nil, err
	}
	var d division.Code
	if p.Role == roleCity {
		d = p.Division
	}
	if err := agg.AddAll(s.evals.ListReviews(ctx, evaluation.ReviewFilter{Period: period, Division: d})); err != nil {
		return nil, err
	}
	if err := agg.AddCases(s.evals.ListCases(ctx, evaluation.CaseFilter{Period: period, Division: d})); err != nil {
		return nil, err
	}
	if err := agg.AddWorkOrders(s.evals.ListWorkOrders(ctx, evaluation.WorkOrderFilter{Period: period, Division: d})); err != nil {
		return nil, err
	}
	if err := agg.AddApplications(s.matters.ListApplications(ctx, matter.ApplicationFilter{Division: d, To: period.To})); err != nil {
		return nil, err
	}
	return agg.Scorecards(), nil
}

// monthlyReport builds the 月调度 report of ?month=YYYY-MM, as JSON or, for
// Accept: text/markdown, Markdown.
func (s *server) monthlyReport(w http.ResponseWriter, r *http.Request) {
	if _, err := needRole(r, roleCity, roleProvince, roleAuditor); err != nil {
		writeError(w, r, err)
		return
	}
	month := r.URL.Query().Get("month")
	if month == "" {
		month = s.now().Format("2006-01")
	}
	t, err := parseMonth(month, "?month")
	if err != nil {
		writeError(w, r, err)
		return
	}
	var bundles []matter.Bundle
	for b := range s.catalog().Bundles() {
		bundles = append(bundles, *b)
	}
	rep, err := evaluation.MonthlyReport(r.Context(), evaluation.ReportInput{
		Config: s.evalCfg, Store: s.evals, Applications: s.matters.ListApplications, Bundles: bundles, AsOf: s.now(),
	}, t.Year(), t.Month())
	if err != nil {
		writeError(w, r, evalProblem(err))
		return
	}
	if wantsMarkdown(r) {
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		_ = rep.Markdown(w)
		return
	}
	writeJSON(w, http.StatusOK, rep)
}
