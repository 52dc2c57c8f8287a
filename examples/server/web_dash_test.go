package main

import (
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/onething-gov/onething/evaluation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedDashboard makes a month of work in two cities: 王建国's retirement
// in 济南 rated badly, 李秀英's card in 临沂 rated well.
func seedDashboard(t *testing.T, e *testEnv) {
	t.Helper()
	st, _, b := e.call("POST", "/v1/applications", "citizen", retireApplication(), "Idempotency-Key", "d1")
	require.Equal(t, 201, st, string(b))
	app := decode(t, b)
	st, rv := e.rate("citizen", "dr1", app, 1)
	require.Equal(t, 201, st, rv)
	// A 12345 work order in 济南, answered.
	st, _, b = e.call("POST", "/v1/workorders", "clerk@370100", map[string]any{
		"line": "12345", "category": "complaint", "channel": "hotline", "division": "370102",
		"matter": "370015001000", "summary": "退休待遇核定进度咨询无人答复",
		"caller": map[string]any{"name": "王建国", "phone": "13905310001"}, "confidential": true,
	}, "Idempotency-Key", "dw1")
	require.Equal(t, 201, st, string(b))
	wo := decode(t, b)["id"].(string)
	unit := app["application"].(map[string]any)["parts"].([]any)[0].(map[string]any)["office"]
	for i, s := range []map[string]any{{"step": "dispatch", "unit": unit}, {"step": "accept"}, {"step": "reply", "text": "已核定，待遇将于下月发放"}} {
		st, _, b = e.call("POST", "/v1/workorders/"+wo+"/events", "city-admin@370100", s, "Idempotency-Key", "dwe"+string(rune('0'+i)))
		require.Equal(t, 200, st, string(b))
	}
	st, _, b = e.call("POST", "/v1/applications", "citizen2", cardApplication(), "Idempotency-Key", "d2")
	require.Equal(t, 201, st, string(b))
	st, rv = e.rate("citizen2", "dr2", decode(t, b), 5)
	require.Equal(t, 201, st, rv)
}

var svgRE = regexp.MustCompile(`(?s)<svg .*?</svg>`)

type svgDoc struct {
	Rects []struct {
		Label string `xml:"data-label,attr"`
		Value string `xml:"data-value,attr"`
	} `xml:"rect"`
	Circles []struct {
		Label string `xml:"data-label,attr"`
		Value string `xml:"data-value,attr"`
	} `xml:"circle"`
}

func TestWebDashboard(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	seedDashboard(t, e)

	// Citizens and clerks are turned away; nobody signed in is sent to sign in.
	anon := newBrowser(t, e)
	st, _ := anon.get("/ui/dashboard")
	assert.Equal(t, 303, st)
	cit := newBrowser(t, e)
	cit.signIn("citizen")
	st, _ = cit.get("/ui/dashboard")
	assert.Equal(t, 403, st)

	cities := func(body string) []string {
		var cs []string
		for _, m := range regexp.MustCompile(`<tr data-city="(\d+)"`).FindAllStringSubmatch(body, -1) {
			cs = append(cs, m[1])
		}
		return cs
	}
	for _, tc := range []struct {
		who    string
		cities []string
	}{
		{"province-admin", []string{"370100", "371300"}},
		{"auditor", []string{"370100", "371300"}},
		{"city-admin@370100", []string{"370100"}},
		{"city-admin@370200", nil},
	} {
		b := newBrowser(t, e)
		b.signIn(tc.who)
		for _, l := range []string{"zh", "en"} {
			st, body := b.get("/ui/dashboard?month=2026-03&lang=" + l)
			require.Equal(t, 200, st, tc.who)
			assert.Equal(t, tc.cities, cities(body), tc.who)

			// Every chart is well-formed XML, and its bars are the scorecards.
			p, _ := e.s.tokens.lookup(e.tokens[tc.who])
			cards, err := e.s.cityCards(t.Context(), p, evaluation.Month(2026, 3))
			require.NoError(t, err)
			svgs := svgRE.FindAllString(body, -1)
			require.Len(t, svgs, 2*len(dashMetrics))
			for i, svg := range svgs {
				var doc svgDoc
				require.NoError(t, xml.Unmarshal([]byte(svg), &doc), svg)
				if i >= len(dashMetrics) {
					continue // trend lines
				}
				var want []string
				for _, c := range cards {
					if br := rateBar(c.Name, c, dashMetrics[i]); br.OK {
						want = append(want, c.Name+"="+br.Value.StringFixed(2))
					}
				}
				var got []string
				for _, r := range doc.Rects {
					got = append(got, r.Label+"="+r.Value)
				}
				assert.Equal(t, want, got, "%s %s", tc.who, dashMetrics[i])
			}
			if tc.who == "city-admin@370100" {
				assert.NotContains(t, body, "临沂")
			}
		}
		for _, f := range []string{"md", "csv"} {
			resp, err := b.c.Get(e.ts.URL + "/ui/dashboard/report/" + f + "?month=2026-03")
			require.NoError(t, err)
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			require.Equal(t, 200, resp.StatusCode, string(data))
			assert.Contains(t, resp.Header.Get("Content-Disposition"), "report-2026-03."+f)
			if strings.HasPrefix(tc.who, "city-admin") {
				assert.NotContains(t, string(data), "临沂", tc.who)
			} else if f == "md" {
				assert.Contains(t, string(data), "临沂")
			}
		}
	}
	st, _ = newBrowser(t, e).get("/ui/dashboard/report/xls")
	assert.Equal(t, 303, st)
}

// The SVG charts are valid XML for edge cases too.
func TestSVGCharts(t *testing.T) {
	t.Parallel()
	for _, svg := range []string{
		string(barChart(`a<b & "c"`, nil)),
		string(barChart("x", []bar{{Label: "济南<", OK: false}})),
		string(trendChart("t", []string{"2026-01"}, []series{{Label: "&", Values: []bar{{}}}})),
	} {
		var doc svgDoc
		assert.NoError(t, xml.Unmarshal([]byte(svg), &doc), svg)
	}
}
