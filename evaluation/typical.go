package evaluation

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// TypicalRules choose the typical reviews a report publishes (公开晾晒).
type TypicalRules struct {
	// PerUnit is how many good and how many bad reviews of one unit are
	// published at most. Default 2.
	PerUnit int `json:"per_unit"`
	// MinComment is the length, in characters, of a substantive comment,
	// which a good review needs to be published. Default 15.
	MinComment int `json:"min_comment"`
}

// DefaultTypicalRules returns 2 of each kind per unit and comments of at
// least 15 characters (local choices).
func DefaultTypicalRules() TypicalRules { return TypicalRules{PerUnit: 2, MinComment: 15} }

// Typical is a review chosen for publication, with personal data masked.
type Typical struct {
	// Bad is set for a bad review whose rectification is verified, unset
	// for a good review.
	Bad     bool              `json:"bad"`
	Review  uuid.UUID         `json:"review"`
	Unit    matter.Department `json:"unit"`
	Matter  string            `json:"matter,omitempty"`
	Channel matter.Channel    `json:"channel"`
	Rating  Rating            `json:"rating"`
	RatedAt time.Time         `json:"rated_at"`
	// Reviewer is the masked name of a real-name rater ("张**") or "匿名".
	Reviewer string `json:"reviewer"`
	// Comment is the comment (for a bad review without one, the reason
	// written), with digit runs such as phone and ID numbers masked.
	Comment string `json:"comment"`
	// Answer is the unit's answer on rectification (bad reviews), masked
	// alike.
	Answer string `json:"answer,omitempty"`
}

// SelectTypical chooses the typical reviews of period p for publication,
// by this rule:
//
//   - only reviews rated in p, not excluded, whose rater consented to
//     publication (Review.Publish);
//   - a bad review only when its rectification is verified: its case
//     (among cases) reached rectified and then was revisited, or closed;
//     ranked worst rating first, then earliest;
//   - a good review only with a substantive comment, at least
//     rules.MinComment characters once trimmed; ranked best rating first,
//     then longest comment, then earliest;
//   - at most rules.PerUnit of each kind per unit, ties broken by review id.
//
// Comments and answers are published with every run of 7 or more digits
// masked (MaskText); the rater appears as a masked name or 匿名. Names
// written in free text cannot be recognised: an office reads the text
// before publishing it. The result is sorted by unit credit code, bad
// reviews first, then by rank. Memory is rules.PerUnit reviews per unit and
// one entry per verified case. Listing errors stop the selection and are
// returned wrapped.
func SelectTypical(rules TypicalRules, p Period, reviews iter.Seq2[*Review, error], cases iter.Seq2[*Case, error]) ([]Typical, error) {
	tp, err := newTypicalPicker(rules, p)
	if err != nil {
		return nil, err
	}
	for c, err := range cases {
		if err != nil {
			return nil, fmt.Errorf("evaluation: typical reviews: %w", err)
		}
		tp.addCase(c)
	}
	for r, err := range reviews {
		if err != nil {
			return nil, fmt.Errorf("evaluation: typical reviews: %w", err)
		}
		tp.addReview(r)
	}
	return tp.result(), nil
}

// typicalPicker applies the rule of SelectTypical to streams: every case
// first, then the reviews.
type typicalPicker struct {
	rules    TypicalRules
	period   Period
	verified map[uuid.UUID]string
	units    map[creditcode.Code]*[2][]typicalPick
}

type typicalPick struct {
	t      Typical
	length int
}

func newTypicalPicker(rules TypicalRules, p Period) (*typicalPicker, error) {
	if rules.PerUnit < 1 || rules.MinComment < 0 {
		return nil, fmt.Errorf("evaluation: typical reviews: %w: per_unit must be at least 1 and min_comment not negative", ErrInvalid)
	}
	return &typicalPicker{rules: rules, period: p, verified: map[uuid.UUID]string{}, units: map[creditcode.Code]*[2][]typicalPick{}}, nil
}

