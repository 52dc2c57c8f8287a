package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/onething-gov/onething/form"
)

// personal names the log attributes that hold personal data; the logger
// masks them whoever logs them.
var personal = map[string]form.Masker{
	"subject":    form.MaskCitizenID,
	"subject_id": form.MaskCitizenID,
	"citizen_id": form.MaskCitizenID,
	"id_number":  form.MaskCitizenID,
	"name":       form.MaskName,
	"phone":      form.MaskMobile,
	"mobile":     form.MaskMobile,
	"address":    form.MaskAddress,
	"token":      form.MaskAll,
}

// newLogger returns a text or JSON logger that masks personal data.
func newLogger(w io.Writer, format string) *slog.Logger {
	opts := &slog.HandlerOptions{ReplaceAttr: maskAttr}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func maskAttr(_ []string, a slog.Attr) slog.Attr {
	if m, ok := personal[a.Key]; ok && a.Value.Kind() == slog.KindString {
		return slog.String(a.Key, m(a.Value.String()))
	}
	return a
}

type statusWriter struct {
	http.ResponseWriter
	status int
	n      int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequests logs each request (path without query: queries may hold
// search text) and turns a panic into a 500 problem.
func (s *server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		who := new(principal)
		r = r.WithContext(context.WithValue(r.Context(), whoKey{}, who))
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				if sw.status == 0 {
					writeProblem(sw, r, newProblem(http.StatusInternalServerError, "internal", "internal error"))
				}
			}
			attrs := []any{"method", r.Method, "path", r.URL.Path, "status", sw.status, "bytes", sw.n, "dur", time.Since(start)}
			if who.Role != "" {
				attrs = append(attrs, "role", who.Role, "who", who.Name)
			}
			s.log.Info("request", attrs...)
		}()
		next.ServeHTTP(sw, r)
	})
}
