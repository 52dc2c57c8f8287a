package routing

import (
	"errors"
	"strconv"

	"github.com/onething-gov/onething/standards/division"
)

// Sentinel errors. Test with errors.Is: richer errors such as
// *NotRoutableError and *LoadError unwrap to them.
var (
	// ErrNotRoutable: no mode lets the application travel from where it is
	// made to where it is decided. The *NotRoutableError says why.
	ErrNotRoutable = errors.New("not routable")
	// ErrInvalid: a request, an option or an agreements file breaks a
	// documented rule.
	ErrInvalid = errors.New("invalid")
)

// Reason is why an application cannot be routed.
type Reason uint8

// The reasons.
const (
	// NoAgreement: no agreement lists the matter for the two places.
	NoAgreement Reason = iota + 1
	// NotYetInForce: an agreement lists it, but takes effect later.
	NotYetInForce
	// Expired: an agreement listed it, but is no longer in force.
	Expired
	// ModeNotAllowed: an agreement in force lists it, but not in the mode
	// the application needs.
	ModeNotAllowed
	// NegativeList: the matter is on the negative list (负面清单) where it
	// is decided, so it cannot be handled fully online.
	NegativeList
	// NotFullyOnline: the matter's online depth (网上办理深度) does not reach
	// 全程网办.
	NotFullyOnline
	// OutOfReach: the matter's own 通办范围 does not stretch between the two
	// places.
	OutOfReach
	// CannotTravel: materials or the result would have to travel by post,
	// and the matter does not support it (是否支持物流快递).
	CannotTravel
	// MatterNotInForce: the matter does not apply on the day.
	MatterNotInForce
)

var reasonNames = [...]struct{ text, zh, en string }{
	{},
	NoAgreement:      {"no_agreement", "无通办协议", "no agreement"},
	NotYetInForce:    {"not_yet_in_force", "协议尚未生效", "agreement not yet in force"},
	Expired:          {"expired", "协议已失效", "agreement expired"},
	ModeNotAllowed:   {"mode_not_allowed", "协议不允许该模式", "mode not allowed"},
	NegativeList:     {"negative_list", "列入负面清单", "on the negative list"},
	NotFullyOnline:   {"not_fully_online", "未实现全程网办", "not fully online"},
	OutOfReach:       {"out_of_reach", "超出通办范围", "outside the matter's reach"},
	CannotTravel:     {"cannot_travel", "不支持寄递", "cannot travel by post"},
	MatterNotInForce: {"matter_not_in_force", "事项不在有效期内", "matter not in force"},
}

// Names returns the Chinese and English names of the reason.
func (r Reason) Names() (zh, en string) {
	if r < NoAgreement || r > MatterNotInForce {
		return "", ""
	}
	return reasonNames[r].zh, reasonNames[r].en
}

// String returns a stable identifier such as "not_yet_in_force".
func (r Reason) String() string {
	if r < NoAgreement || r > MatterNotInForce {
		return "Reason(" + strconv.Itoa(int(r)) + ")"
	}
	return reasonNames[r].text
}

// MarshalText writes the stable identifier.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// NotRoutableError says why an application cannot be routed. It unwraps to
// ErrNotRoutable.
type NotRoutableError struct {
	Matter string
	// From is where the application is made (收件地); To where it would be
	// decided (办理地).
	From, To division.Code
	Reason   Reason
	// Agreement is the agreement concerned, if any.
	Agreement string
	// ZH and EN explain the reason with its particulars.
	ZH, EN string
}

// Error says which matter cannot go from where to where, and why.
func (e *NotRoutableError) Error() string {
	return "routing: " + e.Matter + " from " + string(e.From) + " to " + string(e.To) + ": " + e.EN
}

// Unwrap returns ErrNotRoutable.
func (e *NotRoutableError) Unwrap() error { return ErrNotRoutable }
