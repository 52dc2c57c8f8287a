package form_test

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

// recorder is a Source that records what it was asked and answers from a
// MemorySource, or misbehaves as told.
type recorder struct {
	src     *form.MemorySource
	mu      sync.Mutex
	asked   [][]string
	list    []string // if set, Elements() returns it
	sleep   time.Duration
	ignores bool // ignores the context while sleeping
	fail    error
	panics  bool
}

func (r *recorder) Lookup(ctx context.Context, s form.Subject, els []string) ([]form.Value, error) {
	r.mu.Lock()
	r.asked = append(r.asked, slices.Clone(els))
	r.mu.Unlock()
	if r.panics {
		panic("registry exploded")
	}
	if r.sleep > 0 {
		if r.ignores {
			time.Sleep(r.sleep)
		} else {
			select {
			case <-time.After(r.sleep):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
	}
	if r.fail != nil {
		return nil, r.fail
	}
	return r.src.Lookup(ctx, s, els)
}

func (r *recorder) Name() string { return r.src.Name() }

// listing is a recorder that lists its elements.
type listing struct{ *recorder }

func (l listing) Elements() []string { return l.list }

func newRecorder(t *testing.T, name string, vals ...form.Value) *recorder {
	t.Helper()
	s := form.NewMemorySource(name)
	for _, v := range vals {
		require.NoError(t, s.Set(wang(t), v))
	}
	return &recorder{src: s}
}

func wang(t testing.TB) form.Subject { return form.Subject{Person: mustID(t, wangID)} }

func day(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, matter.CST) }

func TestPrefillResolvesByTrustThenRecency(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	a := newRecorder(t, "A", form.Value{Element: "person.mobile", Value: "13900000001", Trust: matter.TrustC, Time: day(20)},
		form.Value{Element: "person.address", Value: "旧地址济南市", Trust: matter.TrustB, Time: day(1)},
		form.Value{Element: "person.name", Value: "王建国", Trust: matter.TrustA, Time: day(1)})
	b := newRecorder(t, "B", form.Value{Element: "person.mobile", Value: "13900000002", Trust: matter.TrustB, Time: day(2)},
		form.Value{Element: "person.address", Value: "新地址济南市", Trust: matter.TrustB, Time: day(9)},
		form.Value{Element: "person.name", Value: "王建国", Trust: matter.TrustA, Time: day(1)})
	p := form.Prefill(context.Background(), m, wang(t), a, b)
	require.Empty(t, p.Failures)
	mob, _ := p.Filled("/person.mobile")
	assert.Equal(t, "B", mob.Value.Source, "trust B beats a newer trust C")
	assert.True(t, mob.Conflicting())
	addr, _ := p.Filled("/person.address")
	assert.Equal(t, "新地址济南市", addr.Value.Value, "same trust: the most recent")
	name, _ := p.Filled("/person.name")
	assert.Equal(t, "A", name.Value.Source, "a tie goes to the source given first")
	assert.False(t, name.Conflicting())
	assert.Equal(t, "13900000002", p.Answers["person.mobile"])
}

func TestPrefillAsksOnlyForNeededElements(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), cardBundle, matter.Choices{})
	plain := newRecorder(t, "plain")
	listed := listing{newRecorder(t, "listed")}
	listed.list = []string{"person.name", "housing_fund.account", "person.mobile"}
	idle := listing{newRecorder(t, "idle")}
	idle.list = []string{"housing_fund.account"}
	form.Prefill(context.Background(), m, wang(t), plain, listed, idle)

	var need []string
	for _, f := range m.Fields() {
		if f.Element != "" {
			need = append(need, f.Element)
		}
	}
	require.Len(t, plain.asked, 1)
	assert.Equal(t, need, plain.asked[0], "exactly the form's elements")
	assert.NotContains(t, plain.asked[0], "housing_fund.account")
	require.Len(t, listed.asked, 1)
	assert.Equal(t, []string{"person.name", "person.mobile"}, listed.asked[0], "only what it holds and the form needs")
	assert.Empty(t, idle.asked, "a source holding nothing the form needs is not called")
}

