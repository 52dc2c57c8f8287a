package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"golang.org/x/text/language"
)

// The web pages: a small server-rendered interface over the API, for a
// citizen on a phone and a clerk at a 综合窗口. The pages call the API's
// own handlers (see callAPI), so validation and routing have one
// implementation. Web routes are not API routes: they are mounted apart
// from routes() and are not in the OpenAPI document.

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"json": func(v any) string { b, _ := json.Marshal(v); return string(b) },
	// day shows a JSON time as its date (the due dates are midnight CST).
	"day": func(v any) string {
		s, _ := v.(string)
		if len(s) > 10 && s[4] == '-' && s[10] == 'T' {
			return s[:10]
		}
		return s
	},
	"rate": func(c evaluation.Scorecard, m evaluation.Metric) string {
		if rt, ok := c.Rate(m); ok && rt.OK() {
			return rt.Percent().StringFixed(2) + "%"
		}
		return "—"
	},
}).ParseFS(templateFS, "templates/*.html"))

const sessionCookie = "onething_session"

// webRoutes are the pages; they are not part of the API.
func (s *server) webRoutes() []route {
	return []route{
		{"GET", "/{$}", s.pageIndex},
		{"GET", "/ui/", s.pageIndex},
		{"GET", "/ui/bundles/{code}", s.pageApply},
		{"POST", "/ui/bundles/{code}", s.csrf(s.pageSubmit)},
		{"GET", "/ui/login", s.pageLogin},
		{"POST", "/ui/login", s.pageLoginPost},
		{"POST", "/ui/logout", s.csrf(s.pageLogout)},
		{"GET", "/ui/dashboard", s.pageDashboard},
		{"GET", "/ui/dashboard/report/{format}", s.pageReport},
	}
}

func (s *server) mountWeb(mux *http.ServeMux) {
	for _, rt := range s.webRoutes() {
		mux.HandleFunc(rt.method+" "+rt.path, s.webSession(rt.h))
	}
	st, _ := fs.Sub(staticFS, "static")
	mux.Handle("GET /ui/static/", http.StripPrefix("/ui/static/", http.FileServerFS(st)))
}

// webKey signs CSRF tokens; it is per process, so a restart signs anew.
var webKey = func() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return b
}()

// csrfToken is the HMAC of the session token: a form carries it, and a
// cross-site page, which cannot read the cookie, cannot forge it.
func csrfToken(session string) string {
	m := hmac.New(sha256.New, webKey)
	m.Write([]byte("csrf\x00" + session))
	return hex.EncodeToString(m.Sum(nil))
}

// webSession resolves the session cookie into the request's principal.
// A bearer header (already resolved) wins.
func (s *server) webSession(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		if _, ok := principalFrom(r.Context()); !ok {
			if c, err := r.Cookie(sessionCookie); err == nil {
				if p, ok := s.tokens.lookup(c.Value); ok {
					r = r.WithContext(context.WithValue(r.Context(), whoKey{}, p))
				}
			}
		}
		next(w, r)
	}
}

// csrf rejects a state-changing form without the session's CSRF token.
func (s *server) csrf(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(sessionCookie)
		if err != nil || !hmac.Equal([]byte(r.PostFormValue("csrf")), []byte(csrfToken(c.Value))) {
			s.renderError(w, r, http.StatusForbidden, "表单已过期或来源不明，请重新打开页面。", "The form is stale or from another site; open the page again.")
			return
		}
		next(w, r)
	}
}

// lang is the page language: ?lang=, else the lang cookie, else zh.
func lang(w http.ResponseWriter, r *http.Request) string {
	l := r.URL.Query().Get("lang")
	if l == "zh" || l == "en" {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/", SameSite: http.SameSiteStrictMode, HttpOnly: true})
		return l
	}
	if c, err := r.Cookie("lang"); err == nil && c.Value == "en" {
		return "en"
	}
	return "zh"
}

// page is what every template gets.
type page struct {
	Lang    string
	Title   string
	Who     *principal
	CSRF    string
	Path    string
	Query   string
	Message string
	Data    any
	query   url.Values
}

