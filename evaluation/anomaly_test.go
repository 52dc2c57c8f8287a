package evaluation_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

// screenMonth runs the detectors over October of d, with September for
// the comparison of complaints.
func screenMonth(t *testing.T, d *genData, rules evaluation.AnomalyRules) []evaluation.Finding {
	t.Helper()
	decided := map[uuid.UUID]time.Time{}
	for _, a := range d.apps {
		if end, ok := evaluation.ServiceEnd(a); ok {
			decided[a.ID] = end
		}
	}
	oct := evaluation.Month(2026, time.October)
	s, err := evaluation.NewScreen(rules, oct, func(id uuid.UUID) (time.Time, bool) { t, ok := decided[id]; return t, ok })
	require.NoError(t, err)
	slices.SortStableFunc(d.reviews, func(a, b *evaluation.Review) int { return a.RatedAt.Compare(b.RatedAt) })
	for _, r := range d.reviews {
		require.NoError(t, s.Add(r))
	}
	cur := aggregate(t, d, evaluation.ByUnit, oct).Scorecards()
	prev := aggregate(t, d, evaluation.ByUnit, evaluation.Month(2026, time.September)).Scorecards()
	return s.Findings(cur, prev)
}

func TestDetectorsQuietOnCleanData(t *testing.T) {
	for seed := range uint64(3) {
		d := genMonths(t, 100+seed, time.September, time.October)
		fs := screenMonth(t, d, evaluation.DefaultAnomalyRules())
		for _, f := range fs {
			t.Errorf("seed %d: %s: %s", seed, f.Detector, f.EN)
		}
	}
}

// planted builds fraud into generated data; each plant returns the unit
// it concerns and the ids of the reviews that should be found.
type planted struct {
	d    *genData
	unit func(i int) matter.Department
}

func (p planted) review(u matter.Department, id int, rating evaluation.Rating, at time.Time, who *evaluation.Reviewer) *evaluation.Review {
	r := &evaluation.Review{
		ID: hid(id), Mode: evaluation.PerMatter, Application: hid(id + 100000), Matter: mCard,
		Unit: u, Division: u.Division, Channel: matter.App, ServedAt: at.Add(-time.Hour), RatedAt: at,
		Rating: rating, Reviewer: who,
	}
	p.d.reviews = append(p.d.reviews, r)
	return r
}

// burst: 7 top ratings of one unit from one phone app within 8 minutes.
func (p planted) burst(u matter.Department) []uuid.UUID {
	var ids []uuid.UUID
	for i := range 7 {
		r := p.review(u, 1000+i, evaluation.VerySatisfied, at(10, 21, 20, 0).Add(time.Duration(i)*80*time.Second),
			&evaluation.Reviewer{Device: "android-FAKE0001"})
		ids = append(ids, r.ID)
	}
	return ids
}

// repeat: one rater rates one unit 4 times in 20 days, by ID number.
func (p planted) repeat(u matter.Department) []uuid.UUID {
	var ids []uuid.UUID
	for i, day := range []int{9, 15, 22, 28} {
		who := rater("钱多多", "13000000000", cid("37010219800101001"))
		who.Device = fmt.Sprintf("ios-%04d", i)
		r := p.review(u, 1100+i, evaluation.VerySatisfied, at(10, day, 11, 0), who)
		r.RealName = true
		ids = append(ids, r.ID)
	}
	return ids
}

