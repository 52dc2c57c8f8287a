package form_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// valueGen generates JSON values meant to satisfy a JSON Schema, for
// property tests. It knows the keywords the demo and generated forms use;
// a value it cannot make is skipped.
type valueGen struct {
	r *rand.Rand
}

// pool holds strings that satisfy the patterns of real forms.
var pool = []string{
	wangID, "370202197501201265", "11010519491231002X",
	"13905310001", "13806390002", "6217002160001234560", "6228480060012345678",
	"913701001630448842", "9144030071526726XG", "370102", "371702", "K37010001",
	"370100123456", "2025-01", "1983-07", "2024-12", "济南示范机械有限公司", "山东省济南市历下区泉城路1号",
	"/9j/4AAQSkZJRgABAQ==", "a@b.cn",
}

var regexCache = map[string]*regexp.Regexp{}

func matches(pattern, s string) bool {
	re, ok := regexCache[pattern]
	if !ok {
		var err error
		if re, err = regexp.Compile(pattern); err != nil {
			return false
		}
		regexCache[pattern] = re
	}
	return re.MatchString(s)
}

func (g *valueGen) chance(p float64) bool { return g.r.Float64() < p }

func num(v any) (float64, bool) {
	switch n := v.(type) {
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	case float64:
		return n, true
	}
	return 0, false
}

// value makes a value for schema s.
func (g *valueGen) value(s any, depth int) (any, bool) {
	m, ok := s.(map[string]any)
	if !ok {
		return "x", s != false
	}
	if e, ok := m["enum"].([]any); ok && len(e) > 0 {
		return e[g.r.IntN(len(e))], true
	}
	if c, ok := m["const"]; ok {
		return c, true
	}
	typ := "string"
	switch t := m["type"].(type) {
	case string:
		typ = t
	case []any:
		var ts []string
		for _, x := range t {
			if x != "null" {
				ts = append(ts, x.(string))
			}
		}
		if len(ts) > 0 {
			typ = ts[g.r.IntN(len(ts))]
		}
	default:
		if _, ok := m["properties"]; ok {
			typ = "object"
		}
	}
	switch typ {
	case "string":
		return g.str(m)
	case "integer", "number":
		lo, hi := 0.0, 60.0
		if v, ok := num(m["minimum"]); ok {
			lo = v
		}
		if v, ok := num(m["exclusiveMinimum"]); ok {
			lo = v + 1
		}
		if v, ok := num(m["maximum"]); ok {
			hi = v
		}
		if v, ok := num(m["exclusiveMaximum"]); ok {
			hi = v - 1
		}
		if hi < lo {
			return nil, false
		}
		n := lo + float64(g.r.IntN(int(hi-lo)+1))
		if typ == "number" && g.chance(0.3) && n+0.5 <= hi {
			n += 0.5
		}
		return json.Number(strconv.FormatFloat(n, 'f', -1, 64)), true
	case "boolean":
		return g.chance(0.5), true
	case "array":
		lo, hi := 0, 3
		if v, ok := num(m["minItems"]); ok {
			lo = int(v)
		}
		if v, ok := num(m["maxItems"]); ok {
			hi = int(v)
		}
		if hi < lo {
			return nil, false
		}
		n := lo + g.r.IntN(hi-lo+1)
		out := []any{}
		for range n {
			v, ok := g.value(m["items"], depth+1)
			if !ok {
				return nil, false
			}
			if m["uniqueItems"] == true && slices.ContainsFunc(out, func(x any) bool { return fmt.Sprint(x) == fmt.Sprint(v) }) {
				continue
			}
			out = append(out, v)
		}
		if len(out) < lo {
			return nil, false
		}
		return out, true
	case "object":
		return g.object(m, depth+1, 0.5), true
	}
	return nil, false
}

// object makes an object with every required property (mostly) and some
// optional ones.
func (g *valueGen) object(m map[string]any, depth int, optional float64) map[string]any {
	out := map[string]any{}
	props, _ := m["properties"].(map[string]any)
	var req []string
	if r, ok := m["required"].([]any); ok {
		for _, x := range r {
			req = append(req, x.(string))
		}
	}
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := optional
		if slices.Contains(req, k) {
			p = 0.95
		}
		if depth > 6 || !g.chance(p) {
			continue
		}
		if v, ok := g.value(props[k], depth); ok {
			out[k] = v
		}
	}
	return out
}

func (g *valueGen) str(m map[string]any) (any, bool) {
	var patterns []string
	if p, ok := m["pattern"].(string); ok {
		patterns = append(patterns, p)
	}
	if all, ok := m["allOf"].([]any); ok {
		for _, x := range all {
			if p, ok := x.(map[string]any)["pattern"].(string); ok {
				patterns = append(patterns, p)
			}
		}
	}
	minLen, maxLen := 0, 12
	if v, ok := num(m["minLength"]); ok {
		minLen = int(v)
	}
	if v, ok := num(m["maxLength"]); ok {
		maxLen = int(v)
	}
	ok := func(s string) bool {
		n := len([]rune(s))
		if n < minLen || n > maxLen && m["maxLength"] != nil {
			return false
		}
		for _, p := range patterns {
			if !matches(p, s) {
				return false
			}
		}
		return true
	}
	if m["format"] == "date" {
		d := time.Date(1950+g.r.IntN(90), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
		s := d.Format(time.DateOnly)
		return s, ok(s)
	}
	if len(patterns) > 0 || m["format"] != nil {
		var cands []string
		for _, s := range pool {
			if ok(s) && (m["format"] != "email" || strings.Contains(s, "@")) {
				cands = append(cands, s)
			}
		}
		if len(cands) == 0 {
			return nil, false
		}
		return cands[g.r.IntN(len(cands))], true
	}
	if maxLen < minLen {
		return nil, false
	}
	n := minLen + g.r.IntN(min(maxLen, minLen+8)-minLen+1)
	return strings.Repeat("测", n), true
}
