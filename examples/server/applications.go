package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/division"
	"github.com/onething-gov/onething/standards/workday"
)

// applicantJSON is who applies. Domicile (户籍) and Insurance default to
// what the demo civil registry and social insurance record hold.
type applicantJSON struct {
	Audience     matter.Audience `json:"audience,omitempty"`
	SubjectID    string          `json:"subject_id,omitempty"`
	Name         string          `json:"name,omitempty"`
	Domicile     string          `json:"domicile,omitempty"`
	Registration string          `json:"registration,omitempty"`
	Insurance    []insuredJSON   `json:"insurance,omitempty"`
}

type insuredJSON struct {
	Division string `json:"division"`
	Months   int    `json:"months"`
}

// atJSON is where and how an application is made.
type atJSON struct {
	Division string `json:"division"`
	Outlet   string `json:"outlet,omitempty"`
	Channel  string `json:"channel"`
}

type applicationRequest struct {
	Bundle    string          `json:"bundle"`
	Choices   matter.Choices  `json:"choices"`
	Applicant applicantJSON   `json:"applicant"`
	At        atJSON          `json:"at"`
	Answers   json.RawMessage `json:"answers"`
}

type prefillRequest struct {
	Choices matter.Choices `json:"choices"`
	// Subject is the person a clerk pre-fills for; a citizen pre-fills for
	// themself.
	Subject string `json:"subject,omitempty"`
}

// subjectFor decides whose data a request may touch: a citizen only their
// own, a clerk anyone's (at a window, with the person present).
func subjectFor(p *principal, given, ptr string) (citizenid.ID, error) {
	switch p.Role {
	case roleCitizen:
		if given != "" && given != p.Subject {
			return citizenid.ID{}, forbidden("a citizen applies only for themself")
		}
		given = p.Subject
	case roleClerk:
		if given == "" {
			return citizenid.ID{}, invalid("a clerk names the applicant", issue(ptr, "required", "the applicant's citizen ID number is required"))
		}
	default:
		return citizenid.ID{}, forbidden("only a citizen or a clerk may do this")
	}
	id, err := citizenid.Parse(given)
	if err != nil {
		return citizenid.ID{}, invalid("bad citizen ID number", issue(ptr, "citizen_id.invalid", err.Error()))
	}
	return id, nil
}

// prefill returns what the registries know for the selection's merged form.
func (s *server) prefill(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleCitizen, roleClerk)
	if err != nil {
		writeError(w, r, err)
		return
	}
	b, err := s.bundle(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var req prefillRequest
	if r.ContentLength != 0 {
		if err := decodeJSON(w, r, &req); err != nil {
			writeError(w, r, err)
			return
		}
	}
	id, err := subjectFor(p, req.Subject, "/subject")
	if err != nil {
		writeError(w, r, err)
		return
	}
	sel, err := selectMembers(b, req.Choices, "/choices")
	if err != nil {
		writeError(w, r, err)
		return
	}
	m, err := s.mergedFor(sel)
	if err != nil {
		writeError(w, r, invalid(err.Error()))
		return
	}
	pre := form.Prefill(r.Context(), m, form.Subject{Person: id}, s.sources...)
	failures := []string{}
	for _, f := range pre.Failures {
		failures = append(failures, f.Error())
	}
	writeJSON(w, http.StatusOK, map[string]any{"selection": sel, "prefilled": pre, "failures": failures})
}

// applicationResponse is the 201 of POST /v1/applications.
type applicationResponse struct {
	ID          uuid.UUID                  `json:"id"`
	Status      matter.Status              `json:"status"`
	Application *matter.Application        `json:"application"`
	Parts       map[string]json.RawMessage `json:"parts"`
	Routes      bundleRouteJSON            `json:"routes"`
	Review      *form.Report               `json:"review"`
	Waived      []form.Waiver              `json:"waived,omitempty"`
}

type bundleRouteJSON struct {
	Bundle string             `json:"bundle"`
	Routes []routing.Route    `json:"routes"`
	Groups []routing.LegGroup `json:"groups"`
	Due    string             `json:"due"`
}