// early: two ratings before the service ended, and one before its
// application (a real one of the unit) was decided.
func (p planted) early(u matter.Department) []uuid.UUID {
	var ids []uuid.UUID
	for i := range 2 {
		r := p.review(u, 1200+i, evaluation.VerySatisfied, at(10, 13+i, 10, 0), &evaluation.Reviewer{Device: fmt.Sprintf("ios-E%03d", i)})
		r.ServedAt = r.RatedAt.Add(2 * time.Hour)
		ids = append(ids, r.ID)
	}
	for _, a := range p.d.apps {
		end, ok := evaluation.ServiceEnd(a)
		if ok && a.Parts[0].Office == u && end.After(at(10, 20, 0, 0)) && end.Before(at(10, 30, 0, 0)) {
			r := p.review(u, 1210, evaluation.Satisfied, end.Add(-26*time.Hour), &evaluation.Reviewer{Device: "ios-E999"})
			r.Application, r.ServedAt = a.ID, time.Time{}
			return append(ids, r.ID)
		}
	}
	panic("no application to rate early")
}

// excess: 90 ratings of services the unit never delivered, one every few
// hours from different phones.
func (p planted) excess(u matter.Department) {
	for i := range 90 {
		p.review(u, 1300+i, evaluation.VerySatisfied, at(10, 8, 9, 0).Add(time.Duration(i)*5*time.Hour+time.Duration(i)*time.Minute),
			&evaluation.Reviewer{Device: fmt.Sprintf("android-X%05d", i)})
	}
}

// perfect: a busy service centre with 210 services all rated 非常满意 in
// October, while its complaints rose from 1 in September to 3.
func (p planted) perfect(t *testing.T) matter.Department {
	u := unit("12370100MB2841962T", "济南市政务服务中心", "370100")
	for i := range 210 {
		served := at(10, 8, 9, 0).Add(time.Duration(i) * 2 * time.Hour)
		a := application(2000+i, u, matter.App, "", []string{mCard}, served.Add(-time.Hour), served, matter.NewDate(served), false)
		a.ID = hid(2000 + i)
		p.d.apps = append(p.d.apps, a)
		r := p.review(u, 3000+i, evaluation.VerySatisfied, served.Add(20*time.Minute), &evaluation.Reviewer{Device: fmt.Sprintf("ios-P%05d", i)})
		r.Application, r.ServedAt = a.ID, served
	}
	for i, when := range []time.Time{at(9, 15, 9, 0), at(10, 12, 9, 0), at(10, 19, 9, 0), at(10, 26, 9, 0)} {
		w := order(t, 4000+i, u, matter.Complaint, when)
		p.d.orders = append(p.d.orders, w)
	}
	return u
}

