package evaluation

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/standards/creditcode"
)

// Screen runs the 数据不实 detectors over a period's reviews. Feed it the
// reviews in RatedAt order, as Store.ListReviews yields them (Add, AddAll),
// then ask for the Findings, giving it the period's unit scorecards for the
// detectors that compare counts.
//
// Memory is per unit and per device, phone or rater seen within the
// detectors' windows (10 minutes and 30 days by default), not per review:
// state older than a window is dropped as the stream moves on. Excluded
// reviews and reviews outside the period are skipped. A Screen is not safe
// for concurrent use.
type Screen struct {
	rules   AnomalyRules
	period  Period
	decided func(application uuid.UUID) (time.Time, bool)

	last    time.Time
	sweep   int
	bursts  map[runKey]*run
	repeats map[runKey]*run
	early   map[creditcode.Code]*Finding
	found   []Finding
}

// NewScreen returns a Screen for period p under rules. decided, if not nil,
// returns when an application was decided (ServiceEnd), for the
// EarlyDetector; it may be backed by a map or a store.
func NewScreen(rules AnomalyRules, p Period, decided func(application uuid.UUID) (time.Time, bool)) (*Screen, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	return &Screen{
		rules: rules, period: p, decided: decided,
		bursts: map[runKey]*run{}, repeats: map[runKey]*run{}, early: map[creditcode.Code]*Finding{},
	}, nil
}

// runKey identifies a stream of ratings of one unit from one source: a
// device ('d'), a phone ('p') or an ID number ('i').
type runKey struct {
	unit creditcode.Code
	kind byte
	src  string
}

// Add screens one review. Reviews must come in RatedAt order: an earlier
// one than the last is refused with ErrInvalid.
func (s *Screen) Add(r *Review) error {
	if r == nil || !s.period.Contains(r.RatedAt) || r.Exclusion != nil {
		return nil
	}
	if r.RatedAt.Before(s.last) {
		return fmt.Errorf("evaluation: screen: %w: review %s rated at %s comes after one rated at %s; reviews must come in RatedAt order",
			ErrInvalid, r.ID, r.RatedAt.Format(time.RFC3339), s.last.Format(time.RFC3339))
	}
	s.last = r.RatedAt
	if s.rules.on(BurstDetector) && r.Rating >= s.rules.Burst.TopRating && r.Reviewer != nil {
		if d := r.Reviewer.Device; d != "" {
			s.feed(s.bursts, BurstDetector, runKey{r.Unit.CreditCode, 'd', d}, r)
		}
		if p := r.Reviewer.Phone; p != "" {
			s.feed(s.bursts, BurstDetector, runKey{r.Unit.CreditCode, 'p', p}, r)
		}
	}
	if s.rules.on(RepeatDetector) && r.FollowUpOf == uuid.Nil && r.Reviewer != nil {
		if k, ok := raterKey(r); ok {
			s.feed(s.repeats, RepeatDetector, k, r)
		}
	}
	if s.rules.on(EarlyDetector) {
		s.checkEarly(r)
	}
	if s.sweep++; s.sweep >= max(1024, len(s.bursts)+len(s.repeats)) {
		s.sweep = 0
		s.expire(s.bursts, s.window(BurstDetector), false)
		s.expire(s.repeats, s.window(RepeatDetector), false)
	}
	return nil
}

// AddAll screens every review of a listing and stops at the first error,
// which it returns wrapped.
func (s *Screen) AddAll(reviews iter.Seq2[*Review, error]) error {
	for r, err := range reviews {
		if err != nil {
			return fmt.Errorf("evaluation: screen reviews: %w", err)
		}
		if err := s.Add(r); err != nil {
			return err
		}
	}
	return nil
}

// raterKey tells raters apart by ID number, else phone, else the device of
// an online channel (a window's rating pad is shared by every rater).
func raterKey(r *Review) (runKey, bool) {
	v := r.Reviewer
	switch {
	case !v.CitizenID.IsZero():
		return runKey{r.Unit.CreditCode, 'i', v.CitizenID.String()}, true
	case v.Phone != "":
		return runKey{r.Unit.CreditCode, 'p', v.Phone}, true
	case v.Device != "" && r.Channel.Online():
		return runKey{r.Unit.CreditCode, 'd', v.Device}, true
	}
	return runKey{}, false
}

