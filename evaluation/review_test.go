package evaluation_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/workday"
)

// servedNational is Wednesday 2026-09-30, the last working day before 国庆.
// Five working days later is Tuesday 2026-10-13: 10-08, 10-09, the make-up
// Saturday 10-10, 10-12 and 10-13.
var servedNational = at(9, 30, 15, 40)

func TestReviewValidateValid(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	for name, r := range map[string]*evaluation.Review{
		"good window rating same day":        windowReview(evaluation.Satisfied, servedNational, servedNational.Add(5*time.Minute)),
		"bad window rating, last day":        windowReview(evaluation.Dissatisfied, servedNational, at(10, 13, 21, 0)),
		"app rating on the make-up Saturday": appReview(evaluation.VeryDissatisfied, servedNational, at(10, 10, 9, 0)),
		"public comment without an event": {
			ID: newID(), Mode: evaluation.Public, Unit: hezeHR, Division: "371700", Channel: matter.Web,
			RatedAt: at(3, 2, 10, 0), Rating: evaluation.VerySatisfied, Comment: "退休手续网上就办完了",
		},
	} {
		assert.NoError(t, r.Validate(cfg), name)
	}
}

func TestReviewValidateProblems(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	tests := []struct {
		name  string
		edit  func(r *evaluation.Review)
		rules []string
		is    error
	}{
		{"bad review without a reason", func(r *evaluation.Review) { r.Reasons, r.ReasonText = nil, "  " }, []string{"bad-needs-reason"}, evaluation.ErrInvalid},
		{"rated before served", func(r *evaluation.Review) { r.RatedAt = r.ServedAt.Add(-time.Minute) }, []string{"rated-before-served"}, evaluation.ErrInvalid},
		{"rated on the sixth working day", func(r *evaluation.Review) { r.RatedAt = at(10, 14, 8, 30) }, []string{"late-rating"}, evaluation.ErrLate},
		{"no service event", func(r *evaluation.Review) { r.Application, r.Matter, r.ServedAt = uuid.Nil, "", time.Time{} }, []string{"required"}, evaluation.ErrInvalid},
		{"online channel per service", func(r *evaluation.Review) { r.Channel = matter.Web }, []string{"mode-channel", "indicator-channel", "indicator-set"}, evaluation.ErrInvalid},
		{"online indicator at a window", func(r *evaluation.Review) { r.Scores[evaluation.Operability] = 4 }, []string{"indicator-channel"}, evaluation.ErrInvalid},
		{"incomplete indicators", func(r *evaluation.Review) { delete(r.Scores, evaluation.ServiceLevel) }, []string{"indicator-set"}, evaluation.ErrInvalid},
		{"score out of range", func(r *evaluation.Review) { r.Scores[evaluation.ServiceLevel] = 6 }, []string{"rating"}, evaluation.ErrInvalid},
		{"rating out of range", func(r *evaluation.Review) { r.Rating = 0 }, []string{"rating"}, evaluation.ErrInvalid},
		{"real name without a name", func(r *evaluation.Review) { r.Reviewer.Name = "" }, []string{"real-name"}, evaluation.ErrInvalid},
		{"real name without contact", func(r *evaluation.Review) { r.Reviewer = &evaluation.Reviewer{Name: "张建国"} }, []string{"real-name"}, evaluation.ErrInvalid},
		{"bad unit and division", func(r *evaluation.Review) { r.Unit = matter.Department{}; r.Division = "990000" }, []string{"required", "division"}, evaluation.ErrInvalid},
		{"follows itself", func(r *evaluation.Review) { r.FollowUpOf = r.ID }, []string{"follow-up-self"}, evaluation.ErrInvalid},
		{"exclusion without reasons", func(r *evaluation.Review) { r.Exclusion = &evaluation.Exclusion{Kind: evaluation.Mistaken} }, []string{"exclusion"}, evaluation.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := windowReview(evaluation.Dissatisfied, servedNational, at(10, 8, 9, 0))
			tc.edit(r)
			err := r.Validate(cfg)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.is)
			assert.ErrorIs(t, err, evaluation.ErrInvalid)
			var ve *evaluation.ValidationError
			require.ErrorAs(t, err, &ve)
			for _, rule := range tc.rules {
				assert.True(t, ve.Has(rule), "want rule %s in %v", rule, err)
			}
			for _, p := range ve.Problems {
				assert.NotEmpty(t, p.ZH)
				assert.True(t, strings.HasPrefix(p.Pointer, "/"), p.Pointer)
			}
		})
	}
}

