package matter_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/mattertest"
	"github.com/onething-gov/onething/standards/creditcode"
)

func TestMemoryStore(t *testing.T) {
	mattertest.Run(t, func(t *testing.T) matter.Store { return matter.NewMemoryStore() })
}

func TestMemoryStoreTestStore(t *testing.T) {
	s := matter.NewMemoryStore()
	require.NoError(t, mattertest.TestStore(t.Context(), s))
	// The kit's data do not collide with an earlier run's.
	assert.NoError(t, mattertest.TestStore(t.Context(), s), "second run on the same store")
}

// memMatter returns a valid 职工参保登记 of 济南市人力资源和社会保障局.
func memMatter(t *testing.T, code string) *matter.Matter {
	t.Helper()
	cc, err := creditcode.Parse("11370100003023179J")
	require.NoError(t, err)
	m := &matter.Matter{
		Code: code, Name: "职工参保登记", Kind: matter.PublicService,
		Body:       matter.Department{CreditCode: cc, Name: "济南市人力资源和社会保障局", Division: "370100"},
		LegalBasis: []string{"《中华人民共和国社会保险法》第五十八条"},
		Audience:   []matter.Audience{matter.Enterprise},
		Handling:   matter.Immediate,
		Depth:      matter.DepthOf(2, 4, 5, 6),
		Result:     matter.Result{Name: "参保登记信息"},
		Effective:  matter.DateOf(2025, time.January, 1),
	}
	require.NoError(t, m.Validate())
	return m
}

func memApplication(t *testing.T, code string, at time.Time) *matter.Application {
	t.Helper()
	who := matter.Applicant{Audience: matter.Person, SubjectID: "370102198506121239", Name: "张伟"}
	a, err := matter.NewApplication(code, nil, who, "370116", matter.App, at)
	require.NoError(t, err)
	return a
}

func TestMemoryStoreIdempotentCreateComparesInstants(t *testing.T) {
	ctx := t.Context()
	s := matter.NewMemoryStore()
	now := time.Now() // carries a monotonic clock reading
	a := memApplication(t, "370100000001", now)
	v, err := s.CreateApplication(ctx, a)
	require.NoError(t, err)
	require.Equal(t, 1, v)

	// The same application as a database would give it back: no monotonic
	// reading, another zone, nil rather than empty lists.
	b := a.Clone()
	b.SubmittedAt = now.Round(0).UTC()
	b.History[0].At = now.Round(0).In(matter.CST)
	b.Version = 1
	v, err = s.CreateApplication(ctx, b)
	assert.NoError(t, err)
	assert.Equal(t, 1, v)

	c := a.Clone()
	c.SubmittedAt = now.Add(time.Millisecond)
	c.History[0].At = c.SubmittedAt
	_, err = s.CreateApplication(ctx, c)
	assert.ErrorIs(t, err, matter.ErrConflict)
}

func TestMemoryStoreCallsDuringIteration(t *testing.T) {
	ctx := t.Context()
	s := matter.NewMemoryStore()
	for _, code := range []string{"370100000001", "370100000002", "370100000003"} {
		_, err := s.PutMatter(ctx, memMatter(t, code), 0)
		require.NoError(t, err)
	}
	n := 0
	for m, err := range s.ListMatters(ctx, matter.MatterFilter{}) {
		require.NoError(t, err)
		n++
		// Reading and writing inside the loop must not deadlock; the
		// listing is a snapshot.
		got, err := s.GetMatter(ctx, m.Code)
		require.NoError(t, err)
		got.Name = "职工参保登记（含增员）"
		_, err = s.PutMatter(ctx, got, got.Version)
		require.NoError(t, err)
		_, err = s.PutMatter(ctx, memMatter(t, "37010000010"+string(rune('0'+n))), 0)
		require.NoError(t, err)
	}
	assert.Equal(t, 3, n, "the listing is the snapshot taken when it started")
}

func TestMemoryStoreRetired(t *testing.T) {
	ctx := t.Context()
	s := matter.NewMemoryStore()
	m := memMatter(t, "370100000001")
	_, err := s.PutMatter(ctx, m, 0)
	require.NoError(t, err)

	assert.ErrorIs(t, s.RetireMatter(ctx, m.Code, matter.Date{}, 1), matter.ErrInvalid, "zero day")
	assert.ErrorIs(t, s.RetireMatter(ctx, m.Code, matter.DateOf(2024, time.December, 31), 1), matter.ErrInvalid, "before Effective")
	require.NoError(t, s.RetireMatter(ctx, m.Code, matter.DateOf(2026, time.July, 1), 1))

	_, err = s.PutMatter(ctx, m, 0)
	assert.ErrorIs(t, err, matter.ErrConflict, "a retired matter keeps its code")
	v, err := s.PutMatter(ctx, m, 2)
	require.NoError(t, err, "reinstating expects the retired version")
	assert.Equal(t, 3, v)
	got, err := s.GetMatter(ctx, m.Code)
	require.NoError(t, err)
	assert.True(t, got.Expires.IsZero())
}

func TestMemoryStoreRefusesBadInput(t *testing.T) {
	ctx := t.Context()
	s := matter.NewMemoryStore()
	_, err := s.PutMatter(ctx, nil, 0)
	assert.ErrorIs(t, err, matter.ErrInvalid)
	_, err = s.PutOverlay(ctx, nil, 0)
	assert.ErrorIs(t, err, matter.ErrInvalid)
	_, err = s.CreateApplication(ctx, nil)
	assert.ErrorIs(t, err, matter.ErrInvalid)
	_, err = s.UpdateApplication(ctx, nil, 1)
	assert.ErrorIs(t, err, matter.ErrInvalid)
	for _, o := range []*matter.Overlay{
		{Division: "370116"},
		{Matter: "370100000001", Division: "990100"},
		{Matter: "370100000001"},
	} {
		_, err = s.PutOverlay(ctx, o, 0)
		assert.ErrorIs(t, err, matter.ErrInvalid, "%+v", o)
	}
	a := memApplication(t, "370100000001", time.Date(2026, 3, 2, 9, 0, 0, 0, matter.CST))
	_, err = s.CreateApplication(ctx, a)
	require.NoError(t, err)
	a.Applicant.SubjectID = ""
	_, err = s.UpdateApplication(ctx, a, 1)
	assert.ErrorIs(t, err, matter.ErrInvalid)
}

func TestMemoryStoreListOverlaysEmptyDivision(t *testing.T) {
	ctx := t.Context()
	s := matter.NewMemoryStore()
	for _, o := range []*matter.Overlay{
		{Matter: "370100000002", Division: "370200"},
		{Matter: "370100000001", Division: "370116"},
		{Matter: "370100000001", Division: "110105"},
	} {
		_, err := s.PutOverlay(ctx, o, 0)
		require.NoError(t, err)
	}
	var got []string
	for o, err := range s.ListOverlays(ctx, "") {
		require.NoError(t, err)
		got = append(got, o.Matter+"@"+string(o.Division))
	}
	assert.Equal(t, []string{"370100000001@110105", "370100000001@370116", "370100000002@370200"}, got)
}

func TestMemoryStoreDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(t.Context(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	s := matter.NewMemoryStore()
	_, err := s.GetMatter(ctx, "370100000001")
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
}
