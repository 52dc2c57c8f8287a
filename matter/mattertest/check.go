package mattertest

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/onething-gov/onething/matter"
)

// wantErr reports a problem unless err wraps target.
func wantErr(op string, err, target error) error {
	switch {
	case err == nil:
		return fmt.Errorf("%s: no error, want one wrapping %q", op, target)
	case !errors.Is(err, target):
		return fmt.Errorf("%s: error %q does not wrap %q", op, err, target)
	}
	return nil
}

// wantVersion reports a problem unless a write succeeded with version want.
func wantVersion(op string, got int, err error, want int) error {
	switch {
	case err != nil:
		return fmt.Errorf("%s: %w", op, err)
	case got != want:
		return fmt.Errorf("%s: version %d, want %d", op, got, want)
	}
	return nil
}

// collect gathers what seq yields up to and including the first error.
func collect[T any](seq iter.Seq2[T, error]) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, nil
}

// same reports a problem unless want and got have the same JSON form, after
// norm (which may be nil). It names every top-level field that differs.
func same[T any](what string, want, got T, norm func(T) T) error {
	if norm != nil {
		want, got = norm(want), norm(got)
	}
	wb, err := json.Marshal(want)
	if err != nil {
		return fmt.Errorf("%s: encoding the expected value: %w", what, err)
	}
	gb, err := json.Marshal(got)
	if err != nil {
		return fmt.Errorf("%s: encoding the stored value: %w", what, err)
	}
	var wm, gm map[string]any
	if json.Unmarshal(wb, &wm) != nil || json.Unmarshal(gb, &gm) != nil {
		if string(wb) != string(gb) {
			return fmt.Errorf("%s: got %s, want %s", what, gb, wb)
		}
		return nil
	}
	var diffs []string
	for _, k := range slices.Sorted(maps.Keys(mergeKeys(wm, gm))) {
		if !reflect.DeepEqual(wm[k], gm[k]) {
			w, _ := json.Marshal(wm[k])
			g, _ := json.Marshal(gm[k])
			diffs = append(diffs, fmt.Sprintf("/%s: got %s, want %s", k, clip(g), clip(w)))
		}
	}
	if len(diffs) > 0 {
		return fmt.Errorf("%s differs from what was stored: %s", what, strings.Join(diffs, "; "))
	}
	return nil
}

func mergeKeys(a, b map[string]any) map[string]bool {
	ks := map[string]bool{}
	for k := range a {
		ks[k] = true
	}
	for k := range b {
		ks[k] = true
	}
	return ks
}

func clip(b []byte) string {
	const max = 160
	if r := []rune(string(b)); len(r) > max {
		return string(r[:max]) + "…"
	}
	return string(b)
}

// normApplication puts an application in the form the kit compares:
// times as UTC instants, so that a store may keep times in another zone or
// drop the monotonic clock reading; empty lists as nil.
func normApplication(a *matter.Application) *matter.Application {
	if a == nil {
		return nil
	}
	c := a.Clone()
	c.SubmittedAt = utc(c.SubmittedAt)
	if len(c.Parts) == 0 {
		c.Parts = nil
	}
	for i := range c.Parts {
		c.Parts[i].DecidedAt = utc(c.Parts[i].DecidedAt)
	}
	if len(c.History) == 0 {
		c.History = nil
	}
	for i := range c.History {
		c.History[i].At = utc(c.History[i].At)
	}
	return c
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Round(0)
}

// codes returns the matter codes of ms.
func codes(ms []*matter.Matter) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Code
	}
	return out
}

// mine keeps the matters whose code starts with the case's namespace.
func (f *fixtures) mine(ms []*matter.Matter) []*matter.Matter {
	return slices.DeleteFunc(ms, func(m *matter.Matter) bool { return !strings.HasPrefix(m.Code, "MT"+f.ns) })
}

// overlayKeys returns "matter@division" for each overlay.
func overlayKeys(os []*matter.Overlay) []string {
	out := make([]string, len(os))
	for i, o := range os {
		out[i] = o.Matter + "@" + string(o.Division)
	}
	return out
}

// ids returns the application IDs as strings.
func ids(as []*matter.Application) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID.String()
	}
	return out
}

// listMattersOp describes a ListMatters call by the filter's set fields.
func listMattersOp(f matter.MatterFilter) string {
	var ps []string
	if f.Department != "" {
		ps = append(ps, "Department "+f.Department)
	}
	if f.Division != "" {
		ps = append(ps, "Division "+string(f.Division))
	}
	if f.Kind != 0 {
		ps = append(ps, fmt.Sprintf("Kind %d", int(f.Kind)))
	}
	if f.Tag != "" {
		ps = append(ps, "Tag "+f.Tag)
	}
	return "ListMatters(" + strings.Join(ps, ", ") + ")"
}

// listApplicationsOp describes a ListApplications call by the filter's set
// fields, the applicant's ID number masked.
func listApplicationsOp(f matter.ApplicationFilter) string {
	var ps []string
	if f.Applicant != "" {
		ps = append(ps, "Applicant "+mask(f.Applicant))
	}
	if f.Division != "" {
		ps = append(ps, "Division "+string(f.Division))
	}
	if !f.From.IsZero() {
		ps = append(ps, "From "+f.From.Format(time.RFC3339Nano))
	}
	if !f.To.IsZero() {
		ps = append(ps, "To "+f.To.Format(time.RFC3339Nano))
	}
	if f.Status != "" {
		ps = append(ps, "Status "+string(f.Status))
	}
	return "ListApplications(" + strings.Join(ps, ", ") + ")"
}

// mask hides the middle of an ID number, as logs must.
func mask(id string) string {
	if len(id) < 10 {
		return strings.Repeat("*", len(id))
	}
	return id[:6] + strings.Repeat("*", len(id)-10) + id[len(id)-4:]
}