func TestDetectorsFireOnPlantedFraud(t *testing.T) {
	d := genMonths(t, 5, time.September, time.October)
	p := planted{d: d}
	u := d.units
	burst := p.burst(u[3])
	repeat := p.repeat(u[7])
	early := p.early(u[11])
	p.excess(u[20])
	centre := p.perfect(t)

	fs := screenMonth(t, d, evaluation.DefaultAnomalyRules())
	byDet := map[evaluation.Detector][]evaluation.Finding{}
	for _, f := range fs {
		byDet[f.Detector] = append(byDet[f.Detector], f)
		for _, raw := range []string{"13000000000", cid("37010219800101001"), "FAKE0001"} {
			assert.NotContains(t, f.ZH+f.EN+f.Source, raw, "personal data masked")
		}
	}
	require.Len(t, byDet[evaluation.BurstDetector], 1, "%v", fs)
	b := byDet[evaluation.BurstDetector][0]
	assert.Equal(t, u[3], b.Unit)
	assert.Equal(t, burst, b.Reviews)
	assert.EqualValues(t, 7, b.Count)
	assert.Equal(t, "device:an************01", b.Source)
	assert.Equal(t, at(10, 21, 20, 0), b.From)
	assert.Contains(t, b.ZH, "设备an************01在10分钟内对"+u[3].Name+"给出7条“非常满意”及以上评价")

	// The burst came from one phone's app: that phone is also one rater
	// rating one unit seven times.
	require.Len(t, byDet[evaluation.RepeatDetector], 2, "%v", fs)
	rb, r := byDet[evaluation.RepeatDetector][0], byDet[evaluation.RepeatDetector][1]
	if rb.Unit != u[3] {
		rb, r = r, rb
	}
	assert.Equal(t, burst, rb.Reviews)
	assert.Equal(t, repeat, r.Reviews)
	assert.Equal(t, "id:370102********0015", r.Source)
	assert.Contains(t, r.ZH, "同一评价人（身份证370102********0015）在30天内对"+u[7].Name+"评价4次")

	require.Len(t, byDet[evaluation.EarlyDetector], 1, "%v", fs)
	e := byDet[evaluation.EarlyDetector][0]
	assert.Equal(t, u[11], e.Unit)
	assert.ElementsMatch(t, early, e.Reviews)

	require.Len(t, byDet[evaluation.ExcessDetector], 1, "%v", fs)
	x := byDet[evaluation.ExcessDetector][0]
	assert.Equal(t, u[20].CreditCode, x.Unit.CreditCode)
	assert.Greater(t, x.Figures[0].Value, x.Figures[1].Value)

	require.Len(t, byDet[evaluation.PerfectDetector], 1, "%v", fs)
	pf := byDet[evaluation.PerfectDetector][0]
	assert.Equal(t, centre.CreditCode, pf.Unit.CreditCode)
	assert.Equal(t, []evaluation.Figure{{Name: "reviews", Value: 210}, {Name: "good_reviews", Value: 210}, {Name: "complaints", Value: 3}, {Name: "previous_complaints", Value: 1}}, pf.Figures)
	assert.Equal(t, "济南市政务服务中心好评率100.00%（210条评价），而投诉量由1件升至3件", pf.ZH)
	assert.Len(t, fs, 6, "nothing but the plants")

	// Each detector can be switched off.
	rules := evaluation.DefaultAnomalyRules()
	rules.Disabled = evaluation.Detectors()
	assert.Empty(t, screenMonth(t, d, rules))
}

// TestBurstRuns follows one source through a burst that goes on, a pause
// and a second burst.
func TestBurstRuns(t *testing.T) {
	oct := evaluation.Month(2026, time.October)
	s, err := evaluation.NewScreen(evaluation.DefaultAnomalyRules(), oct, nil)
	require.NoError(t, err)
	n := 0
	add := func(minute int, rating evaluation.Rating) {
		n++
		r := &evaluation.Review{ID: hid(5000 + n), Mode: evaluation.PerService, Unit: laiwuHR, Staff: "S07", Channel: matter.Window,
			RatedAt: at(10, 12, 9, 0).Add(time.Duration(minute) * time.Minute), Rating: rating,
			Reviewer: &evaluation.Reviewer{Device: "pad-S07", Phone: "13812345678"}}
		require.NoError(t, s.Add(r))
	}
	// 0 1 2 3 4 make a burst; 6 8 12 keep it going (each completes 5
	// within 10 minutes); 30 is after a pause; 31–34 make a second burst.
	for _, m := range []int{0, 1, 2, 3, 4, 6, 8, 12, 30, 31, 32, 33, 34} {
		add(m, evaluation.VerySatisfied)
	}
	add(35, evaluation.Satisfied) // not a top rating: ignored
	var fs []evaluation.Finding
	for _, f := range s.Findings(nil, nil) {
		if f.Detector == evaluation.BurstDetector {
			fs = append(fs, f)
		}
	}
	require.Len(t, fs, 2, "the phone saw the same ratings as the device")
	assert.EqualValues(t, 8, fs[0].Count)
	assert.EqualValues(t, 5, fs[1].Count)
	assert.Equal(t, "S07", fs[0].Staff)
	assert.Equal(t, "device:pa***07", fs[0].Source)
	assert.Equal(t, at(10, 12, 9, 12), fs[0].To)

	// Four within ten minutes is not a burst by default, but is with a
	// threshold of 4.
	rules := evaluation.DefaultAnomalyRules()
	for _, min := range []int{5, 4} {
		rules.Burst.MinRatings = min
		s, err := evaluation.NewScreen(rules, oct, nil)
		require.NoError(t, err)
		for i := range 4 {
			require.NoError(t, s.Add(&evaluation.Review{ID: hid(5100 + i), Unit: laiwuHR, Rating: evaluation.VerySatisfied,
				RatedAt: at(10, 12, 9, i), Reviewer: &evaluation.Reviewer{Device: "x"}}))
		}
		fs := s.Findings(nil, nil)
		assert.Equal(t, min == 4, len(fs) == 1, "threshold %d", min)
	}
}