func TestPrefillDegrades(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	good := newRecorder(t, "good", form.Value{Element: "person.name", Value: "王建国", Trust: matter.TrustA, Time: day(1)})
	down := newRecorder(t, "down")
	down.fail = errors.New("connection refused")
	boom := newRecorder(t, "boom")
	boom.panics = true
	liar := newRecorder(t, "liar", form.Value{Element: "person.mobile", Value: "12345", Trust: matter.TrustA, Time: day(1)},
		form.Value{Element: "person.sex", Value: "M", Trust: matter.TrustA, Time: day(1)})
	slow := newRecorder(t, "slow", form.Value{Element: "person.address", Value: "某地", Trust: matter.TrustA, Time: day(1)})
	slow.sleep, slow.ignores = 2*time.Second, true

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	p := form.Prefill(ctx, m, wang(t), good, down, boom, liar, slow)
	assert.Less(t, time.Since(start), time.Second, "Prefill honours the deadline even if a source does not")

	assert.Equal(t, "王建国", p.Answers["person.name"])
	assert.NotContains(t, p.Answers, "person.mobile", "invalid values are not used")
	assert.NotContains(t, p.Answers, "person.address")
	failed := map[string]error{}
	for _, f := range p.Failures {
		failed[f.Source] = errors.Join(failed[f.Source], f)
	}
	assert.ErrorContains(t, failed["down"], "connection refused")
	assert.ErrorContains(t, failed["boom"], "panic")
	assert.True(t, errors.Is(failed["slow"], context.DeadlineExceeded))
	var fe *form.FieldError
	require.True(t, errors.As(failed["liar"], &fe))
	assert.Equal(t, "prefill.invalid_value", fe.Code)
	assert.NotContains(t, failed["liar"].Error(), "12345", "masked")
	assert.Error(t, p.Err())
	assert.NotContains(t, failed, "good")
}

func TestPrefillWaivesMaterials(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	doc := func(typ string, trust matter.Trust, expires time.Time) *form.MemorySource {
		s := form.NewMemorySource("电子证照库")
		require.NoError(t, s.AddDocument(wang(t), form.Document{Type: typ, Name: typ, Trust: trust, Issued: day(1), Expires: expires}))
		return s
	}
	waived := func(s form.Source) []form.Waiver { return form.Prefill(context.Background(), m, wang(t), s).Waived }

	w := waived(doc("resident-id-card", matter.TrustA, time.Time{}))
	require.Len(t, w, 1)
	assert.True(t, w[0].Complete)
	assert.Equal(t, []string{qualification, hukou, deemed, pensionAward, medical}, w[0].Members)

	w = waived(doc("resident-id-card", matter.TrustB, time.Time{}))
	require.Len(t, w, 1)
	assert.False(t, w[0].Complete, "户籍信息确认 accepts only trust A")
	assert.NotContains(t, w[0].Members, hukou)

	assert.Empty(t, waived(doc("resident-id-card", matter.TrustC, time.Time{})), "trust C is not a trusted source")
	assert.Empty(t, waived(doc("resident-id-card", matter.TrustA, day(2))), "expired")
	assert.Empty(t, waived(doc("marriage-certificate", matter.TrustA, time.Time{})), "not a material of the form")
}

func TestPrefillNormalizesGoValues(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	s := form.NewMemorySource("社保")
	require.NoError(t, s.Set(wang(t), form.Value{Element: "insurance.contribution_years", Value: 38.5, Trust: matter.TrustA, Time: day(1)}))
	require.NoError(t, s.Set(wang(t), form.Value{Element: "retirement.date", Value: time.Date(2025, 2, 1, 0, 0, 0, 0, matter.CST), Trust: matter.TrustA, Time: day(1)}))
	p := form.Prefill(context.Background(), m, wang(t), s)
	require.Empty(t, p.Failures)
	assert.Equal(t, "38.5", stringOf(p.Answers["insurance.contribution_years"]))
	assert.Equal(t, "2025-02-01", p.Answers["retirement.date"])
}

func stringOf(v any) string {
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	return ""
}
