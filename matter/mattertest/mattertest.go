// Package mattertest checks implementations of matter.Store against the
// rules its documentation states, as testing/fstest does for fs.FS and
// testing/slogtest for slog.Handler.
//
// It is for whoever writes a matter.Store: a city keeping its catalog and
// applications in Oracle or DM (达梦), a province on PostgreSQL, the
// sqlstore package of this module. Callers of a store do not need it.
//
// There are two entry points over the same cases. In a Go test, Run gives
// every rule its own subtest and a fresh store, so a failure names the rule
// and `go test -run` can repeat one:
//
//	func TestStore(t *testing.T) {
//		mattertest.Run(t, func(t *testing.T) matter.Store {
//			return openTestStore(t) // yours, on an empty test schema
//		})
//	}
//
// TestStore runs every case against one store and needs no *testing.T, so
// a deployment can check its store from a command or a health check:
//
//	if err := mattertest.TestStore(ctx, store); err != nil {
//		log.Fatal(err) // one line per failed case, named
//	}
//
// The cases write through the store's own API and never delete (a Store
// cannot): each case uses matter codes of the form "MT" + 8 random
// characters + 2 digits, a tag "mattertest-…" and freshly made applicants
// and application IDs, so that cases do not collide with each other, with
// earlier runs or with real data. Still, run it against a test database,
// not a production one: it creates, updates and retires matters. The data
// are Shandong human resources and social security matters (失业保险金申领,
// 职工参保登记, 就业创业证申领) with well-formed made-up credit codes and
// citizen ID numbers.
//
// Times are compared as instants, so a store may return them in another
// zone; the kit's times are whole seconds, so a store may keep times to the
// second (Oracle DATE). Two cases run concurrent writers; a store that is
// not safe for concurrent use fails them (and may fail the race detector).
// After breaking out of listings, the kit waits 10 seconds for a write
// before it reports the store as left locked.
package mattertest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/onething-gov/onething/matter"
)

// Run runs every case as a subtest of t, each on a new store from newStore.
// newStore may register cleanups with t.Cleanup.
func Run(t *testing.T, newStore func(t *testing.T) matter.Store) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newStore(t)
			if err := c.check(t.Context(), s); err != nil {
				t.Errorf("%v\nrule: %s", err, c.rule)
			}
		})
	}
}

// TestStore runs every case against s and returns nil, or the errors.Join
// of one error per failed case, each starting with the case's name and
// ending with the documented rule it checks. If ctx is done, TestStore
// stops and includes ctx.Err().
func TestStore(ctx context.Context, s matter.Store) error {
	var errs []error
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			errs = append(errs, fmt.Errorf("mattertest: stopped before %s: %w", c.name, err))
			break
		}
		if err := c.check(ctx, s); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w [rule: %s]", c.name, err, c.rule))
		}
	}
	return errors.Join(errs...)
}

// testCase is one rule of the matter.Store documentation and the check of
// it.
type testCase struct {
	// name identifies the case: the subtest name, the prefix of a failure.
	name string
	// rule is the documented rule the case checks.
	rule string
	run  func(ctx context.Context, s matter.Store) error
}

// check runs the case, turning a panic (the store's, or a misbehaving
// iterator's) into an error.
func (c testCase) check(ctx context.Context, s matter.Store) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return c.run(ctx, s)
}