// createApplication pre-fills, pre-reviews, splits and routes an
// application for a bundle, and stores it as accepted.
func (s *server) createApplication(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleCitizen, roleClerk)
	if err != nil {
		writeError(w, r, err)
		return
	}
	var req applicationRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, err)
		return
	}
	ctx := r.Context()
	var issues []fieldIssue
	cat := s.catalog()
	b, ok := cat.Bundle(req.Bundle)
	if !ok {
		issues = append(issues, issue("/bundle", "bundle.unknown", "no bundle "+req.Bundle+" in the catalog"))
	}
	at, err := division.Parse(req.At.Division)
	if err != nil {
		issues = append(issues, issue("/at/division", "division.invalid", err.Error()))
	} else if _, ok := division.Lookup(at); !ok {
		issues = append(issues, issue("/at/division", "division.unknown", "no division "+string(at)))
	}
	if !slices.Contains(matter.Channels(), matter.Channel(req.At.Channel)) {
		issues = append(issues, issue("/at/channel", "channel.invalid", "channel is one of window, terminal, web, app, mini_program, post"))
	}
	if req.Applicant.Audience != "" && req.Applicant.Audience != matter.Person {
		issues = append(issues, issue("/applicant/audience", "audience.unsupported", "the server takes applications of persons"))
	}
	var answers form.Answers
	if len(req.Answers) > 0 && string(req.Answers) != "null" {
		answers, err = form.DecodeAnswers(req.Answers)
		if err != nil {
			issues = append(issues, issue("/answers", "answers.invalid", err.Error()))
		}
	}
	var sel matter.Selection
	if b != nil {
		if sel, err = b.Select(req.Choices); err != nil {
			issues = append(issues, issue("/choices", "choices.invalid", err.Error()))
		}
	}
	if len(issues) > 0 {
		writeProblem(w, r, invalid("the application is incomplete", issues...))
		return
	}
	if p.Role == roleClerk && !p.covers(at) {
		writeProblem(w, r, forbidden("a clerk of "+string(p.Division)+" takes applications only there"))
		return
	}
	id, err := subjectFor(p, req.Applicant.SubjectID, "/applicant/subject_id")
	if err != nil {
		writeError(w, r, err)
		return
	}
	ra, err := s.routingApplicant(id, req.Applicant)
	if err != nil {
		writeError(w, r, err)
		return
	}
	merged, err := s.mergedFor(sel)
	if err != nil {
		writeError(w, r, invalid("the forms of the selection do not merge: "+err.Error()))
		return
	}

	// Pre-fill, then the applicant's answers on top, then pre-review.
	pre := form.Prefill(ctx, merged, form.Subject{Person: id}, s.sources...)
	all := pre.Answers.Clone()
	if all == nil {
		all = form.Answers{}
	}
	for k, v := range answers {
		all[k] = v
	}
	sd := s.seedFrom(ctx)
	now := sd.At
	report := form.Review(ctx, merged, all, form.WithPrefill(pre), form.On(now))
	if report.Verdict == form.Fail {
		prob := invalid("the pre-review found problems to correct")
		prob.Code = "review-failed"
		prob.Type = "urn:onething:problem:review-failed"
		for _, rp := range report.Problems {
			msg := rp.Message
			prob.Problems = append(prob.Problems, fieldIssue{
				Pointer: "/answers" + rp.Pointer, Code: rp.Code, Severity: string(rp.Severity), Matters: rp.Matters, Message: &msg,
			})
		}
		prob.Extra = map[string]any{"verdict": report.Verdict}
		writeProblem(w, r, prob)
		return
	}
	parts, err := form.Split(merged, all)
	if err != nil {
		writeError(w, r, invalid("the answers do not split: "+err.Error()))
		return
	}
	br, err := s.router().RouteBundle(ctx, sel, routing.Request{
		Applicant: ra, Division: at, Outlet: req.At.Outlet, Channel: matter.Channel(req.At.Channel), At: now,
	})
	if err != nil {
		writeError(w, r, routeProblem(err))
		return
	}

	name := req.Applicant.Name
	if name == "" {
		if v, ok := all["person.name"].(string); ok {
			name = v
		}
	}
	app, err := matter.NewApplication(b.Code, &sel, matter.Applicant{Audience: matter.Person, SubjectID: id.String(), Name: name}, at, matter.Channel(req.At.Channel), now)
	if err != nil {
		writeError(w, r, invalid(err.Error()))
		return
	}
	app.ID = sd.ID
	for i := range app.Parts {
		for _, rt := range br.Routes {
			if rt.Matter == app.Parts[i].Matter {
				app.Parts[i].Office = rt.Lead().Department
				if app.Parts[i].Office.Division == "" {
					app.Parts[i].Office.Division = rt.Lead().Division
				}
				app.Parts[i].Due = matter.NewDate(rt.Due)
			}
		}
	}
	if err := app.Move(matter.Accepted, now, p.Name, "pre-review "+string(report.Verdict)); err != nil {
		writeError(w, r, err)
		return
	}
	// A retry after a crash rebuilds the same application under the same
	// id; the store takes it again as a no-op, or keeps what it has.
	if _, err := s.matters.CreateApplication(ctx, app); err != nil && !errors.Is(err, matter.ErrConflict) {
		writeError(w, r, err)
		return
	}
	stored, err := s.matters.GetApplication(ctx, app.ID)
	if err != nil {
		writeError(w, r, err)
		return
	}
	s.log.Info("application accepted", "id", app.ID, "bundle", b.Code, "subject", id.String(), "division", at)
	w.Header().Set("Location", "/v1/applications/"+app.ID.String())
	writeJSON(w, http.StatusCreated, applicationResponse{
		ID: app.ID, Status: stored.Status, Application: stored, Parts: parts,
		Routes: bundleRouteJSON{Bundle: br.Bundle, Routes: orEmpty(br.Routes), Groups: orEmpty(br.Groups), Due: dateOnly(br.Due)},
		Review: report, Waived: pre.Waived,
	})
}