func (tp *typicalPicker) addCase(c *Case) {
	if answer, ok := verifiedFix(c); ok {
		tp.verified[c.Review] = answer
	}
}

func rankTypical(a, b typicalPick) int {
	byID := strings.Compare(a.t.Review.String(), b.t.Review.String())
	if a.t.Bad {
		return cmp.Or(cmp.Compare(a.t.Rating, b.t.Rating), a.t.RatedAt.Compare(b.t.RatedAt), byID)
	}
	return cmp.Or(cmp.Compare(b.t.Rating, a.t.Rating), cmp.Compare(b.length, a.length), a.t.RatedAt.Compare(b.t.RatedAt), byID)
}

func (tp *typicalPicker) addReview(r *Review) {
	if r == nil || !r.Publish || r.Exclusion != nil || !tp.period.Contains(r.RatedAt) || !r.Rating.Valid() {
		return
	}
	comment := strings.TrimSpace(r.Comment)
	answer, fixed := tp.verified[r.ID]
	switch {
	case r.IsBad() && fixed:
		if comment == "" {
			comment = strings.TrimSpace(r.ReasonText)
		}
	case r.Rating.IsGood() && utf8.RuneCountInString(comment) >= tp.rules.MinComment:
		answer = ""
	default:
		return
	}
	pk := typicalPick{t: Typical{
		Bad: r.IsBad(), Review: r.ID, Unit: r.Unit, Matter: r.Matter, Channel: r.Channel, Rating: r.Rating, RatedAt: r.RatedAt,
		Reviewer: publicRater(r), Comment: MaskText(comment), Answer: MaskText(answer),
	}, length: utf8.RuneCountInString(comment)}
	u := tp.units[r.Unit.CreditCode]
	if u == nil {
		u = &[2][]typicalPick{}
		tp.units[r.Unit.CreditCode] = u
	}
	k := 1
	if pk.t.Bad {
		k = 0
	}
	i, _ := slices.BinarySearchFunc(u[k], pk, rankTypical)
	if i >= tp.rules.PerUnit {
		return
	}
	u[k] = slices.Insert(u[k], i, pk)
	if len(u[k]) > tp.rules.PerUnit {
		u[k] = u[k][:tp.rules.PerUnit]
	}
}

func (tp *typicalPicker) result() []Typical {
	var out []Typical
	for _, code := range slices.Sorted(maps.Keys(tp.units)) {
		for _, list := range tp.units[code] {
			for _, pk := range list {
				out = append(out, pk.t)
			}
		}
	}
	return out
}

// verifiedFix reports whether a case's rectification is verified — it
// reached rectified and was then revisited or closed — and returns the
// answer given to the rater.
func verifiedFix(c *Case) (string, bool) {
	if c == nil || c.State == CaseExcluded || c.Exclusion != nil {
		return "", false
	}
	answer, rectified, verified := "", false, false
	for _, h := range c.History {
		switch {
		case h.To == CaseRectified:
			answer, rectified = h.Note, true
		case rectified && (h.To == CaseRevisited || h.To == CaseClosed):
			verified = true
		}
	}
	return answer, verified
}

// publicRater returns the rater as published: a real-name rater's masked
// name, or 匿名.
func publicRater(r *Review) string {
	if r.RealName && r.Reviewer != nil && strings.TrimSpace(r.Reviewer.Name) != "" {
		return MaskName(r.Reviewer.Name)
	}
	return "匿名"
}

// MaskText masks personal numbers in free text: every run of 7 or more
// ASCII digits (an ID number's final X included) is masked as MaskPhone
// masks a number, so "电话13805311234" becomes "电话138****1234".
func MaskText(s string) string {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	var b strings.Builder
	for i := 0; i < len(s); {
		if !digit(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && digit(s[j]) {
			j++
		}
		if j-i == 17 && j < len(s) && (s[j] == 'X' || s[j] == 'x') {
			j++
		}
		if j-i >= 7 {
			b.WriteString(MaskPhone(s[i:j]))
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}