func TestReviewValidateCollectsAll(t *testing.T) {
	r := windowReview(evaluation.VeryDissatisfied, servedNational, at(10, 20, 9, 0))
	r.Reasons, r.ReasonText = nil, ""
	r.Channel = "fax"
	r.Reviewer.Phone = "1380531123x"
	err := r.Validate(evaluation.DefaultConfig())
	var ve *evaluation.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, rule := range []string{"bad-needs-reason", "channel", "phone", "late-rating"} {
		assert.True(t, ve.Has(rule), "want rule %s in %v", rule, err)
	}
	assert.ErrorIs(t, err, evaluation.ErrLate)
	// The phone number is masked in the message.
	assert.NotContains(t, err.Error(), "1380531123x")
	assert.Contains(t, err.Error(), "138****123x")
}

func TestReviewLateWindowConfigurable(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	r := windowReview(evaluation.Satisfied, servedNational, at(10, 9, 9, 0)) // 2 working days later
	require.NoError(t, r.Validate(cfg))
	cfg.Review.LateDays = 1
	assert.ErrorIs(t, r.Validate(cfg), evaluation.ErrLate)
	cfg.Review.LateDays = 0
	same := windowReview(evaluation.Satisfied, servedNational, servedNational.Add(3*time.Hour))
	assert.NoError(t, same.Validate(cfg))
}

func TestReviewValidateCalendarNotCovered(t *testing.T) {
	// A rating in 2027, a year the national calendar does not hold yet: the
	// calendar's error comes through, with the review's own problems.
	r := windowReview(evaluation.Dissatisfied, time.Date(2027, 1, 5, 10, 0, 0, 0, matter.CST), time.Date(2027, 1, 6, 10, 0, 0, 0, matter.CST))
	assert.ErrorIs(t, r.Validate(evaluation.DefaultConfig()), workday.ErrNotCovered)
	r.Reasons, r.ReasonText = nil, ""
	err := r.Validate(evaluation.DefaultConfig())
	assert.ErrorIs(t, err, workday.ErrNotCovered)
	var ve *evaluation.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("bad-needs-reason"))

	// A city that loaded 2027 extends the calendar and validates.
	next, err := workday.Load(strings.NewReader(`{"year": 2027, "source": "SAMPLE, not an official schedule", "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}`))
	require.NoError(t, err)
	cfg := evaluation.DefaultConfig()
	cfg.Calendar, err = workday.China().Extend(next)
	require.NoError(t, err)
	r = windowReview(evaluation.Dissatisfied, time.Date(2027, 1, 5, 10, 0, 0, 0, matter.CST), time.Date(2027, 1, 6, 10, 0, 0, 0, matter.CST))
	assert.NoError(t, r.Validate(cfg))
}

func TestReviewReasonList(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	cfg.Review.Reasons = []string{"wait-too-long", "attitude", "guide-wrong"}
	r := windowReview(evaluation.Dissatisfied, servedNational, at(10, 8, 9, 0))
	require.NoError(t, r.Validate(cfg))
	r.Reasons = []string{"weather"}
	var ve *evaluation.ValidationError
	require.ErrorAs(t, r.Validate(cfg), &ve)
	assert.True(t, ve.Has("reason-code"))
}

func TestReviewForUnit(t *testing.T) {
	r := windowReview(evaluation.VeryDissatisfied, servedNational, at(10, 8, 9, 0))
	u := r.ForUnit()
	assert.Nil(t, u.Reviewer)
	assert.True(t, u.RealName, "a unit may know the review is real-name")
	require.NotNil(t, r.Reviewer, "the original keeps the reviewer")
	b, err := json.Marshal(u)
	require.NoError(t, err)
	for _, secret := range []string{"张建国", "13805311234", "370102196501150015"} {
		assert.NotContains(t, string(b), secret)
	}
	u.Scores[evaluation.ServiceLevel] = 5
	assert.Equal(t, evaluation.VeryDissatisfied, r.Scores[evaluation.ServiceLevel], "ForUnit is a deep copy")
}

