package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHandler(t *testing.T) {
	h := newHandler()
	tests := []struct {
		name, path string
		status     int
		field      string
		want       any
	}{
		{"health", "/healthz", http.StatusOK, "status", "ok"},
		{"county", "/v1/divisions/370116", http.StatusOK, "name", "莱芜区"},
		{"parent", "/v1/divisions/370116", http.StatusOK, "parent", "370100"},
		{"retired", "/v1/divisions/371200", http.StatusOK, "retired", true},
		{"malformed", "/v1/divisions/37011X", http.StatusBadRequest, "type", "urn:onething:problem:invalid-division"},
		{"unknown", "/v1/divisions/370199", http.StatusNotFound, "type", "urn:onething:problem:unknown-division"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			var body map[string]any
			require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body))
			assert.Equal(t, tt.want, body[tt.field])
		})
	}
}
