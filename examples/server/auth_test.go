package main

import (
	"strings"
	"testing"

	"github.com/onething-gov/onething/examples/registry"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTokens(t *testing.T) {
	t.Parallel()
	pop := registry.Demo()
	tk, err := parseTokens([]byte(`{
		"citizen": "demo_0123456789abcdef",
		"citizen2": "demo_1123456789abcdef",
		"clerk@370100": "demo_2123456789abcdef",
		"city-admin@370200": "demo_3123456789abcdef",
		"province-admin": "demo_4123456789abcdef",
		"ops": {"token": "ops_0123456789abcdef", "role": "auditor", "subject": "审计处"}
	}`), pop)
	require.NoError(t, err)
	tests := []struct {
		token, role, division, subject string
	}{
		{"demo_0123456789abcdef", "citizen", "370102", "370102196501151237"},
		{"demo_1123456789abcdef", "citizen", "370202", "370202197501201265"},
		{"demo_2123456789abcdef", "clerk", "370100", "clerk@370100"},
		{"demo_3123456789abcdef", "city-admin", "370200", "city-admin@370200"},
		{"demo_4123456789abcdef", "province-admin", "370000", "province-admin"},
		{"ops_0123456789abcdef", "auditor", "370000", "审计处"},
	}
	for _, tt := range tests {
		p, ok := tk.lookup(tt.token)
		require.True(t, ok, tt.token)
		assert.Equal(t, role(tt.role), p.Role)
		assert.Equal(t, tt.division, string(p.Division))
		assert.Equal(t, tt.subject, p.Subject)
	}
	_, ok := tk.lookup("demo_0123456789abcdeX")
	assert.False(t, ok)

	for name, bad := range map[string]string{
		"short token":  `{"citizen": "x"}`,
		"unknown role": `{"mayor": "demo_0123456789abcdef"}`,
		"clerk no div": `{"clerk": "demo_0123456789abcdef"}`,
		"bad object":   `{"x": {"token": "demo_0123456789abcdef", "role": "king"}}`,
		"duplicate":    `{"citizen": "demo_0123456789abcdef", "auditor": "demo_0123456789abcdef"}`,
		"not json":     `[`,
	} {
		_, err := parseTokens([]byte(bad), pop)
		assert.Error(t, err, name)
	}
	// Outside development mode a citizen token needs an explicit subject.
	_, err = parseTokens([]byte(`{"citizen": "demo_0123456789abcdef"}`), nil)
	assert.Error(t, err)
}

func TestCovers(t *testing.T) {
	t.Parallel()
	city := &principal{Role: roleCity, Division: "370100"}
	assert.True(t, city.covers("370100"))
	assert.True(t, city.covers("370116"))
	assert.False(t, city.covers("370200"))
	assert.False(t, city.covers("370000"))
	assert.False(t, city.covers(""))
	prov := &principal{Role: roleProvince, Division: "370000"}
	assert.True(t, prov.covers("370202"))
	assert.False(t, prov.covers("110000"))
}

func TestBodyLimit(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	huge := `{"bundle":"` + strings.Repeat("x", maxBody+10) + `"}`
	st, h, b := e.call("POST", "/v1/applications", "citizen", huge, "Idempotency-Key", "huge")
	requireProblem(t, st, h, b, 413, "body-too-large")
	st, h, b = e.call("POST", "/v1/routes", "", huge)
	requireProblem(t, st, h, b, 413, "body-too-large")
	st, h, b = e.call("POST", "/v1/routes", "", "x=1", "Content-Type", "text/plain")
	requireProblem(t, st, h, b, 415, "unsupported-media-type")
}