func (p page) T(zh, en string) string {
	if p.Lang == "en" {
		return en
	}
	return zh
}

// LangURL is the current page in the other language, its query kept.
func (p page) LangURL(l string) string {
	q := p.query
	if q == nil {
		q = url.Values{}
	}
	q = maps.Clone(q)
	q.Set("lang", l)
	return p.Path + "?" + q.Encode()
}

func (p page) Text(t form.Text) string {
	if p.Lang == "en" {
		return t.In(language.English)
	}
	return t.In(language.Chinese)
}

func (s *server) newPage(w http.ResponseWriter, r *http.Request, zh, en string) page {
	pg := page{Lang: lang(w, r), Path: r.URL.Path, query: r.URL.Query()}
	pg.Title = pg.T(zh, en)
	if p, ok := principalFrom(r.Context()); ok {
		pg.Who = p
		if c, err := r.Cookie(sessionCookie); err == nil {
			pg.CSRF = csrfToken(c.Value)
		}
	}
	return pg
}

func (s *server) render(w http.ResponseWriter, status int, name string, pg page) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, pg); err != nil {
		s.log.Error("template", "name", name, "err", err)
		http.Error(w, "template error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (s *server) renderError(w http.ResponseWriter, r *http.Request, status int, zh, en string) {
	pg := s.newPage(w, r, "出错了", "Something went wrong")
	pg.Message = pg.T(zh, en)
	s.render(w, status, "error.html", pg)
}

// callAPI runs an API handler in process, as principal p, and returns its
// status and body: the pages' one way to validate, pre-fill and route.
func (s *server) callAPI(ctx context.Context, p *principal, h http.HandlerFunc, method, target string, body any, pathValues ...string) (int, []byte) {
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	if p != nil {
		ctx = context.WithValue(ctx, whoKey{}, p)
	}
	req := httptest.NewRequestWithContext(ctx, method, target, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(pathValues); i += 2 {
		req.SetPathValue(pathValues[i], pathValues[i+1])
	}
	rec := httptest.NewRecorder()
	h(rec, req)
	return rec.Code, rec.Body.Bytes()
}

// ---- sign-in ----

func (s *server) pageLogin(w http.ResponseWriter, r *http.Request) {
	pg := s.newPage(w, r, "登录", "Sign in")
	pg.Data = safeNext(r.URL.Query().Get("next"))
	s.render(w, http.StatusOK, "login.html", pg)
}

// safeNext keeps a redirect on this site.
func safeNext(n string) string {
	if !strings.HasPrefix(n, "/") || strings.HasPrefix(n, "//") || strings.Contains(n, "\\") {
		return "/ui/"
	}
	return n
}

func (s *server) pageLoginPost(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimSpace(r.PostFormValue("token"))
	if _, ok := s.tokens.lookup(tok); !ok {
		pg := s.newPage(w, r, "登录", "Sign in")
		pg.Message = pg.T("令牌无效。", "Unknown token.")
		pg.Data = safeNext(r.PostFormValue("next"))
		s.render(w, http.StatusUnauthorized, "login.html", pg)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
}

func (s *server) pageLogout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/ui/", http.StatusSeeOther)
}

// ---- browse ----

type browseItem struct {
	Code, Name string
	Bundle     bool
	Stage      string
}

func (s *server) pageIndex(w http.ResponseWriter, r *http.Request) {
	pg := s.newPage(w, r, "一件事一次办", "One thing, done once")
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	pg.Query = q
	cat := s.catalog()
	var bundles, matters []browseItem
	if q != "" {
		for _, h := range cat.Search(q, 0) {
			it := browseItem{Code: h.Code, Name: h.Name, Bundle: h.Bundle}
			if h.Bundle {
				bundles = append(bundles, it)
			} else {
				matters = append(matters, it)
			}
		}
	} else {
		for b := range cat.Bundles() {
			bundles = append(bundles, browseItem{Code: b.Code, Name: b.Name, Bundle: true, Stage: b.Stage})
		}
		for m := range cat.Matters() {
			matters = append(matters, browseItem{Code: m.Code, Name: m.Name})
		}
	}
	pg.Data = map[string]any{"Bundles": bundles, "Matters": matters}
	s.render(w, http.StatusOK, "index.html", pg)
}

// ---- apply ----

// webField is one input of the merged form.
type webField struct {
	ID, Name, Label string
	Pointer         string
	Type            string // text, number, date, select, checkbox, json
	Options         []string
	Required        bool
	Value           string
	Source          string
	Trust           string
	ReadOnly        bool
	Editing         bool // a trusted value the applicant chose to correct
	Problems        []string
	Members         []string
}

type webSection struct {
	Matter, Title string
	Fields        []*webField
}

type webMaterial struct {
	Name    string
	Need    string
	Members []string
	Waived  bool
}

type applyData struct {
	Bundle    *matter.Bundle
	Sections  []webSection
	Materials []webMaterial
	Clerk     bool
	Subject   string
	Division  string
	Problems  []string // not at any field
	Failures  []string
	Channel   string
	Channels  []string
}

var idUnsafe = regexp.MustCompile(`[^A-Za-z0-9_-]`)

// fieldID is the input id of a merged pointer: problems at the pointer are
// shown next to that input.
func fieldID(ptr string) string { return "f" + idUnsafe.ReplaceAllString(ptr, "_") }

// schemaAt finds a field's schema in the merged schema.
func schemaAt(root map[string]any, ptr string) map[string]any {
	cur := root
	for _, seg := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		props, _ := cur["properties"].(map[string]any)
		next, _ := props[seg].(map[string]any)
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}

func inputType(sc map[string]any) (string, []string) {
	if sc == nil {
		return "text", nil
	}
	if enum, ok := sc["enum"].([]any); ok {
		var opts []string
		for _, e := range enum {
			if s, ok := e.(string); ok {
				opts = append(opts, s)
			}
		}
		return "select", opts
	}
	switch sc["type"] {
	case "integer", "number":
		return "number", nil
	case "boolean":
		return "checkbox", nil
	case "array", "object":
		return "json", nil
	}
	if sc["format"] == "date" {
		return "date", nil
	}
	return "text", nil
}

func valueString(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// applyState builds the form of a bundle for the principal: the default
// selection, pre-filled through the API's prefill handler.
func (s *server) applyState(r *http.Request, pg page, b *matter.Bundle, subject string) (*applyData, *form.Merged, error) {
	sel := b.Default()
	m, err := s.mergedFor(sel)
	if err != nil {
		return nil, nil, err
	}
	var root map[string]any
	_ = json.Unmarshal(m.Schema(), &root)
	d := &applyData{Bundle: b, Subject: subject, Channel: "web"}
	for _, c := range matter.Channels() {
		d.Channels = append(d.Channels, string(c))
	}
	if pg.Who != nil {
		d.Clerk = pg.Who.Role == roleClerk
		d.Division = string(pg.Who.Division)
	}
	// Pre-fill as the API does, when someone is signed in.
	var pre struct {
		Prefilled form.Prefilled `json:"prefilled"`
		Failures  []string       `json:"failures"`
	}
	if pg.Who != nil && (pg.Who.Role == roleCitizen || (pg.Who.Role == roleClerk && subject != "")) {
		st, body := s.callAPI(r.Context(), pg.Who, s.prefill, "POST", "/v1/bundles/"+b.Code+"/prefill", prefillRequest{Subject: subject}, "code", b.Code)
		if st == http.StatusOK {
			dec := json.NewDecoder(bytes.NewReader(body))
			dec.UseNumber()
			_ = dec.Decode(&pre)
		} else {
			d.Problems = append(d.Problems, problemText(pg, body))
		}
		d.Failures = pre.Failures
	}
	filled := map[string]form.Filled{}
	for _, f := range pre.Prefilled.Fields {
		filled[f.Pointer] = f
	}
	for _, sec := range m.Sections() {
		ws := webSection{Matter: sec.Matter, Title: sec.Title}
		for _, ptr := range sec.Fields {
			f, _ := m.Field(ptr)
			typ, opts := inputType(schemaAt(root, ptr))
			wf := &webField{ID: fieldID(ptr), Name: ptr, Pointer: ptr, Label: pg.Text(f.Label), Type: typ, Options: opts, Required: f.Required, Members: f.Members}
			if fl, ok := filled[ptr]; ok {
				wf.Value = valueString(fl.Value.Value)
				wf.Source = fl.Value.Source
				wf.Trust = string(fl.Value.Trust)
				wf.ReadOnly = fl.Value.Trusted() && !fl.Conflicting()
			}
			ws.Fields = append(ws.Fields, wf)
		}
		d.Sections = append(d.Sections, ws)
	}
	waived := map[string]bool{}
	for _, wv := range pre.Prefilled.Waived {
		if wv.Complete {
			waived[wv.Material] = true
		}
	}
	for _, mt := range m.Materials() {
		d.Materials = append(d.Materials, webMaterial{Name: mt.Name, Need: string(mt.Need), Members: mt.MemberCodes(), Waived: waived[mt.Type]})
	}
	return d, m, nil
}

func problemText(pg page, body []byte) string {
	var p problem
	if json.Unmarshal(body, &p) != nil {
		return string(body)
	}
	msg := p.Detail
	for _, is := range p.Problems {
		if is.Message != nil {
			msg += "; " + pg.Text(*is.Message)
		} else if is.Detail != "" {
			msg += "; " + is.Pointer + ": " + is.Detail
		}
	}
	return msg
}

func (s *server) pageApply(w http.ResponseWriter, r *http.Request) {
	b, ok := s.catalog().Bundle(r.PathValue("code"))
	if !ok {
		s.renderError(w, r, http.StatusNotFound, "没有这件事。", "No such bundle.")
		return
	}
	pg := s.newPage(w, r, b.Name, b.Name)
	d, _, err := s.applyState(r, pg, b, r.URL.Query().Get("subject"))
	if err != nil {
		s.renderError(w, r, http.StatusInternalServerError, err.Error(), err.Error())
		return
	}
	pg.Data = d
	s.render(w, http.StatusOK, "apply.html", pg)
}

// setPointer puts v at a merged pointer of answers.
func setPointer(a map[string]any, ptr string, v any) {
	segs := strings.Split(strings.TrimPrefix(ptr, "/"), "/")
	cur := a
	for _, seg := range segs[:len(segs)-1] {
		next, ok := cur[seg].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[seg] = next
		}
		cur = next
	}
	cur[segs[len(segs)-1]] = v
}

type resultData struct {
	ID     string
	Status string
	Bundle *matter.Bundle
	Routes []json.RawMessage
	Steps  [][]string
	Due    string
	Names  map[string]string
	Parsed []map[string]any
}

func (s *server) pageSubmit(w http.ResponseWriter, r *http.Request) {
	b, ok := s.catalog().Bundle(r.PathValue("code"))
	if !ok {
		s.renderError(w, r, http.StatusNotFound, "没有这件事。", "No such bundle.")
		return
	}
	pg := s.newPage(w, r, b.Name, b.Name)
	if pg.Who == nil || (pg.Who.Role != roleCitizen && pg.Who.Role != roleClerk) {
		s.renderError(w, r, http.StatusForbidden, "请以居民或窗口人员身份登录后申请。", "Sign in as a citizen or a clerk to apply.")
		return
	}
	subject := r.PostFormValue("subject")
	d, m, err := s.applyState(r, pg, b, subject)
	if err != nil {
		s.renderError(w, r, http.StatusInternalServerError, err.Error(), err.Error())
		return
	}
	var root map[string]any
	_ = json.Unmarshal(m.Schema(), &root)
	answers := map[string]any{}
	byPtr := map[string]*webField{}
	var bad []string
	for _, sec := range d.Sections {
		for _, f := range sec.Fields {
			byPtr[f.Pointer] = f
			raw := r.PostFormValue(f.Name)
			if f.ReadOnly {
				if slices.Contains(r.PostForm["edit"], f.Pointer) {
					// The applicant corrects a registry value; the
					// pre-review weighs it against the source.
					f.ReadOnly, f.Editing = false, true
				} else {
					raw = f.Value // a trusted value is the registry's, not the form's
				}
			}
			f.Value = raw
			if raw == "" {
				continue
			}
			var v any = raw
			switch f.Type {
			case "number":
				v = json.Number(raw)
				if !json.Valid([]byte(raw)) {
					bad = append(bad, f.Pointer)
					f.Problems = append(f.Problems, pg.T("请填写数字。", "Enter a number."))
					continue
				}
			case "checkbox":
				v = raw == "true" || raw == "on"
			case "json":
				dec := json.NewDecoder(strings.NewReader(raw))
				dec.UseNumber()
				if err := dec.Decode(&v); err != nil {
					bad = append(bad, f.Pointer)
					f.Problems = append(f.Problems, pg.T("格式不对：请填写 JSON。", "Not valid JSON."))
					continue
				}
			}
			setPointer(answers, f.Pointer, v)
		}
	}
	if len(bad) > 0 {
		pg.Data = d
		s.render(w, http.StatusUnprocessableEntity, "apply.html", pg)
		return
	}
	at := atJSON{Division: r.PostFormValue("division"), Channel: r.PostFormValue("channel")}
	if pg.Who.Role == roleClerk {
		// At the clerk's window: the channel is the window, the division
		// the clerk's (or a district of it; the API refuses any other).
		at.Channel = "window"
		if at.Division == "" {
			at.Division = string(pg.Who.Division)
		}
	} else {
		if at.Division == "" {
			at.Division = string(pg.Who.Division)
		}
		if at.Channel == "" {
			at.Channel = "web"
		}
	}
	d.Division, d.Channel = at.Division, at.Channel
	req := applicationRequest{Bundle: b.Code, At: at, Applicant: applicantJSON{SubjectID: subject}}
	req.Answers, _ = json.Marshal(answers)
	st, body := s.callAPI(r.Context(), pg.Who, s.createApplication, "POST", "/v1/applications", req)
	if st != http.StatusCreated {
		var p problem
		_ = json.Unmarshal(body, &p)
		if len(p.Problems) == 0 {
			d.Problems = append(d.Problems, problemText(pg, body))
		}
		for _, is := range p.Problems {
			msg := is.Detail
			if is.Message != nil {
				msg = pg.Text(*is.Message)
			}
			if f := fieldFor(byPtr, strings.TrimPrefix(is.Pointer, "/answers")); f != nil && strings.HasPrefix(is.Pointer, "/answers/") {
				f.Problems = append(f.Problems, msg)
			} else {
				d.Problems = append(d.Problems, is.Pointer+": "+msg)
			}
		}
		pg.Data = d
		if st < 400 {
			st = http.StatusUnprocessableEntity
		}
		s.render(w, st, "apply.html", pg)
		return
	}
	var resp struct {
		ID     string `json:"id"`
		Status string `json:"status"`
		Routes struct {
			Routes []map[string]any `json:"routes"`
			Due    string           `json:"due"`
		} `json:"routes"`
		Application struct {
			Selection matter.Selection `json:"selection"`
		} `json:"application"`
	}
	_ = json.Unmarshal(body, &resp)
	names := map[string]string{}
	for _, mb := range b.Members {
		if mm, ok := s.catalog().Matter(mb.Matter); ok {
			names[mb.Matter] = mm.Name
		}
	}
	pg.Title = pg.T("已受理", "Accepted") + " · " + b.Name
	pg.Data = resultData{ID: resp.ID, Status: resp.Status, Bundle: b, Due: resp.Routes.Due, Names: names, Parsed: resp.Routes.Routes, Steps: b.Default().Steps}
	s.render(w, http.StatusCreated, "result.html", pg)
}

// fieldFor is the field a problem pointer falls in: the field itself or
// the nearest enclosing one (/matters/X/periods/0/from → /matters/X/periods).
func fieldFor(byPtr map[string]*webField, ptr string) *webField {
	for p := ptr; p != ""; {
		if f, ok := byPtr[p]; ok {
			return f
		}
		i := strings.LastIndex(p, "/")
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return nil
}
