package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

// maxBody is the largest request body the server reads.
const maxBody = 1 << 20

// problem is an RFC 9457 problem document. Code is stable: clients switch
// on it, never on Detail.
type problem struct {
	Type     string         `json:"type"`
	Title    string         `json:"title"`
	Status   int            `json:"status"`
	Code     string         `json:"code"`
	Detail   string         `json:"detail,omitempty"`
	Instance string         `json:"instance,omitempty"`
	Problems []fieldIssue   `json:"problems,omitempty"`
	Extra    map[string]any `json:"-"`
}

// fieldIssue is one validation problem at a JSON pointer of the request.
type fieldIssue struct {
	Pointer  string     `json:"pointer"`
	Code     string     `json:"code"`
	Severity string     `json:"severity,omitempty"`
	Matters  []string   `json:"matters,omitempty"`
	Message  *form.Text `json:"message,omitempty"`
	Detail   string     `json:"detail,omitempty"`
}

func newProblem(status int, code, detail string) *problem {
	return &problem{
		Type:   "urn:onething:problem:" + code,
		Title:  http.StatusText(status),
		Status: status,
		Code:   code,
		Detail: detail,
	}
}

func (p *problem) Error() string { return p.Code + ": " + p.Detail }

// withIssues adds field problems.
func (p *problem) withIssues(is ...fieldIssue) *problem {
	p.Problems = append(p.Problems, is...)
	return p
}

func (p *problem) MarshalJSON() ([]byte, error) {
	type plain problem
	b, err := json.Marshal((*plain)(p))
	if err != nil || len(p.Extra) == 0 {
		return b, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range p.Extra {
		if _, ok := m[k]; !ok {
			m[k] = v
		}
	}
	return json.Marshal(m)
}

// writeProblem writes p as application/problem+json.
func writeProblem(w http.ResponseWriter, r *http.Request, p *problem) {
	if r != nil && p.Instance == "" {
		p.Instance = r.URL.Path
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// writeError maps an error to a problem: a *problem as is, library sentinels
// to their stable codes, anything else to 500 without details.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	writeProblem(w, r, toProblem(err))
}

func toProblem(err error) *problem {
	var p *problem
	if errors.As(err, &p) {
		return p
	}
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return newProblem(http.StatusRequestEntityTooLarge, "body-too-large", fmt.Sprintf("the request body exceeds %d bytes", mbe.Limit))
	case errors.Is(err, matter.ErrNotFound):
		return newProblem(http.StatusNotFound, "not-found", err.Error())
	case errors.Is(err, matter.ErrConflict):
		return newProblem(http.StatusConflict, "conflict", err.Error())
	case errors.Is(err, matter.ErrInvalid), errors.Is(err, evaluation.ErrInvalid):
		return newProblem(http.StatusUnprocessableEntity, "invalid", err.Error())
	}
	return newProblem(http.StatusInternalServerError, "internal", "internal error")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// decodeJSON reads one JSON value from the body into v, with the body
// limit, unknown fields refused and trailing data refused. Errors are
// problems pointing at the place in the body: every field that does not
// decode is named.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, _ := strings.Cut(ct, ";")
		mt = strings.TrimSpace(strings.ToLower(mt))
		if mt != "application/json" && !strings.HasSuffix(mt, "+json") {
			return newProblem(http.StatusUnsupportedMediaType, "unsupported-media-type", "send application/json")
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return toProblem(err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		p := jsonProblem(err)
		if p.Status == http.StatusUnprocessableEntity && len(p.Problems) == 1 && p.Problems[0].Code == "decode" {
			// A value a library type refused (a bad code, date or enum):
			// find where, by decoding each field alone.
			if is := probe(reflect.TypeOf(v), body, ""); len(is) > 0 {
				p.Problems = is
			}
		}
		return p
	}
	if _, err := dec.Token(); err != io.EOF {
		return newProblem(http.StatusBadRequest, "malformed-json", "the body must hold exactly one JSON value")
	}
	return nil
}

// probe decodes each member of the JSON object raw alone into a new value
// of type t (a pointer type), descending into objects, and returns an issue
// for each innermost member that fails. The document is at most maxBody
// bytes and probing stops at depth 8.
func probe(t reflect.Type, raw []byte, ptr string) []fieldIssue {
	return probeIn(t, raw, ptr, func(b []byte) []byte { return b }, 0)
}

func probeIn(t reflect.Type, raw []byte, ptr string, wrap func([]byte) []byte, depth int) []fieldIssue {
	var members map[string]json.RawMessage
	if depth > 8 || json.Unmarshal(raw, &members) != nil {
		return nil
	}
	var out []fieldIssue
	for _, k := range slices.Sorted(maps.Keys(members)) {
		key, _ := json.Marshal(k)
		inner := func(b []byte) []byte {
			return wrap(append(append(append([]byte("{"), key...), ':'), append(b, '}')...))
		}
		doc := inner(members[k])
		if err := json.Unmarshal(doc, reflect.New(t.Elem()).Interface()); err == nil {
			continue
		} else if deeper := probeIn(t, members[k], ptr+"/"+escapePointer(k), inner, depth+1); len(deeper) > 0 {
			out = append(out, deeper...)
		} else {
			out = append(out, fieldIssue{Pointer: ptr + "/" + escapePointer(k), Code: "decode", Detail: err.Error()})
		}
	}
	return out
}

// escapePointer escapes a JSON pointer token (RFC 6901).
func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// jsonProblem turns a decoding error into a problem.
func jsonProblem(err error) *problem {
	var (
		mbe *http.MaxBytesError
		se  *json.SyntaxError
		te  *json.UnmarshalTypeError
		p   *problem
	)
	switch {
	case errors.As(err, &p):
		return p
	case errors.As(err, &mbe):
		return toProblem(err)
	case errors.Is(err, io.EOF):
		return newProblem(http.StatusBadRequest, "malformed-json", "the body is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return newProblem(http.StatusBadRequest, "malformed-json", "the body ends inside a JSON value")
	case errors.As(err, &se):
		return newProblem(http.StatusBadRequest, "malformed-json", "malformed JSON at byte "+strconv.FormatInt(se.Offset, 10)+": "+se.Error())
	case errors.As(err, &te):
		ptr := "/" + strings.ReplaceAll(te.Field, ".", "/")
		if te.Field == "" {
			ptr = ""
		}
		return newProblem(http.StatusUnprocessableEntity, "invalid", "wrong type").withIssues(fieldIssue{
			Pointer: ptr, Code: "type", Detail: "expected " + te.Type.String() + ", got JSON " + te.Value,
		})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return newProblem(http.StatusUnprocessableEntity, "invalid", "unknown field").withIssues(fieldIssue{
			Pointer: "/" + name, Code: "unknown-field", Detail: err.Error(),
		})
	}
	// Errors from UnmarshalJSON/UnmarshalText methods of library types
	// (bad codes, dates, enums) and the nesting limit.
	return newProblem(http.StatusUnprocessableEntity, "invalid", "the body does not decode").withIssues(fieldIssue{
		Pointer: "", Code: "decode", Detail: err.Error(),
	})
}

// invalid is a 422 naming the fields.
func invalid(detail string, is ...fieldIssue) *problem {
	return newProblem(http.StatusUnprocessableEntity, "invalid", detail).withIssues(is...)
}

func issue(ptr, code, detail string) fieldIssue {
	return fieldIssue{Pointer: ptr, Code: code, Detail: detail}
}