func (s *Screen) window(d Detector) time.Duration {
	if d == BurstDetector {
		return time.Duration(s.rules.Burst.WindowMinutes) * time.Minute
	}
	return time.Duration(s.rules.Repeat.WindowDays) * 24 * time.Hour
}

func (s *Screen) need(d Detector) int {
	if d == BurstDetector {
		return s.rules.Burst.MinRatings
	}
	return s.rules.Repeat.MinRatings
}

func (s *Screen) feed(runs map[runKey]*run, d Detector, k runKey, r *Review) {
	ru := runs[k]
	if ru == nil {
		ru = &run{key: k, det: d}
		runs[k] = ru
	}
	if f, done := ru.add(r, s.need(d), s.window(d), s.rules.EvidenceLimit); done {
		s.found = append(s.found, s.finish(ru, f))
	}
}

// expire closes and drops the runs idle for longer than the window (all
// of them when all is set).
func (s *Screen) expire(runs map[runKey]*run, window time.Duration, all bool) {
	for k, ru := range runs {
		if !all && s.last.Sub(ru.last) <= window {
			continue
		}
		if ru.open != nil {
			s.found = append(s.found, s.finish(ru, *ru.open))
		}
		delete(runs, k)
	}
}

func (s *Screen) checkEarly(r *Review) {
	grace := time.Duration(s.rules.Early.GraceMinutes) * time.Minute
	early := !r.ServedAt.IsZero() && r.RatedAt.Before(r.ServedAt.Add(-grace))
	if !early && s.rules.Early.Decided && s.decided != nil && r.Application != uuid.Nil {
		if d, ok := s.decided(r.Application); ok && r.RatedAt.Before(d.Add(-grace)) {
			early = true
		}
	}
	if !early {
		return
	}
	f := s.early[r.Unit.CreditCode]
	if f == nil {
		f = &Finding{Detector: EarlyDetector, Unit: r.Unit, Staff: r.Staff, Period: s.period, From: r.RatedAt}
		s.early[r.Unit.CreditCode] = f
	}
	f.Count++
	f.To = r.RatedAt
	if f.Staff != r.Staff {
		f.Staff = ""
	}
	if len(f.Reviews) < s.rules.EvidenceLimit {
		f.Reviews = append(f.Reviews, r.ID)
	}
}

// Findings closes the open runs and returns every finding: those of the
// review detectors, and those of ExcessDetector and PerfectDetector on the
// ByUnit scorecards cur of the period and prev of the previous period (nil
// prev: PerfectDetector does not run). Findings are sorted by detector,
// unit and time. A Screen may be given more reviews after Findings; runs
// closed by it stay closed.
func (s *Screen) Findings(cur, prev []Scorecard) []Finding {
	s.expire(s.bursts, 0, true)
	s.expire(s.repeats, 0, true)
	out := dedupe(slices.Clone(s.found))
	for _, f := range s.early {
		out = append(out, earlyStatement(*f))
	}
	if s.rules.on(ExcessDetector) {
		out = append(out, excessFindings(s.rules, s.period, cur)...)
	}
	if s.rules.on(PerfectDetector) && prev != nil {
		out = append(out, perfectFindings(s.rules, s.period, cur, prev)...)
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Detector.rank(), b.Detector.rank()), cmp.Compare(a.Unit.CreditCode, b.Unit.CreditCode),
			a.From.Compare(b.From), cmp.Compare(a.Source, b.Source))
	})
	return out
}

// dedupe drops a burst found through a phone when the same ratings were
// found through a device.
func dedupe(fs []Finding) []Finding {
	type sig struct {
		det   Detector
		unit  creditcode.Code
		first uuid.UUID
		n     int64
	}
	seen := map[sig]bool{}
	out := fs[:0]
	slices.SortStableFunc(fs, func(a, b Finding) int { return cmp.Compare(a.Source, b.Source) }) // "device:…" before "phone:…"
	for _, f := range fs {
		if len(f.Reviews) == 0 {
			out = append(out, f)
			continue
		}
		k := sig{f.Detector, f.Unit.CreditCode, f.Reviews[0], f.Count}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}