func TestScreenRefuses(t *testing.T) {
	oct := evaluation.Month(2026, time.October)
	bad := evaluation.DefaultAnomalyRules()
	bad.Burst.MinRatings, bad.Repeat.WindowDays, bad.EvidenceLimit = 1, 0, 0
	bad.Disabled = []evaluation.Detector{"mood"}
	_, err := evaluation.NewScreen(bad, oct, nil)
	var ve *evaluation.ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Len(t, ve.Problems, 4)

	s, err := evaluation.NewScreen(evaluation.DefaultAnomalyRules(), oct, nil)
	require.NoError(t, err)
	require.NoError(t, s.Add(&evaluation.Review{ID: hid(1), Unit: laiwuHR, RatedAt: at(10, 12, 9, 0), Rating: 5}))
	err = s.Add(&evaluation.Review{ID: hid(2), Unit: laiwuHR, RatedAt: at(10, 12, 8, 0), Rating: 5})
	assert.ErrorIs(t, err, evaluation.ErrInvalid, "out of RatedAt order")
	boom := errors.New("listing failed")
	assert.ErrorIs(t, s.AddAll(failing[*evaluation.Review](boom)), boom)
}

// TestPerfectDetectorNeedsAllThree: many reviews, all good, and complaints
// rising; any one missing and it stays quiet.
func TestPerfectDetectorNeedsAllThree(t *testing.T) {
	g := evaluation.Group{By: evaluation.ByUnit, Code: string(jinanHR.CreditCode)}
	card := func(good, bad, complaints int64) evaluation.Scorecard {
		return evaluation.Scorecard{Group: g, Name: jinanHR.Name, Counts: evaluation.Counts{ByLevel: [5]int64{bad, 0, 0, 0, good}, Complaints: complaints}}
	}
	prev := []evaluation.Scorecard{card(150, 0, 4)}
	for _, tc := range []struct {
		name  string
		cur   evaluation.Scorecard
		prev  []evaluation.Scorecard
		fires bool
	}{
		{"all three", card(200, 0, 5), prev, true},
		{"unit new last period", card(200, 0, 1), []evaluation.Scorecard{}, true},
		{"199 reviews", card(199, 0, 5), prev, false},
		{"one bad review", card(230, 1, 5), prev, false},
		{"complaints flat", card(230, 0, 4), prev, false},
		{"no previous period", card(230, 0, 9), nil, false},
	} {
		s, err := evaluation.NewScreen(evaluation.DefaultAnomalyRules(), evaluation.Month(2026, 10), nil)
		require.NoError(t, err)
		fs := s.Findings([]evaluation.Scorecard{tc.cur}, tc.prev)
		assert.Equal(t, tc.fires, len(fs) == 1, tc.name)
	}
}

func TestMaskDeviceAndText(t *testing.T) {
	assert.Equal(t, "an**********20", evaluation.MaskDevice("android-5F1C20"))
	assert.Equal(t, "***Z", evaluation.MaskDevice("ad7Z"))
	assert.Equal(t, "", evaluation.MaskDevice(""))
	// Phone and ID numbers in free text are masked; short numbers stay.
	assert.Equal(t, "电话138****1234，身份证110***********002X，工号12345",
		evaluation.MaskText("电话13805311234，身份证11010519491231002X，工号12345"))
	assert.Equal(t, "*****67", evaluation.MaskText("1234567"))
}