func dateOnly(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(matter.CST).Format(time.DateOnly)
}

// routingApplicant is what the router needs: the 户籍 and insurance
// history from the request, else from the demo registries.
func (s *server) routingApplicant(id citizenid.ID, a applicantJSON) (routing.Applicant, error) {
	ra := routing.Applicant{Audience: matter.Person}
	var issues []fieldIssue
	if a.Domicile != "" {
		d, err := division.Parse(a.Domicile)
		if err != nil {
			issues = append(issues, issue("/applicant/domicile", "division.invalid", err.Error()))
		}
		ra.Domicile = d
	}
	for i, in := range a.Insurance {
		d, err := division.Parse(in.Division)
		if err != nil || in.Months < 0 {
			issues = append(issues, issue("/applicant/insurance/"+itoa(i), "insurance.invalid", "a division code and months ≥ 0"))
			continue
		}
		ra.Insurance = append(ra.Insurance, routing.Insured{Division: d, Months: in.Months})
	}
	if len(issues) > 0 {
		return ra, invalid("bad applicant", issues...)
	}
	if s.pop != nil {
		if person, ok := s.pop.Person(id); ok {
			if ra.Domicile == "" {
				ra.Domicile = person.Hukou
			}
			if len(ra.Insurance) == 0 && person.ContributionYears.IsPositive() {
				ra.Insurance = []routing.Insured{{Division: person.Hukou.City(), Months: int(person.ContributionYears.Mul(decimalTwelve).IntPart())}}
			}
		}
	}
	if ra.Domicile == "" {
		return ra, invalid("the applicant's 户籍 is unknown", issue("/applicant/domicile", "required", "give the 户籍 division: the civil registry does not know this person"))
	}
	return ra, nil
}

