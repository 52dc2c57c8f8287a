package matter

import (
	"context"
	"iter"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/standards/division"
)

// Store keeps the catalog and applications of a city system. Implementations
// must be safe for concurrent use. Every method honours ctx: when it is done
// before the work is, the method returns ctx.Err() (possibly wrapped).
//
// Versions: a stored matter, overlay or application carries Version, 1 for
// the first write and one more for each later write. A Put states the version
// it expects to replace: 0 to create, or the current version to update. A
// mismatch (creating what exists, updating what does not, or updating a
// version that is no longer current) returns an error wrapping ErrConflict
// and changes nothing. On success the store sets Version on its copy and
// returns the new version.
//
// Stores keep their own copies: a value passed in or returned may be changed
// by the caller without affecting the store.
//
// matter/mattertest checks every rule documented here.
type Store interface {
	// GetMatter returns the current version of the matter with 基本编码
	// code, or an error wrapping ErrNotFound (also for a retired matter).
	GetMatter(ctx context.Context, code string) (*Matter, error)
	// PutMatter writes m, expecting version expect (0 to create). A matter
	// that fails m.Validate is refused with an error wrapping ErrInvalid.
	PutMatter(ctx context.Context, m *Matter, expect int) (version int, err error)
	// ListMatters yields current matters matching f, in code order.
	ListMatters(ctx context.Context, f MatterFilter) iter.Seq2[*Matter, error]
	// MatterHistory yields every stored version of the matter, oldest first,
	// including those of a retired matter; ErrNotFound if it never existed.
	MatterHistory(ctx context.Context, code string) iter.Seq2[*Matter, error]
	// RetireMatter retires the matter from day on (its Expires is set and it
	// no longer appears in Get or List), expecting version expect. History
	// is kept. ErrNotFound if there is no current matter with that code.
	RetireMatter(ctx context.Context, code string, on Date, expect int) error

	// GetOverlay returns the overlay of a matter for a division, or
	// ErrNotFound.
	GetOverlay(ctx context.Context, matter string, d division.Code) (*Overlay, error)
	// PutOverlay writes an overlay with the same versioning as matters.
	PutOverlay(ctx context.Context, o *Overlay, expect int) (version int, err error)
	// ListOverlays yields the overlays of a division (and of the divisions
	// it contains), ordered by matter code then division. An empty d lists
	// every overlay.
	ListOverlays(ctx context.Context, d division.Code) iter.Seq2[*Overlay, error]

	// CreateApplication stores a new application. Creating is idempotent by
	// id: storing the same id again with an equal application returns its
	// current version and no error; with a different application, an error
	// wrapping ErrConflict. A new application must pass a.Validate.
	CreateApplication(ctx context.Context, a *Application) (version int, err error)
	// GetApplication returns an application by id, or ErrNotFound.
	GetApplication(ctx context.Context, id uuid.UUID) (*Application, error)
	// UpdateApplication writes a changed application expecting version
	// expect; ErrConflict on mismatch, ErrNotFound if it does not exist.
	UpdateApplication(ctx context.Context, a *Application, expect int) (version int, err error)
	// ListApplications yields the applications matching f, oldest
	// submission first (ties by id).
	ListApplications(ctx context.Context, f ApplicationFilter) iter.Seq2[*Application, error]

	// Bundles, negative-list entries and outlets change rarely and are read
	// from catalog files; a store need not keep them.
}

// MatterFilter selects matters. Zero fields match everything.
type MatterFilter struct {
	// Department matches the implementing body's credit code.
	Department string
	// Division matches matters whose body sits in the division or within it.
	Division division.Code
	Kind     Kind
	Tag      string
}

// Match reports whether m passes the filter.
func (f MatterFilter) Match(m *Matter) bool {
	switch {
	case f.Department != "" && m.Body.CreditCode.String() != f.Department:
		return false
	case f.Division != "" && !f.Division.Contains(m.Body.Division):
		return false
	case f.Kind != 0 && m.Kind != f.Kind:
		return false
	case f.Tag != "" && !m.HasTag(f.Tag):
		return false
	}
	return true
}

// ApplicationFilter selects applications. Zero fields match everything.
type ApplicationFilter struct {
	// Applicant matches Applicant.SubjectID.
	Applicant string
	// Division matches applications made in the division or within it.
	Division division.Code
	// From and To bound SubmittedAt: From ≤ SubmittedAt < To.
	From, To time.Time
	Status   Status
}

// Match reports whether a passes the filter.
func (f ApplicationFilter) Match(a *Application) bool {
	switch {
	case f.Applicant != "" && a.Applicant.SubjectID != f.Applicant:
		return false
	case f.Division != "" && !f.Division.Contains(a.Division):
		return false
	case !f.From.IsZero() && a.SubmittedAt.Before(f.From):
		return false
	case !f.To.IsZero() && !a.SubmittedAt.Before(f.To):
		return false
	case f.Status != "" && a.Status != f.Status:
		return false
	}
	return true
}