func TestReviewerMasked(t *testing.T) {
	assert.Equal(t, "张** 138****1234 370102********0015", zhang.String())
	assert.Equal(t, "anonymous", evaluation.Reviewer{}.String())
	assert.Equal(t, "L*****", evaluation.MaskName("Li Wei"))
	assert.Equal(t, "*****67", evaluation.MaskPhone("0531-67"))
	assert.Equal(t, "李** 159****1987 370203********4021", li.LogValue().String())
	assert.NotContains(t, li.LogValue().String(), "李秀英")
}

func TestCheckOnce(t *testing.T) {
	cfg := evaluation.DefaultConfig()
	first := windowReview(evaluation.Dissatisfied, servedNational, at(10, 8, 9, 0))
	again := windowReview(evaluation.Satisfied, servedNational, at(10, 9, 9, 0))
	again.Application = first.Application
	follow := again.Clone()
	follow.ID, follow.FollowUpOf = newID(), first.ID
	second := follow.Clone()
	second.ID, second.RatedAt = newID(), at(10, 12, 9, 0)
	online := appReview(evaluation.Satisfied, servedNational, at(10, 8, 10, 0))
	online.Application = first.Application
	otherEvent := windowReview(evaluation.Satisfied, servedNational, at(10, 8, 9, 0))

	tests := []struct {
		name     string
		r        *evaluation.Review
		existing []*evaluation.Review
		want     error
	}{
		{"first rating", first, nil, nil},
		{"stored copy of itself", first, []*evaluation.Review{first.Clone()}, nil},
		{"second first rating", again, []*evaluation.Review{first}, evaluation.ErrDuplicate},
		{"other mode of the same event", online, []*evaluation.Review{first}, nil},
		{"other event", otherEvent, []*evaluation.Review{first}, nil},
		{"follow-up", follow, []*evaluation.Review{first}, nil},
		{"second follow-up", second, []*evaluation.Review{first, follow}, evaluation.ErrDuplicate},
		{"follow-up of an unknown rating", follow, nil, evaluation.ErrInvalid},
		{"follow-up of a follow-up", func() *evaluation.Review {
			r := second.Clone()
			r.FollowUpOf = follow.ID
			return r
		}(), []*evaluation.Review{first, follow}, evaluation.ErrInvalid},
		{"follow-up before the rating", func() *evaluation.Review {
			r := follow.Clone()
			r.RatedAt = first.RatedAt.Add(-time.Hour)
			return r
		}(), []*evaluation.Review{first}, evaluation.ErrInvalid},
		{"public comments are not limited", &evaluation.Review{ID: newID(), Mode: evaluation.Public, Application: first.Application}, []*evaluation.Review{first}, nil},
	}
	for _, tc := range tests {
		err := evaluation.CheckOnce(cfg, tc.r, tc.existing)
		if tc.want == nil {
			assert.NoError(t, err, tc.name)
			continue
		}
		assert.ErrorIs(t, err, tc.want, tc.name)
		assert.ErrorIs(t, err, evaluation.ErrInvalid, tc.name)
	}

	noFollowUps := cfg
	noFollowUps.Review.FollowUps = 0
	assert.ErrorIs(t, evaluation.CheckOnce(noFollowUps, follow, []*evaluation.Review{first}), evaluation.ErrDuplicate)
}

func TestReviewJSONRoundTrip(t *testing.T) {
	r := windowReview(evaluation.Dissatisfied, servedNational, at(10, 8, 9, 0))
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back evaluation.Review
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, r.Equal(&back), "%s", b)
	back.Scores[evaluation.ServiceLevel] = 5
	assert.False(t, r.Equal(&back))
	assert.False(t, errors.Is(r.Validate(evaluation.DefaultConfig()), evaluation.ErrInvalid))
}
