package main

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

func etag(version int) string { return `"` + strconv.Itoa(version) + `"` }

// ifMatch reads a version from If-Match ("3", W/"3" or 3); ok is false
// without the header.
func ifMatch(r *http.Request) (version int, ok bool, err error) {
	h := strings.TrimSpace(r.Header.Get("If-Match"))
	if h == "" {
		return 0, false, nil
	}
	h = strings.Trim(strings.TrimPrefix(h, "W/"), `"`)
	v, err := strconv.Atoi(h)
	if err != nil || v < 0 {
		return 0, true, newProblem(http.StatusBadRequest, "if-match-invalid", "If-Match holds the version, as the ETag gave it")
	}
	return v, true, nil
}

func (s *server) overlayTarget(r *http.Request) (division.Code, *matter.Matter, error) {
	d, err := division.Parse(r.PathValue("division"))
	if err != nil {
		return "", nil, newProblem(http.StatusNotFound, "not-found", "bad division code: "+err.Error())
	}
	if _, ok := division.Lookup(d); !ok {
		return "", nil, newProblem(http.StatusNotFound, "not-found", "no division "+string(d))
	}
	code := r.PathValue("code")
	base, ok := s.catalog().Matter(code)
	if !ok {
		return "", nil, newProblem(http.StatusNotFound, "matter-not-found", "no matter "+code+" in the catalog")
	}
	return d, base, nil
}

func (s *server) getOverlay(w http.ResponseWriter, r *http.Request) {
	d, base, err := s.overlayTarget(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	o, err := s.matters.GetOverlay(r.Context(), base.Code, d)
	if errors.Is(err, matter.ErrNotFound) {
		writeProblem(w, r, newProblem(http.StatusNotFound, "not-found", "no overlay of "+base.Code+" for "+string(d)))
		return
	}
	if err != nil {
		writeError(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(o.Version))
	writeJSON(w, http.StatusOK, o)
}

// putOverlay writes a city's or county's implementation list entry (实施清单)
// for a matter: a city admin for a division of their city, the province for
// any. An overlay that breaks "same matter, same standard" is a 422 naming
// every field. The version expected comes from If-Match, else the body's
// version (0 creates).
func (s *server) putOverlay(w http.ResponseWriter, r *http.Request) {
	p, err := needRole(r, roleCity, roleProvince)
	if err != nil {
		writeError(w, r, err)
		return
	}
	d, base, err := s.overlayTarget(r)
	if err != nil {
		writeError(w, r, err)
		return
	}
	if !p.covers(d) {
		writeProblem(w, r, forbidden("a "+string(p.Role)+" of "+string(p.Division)+" may not change the implementation list of "+string(d)))
		return
	}
	var o matter.Overlay
	if err := decodeJSON(w, r, &o); err != nil {
		writeError(w, r, err)
		return
	}
	var issues []fieldIssue
	if o.Matter != "" && o.Matter != base.Code {
		issues = append(issues, issue("/matter", "mismatch", "the body names matter "+o.Matter+", the path "+base.Code))
	}
	if o.Division != "" && o.Division != d {
		issues = append(issues, issue("/division", "mismatch", "the body names division "+string(o.Division)+", the path "+string(d)))
	}
	if len(issues) > 0 {
		writeProblem(w, r, invalid("the overlay does not match its path", issues...))
		return
	}
	o.Matter, o.Division = base.Code, d
	if err := o.Check(base); err != nil {
		writeError(w, r, violationProblem(err))
		return
	}
	// The whole catalog must still build with the new overlay.
	c := s.catalog().Contents()
	replaced := false
	for i, x := range c.Overlays {
		if x.Matter == o.Matter && x.Division == o.Division {
			c.Overlays[i], replaced = &o, true
		}
	}
	if !replaced {
		c.Overlays = append(c.Overlays, &o)
	}
	if _, err := matter.Build(c); err != nil {
		writeError(w, r, violationProblem(err))
		return
	}
	expect := o.Version
	if v, ok, err := ifMatch(r); err != nil {
		writeError(w, r, err)
		return
	} else if ok {
		expect = v
	}
	v, err := s.matters.PutOverlay(r.Context(), &o, expect)
	if errors.Is(err, matter.ErrConflict) {
		status := http.StatusConflict
		if r.Header.Get("If-Match") != "" {
			status = http.StatusPreconditionFailed
		}
		cur := 0
		if old, err := s.matters.GetOverlay(r.Context(), o.Matter, d); err == nil {
			cur = old.Version
		}
		prob := newProblem(status, "version-conflict", "the overlay is at version "+strconv.Itoa(cur)+", not "+strconv.Itoa(expect))
		prob.Extra = map[string]any{"current_version": cur}
		writeProblem(w, r, prob)
		return
	}
	if err != nil {
		writeError(w, r, violationProblem(err))
		return
	}
	if err := s.rebuild(r.Context()); err != nil {
		writeError(w, r, err)
		return
	}
	s.log.Info("overlay written", "matter", o.Matter, "division", d, "version", v, "who", p.Name)
	o.Version = v
	w.Header().Set("ETag", etag(v))
	status := http.StatusOK
	if v == 1 {
		status = http.StatusCreated
	}
	writeJSON(w, status, o)
}

// violationProblem turns overlay violations and catalog validation errors
// into a 422 naming every field.
func violationProblem(err error) error {
	var ve *matter.ViolationError
	var vr *matter.ValidationError
	switch {
	case errors.As(err, &ve):
		p := newProblem(http.StatusUnprocessableEntity, "overlay-violation", "同一事项、同一标准: the overlay changes what only the base catalog may")
		for _, v := range ve.Violations {
			p.Problems = append(p.Problems, fieldIssue{
				Pointer: v.Field, Code: "overlay.violation",
				Message: &form.Text{ZH: v.ZH, EN: v.EN}, Detail: "base " + v.Base + ", local " + v.Local,
			})
		}
		return p
	case errors.As(err, &vr):
		p := newProblem(http.StatusUnprocessableEntity, "invalid", "the catalog would not validate")
		for _, x := range vr.Problems {
			p.Problems = append(p.Problems, fieldIssue{Pointer: x.Pointer, Code: x.Rule, Message: &form.Text{ZH: x.ZH, EN: x.EN}, Detail: x.Subject})
		}
		return p
	case errors.Is(err, matter.ErrInvalid):
		return invalid(err.Error())
	}
	return err
}
