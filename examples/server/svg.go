package main

import (
	"fmt"
	"hash/fnv"
	"html/template"
	"strings"

	"github.com/shopspring/decimal"
)

// Charts are drawn on the server as SVG, so that the dashboard needs no
// script and prints as it shows. Each bar and point carries its value in
// data-value, which the tests compare with the scorecards.

// bar is one bar of a bar chart; OK is false for an undefined rate ("—").
type bar struct {
	Label string
	Value decimal.Decimal
	OK    bool
}

func xmlEscape(s string) string {
	var b strings.Builder
	template.HTMLEscape(&b, []byte(s))
	return b.String()
}

// barChart draws percentages (0–100) as horizontal bars.
func barChart(title string, bars []bar) template.HTML {
	const w, rowH, left, right = 480, 28, 120, 60
	h := 30 + rowH*len(bars)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="%d" height="%d" viewBox="0 0 %d %d" aria-labelledby="t%s">`, w, h, w, h, svgID(title))
	fmt.Fprintf(&b, `<title id="t%s">%s</title>`, svgID(title), xmlEscape(title))
	fmt.Fprintf(&b, `<text x="0" y="16" font-size="14" font-weight="bold" fill="#1a1a1a">%s</text>`, xmlEscape(title))
	span := decimal.NewFromInt(w - left - right)
	for i, br := range bars {
		y := 26 + i*rowH
		fmt.Fprintf(&b, `<text x="0" y="%d" font-size="13" fill="#1a1a1a">%s</text>`, y+16, xmlEscape(br.Label))
		if !br.OK {
			fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="13" fill="#4a4a4a" data-value="">—</text>`, left, y+16)
			continue
		}
		bw := br.Value.Mul(span).Div(decimal.NewFromInt(100)).Round(1)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%s" height="%d" fill="#0b4f9c" data-label="%s" data-value="%s"/>`, left, y+4, bw.String(), rowH-10, xmlEscape(br.Label), br.Value.StringFixed(2))
		fmt.Fprintf(&b, `<text x="%s" y="%d" font-size="13" fill="#1a1a1a">%s%%</text>`, bw.Add(decimal.NewFromInt(left+4)).String(), y+16, br.Value.StringFixed(2))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// series is one line of a trend chart: values by month, OK false where
// the rate is undefined.
type series struct {
	Label  string
	Values []bar
}

var palette = []string{"#0b4f9c", "#a4161a", "#1b5e20", "#6a1b9a", "#8a4b00", "#00566b"}

// trendChart draws percentages over months as lines.
func trendChart(title string, months []string, lines []series) template.HTML {
	const w, h, left, top, bottom = 480, 220, 40, 24, 40
	pw, ph := w-left-40, h-top-bottom
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="%d" height="%d" viewBox="0 0 %d %d" aria-labelledby="t%s">`, w, h, w, h, svgID(title))
	fmt.Fprintf(&b, `<title id="t%s">%s</title>`, svgID(title), xmlEscape(title))
	fmt.Fprintf(&b, `<text x="0" y="16" font-size="14" font-weight="bold" fill="#1a1a1a">%s</text>`, xmlEscape(title))
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#4a4a4a"/>`, left, top+ph, left+pw, top+ph)
	for _, pct := range []int{0, 50, 100} {
		y := top + ph - ph*pct/100
		fmt.Fprintf(&b, `<text x="0" y="%d" font-size="11" fill="#4a4a4a">%d%%</text>`, y+4, pct)
	}
	step := 0
	if len(months) > 1 {
		step = pw / (len(months) - 1)
	}
	for i, m := range months {
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="#4a4a4a" text-anchor="middle">%s</text>`, left+i*step, h-20, xmlEscape(m))
	}
	for li, l := range lines {
		col := palette[li%len(palette)]
		var pts []string
		for i, v := range l.Values {
			if !v.OK {
				continue
			}
			y := decimal.NewFromInt(int64(top + ph)).Sub(v.Value.Mul(decimal.NewFromInt(int64(ph))).Div(decimal.NewFromInt(100))).Round(1)
			pts = append(pts, fmt.Sprintf("%d,%s", left+i*step, y.String()))
			fmt.Fprintf(&b, `<circle cx="%d" cy="%s" r="3" fill="%s" data-label="%s" data-month="%s" data-value="%s"/>`, left+i*step, y.String(), col, xmlEscape(l.Label), xmlEscape(months[i]), v.Value.StringFixed(2))
		}
		if len(pts) > 1 {
			fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`, col, strings.Join(pts, " "))
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" font-size="11" fill="%s">%s</text>`, left+li*110, h-4, col, xmlEscape(l.Label))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// svgID is a stable id for a chart's title element.
func svgID(s string) string {
	h := fnv.New64a()
	h.Write([]byte(s))
	return fmt.Sprintf("%016x", h.Sum64())
}
