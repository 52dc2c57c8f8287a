package main

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// parseDivision reads a division code from a query or path value.
func parseDivision(s, ptr string) (division.Code, error) {
	d, err := division.Parse(s)
	if err != nil {
		return "", invalid("bad division code", issue(ptr, "division.invalid", err.Error()))
	}
	return d, nil
}

// matterSummary is a matter in a listing.
type matterSummary struct {
	Code       string            `json:"code"`
	Name       string            `json:"name"`
	Kind       matter.Kind       `json:"kind"`
	KindName   string            `json:"kind_name"`
	Body       matter.Department `json:"body"`
	Audience   []matter.Audience `json:"audience"`
	Reach      matter.Reach      `json:"reach"`
	Visits     int               `json:"visits"`
	Tags       []string          `json:"tags,omitempty"`
	Promised   matter.TimeLimit  `json:"promised_limit"`
	Statutory  matter.TimeLimit  `json:"statutory_limit"`
	FormSchema string            `json:"form,omitempty"`
}

func summarize(m *matter.Matter) matterSummary {
	return matterSummary{
		Code: m.Code, Name: m.Name, Kind: m.Kind, KindName: m.Kind.String(), Body: m.Body,
		Audience: m.Audience, Reach: m.Reach, Visits: m.Visits, Tags: m.Tags,
		Promised: m.PromisedLimit, Statutory: m.StatutoryLimit, FormSchema: m.Form,
	}
}

