package matter_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
)

var applicant = matter.Applicant{Audience: matter.Person, SubjectID: "370102196501150018", Name: "张建国"}

func TestApplicationLifecycle(t *testing.T) {
	_, b := retirement()
	sel := b.Default()
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, matter.CST)
	a, err := matter.NewApplication(b.Code, &sel, applicant, "370116", matter.Window, at)
	require.NoError(t, err)
	assert.Equal(t, uuid.Version(7), a.ID.Version())
	assert.Equal(t, matter.Submitted, a.Status)
	assert.Equal(t, []string{"370000000001", "370000000009", "370000000002", "370000000005", "370000000006"}, partMatters(a))

	require.NoError(t, a.Move(matter.Accepted, at.Add(time.Minute), "JN0371", ""))
	require.NoError(t, a.Move(matter.InProgress, at.Add(time.Hour), "JN0371", ""))

	// Moves outside the lifecycle, or back in time, change nothing.
	err = a.Move(matter.Submitted, at.Add(2*time.Hour), "JN0371", "")
	assert.ErrorIs(t, err, matter.ErrInvalid)
	err = a.Move(matter.Decided, at, "JN0371", "")
	assert.ErrorIs(t, err, matter.ErrInvalid)
	assert.Contains(t, err.Error(), "before the last change")
	assert.Equal(t, matter.InProgress, a.Status)
	assert.Len(t, a.History, 3)

	require.NoError(t, a.Move(matter.Decided, at.Add(24*time.Hour), "JN0371", ""))
	require.NoError(t, a.Move(matter.Closed, at.Add(25*time.Hour), "system", ""))
	assert.True(t, a.Status.Terminal())
	require.NoError(t, a.Validate())

	// JSON round trip keeps everything.
	js, err := json.Marshal(a)
	require.NoError(t, err)
	var back matter.Application
	require.NoError(t, json.Unmarshal(js, &back))
	require.NoError(t, back.Validate())
	assert.Equal(t, a.ID, back.ID)
	assert.Equal(t, a.Selection, back.Selection)
	assert.Len(t, back.History, 5)
}

func partMatters(a *matter.Application) []string {
	var out []string
	for _, p := range a.Parts {
		out = append(out, p.Matter)
	}
	return out
}

func TestApplicationRejectNeedsReason(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, matter.CST)
	a, err := matter.NewApplication("370000000002", nil, applicant, "370100", matter.Web, at)
	require.NoError(t, err)
	assert.ErrorIs(t, a.Move(matter.Rejected, at, "预审", ""), matter.ErrInvalid)
	require.NoError(t, a.Move(matter.Rejected, at, "预审", "缺少视同缴费年限证明材料"))
	assert.True(t, a.Status.Terminal())
	assert.ErrorIs(t, a.Move(matter.Accepted, at, "x", ""), matter.ErrInvalid)
}

func TestApplicationValidate(t *testing.T) {
	_, b := retirement()
	sel := b.Default()
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, matter.CST)
	tests := []struct {
		name   string
		break_ func(a *matter.Application)
		key    string
	}{
		{"both matter and bundle", func(a *matter.Application) { a.Matter = "370000000001" }, "/matter application-target"},
		{"parts differ from selection", func(a *matter.Application) { a.Parts = a.Parts[1:] }, "/parts application-parts"},
		{"selection of another bundle", func(a *matter.Application) { a.Selection.Bundle = "SD-YJS-SBK" }, "/selection/bundle selection-bundle"},
		{"bad division", func(a *matter.Application) { a.Division = "99" }, "/division division"},
		{"bad channel", func(a *matter.Application) { a.Channel = "fax" }, "/channel channel"},
		{"no subject", func(a *matter.Application) { a.Applicant.SubjectID = " " }, "/applicant/subject_id required"},
		{"status skips history", func(a *matter.Application) { a.Status = matter.Decided }, "/status application-history"},
		{"history jumps", func(a *matter.Application) {
			a.History = append(a.History, matter.StatusChange{From: matter.Submitted, To: matter.Closed, At: at})
			a.Status = matter.Closed
		}, "/history/1 application-history"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sel
			a, err := matter.NewApplication(b.Code, &s, applicant, "370116", matter.Window, at)
			require.NoError(t, err)
			a = a.Clone()
			tt.break_(a)
			var ve *matter.ValidationError
			require.ErrorAs(t, a.Validate(), &ve)
			assert.Contains(t, problemKeys(ve), tt.key)
		})
	}
}

func TestApplicationCloneIsDeep(t *testing.T) {
	_, b := retirement()
	sel := b.Default()
	a, err := matter.NewApplication(b.Code, &sel, applicant, "370116", matter.Window, time.Now())
	require.NoError(t, err)
	c := a.Clone()
	c.Selection.Steps[0][0] = "x"
	c.Parts[0].Status = matter.Decided
	assert.Equal(t, "370000000001", a.Selection.Steps[0][0])
	assert.Equal(t, matter.Submitted, a.Parts[0].Status)
}
