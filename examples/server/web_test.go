package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browser is a cookie-keeping client that does not follow redirects.
type browser struct {
	t *testing.T
	e *testEnv
	c *http.Client
}

func newBrowser(t *testing.T, e *testEnv) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, e: e, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) get(path string) (int, string) {
	b.t.Helper()
	resp, err := b.c.Get(b.e.ts.URL + path)
	require.NoError(b.t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (b *browser) post(path string, form url.Values) (int, string, http.Header) {
	b.t.Helper()
	resp, err := b.c.PostForm(b.e.ts.URL+path, form)
	require.NoError(b.t, err)
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

func (b *browser) signIn(who string) {
	b.t.Helper()
	st, _, h := b.post("/ui/login", url.Values{"token": {b.e.tokens[who]}, "next": {"/ui/"}})
	require.Equal(b.t, http.StatusSeeOther, st)
	c := h.Get("Set-Cookie")
	assert.Contains(b.t, c, "HttpOnly")
	assert.Contains(b.t, c, "SameSite=Strict")
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

// formValues reads the inputs of a rendered apply page: name → value.
var inputRE = regexp.MustCompile(`<input id="[^"]*" name="([^"]+)" type="[^"]*"(?: inputmode="decimal")? value="([^"]*)"`)

func TestWebPagesRender(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	anon := newBrowser(t, e)
	st, body := anon.get("/ui/")
	require.Equal(t, 200, st)
	assert.Contains(t, body, "退休")
	assert.Less(t, strings.Index(body, "h-bundles"), strings.Index(body, "h-matters"), "一件事 first")
	st, body = anon.get("/ui/?q=退休&lang=en")
	require.Equal(t, 200, st)
	assert.Contains(t, body, `lang="en"`)
	assert.Contains(t, body, "SD-YJS-TX")
	st, body = anon.get("/ui/static/site.css")
	require.Equal(t, 200, st)
	assert.Contains(t, body, "--accent")

	cit := newBrowser(t, e)
	cit.signIn("citizen")
	clerk := newBrowser(t, e)
	clerk.signIn("clerk@370100")
	for bd := range e.s.catalog().Bundles() {
		for _, b := range []*browser{anon, cit, clerk} {
			for _, l := range []string{"zh", "en"} {
				st, body := b.get("/ui/bundles/" + bd.Code + "?lang=" + l)
				require.Equal(t, 200, st, bd.Code)
				assert.Contains(t, body, "<fieldset", bd.Code)
				// Every input has its label.
				for _, m := range regexp.MustCompile(`<(?:input|select|textarea) id="([^"]+)"`).FindAllStringSubmatch(body, -1) {
					assert.Contains(t, body, `for="`+m[1]+`"`, "%s: input %s has no label", bd.Code, m[1])
				}
			}
		}
	}
	st, _ = anon.get("/ui/bundles/NOPE")
	assert.Equal(t, 404, st)
}

func TestWebApplyRetirement(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := newBrowser(t, e)
	b.signIn("citizen")
	st, body := b.get("/ui/bundles/SD-YJS-TX")
	require.Equal(t, 200, st)
	assert.Contains(t, body, "王建国", "pre-filled name")
	assert.Contains(t, body, "公安", "the source is shown")
	assert.Regexp(t, `id="f_person_name" name="/person.name" type="text" value="王建国" aria-required="true" readonly`, body)
	m := csrfRE.FindStringSubmatch(body)
	require.NotNil(t, m)
	form := url.Values{"csrf": {m[1]}}
	for _, in := range inputRE.FindAllStringSubmatch(body, -1) {
		form.Set(in[1], in[2])
	}
	for k, v := range map[string]string{
		"/retirement.category": "male", "/retirement.early_type": "normal", "/retirement.date": "2025-02-01",
		"/matters/370003001000/purpose": "退休", "/matters/370015002000/file_keeper": "济南市人才服务中心",
		"/matters/370015002000/deemed_periods": `[{"from":"1983-07","to":"1986-06","employer":"济南示范机械厂"}]`,
		"/person.bank_account":                 "12345",
		"channel":                              "window", "division": "370102", "edit": "/person.bank_account",
	} {
		form.Set(k, v)
	}

	// Without the CSRF token: refused.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("csrf", "00")
	st, _, _ = b.post("/ui/bundles/SD-YJS-TX", bad)
	assert.Equal(t, 403, st)

	st, body, _ = b.post("/ui/bundles/SD-YJS-TX", form)
	require.Equal(t, 422, st, body)
	assert.Regexp(t, `id="f_person_bank_account-err"`, body, "the problem is at the bank account")
	assert.Contains(t, body, `value="济南市人才服务中心"`, "typed values are kept")

	form.Set("/person.bank_account", "6217002160001234560")
	st, body, _ = b.post("/ui/bundles/SD-YJS-TX", form)
	if st == 422 {
		// The demo bank account: take what the registry holds, if any.
		t.Log(body)
	}
	require.Equal(t, 201, st)
	assert.Regexp(t, `id="app-id">[0-9a-f-]{36}<`, body)
	assert.Contains(t, body, "370015001000")
}

func TestWebCSRFAndSession(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := newBrowser(t, e)
	// No session: the form is refused.
	st, _, _ := b.post("/ui/bundles/SD-YJS-TX", url.Values{"csrf": {"x"}})
	assert.Equal(t, 403, st)
	st, body, _ := b.post("/ui/login", url.Values{"token": {"nope-nope-nope-nope"}})
	assert.Equal(t, 401, st)
	assert.Contains(t, body, "令牌无效")
	// An off-site next is not followed.
	_, _, h := b.post("/ui/login", url.Values{"token": {e.tokens["citizen"]}, "next": {"//evil.example/"}})
	assert.Equal(t, "/ui/", h.Get("Location"))

	// Signed in: sign-out needs the token too.
	st, body = b.get("/ui/?q=退休")
	require.Equal(t, 200, st)
	assert.Contains(t, body, `href="/ui/?lang=en&amp;q=%E9%80%80%E4%BC%91"`, "the language switch keeps the query")
	st, _, _ = b.post("/ui/logout", url.Values{"csrf": {"bad"}})
	assert.Equal(t, 403, st)
	st, _, h = b.post("/ui/logout", url.Values{"csrf": {csrfRE.FindStringSubmatch(body)[1]}})
	assert.Equal(t, 303, st)
	assert.Contains(t, h.Get("Set-Cookie"), "Max-Age=0")
	// Another session's CSRF token does not fit this one.
	other := newBrowser(t, e)
	other.signIn("citizen2")
	_, ob := other.get("/ui/bundles/SD-YJS-TX")
	b.signIn("citizen")
	st, _, _ = b.post("/ui/bundles/SD-YJS-TX", url.Values{"csrf": {csrfRE.FindStringSubmatch(ob)[1]}})
	assert.Equal(t, 403, st)
}

// A clerk applies at the window on behalf of 王建国: the channel is the
// window and the division the clerk's.
func TestWebClerkMode(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	b := newBrowser(t, e)
	b.signIn("clerk@370100")
	st, body := b.get("/ui/bundles/SD-YJS-TX?subject=370102196501151237")
	require.Equal(t, 200, st)
	assert.Contains(t, body, "窗口代办")
	assert.Contains(t, body, `value="王建国"`)
	form := url.Values{"csrf": {csrfRE.FindStringSubmatch(body)[1]}, "subject": {"370102196501151237"}}
	for _, in := range inputRE.FindAllStringSubmatch(body, -1) {
		form.Set(in[1], in[2])
	}
	for k, v := range map[string]string{
		"/retirement.category": "male", "/retirement.early_type": "normal", "/retirement.date": "2025-02-01",
		"/matters/370003001000/purpose": "退休", "/matters/370015002000/file_keeper": "济南市人才服务中心",
		"/matters/370015002000/deemed_periods": `[{"from":"1983-07","to":"1986-06","employer":"济南示范机械厂"}]`,
		"channel":                              "web", // ignored for a clerk
	} {
		form.Set(k, v)
	}
	// Not the clerk's city: refused by the API's own check.
	form.Set("division", "370202")
	st, body, _ = b.post("/ui/bundles/SD-YJS-TX", form)
	require.Equal(t, 403, st)
	assert.Contains(t, body, "takes applications only there")
	form.Set("division", "370102")
	st, body, _ = b.post("/ui/bundles/SD-YJS-TX", form)
	require.Equal(t, 201, st, body)
	id := regexp.MustCompile(`id="app-id">([0-9a-f-]{36})<`).FindStringSubmatch(body)[1]
	app, err := e.s.matters.GetApplication(t.Context(), uuidMust(t, id))
	require.NoError(t, err)
	assert.Equal(t, "window", string(app.Channel))
	assert.Equal(t, "370102", string(app.Division))
}

func uuidMust(t *testing.T, s string) uuid.UUID {
	t.Helper()
	id, err := uuid.Parse(s)
	require.NoError(t, err)
	return id
}

// The pages are not API routes: none is under /v1 or in the OpenAPI
// document, which TestOpenAPIMatchesRoutes holds to the API's table.
func TestWebRoutesApart(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	api := map[string]bool{}
	for _, rt := range e.s.routes() {
		api[rt.path] = true
	}
	for _, rt := range e.s.webRoutes() {
		assert.False(t, strings.HasPrefix(rt.path, "/v1/"), rt.path)
		assert.False(t, api[rt.path], rt.path)
		_, documented := operations[rt.method+" "+rt.path]
		assert.False(t, documented, rt.path)
	}
	// An unknown API path is still a problem document, not a page.
	st, h, b := e.call("GET", "/v1/nothing", "", nil)
	requireProblem(t, st, h, b, 404, "no-route")
}