// listMatters lists the catalog's matters, filtered by department (credit
// code), division, kind (national number) and tag; with q, it searches
// (matters and bundles, ranked) instead.
func (s *server) listMatters(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	cat := s.catalog()
	var f matter.MatterFilter
	var issues []fieldIssue
	f.Department = q.Get("department")
	f.Tag = q.Get("tag")
	if v := q.Get("division"); v != "" {
		d, err := division.Parse(v)
		if err != nil {
			issues = append(issues, issue("?division", "division.invalid", err.Error()))
		}
		f.Division = d
	}
	if v := q.Get("kind"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || !matter.Kind(n).Valid() {
			issues = append(issues, issue("?kind", "kind.invalid", "kind is a national kind number: 1–10 or 20"))
		}
		f.Kind = matter.Kind(n)
	}
	limit := 0
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 1000 {
			issues = append(issues, issue("?limit", "limit.invalid", "limit is 1 to 1000"))
		}
		limit = n
	}
	if len(issues) > 0 {
		writeProblem(w, r, invalid("bad query", issues...))
		return
	}
	if text := q.Get("q"); text != "" {
		var hits []matter.Hit
		for _, h := range cat.Search(text, 0) {
			if !h.Bundle {
				m, ok := cat.Matter(h.Code)
				if !ok || !f.Match(m) {
					continue
				}
			} else if f != (matter.MatterFilter{}) {
				continue
			}
			hits = append(hits, h)
			if limit > 0 && len(hits) == limit {
				break
			}
		}
		writeJSON(w, http.StatusOK, map[string]any{"query": text, "hits": orEmpty(hits)})
		return
	}
	var items []matterSummary
	for m := range cat.Matters() {
		if f.Match(m) {
			items = append(items, summarize(m))
			if limit > 0 && len(items) == limit {
				break
			}
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": orEmpty(items)})
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// getMatter returns a matter; with ?division= its implementation there (the
// base with the implementation lists applied).
func (s *server) getMatter(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	cat := s.catalog()
	if v := r.URL.Query().Get("division"); v != "" {
		d, err := parseDivision(v, "?division")
		if err != nil {
			writeError(w, r, err)
			return
		}
		m, err := cat.Resolve(code, d)
		if err != nil {
			writeError(w, r, notFoundOr(err, "matter "+code))
			return
		}
		writeJSON(w, http.StatusOK, m)
		return
	}
	m, ok := cat.Matter(code)
	if !ok {
		writeProblem(w, r, newProblem(http.StatusNotFound, "matter-not-found", "no matter "+code+" in the catalog"))
		return
	}
	writeJSON(w, http.StatusOK, m)
}

// notFoundOr maps ErrNotFound to a 404 naming what, and other library
// errors to a 422.
func notFoundOr(err error, what string) error {
	if errors.Is(err, matter.ErrNotFound) {
		return newProblem(http.StatusNotFound, "not-found", what+" not found")
	}
	if errors.Is(err, matter.ErrInvalid) {
		return invalid(err.Error())
	}
	return err
}

type bundleSummary struct {
	Code    string            `json:"code"`
	Name    string            `json:"name"`
	Lead    matter.Department `json:"lead"`
	Stage   string            `json:"stage,omitempty"`
	Members int               `json:"members"`
}

func (s *server) listBundles(w http.ResponseWriter, r *http.Request) {
	var items []bundleSummary
	for b := range s.catalog().Bundles() {
		items = append(items, bundleSummary{Code: b.Code, Name: b.Name, Lead: b.Lead, Stage: b.Stage, Members: len(b.Members)})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": orEmpty(items)})
}

func (s *server) bundle(r *http.Request) (*matter.Bundle, error) {
	code := r.PathValue("code")
	b, ok := s.catalog().Bundle(code)
	if !ok {
		return nil, newProblem(http.StatusNotFound, "bundle-not-found", "no bundle "+code+" in the catalog")
	}
	return b, nil
}

func (s *server) getBundle(w http.ResponseWriter, r *http.Request) {
	b, err := s.bundle(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"bundle": b, "default": b.Default()})
}

// choicesFromQuery reads bundle choices from a query:
// one_of.<slot>=<member> and include=<member>[,<member>…] (repeatable).
func choicesFromQuery(q url.Values) matter.Choices {
	var c matter.Choices
	for k, vs := range q {
		if slot, ok := strings.CutPrefix(k, "one_of."); ok && len(vs) > 0 {
			if c.OneOf == nil {
				c.OneOf = map[string]string{}
			}
			c.OneOf[slot] = vs[0]
		}
	}
	for _, v := range q["include"] {
		for m := range strings.SplitSeq(v, ",") {
			if m = strings.TrimSpace(m); m != "" && !slices.Contains(c.Include, m) {
				c.Include = append(c.Include, m)
			}
		}
	}
	return c
}

// selectMembers applies choices to a bundle; a bad choice is a 422 at ptr.
func selectMembers(b *matter.Bundle, c matter.Choices, ptr string) (matter.Selection, error) {
	sel, err := b.Select(c)
	if err != nil {
		return sel, invalid("the choices do not fit the bundle", issue(ptr, "choices.invalid", err.Error()))
	}
	return sel, nil
}

// getBundleForm returns the merged JSON Schema (多表合一) of the selection
// the query's choices make.
func (s *server) getBundleForm(w http.ResponseWriter, r *http.Request) {
	b, err := s.bundle(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	sel, err := selectMembers(b, choicesFromQuery(r.URL.Query()), "?one_of")
	if err != nil {
		writeError(w, r, err)
		return
	}
	m, err := s.mergedFor(sel)
	if err != nil {
		writeError(w, r, invalid("the forms of the selection do not merge: "+err.Error()))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/schema+json")
	h.Set("X-Members", strings.Join(sel.Members(), ","))
	h.Set("X-Fields-Before", strconv.Itoa(m.FieldsBefore()))
	h.Set("X-Fields-After", strconv.Itoa(m.FieldsAfter()))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(m.Schema())
}

// getEfficiency compares applying for the selection's members one by one
// with applying for the bundle.
func (s *server) getEfficiency(w http.ResponseWriter, r *http.Request) {
	b, err := s.bundle(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	sel, err := selectMembers(b, choicesFromQuery(r.URL.Query()), "?one_of")
	if err != nil {
		writeError(w, r, err)
		return
	}
	cat := s.catalog()
	e, err := b.Efficiency(sel, func(code string) (*matter.Matter, error) {
		m, ok := cat.Matter(code)
		if !ok {
			return nil, matter.ErrNotFound
		}
		return m, nil
	})
	if err != nil {
		writeError(w, r, invalid(err.Error()))
		return
	}
	if wantsMarkdown(r) {
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		_, _ = w.Write([]byte(e.Markdown()))
		return
	}
	b2, err := e.JSON()
	if err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(b2)
}

func wantsMarkdown(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/markdown")
}
