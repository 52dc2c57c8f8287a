package matter

import (
	"fmt"
	"slices"
	"strings"

	"github.com/onething-gov/onething/standards/division"
)

// Overlay is a city's or county's implementation list entry (实施清单) for a
// matter of the province's base catalog. "同一事项、同一标准": it may only
// localise where and how (places, hours, window, contacts, implementing
// body) and shorten the promised time limit; it may not add materials or
// conditions, change the legal basis, or lengthen a limit.
type Overlay struct {
	// Matter is the base matter's 基本编码; Division where the overlay applies.
	Matter   string        `json:"matter"`
	Division division.Code `json:"division"`

	// Body is the local implementing body, if it differs.
	Body *Department `json:"body,omitempty"`
	// ImplementationCode is the local 实施编码.
	ImplementationCode string    `json:"implementation_code,omitempty"`
	Places             []Place   `json:"places,omitempty"`
	Contacts           *Contacts `json:"contacts,omitempty"`
	// PromisedLimit, if set, must not exceed the base's promised limit.
	PromisedLimit *TimeLimit `json:"promised_limit,omitempty"`
	// Visits, if set, must not exceed the base's visits.
	Visits *int `json:"visits,omitempty"`

	// The fields below are what an overlay may NOT change. They exist so that
	// a local list that tries is caught with the field, the base value and
	// the local value, rather than silently ignored.
	LegalBasis []string   `json:"legal_basis,omitempty"`
	Conditions []string   `json:"conditions,omitempty"`
	Materials  []Material `json:"materials,omitempty"`

	Version int `json:"version"`
}

// Violation is an overlay change that breaks "same matter, same standard".
type Violation struct {
	Matter   string        `json:"matter"`
	Division division.Code `json:"division"`
	// Field is the JSON pointer of the field in the matter.
	Field string `json:"field"`
	Base  string `json:"base"`
	Local string `json:"local"`
	ZH    string `json:"zh"`
	EN    string `json:"en"`
}

func (v Violation) String() string {
	return fmt.Sprintf("%s@%s %s: %s (base %s, local %s)", v.Matter, v.Division, v.Field, v.EN, v.Base, v.Local)
}

// ViolationError lists every violation of an overlay; it unwraps to
// ErrInvalid.
type ViolationError struct{ Violations []Violation }

func (e *ViolationError) Error() string {
	s := fmt.Sprintf("matter: overlay breaks the province standard in %d places", len(e.Violations))
	for _, v := range e.Violations {
		s += "\n\t" + v.String()
	}
	return s
}

// Unwrap returns ErrInvalid.
func (e *ViolationError) Unwrap() error { return ErrInvalid }

// Check compares the overlay with its base matter and returns nil or a
// *ViolationError naming each field, the base value and the local value.
func (o *Overlay) Check(base *Matter) error {
	var vs []Violation
	add := func(field, b, l, zh, en string) {
		vs = append(vs, Violation{Matter: o.Matter, Division: o.Division, Field: field, Base: b, Local: l, ZH: zh, EN: en})
	}
	if o.Matter != base.Code {
		add("/code", base.Code, o.Matter, "实施清单与基本事项编码不符", "overlay is for another matter")
	}
	if _, err := division.Parse(string(o.Division)); err != nil {
		add("/division", "", string(o.Division), "区划代码无效", "overlay division is not a valid code")
	}
	if o.PromisedLimit != nil && o.PromisedLimit.minutes() > base.PromisedLimit.minutes() {
		add("/promised_limit", base.PromisedLimit.String(), o.PromisedLimit.String(), "承诺时限只能压缩，不能延长", "a local list may shorten the promised limit, never lengthen it")
	}
	if o.Visits != nil && *o.Visits > base.Visits {
		add("/visits", fmt.Sprint(base.Visits), fmt.Sprint(*o.Visits), "到现场次数只能减少", "a local list may reduce visits, never add them")
	}
	if o.Visits != nil && *o.Visits < 0 {
		add("/visits", fmt.Sprint(base.Visits), fmt.Sprint(*o.Visits), "到现场次数不能为负", "visits cannot be negative")
	}
	if o.LegalBasis != nil && !slices.Equal(o.LegalBasis, base.LegalBasis) {
		add("/legal_basis", fmt.Sprint(base.LegalBasis), fmt.Sprint(o.LegalBasis), "设定依据全省统一，不得改变", "the legal basis is the province's and cannot change")
	}
	for _, c := range o.Conditions {
		if !slices.Contains(base.Conditions, c) {
			add("/conditions", fmt.Sprint(base.Conditions), c, "不得增加受理条件", "a local list cannot add acceptance conditions")
		}
	}
	for _, m := range o.Materials {
		if !slices.ContainsFunc(base.Materials, func(b Material) bool { return b.Type == m.Type }) {
			add("/materials", materialTypes(base.Materials), m.Type+" "+m.Name, "不得增加申请材料", "a local list cannot add materials")
		}
	}
	if o.Body != nil && !strings.HasPrefix(o.ImplementationCode, o.Body.CreditCode.String()) {
		add("/implementation_code", base.ImplementationCode, o.ImplementationCode, "更换实施主体须给出以其统一社会信用代码开头的实施编码", "a local implementing body needs a local implementation code beginning with its credit code")
	}
	if o.Body != nil {
		if _, err := division.Parse(string(o.Body.Division)); err != nil || !o.Division.Province().Contains(o.Body.Division) {
			add("/body/division", string(base.Body.Division), string(o.Body.Division), "实施主体应在本地", "the local implementing body must sit in the overlay's province")
		}
	}
	if len(vs) == 0 {
		return nil
	}
	return &ViolationError{Violations: vs}
}

func materialTypes(ms []Material) string {
	var ts []string
	for _, m := range ms {
		ts = append(ts, m.Type)
	}
	return fmt.Sprint(ts)
}

// Apply returns the effective matter: a copy of base with the overlay's
// local values. It checks the overlay first and returns its violations
// instead of a matter that breaks the province standard. Materials and
// conditions an overlay lists (all of them already in the base) narrow
// nothing: the base's lists stay.
func (o *Overlay) Apply(base *Matter) (*Matter, error) {
	if err := o.Check(base); err != nil {
		return nil, err
	}
	m := base.Clone()
	if o.Body != nil {
		m.Body = *o.Body
	}
	if o.ImplementationCode != "" {
		m.ImplementationCode = o.ImplementationCode
	}
	if o.Places != nil {
		m.Places = slices.Clone(o.Places)
	}
	if o.Contacts != nil {
		m.Contacts = *o.Contacts
	}
	if o.PromisedLimit != nil {
		m.PromisedLimit = *o.PromisedLimit
		if m.PromisedLimit.Immediate() {
			m.Handling = Immediate
		}
	}
	if o.Visits != nil {
		m.Visits = *o.Visits
	}
	return m, nil
}
