package routing_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
	"github.com/onething-gov/onething/standards/workday"
)

// Deadlines across the 2026 Spring Festival (off 15–23 February; Saturday
// 14 and Saturday 28 February are make-up working days).
func TestDeadlinesSpringFestival2026(t *testing.T) {
	r := demoRouter(t)
	t.Run("proxy received Friday 13 February", func(t *testing.T) {
		rt, err := r.Route(context.Background(), routing.Request{
			Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: linyi,
			Channel: matter.Window, At: on(2026, 2, 13),
		})
		require.NoError(t, err)
		legs := rt.Legs()
		require.Len(t, legs, 2)
		assert.Equal(t, date(t, "2026-02-13"), rt.Received)
		assert.Equal(t, routing.Materials, legs[0].Cargo)
		assert.Equal(t, 1, legs[0].Days)
		assert.Equal(t, date(t, "2026-02-14"), legs[0].Due, "1 working day: the make-up Saturday")
		assert.Equal(t, date(t, "2026-02-14"), rt.Deciding()[0].Due, "即办: decided the day the materials arrive")
		assert.Equal(t, routing.Result, legs[1].Cargo)
		assert.Equal(t, date(t, "2026-02-24"), legs[1].Due, "the next working day after the holiday")
		assert.Equal(t, date(t, "2026-02-24"), rt.Due)

		duties := map[routing.Task]time.Time{}
		for _, d := range rt.Duties() {
			if d.Party.Role == routing.RoleReceiving {
				duties[d.Task] = d.Due
			}
		}
		assert.Equal(t, date(t, "2026-02-13"), duties[routing.IdentityCheck])
		assert.Equal(t, date(t, "2026-02-13"), duties[routing.FormalReview])
		assert.Equal(t, date(t, "2026-02-14"), duties[routing.SendMaterials])
	})
	t.Run("local, 10 working days from Friday 13 February", func(t *testing.T) {
		rt, err := r.Route(context.Background(), routing.Request{
			Matter: mHardToEmploy, Applicant: resident(lixia), Division: lixia,
			Channel: matter.Window, At: on(2026, 2, 13),
		})
		require.NoError(t, err)
		// 14 Feb (make-up), 24–27 Feb, 28 Feb (make-up), 2–5 March.
		assert.Equal(t, date(t, "2026-03-05"), rt.Due)
	})
	t.Run("received on a holiday counts from that day", func(t *testing.T) {
		rt, err := r.Route(context.Background(), routing.Request{
			Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: linyi,
			Channel: matter.Web, At: on(2026, 2, 18),
		})
		require.NoError(t, err)
		assert.Equal(t, routing.Online, rt.Mode)
		assert.Equal(t, date(t, "2026-02-24"), rt.Legs()[0].Due)
	})
	t.Run("a year the calendar does not cover is an error, not a guess", func(t *testing.T) {
		_, err := r.Route(context.Background(), routing.Request{
			Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: linyi,
			Channel: matter.Window, At: on(2026, 12, 31),
		})
		assert.ErrorIs(t, err, workday.ErrNotCovered)
	})
}
