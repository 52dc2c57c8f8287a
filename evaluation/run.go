package evaluation

import (
	"time"

	"github.com/google/uuid"
)

// run follows the ratings of one key (a unit and a source) for the burst
// and repeat detectors. It keeps the last min ratings only: min ratings
// within the window start a finding, and later ones extend it while they
// keep coming within the window.
type run struct {
	key  runKey
	det  Detector
	ring []entry
	seq  int64
	last time.Time
	open *Finding
	// counted is the seq of the last rating counted in open.
	counted int64
}

type entry struct {
	at    time.Time
	id    uuid.UUID
	staff string
	seq   int64
}

// add takes one rating. It returns a finished finding when the rating
// comes after the window of an open one.
func (ru *run) add(r *Review, need int, window time.Duration, limit int) (Finding, bool) {
	ru.seq++
	ru.last = r.RatedAt
	if len(ru.ring) == need {
		copy(ru.ring, ru.ring[1:])
		ru.ring = ru.ring[:need-1]
	}
	ru.ring = append(ru.ring, entry{at: r.RatedAt, id: r.ID, staff: r.Staff, seq: ru.seq})
	full := len(ru.ring) == need && ru.ring[need-1].at.Sub(ru.ring[0].at) <= window
	var done Finding
	closed := false
	if ru.open != nil && (r.RatedAt.Sub(ru.open.To) > window) {
		done, closed = *ru.open, true
		ru.open = nil
	}
	if !full {
		return done, closed
	}
	if ru.open == nil {
		ru.open = &Finding{Detector: ru.det, Unit: r.Unit, Staff: ru.ring[0].staff, From: ru.ring[0].at}
		ru.counted = ru.ring[0].seq - 1
	}
	for _, e := range ru.ring {
		if e.seq <= ru.counted {
			continue
		}
		f := ru.open
		f.Count++
		f.To = e.at
		if f.Staff != e.staff {
			f.Staff = ""
		}
		if len(f.Reviews) < limit {
			f.Reviews = append(f.Reviews, e.id)
		}
		ru.counted = e.seq
	}
	return done, closed
}

// finish completes a finding of the run with its source and statement.
func (s *Screen) finish(ru *run, f Finding) Finding {
	f.Period = s.period
	f.Source = maskSource(ru.key)
	if ru.det == BurstDetector {
		return burstStatement(f, s.rules)
	}
	return repeatStatement(f, s.rules)
}
