// Package evaluationtest checks implementations of evaluation.Store
// against the rules its documentation states, as testing/fstest does for
// fs.FS and testing/slogtest for slog.Handler.
//
// It is for whoever writes an evaluation.Store: a province keeping reviews
// and work orders in PostgreSQL, a city on Oracle or DM (达梦), the sqlstore
// package of this module. Callers of a store do not need it.
//
// There are two entry points over the same cases. In a Go test, Run gives
// every rule its own subtest and a fresh store, so a failure names the rule
// and `go test -run` can repeat one:
//
//	func TestStore(t *testing.T) {
//		evaluationtest.Run(t, func(t *testing.T) evaluation.Store {
//			return openTestStore(t) // yours, on an empty test schema
//		})
//	}
//
// TestStore runs every case against one store and needs no *testing.T, so
// a deployment can check its store from a command or a health check:
//
//	if err := evaluationtest.TestStore(ctx, store); err != nil {
//		log.Fatal(err) // one line per failed case, named
//	}
//
// Each case checks its rule for all six kinds of record (reviews, cases,
// work orders, problem orders, incidents, handling reviews) and names the
// kind in a failure.
// The cases write through the store's own API and never delete (a Store
// cannot): every record has a new ID and every case its own units, with
// credit codes made at random, so that cases do not collide with each
// other, with earlier runs or with real data; checks of listings look only
// at the records the case made, and at the order and filter of everything
// listed. Still, run it against a test database, not a production one.
// The data are Shandong human resources and social security services
// (window ratings in 莱芜区, 12345 complaints about pensions) in 2026.
//
// Times are compared as instants, so a store may return them in another
// zone; the kit's times are whole seconds, so a store may keep times to the
// second. Three cases run concurrent writers; a store that is not safe for
// concurrent use fails them (and may fail the race detector). After
// breaking out of a listing, or while writing inside one, the kit waits 10
// seconds before it reports the store as locked.
package evaluationtest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/onething-gov/onething/evaluation"
)

// Run runs every case as a subtest of t, each on a new store from newStore.
// newStore may register cleanups with t.Cleanup.
func Run(t *testing.T, newStore func(t *testing.T) evaluation.Store) {
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
func TestStore(ctx context.Context, s evaluation.Store) error {
	var errs []error
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			errs = append(errs, fmt.Errorf("evaluationtest: stopped before %s: %w", c.name, err))
			break
		}
		if err := c.check(ctx, s); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w [rule: %s]", c.name, err, c.rule))
		}
	}
	return errors.Join(errs...)
}

// testCase is one rule of the evaluation.Store documentation and the
// check of it.
type testCase struct {
	// name identifies the case: the subtest name, the prefix of a failure.
	name string
	// rule is the documented rule the case checks.
	rule string
	run  func(ctx context.Context, s evaluation.Store) error
}

// check runs the case, turning a panic (the store's, or a misbehaving
// iterator's) into an error.
func (c testCase) check(ctx context.Context, s evaluation.Store) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return c.run(ctx, s)
}

// cases are the rules of the evaluation.Store documentation, each with
// its check. Both entry points run them in this order.
var cases = []testCase{
	// Add and Get.
	{"add-get", "Add stores a new record at Version 1 and returns 1; Get returns the stored record with its Version", eachKind(addGet)},
	{"add-ignores-version", "Add: the Version passed in is ignored", eachKind(addIgnoresVersion)},
	{"add-idempotent", "Add is idempotent by ID: adding an equal record again returns the stored version and no error", eachKind(addIdempotent)},
	{"add-different", "Add: a different record under a stored ID fails with ErrConflict and changes nothing", eachKind(addDifferent)},
	{"add-invalid", "Keys: a nil record or a nil ID is refused with an error wrapping ErrInvalid", eachKind(addInvalid)},
	{"get-missing", "Get returns an error wrapping ErrNotFound for an ID never stored", eachKind(getMissing)},

	// Update.
	{"update-current", "Update expecting the stored version stores the record at version expect+1 and returns it", eachKind(updateCurrent)},
	{"update-stale", "Update: ErrConflict if expect is not the stored version, changing nothing", eachKind(updateStale)},
	{"update-missing", "Update: ErrNotFound if no record has the ID, changing nothing", eachKind(updateMissing)},
	{"update-invalid", "Keys: a nil record or a nil ID is refused with an error wrapping ErrInvalid", eachKind(updateInvalid)},

	// Copies.
	{"copies-in", "Copies: a record passed to Add or Update may be changed by the caller without changing what is stored", eachKind(copiesIn)},
	{"copies-out", "Copies: a record returned by Get or List may be changed by the caller without changing what is stored", eachKind(copiesOut)},

	// Listings.
	{"list-order", "List yields by the time the filter's Period bounds, oldest first, ties broken by ID in byte order", eachKind(listOrder)},
	{"list-period", "Filters: Period bounds the listing time, From ≤ t < To; a zero bound is open", eachKind(listPeriod)},
	{"list-division", "Filters: Division matches records in the division or within it; a zero filter matches every record", eachKind(listDivision)},
	{"list-versions", "List yields each record with its Version", eachKind(listVersions)},
	{"list-review-fields", "ReviewFilter: Unit, Application, Matter, Staff, Mode and Channel each match their field", listReviewFields},
	{"list-case-fields", "CaseFilter: Unit, State and Review each match their field", listCaseFields},
	{"list-order-fields", "WorkOrderFilter: Unit (the unit holding the order), State, Category and Line each match their field", listOrderFields},
	{"list-problem-fields", "ProblemFilter: State and Order each match their field", listProblemFields},
	{"list-incident-fields", "IncidentFilter: Unit matches the unit's credit code", listIncidentFields},
	{"list-handling-review-fields", "HandlingReviewFilter: Unit, Order and State each match their field", listHandlingReviewFields},
	{"list-stop-early", "Breaking out of the loop stops the listing and leaves the store usable", eachKind(listStopEarly)},
	{"list-write-in-loop", "The loop body may call the store, writes included", eachKind(listWriteInLoop)},

	// Context.
	{"context-cancelled", "Context: with ctx done, every method returns an error wrapping ctx.Err() and changes nothing; a listing yields it", eachKind(contextCancelled)},
	{"context-cancelled-mid-listing", "Context: a listing whose ctx is cancelled yields an error wrapping ctx.Err() once and stops", eachKind(contextMidListing)},

	// Concurrency.
	{"concurrent-conflict", "Concurrency: of several concurrent updates expecting the same version, exactly one succeeds; the others fail with ErrConflict", eachKind(concurrentConflict)},
	{"concurrent-increment", "Concurrency: read-modify-write with retry on ErrConflict loses no update", eachKind(concurrentIncrement)},
	{"concurrent-add", "Concurrency and idempotent Add: concurrent adds of one record all return version 1", eachKind(concurrentAdd)},
}

// eachKind turns a check of one kind into a case over every kind,
// joining the failures, each prefixed by the kind's name.
func eachKind(check func(ctx context.Context, s evaluation.Store, k kind) error) func(context.Context, evaluation.Store) error {
	return func(ctx context.Context, s evaluation.Store) error {
		var errs []error
		for _, k := range kinds {
			if err := check(ctx, s, k); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", k.name, err))
			}
		}
		return errors.Join(errs...)
	}
}
