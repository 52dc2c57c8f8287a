package evaluation

import (
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// WorkOrder is a hotline work order (12345 / 12333 工单), through the
// lifecycle of 国办发〔2020〕53号:
//
//	受理 received → 调度 dispatched → 办理 handling → 回复 replied → 回访 revisited → 办结 closed
//
// with these other moves:
//
//   - 退回: the unit sends an order outside its duties back (dispatched or
//     handling → received) within HotlineRules.SendBackDays working days of
//     dispatch; the next dispatch is a transfer.
//   - 重办: after a dissatisfied or unresolved revisit, the order goes back to
//     handling (revisited → handling) with a new handling deadline.
//   - 办结 without a revisit: an order answered at intake (received →
//     closed) or whose caller cannot be revisited (replied → closed), with a
//     note saying so.
//
// Extensions (延期), supervision orders (督办单) and the naming of a lead unit
// change no state and are kept in their own lists. The handling deadline
// (Due) runs from each dispatch and each reopening; Card shows the yellow or
// red card while the unit holds the order.
type WorkOrder struct {
	ID uuid.UUID `json:"id"`
	Intake

	State      OrderState `json:"state"`
	ReceivedAt time.Time  `json:"received_at"`
	// Unit is the unit holding the order now: zero before dispatch and
	// after a send-back. Units lists every unit dispatched to, in order.
	Unit  matter.Department   `json:"unit,omitzero"`
	Units []matter.Department `json:"units,omitempty"`
	// Lead is the lead unit (牵头单位), once one is named.
	Lead *Assignment `json:"lead,omitempty"`
	// DispatchedAt is the last dispatch; Due the last day of the present
	// handling deadline and YellowFrom the first day of its yellow card.
	DispatchedAt time.Time   `json:"dispatched_at,omitzero"`
	Due          matter.Date `json:"due,omitzero"`
	YellowFrom   matter.Date `json:"yellow_from,omitzero"`
	// Transfers counts the dispatches after the first (转办); Rehandled
	// the reopenings for 重办; ExtendedDays the working days of extension
	// granted in all.
	Transfers    int `json:"transfers"`
	Rehandled    int `json:"rehandled"`
	ExtendedDays int `json:"extended_days"`

	Extensions   []Extension   `json:"extensions,omitempty"`
	Supervisions []Supervision `json:"supervisions,omitempty"`
	Replies      []Reply       `json:"replies,omitempty"`
	Revisits     []Revisit     `json:"revisits,omitempty"`
	// History lists every change of state, the first being the receipt.
	History []OrderChange `json:"history"`
	// Problem is the 问题工单 the order was escalated to, if any.
	Problem uuid.UUID `json:"problem,omitzero"`
	// Version counts stored revisions, from 1; the store sets it.
	Version int `json:"version"`
}

// Intake is what the hotline records when it takes a request (受理).
type Intake struct {
	// Number is the hotline's own ticket number, if it has one.
	Number   string          `json:"number,omitempty"`
	Line     Line            `json:"line"`
	Category matter.Category `json:"category"`
	// Channel is how the request came in: hotline, web, app, SMS, …
	Channel matter.Channel `json:"channel"`
	// Division is where the request is about; Matter the matter, if one.
	Division division.Code `json:"division"`
	Matter   string        `json:"matter,omitempty"`
	Summary  string        `json:"summary"`
	// Caller is the requester: personal data (see ForUnit).
	Caller *Reviewer `json:"caller,omitempty"`
	// Confidential marks a caller who asked not to be named to the unit
	// (保密); reports (举报) are always treated so.
	Confidential bool `json:"confidential,omitempty"`
}

// Line is a hotline number.
type Line string

// The lines.
const (
	Line12345 Line = "12345" // 政务服务便民热线
	Line12333 Line = "12333" // 人力资源社会保障热线
)

// Valid reports whether l is one of the lines.
func (l Line) Valid() bool { return l == Line12345 || l == Line12333 }

// OrderState is the state of a work order.
type OrderState string

// The states.
const (
	OrderReceived   OrderState = "received"   // 受理 (awaiting dispatch)
	OrderDispatched OrderState = "dispatched" // 调度 (sent to a unit)
	OrderHandling   OrderState = "handling"   // 办理
	OrderReplied    OrderState = "replied"    // 回复
	OrderRevisited  OrderState = "revisited"  // 回访/评价
	OrderClosed     OrderState = "closed"     // 办结
)

var orderStateNames = map[OrderState][2]string{
	OrderReceived:   {"受理", "received"},
	OrderDispatched: {"调度", "dispatched"},
	OrderHandling:   {"办理", "handling"},
	OrderReplied:    {"回复", "replied"},
	OrderRevisited:  {"回访", "revisited"},
	OrderClosed:     {"办结", "closed"},
}

// OrderStates lists every state in lifecycle order.
func OrderStates() []OrderState {
	return []OrderState{OrderReceived, OrderDispatched, OrderHandling, OrderReplied, OrderRevisited, OrderClosed}
}

// Valid reports whether s is one of the states.
func (s OrderState) Valid() bool { _, ok := orderStateNames[s]; return ok }

// Names returns the Chinese and English names of the state.
func (s OrderState) Names() (zh, en string) { n := orderStateNames[s]; return n[0], n[1] }

// Open reports whether the order is not closed.
func (s OrderState) Open() bool { return s != OrderClosed }

var orderMoves = map[OrderState][]OrderState{
	OrderReceived:   {OrderDispatched, OrderClosed},
	OrderDispatched: {OrderHandling, OrderReceived},
	OrderHandling:   {OrderReplied, OrderReceived},
	OrderReplied:    {OrderRevisited, OrderClosed},
	OrderRevisited:  {OrderHandling, OrderClosed},
}

// CanMoveOrder reports whether the lifecycle has a move from one state to
// another. The steps check more (see WorkOrder).
func CanMoveOrder(from, to OrderState) bool { return slices.Contains(orderMoves[from], to) }

// OrderChange is one change of state.
type OrderChange struct {
	From OrderState `json:"from,omitempty"`
	To   OrderState `json:"to"`
	At   time.Time  `json:"at"`
	By   string     `json:"by"`
	Note string     `json:"note,omitempty"`
}

// Assignment names a unit for a role, with who named it and when.
type Assignment struct {
	Unit matter.Department `json:"unit"`
	At   time.Time         `json:"at"`
	By   string            `json:"by"`
}

// Extension is one extension (延期) of the handling deadline.
type Extension struct {
	At   time.Time `json:"at"`
	Days int       `json:"days"`
	// ApprovedBy is who approved it; Reason why it was needed.
	ApprovedBy string `json:"approved_by"`
	Reason     string `json:"reason"`
	// From and To are the due dates before and after.
	From matter.Date `json:"from"`
	To   matter.Date `json:"to"`
}

// Supervision is a supervision order (督办单) attached to an open order.
type Supervision struct {
	At     time.Time         `json:"at"`
	By     string            `json:"by"`
	Reason SupervisionReason `json:"reason"`
	Note   string            `json:"note,omitempty"`
}

// SupervisionReason is why a supervision order is issued.
type SupervisionReason string

// The reasons.
const (
	SuperviseOverdue           SupervisionReason = "overdue"            // 超期未办结
	SuperviseDissatisfied      SupervisionReason = "dissatisfied"       // 回访不满意
	SuperviseStillDissatisfied SupervisionReason = "still_dissatisfied" // 重办后仍不满意
)

// Valid reports whether r is one of the reasons.
func (r SupervisionReason) Valid() bool {
	return r == SuperviseOverdue || r == SuperviseDissatisfied || r == SuperviseStillDissatisfied
}

// Reply is the unit's answer to the caller (回复).
type Reply struct {
	At   time.Time         `json:"at"`
	By   string            `json:"by"`
	Unit matter.Department `json:"unit"`
	Text string            `json:"text"`
	// Due is the handling deadline the reply answered; OnTime whether the
	// reply came on or before it.
	Due    matter.Date `json:"due"`
	OnTime bool        `json:"on_time"`
}

// Revisit is a return visit to the caller (回访/评价).
type Revisit struct {
	At time.Time `json:"at"`
	By string    `json:"by"`
	// Rating is the caller's satisfaction: 3–5 satisfied (满意), 1–2 not.
	Rating Rating `json:"rating"`
	// Resolved says whether the caller's problem was solved (解决).
	Resolved bool   `json:"resolved"`
	Note     string `json:"note,omitempty"`
}

// Satisfied reports whether the caller was satisfied.
func (r Revisit) Satisfied() bool { return r.Rating.IsGood() }

// Card is the warning a work order shows as its deadline nears (黄牌) or
// passes (红牌).
type Card int

// The cards.
const (
	NoCard Card = iota
	Yellow      // 黄牌: HotlineRules.YellowDays working days or fewer left
	Red         // 红牌: past due
)

// String returns "none", "yellow" or "red".
func (c Card) String() string {
	switch c {
	case Yellow:
		return "yellow"
	case Red:
		return "red"
	}
	return "none"
}

// Names returns the Chinese and English names of the card.
func (c Card) Names() (zh, en string) {
	switch c {
	case Yellow:
		return "黄牌", "yellow card"
	case Red:
		return "红牌", "red card"
	}
	return "无", "none"
}

// StallReason is why an order is 久拖未决.
type StallReason string

// The reasons.
const (
	StallRehandled   StallReason = "rehandled"   // 多次重办仍未解决
	StallTransferred StallReason = "transferred" // 多次转办无牵头单位
)

// Clone returns a deep copy.
func (w *WorkOrder) Clone() *WorkOrder {
	c := *w
	if w.Caller != nil {
		v := *w.Caller
		c.Caller = &v
	}
	if w.Lead != nil {
		l := *w.Lead
		c.Lead = &l
	}
	c.Units = slices.Clone(w.Units)
	c.Extensions = slices.Clone(w.Extensions)
	c.Supervisions = slices.Clone(w.Supervisions)
	c.Replies = slices.Clone(w.Replies)
	c.Revisits = slices.Clone(w.Revisits)
	c.History = slices.Clone(w.History)
	return &c
}

// Equal reports whether w and o are the same order apart from Version:
// times are compared as instants and a nil slice equals an empty one.
func (w *WorkOrder) Equal(o *WorkOrder) bool { return sameRecord(w, o) }

// ForUnit returns a copy for the handling unit: without the caller when
// the caller asked for confidentiality or the order is a report (举报).
func (w *WorkOrder) ForUnit() *WorkOrder {
	c := w.Clone()
	if c.Confidential || c.Category == matter.Report {
		c.Caller = nil
	}
	return c
}