// routeProblem maps a routing error to a problem.
func routeProblem(err error) error {
	var nre *routing.NotRoutableError
	switch {
	case errors.As(err, &nre), errors.Is(err, routing.ErrNotRoutable):
		return newProblem(http.StatusUnprocessableEntity, "not-routable", err.Error())
	case errors.Is(err, workday.ErrNotCovered):
		return newProblem(http.StatusUnprocessableEntity, "date-not-covered", err.Error())
	case errors.Is(err, matter.ErrNotFound):
		return newProblem(http.StatusUnprocessableEntity, "matter-unknown", err.Error())
	case errors.Is(err, routing.ErrInvalid), errors.Is(err, matter.ErrInvalid):
		return invalid(err.Error())
	}
	return err
}

// canSeeApplication: a citizen their own; a clerk or city admin those
// made or decided in their jurisdiction; the province and auditors all.
func canSeeApplication(p *principal, a *matter.Application) bool {
	switch p.Role {
	case roleCitizen:
		return a.Applicant.SubjectID == p.Subject
	case roleProvince, roleAuditor:
		return true
	case roleClerk, roleCity:
		if p.covers(a.Division) {
			return true
		}
		for _, part := range a.Parts {
			if p.covers(part.Office.Division) {
				return true
			}
		}
	}
	return false
}

func (s *server) getApplication(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	id, err := uuid.Parse(r.PathValue("id"))
	if err != nil {
		writeProblem(w, r, newProblem(http.StatusNotFound, "not-found", "no application "+r.PathValue("id")))
		return
	}
	a, err := s.matters.GetApplication(r.Context(), id)
	if errors.Is(err, matter.ErrNotFound) || (err == nil && !canSeeApplication(p, a)) {
		// Not one's own looks like nothing at all.
		writeProblem(w, r, newProblem(http.StatusNotFound, "not-found", "no application "+id.String()))
		return
	}
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

type routeRequest struct {
	Matter    string        `json:"matter"`
	Applicant applicantJSON `json:"applicant"`
	At        atJSON        `json:"at"`
	// Time is when the application is received; default now.
	Time *time.Time `json:"time,omitempty"`
}

// postRoute routes one matter request. It creates nothing.
func (s *server) postRoute(w http.ResponseWriter, r *http.Request) {
	var req routeRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, err)
		return
	}
	var issues []fieldIssue
	at, err := division.Parse(req.At.Division)
	if err != nil {
		issues = append(issues, issue("/at/division", "division.invalid", err.Error()))
	}
	if !slices.Contains(matter.Channels(), matter.Channel(req.At.Channel)) {
		issues = append(issues, issue("/at/channel", "channel.invalid", "unknown channel"))
	}
	if _, ok := s.catalog().Matter(req.Matter); !ok {
		issues = append(issues, issue("/matter", "matter.unknown", "no matter "+req.Matter))
	}
	ra := routing.Applicant{Audience: req.Applicant.Audience}
	for _, f := range []struct {
		v   string
		dst *division.Code
		ptr string
	}{{req.Applicant.Domicile, &ra.Domicile, "/applicant/domicile"}, {req.Applicant.Registration, &ra.Registration, "/applicant/registration"}} {
		if f.v == "" {
			continue
		}
		d, err := division.Parse(f.v)
		if err != nil {
			issues = append(issues, issue(f.ptr, "division.invalid", err.Error()))
		}
		*f.dst = d
	}
	for i, in := range req.Applicant.Insurance {
		d, err := division.Parse(in.Division)
		if err != nil || in.Months < 0 {
			issues = append(issues, issue("/applicant/insurance/"+itoa(i), "insurance.invalid", "a division code and months ≥ 0"))
			continue
		}
		ra.Insurance = append(ra.Insurance, routing.Insured{Division: d, Months: in.Months})
	}
	if len(issues) > 0 {
		writeProblem(w, r, invalid("bad route request", issues...))
		return
	}
	when := s.now()
	if req.Time != nil {
		when = req.Time.In(matter.CST)
	}
	rt, err := s.router().Route(r.Context(), routing.Request{
		Matter: req.Matter, Applicant: ra, Division: at, Outlet: req.At.Outlet, Channel: matter.Channel(req.At.Channel), At: when,
	})
	if err != nil {
		writeError(w, r, routeProblem(err))
		return
	}
	writeJSON(w, http.StatusOK, rt)
}
