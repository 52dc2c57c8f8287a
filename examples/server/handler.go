package main

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/onething-gov/onething/standards/division"
)

func newHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{
			"status": "ok",
			"note":   "placeholder server: only /healthz and /v1/divisions/{code} are served until the reference server lands",
		})
	})
	mux.HandleFunc("GET /v1/divisions/{code}", getDivision)
	return mux
}

type divisionJSON struct {
	Code       division.Code   `json:"code"`
	Name       string          `json:"name"`
	Level      string          `json:"level"`
	Parent     division.Code   `json:"parent,omitempty"`
	Retired    bool            `json:"retired,omitempty"`
	Successors []division.Code `json:"successors,omitempty"`
}

func getDivision(w http.ResponseWriter, r *http.Request) {
	c, err := division.Parse(r.PathValue("code"))
	if err != nil {
		writeProblem(w, http.StatusBadRequest, "invalid-division", err)
		return
	}
	d, ok := division.Lookup(c)
	if !ok {
		writeProblem(w, http.StatusNotFound, "unknown-division", errors.New("division "+string(c)+" is not in the GB/T 2260 table"))
		return
	}
	writeJSON(w, http.StatusOK, divisionJSON{
		Code: d.Code, Name: d.Name, Level: d.Level.String(), Parent: d.Code.Parent(),
		Retired: d.Retired, Successors: d.Successors,
	})
}

// writeProblem writes an RFC 9457 problem document with a stable type code.
func writeProblem(w http.ResponseWriter, status int, code string, err error) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"type":   "urn:onething:problem:" + code,
		"title":  http.StatusText(status),
		"status": status,
		"detail": err.Error(),
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