// cases are the rules of the matter.Store documentation, each with its
// check. Both entry points run them in this order.
var cases = []testCase{
	// Matters.
	{"matter-create-get", "PutMatter expecting 0 creates version 1; GetMatter returns the current version", matterCreateGet},
	{"matter-get-missing", "GetMatter: an error wrapping ErrNotFound for a code never stored", matterGetMissing},
	{"matter-create-existing", "PutMatter: creating what exists returns an error wrapping ErrConflict and changes nothing", matterCreateExisting},
	{"matter-update-missing", "PutMatter: updating what does not exist returns an error wrapping ErrConflict and changes nothing", matterUpdateMissing},
	{"matter-update-stale", "PutMatter: updating a version that is no longer current returns an error wrapping ErrConflict and changes nothing", matterUpdateStale},
	{"matter-update-current", "PutMatter expecting the current version stores one more version and returns it", matterUpdateCurrent},
	{"matter-invalid", "PutMatter: a matter that fails m.Validate is refused with an error wrapping ErrInvalid", matterInvalid},
	{"matter-history", "MatterHistory yields every stored version of the matter, oldest first", matterHistory},
	{"matter-history-missing", "MatterHistory: ErrNotFound if the matter never existed", matterHistoryMissing},
	{"matter-retire", "RetireMatter sets Expires on a new version; the matter leaves Get and List; history is kept", matterRetire},
	{"matter-retire-stale", "RetireMatter expecting a version that is not current returns ErrConflict and changes nothing", matterRetireStale},
	{"matter-retire-missing", "RetireMatter: ErrNotFound if there is no current matter with that code", matterRetireMissing},
	{"matter-list-order", "ListMatters yields current matters matching the filter, in code order", matterListOrder},
	{"matter-list-current", "ListMatters yields the current version of each matter, once", matterListCurrent},
	{"matter-list-department", "MatterFilter.Department matches the implementing body's credit code", matterListDepartment},
	{"matter-list-division", "MatterFilter.Division matches matters whose body sits in the division or within it", matterListDivision},
	{"matter-list-kind", "MatterFilter.Kind matches the matter's kind", matterListKind},
	{"matter-list-tag", "MatterFilter.Tag matches matters carrying the tag", matterListTag},
	{"matter-aliasing", "Stores keep their own copies: a matter passed in or returned may be changed by the caller without affecting the store", matterAliasing},
	{"matter-concurrent-conflict", "Implementations must be safe for concurrent use: of concurrent writes expecting the same version exactly one succeeds, the others get ErrConflict", matterConcurrentConflict},
	{"matter-concurrent-increment", "Implementations must be safe for concurrent use: read-modify-write with retry on ErrConflict loses no update", matterConcurrentIncrement},

	// Overlays.
	{"overlay-create-get", "PutOverlay expecting 0 creates version 1; GetOverlay returns it", overlayCreateGet},
	{"overlay-get-missing", "GetOverlay: ErrNotFound for a matter and division with no overlay", overlayGetMissing},
	{"overlay-versioning", "PutOverlay versions overlays as PutMatter versions matters: ErrConflict on a mismatch, changing nothing", overlayVersioning},
	{"overlay-list", "ListOverlays yields the overlays of a division and of the divisions it contains, ordered by matter code then division", overlayList},
	{"overlay-aliasing", "Stores keep their own copies: an overlay passed in or returned may be changed by the caller without affecting the store", overlayAliasing},

	// Applications.
	{"application-create-get", "CreateApplication stores a new application at version 1; GetApplication returns it", applicationCreateGet},
	{"application-create-idempotent", "CreateApplication with the same id and an equal application returns its current version and no error", applicationCreateIdempotent},
	{"application-create-different", "CreateApplication with the same id and a different application returns an error wrapping ErrConflict", applicationCreateDifferent},
	{"application-invalid", "CreateApplication: a new application must pass a.Validate (ErrInvalid)", applicationInvalid},
	{"application-get-missing", "GetApplication: ErrNotFound for an unknown id", applicationGetMissing},
	{"application-update", "UpdateApplication expecting the current version stores one more version; a stale version returns ErrConflict and changes nothing", applicationUpdate},
	{"application-update-missing", "UpdateApplication: ErrNotFound if the application does not exist", applicationUpdateMissing},
	{"application-list-order", "ListApplications yields the applications matching the filter, oldest submission first, ties by id", applicationListOrder},
	{"application-list-applicant", "ApplicationFilter.Applicant matches Applicant.SubjectID", applicationListApplicant},
	{"application-list-division", "ApplicationFilter.Division matches applications made in the division or within it", applicationListDivision},
	{"application-list-period", "ApplicationFilter.From and To bound SubmittedAt: From ≤ SubmittedAt < To", applicationListPeriod},
	{"application-list-status", "ApplicationFilter.Status matches the application's current status", applicationListStatus},
	{"application-aliasing", "Stores keep their own copies: an application passed in or returned may be changed by the caller without affecting the store", applicationAliasing},

	// Context and iteration.
	{"context-cancelled", "Every method honours ctx: with ctx done it returns ctx.Err() (possibly wrapped) and does no work", contextCancelled},
	{"context-cancelled-mid-iteration", "Every method honours ctx: a listing whose ctx is cancelled yields ctx.Err() once and stops", contextCancelledMidIteration},
	{"iteration-stop-early", "Listings are iter.Seq2: a loop that breaks early ends the iteration and leaves the store usable", iterationStopEarly},
}
