package routing

import (
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// Route is the router's answer for one matter: the mode, who receives and
// who decides, the legs between them with their due dates, and, on request,
// each party's duties, the recognised materials and the explanation.
//
// A Route is a value; its variable parts live inside it and are read
// through methods, so that routing does not allocate.
type Route struct {
	Matter string
	Mode   Mode
	// Channel is the channel the application was made through.
	Channel matter.Channel
	// Received is the day of receipt, midnight China Standard Time.
	Received time.Time
	// Receiving is the receiving office (收件地).
	Receiving Office
	// Due is the day by which the result is with the applicant or on its
	// way to them: the due date of the last leg, or of the decision for a
	// route with no result leg.
	Due time.Time
	// Agreement is the id of the agreement that allows the route; empty for
	// a route that needs none.
	Agreement string

	deciding  [maxBases]Office
	nDeciding uint8
	legs      [maxLegs]Leg
	nLegs     uint8
	lead      uint8  // index of the deciding office that delivers the result
	recog     uint64 // bit k: the matter's material k is recognised

	m       *matter.Matter // the matter as implemented where it is received
	ag      *compiled
	forward int // working days, and where they came from
	ret     int
	daysSrc basisSource // fromData if the agreement set them, else fromOption
	bases   bases
	pension pensionTrace
	steps   [maxSteps]rule
	nSteps  uint8
}

// maxLegs is the most legs a route has: three deciding places, each sent
// materials online and originals by post, two parts returned and one
// result.
const maxLegs = 3*2 + 2 + 1

// Deciding returns the deciding offices (办理地), one per place the
// matter's bases name, in the order of the bases. It shares the route's
// memory.
func (rt *Route) Deciding() []Office { return rt.deciding[:rt.nDeciding] }

// Lead returns the deciding office that delivers the result: the one
// whose jurisdiction the application was made in, else the first. With
// several deciding offices, the others send it their shares.
func (rt *Route) Lead() Office {
	if rt.nDeciding == 0 {
		return Office{}
	}
	return rt.deciding[rt.lead]
}

// Legs returns what travels between the parties, in the order it travels.
// It shares the route's memory.
func (rt *Route) Legs() []Leg { return rt.legs[:rt.nLegs] }

// Role is a party's part in a route.
type Role uint8

// The roles.
const (
	RoleApplicant Role = iota + 1 // 申请人
	RoleReceiving                 // 收件地
	RoleDeciding                  // 办理地
)

var roleNames = [...]struct{ text, zh, en string }{
	{},
	RoleApplicant: {"applicant", "申请人", "applicant"},
	RoleReceiving: {"receiving", "收件地", "receiving office"},
	RoleDeciding:  {"deciding", "办理地", "deciding office"},
}

// Names returns the Chinese and English names of the role.
func (r Role) Names() (zh, en string) {
	if r < RoleApplicant || r > RoleDeciding {
		return "", ""
	}
	return roleNames[r].zh, roleNames[r].en
}

// MarshalText writes "applicant", "receiving" or "deciding".
func (r Role) MarshalText() ([]byte, error) {
	if r < RoleApplicant || r > RoleDeciding {
		return []byte(""), nil
	}
	return []byte(roleNames[r].text), nil
}

// Party is one end of a leg or the holder of a duty: a role and, for an
// office, its division.
type Party struct {
	Role     Role          `json:"role"`
	Division division.Code `json:"division,omitempty"`
}

// Office is a receiving or deciding office.
type Office struct {
	Division division.Code `json:"division"`
	// Department is the implementing body the catalog names for the
	// division; zero when the catalog knows none there (an office of
	// another province, which that province's catalog names).
	Department matter.Department `json:"department,omitzero"`
	// Outlet is the receiving outlet's id, if the request named one.
	Outlet string `json:"outlet,omitempty"`

	// For a deciding office: the tier that decides (行使层级), the basis
	// that named the place, the promised limit (承诺时限) as implemented
	// there, and the day the decision is due.
	Tier  matter.Tier      `json:"tier,omitempty"`
	Basis Basis            `json:"basis,omitempty"`
	Limit matter.TimeLimit `json:"limit,omitzero"`
	Due   time.Time        `json:"due,omitzero"`
}

// Cargo is what a leg carries.
type Cargo uint8

// The cargoes.
const (
	// Materials are the application and its materials, digitised or as
	// sent by the applicant.
	Materials Cargo = iota + 1
	// Originals are paper originals the deciding office must hold.
	Originals
	// Part is one deciding office's decision on its share of a joint
	// matter, sent to the office that delivers the result.
	Part
	// Result is the decision, licence or certificate for the applicant.
	Result
)

var cargoNames = [...]struct{ text, zh, en string }{
	{},
	Materials: {"materials", "申请材料", "materials"},
	Originals: {"originals", "纸质原件", "paper originals"},
	Part:      {"part", "协办结果", "decision on a share"},
	Result:    {"result", "办理结果", "result"},
}

// Names returns the Chinese and English names of the cargo.
func (c Cargo) Names() (zh, en string) {
	if c < Materials || c > Result {
		return "", ""
	}
	return cargoNames[c].zh, cargoNames[c].en
}

// MarshalText writes "materials", "originals", "part" or "result".
func (c Cargo) MarshalText() ([]byte, error) {
	if c < Materials || c > Result {
		return []byte(""), nil
	}
	return []byte(cargoNames[c].text), nil
}

// Via is how a leg travels.
type Via uint8

// The ways.
const (
	ViaOnline Via = iota + 1 // 网络传输（电子化流转）
	ViaPost                  // 邮政寄递
)

var viaNames = [...]struct{ text, zh, en string }{
	{},
	ViaOnline: {"online", "网上", "online"},
	ViaPost:   {"post", "邮寄", "by post"},
}

// Names returns the Chinese and English names of the way.
func (v Via) Names() (zh, en string) {
	if v < ViaOnline || v > ViaPost {
		return "", ""
	}
	return viaNames[v].zh, viaNames[v].en
}

// MarshalText writes "online" or "post".
func (v Via) MarshalText() ([]byte, error) {
	if v < ViaOnline || v > ViaPost {
		return []byte(""), nil
	}
	return []byte(viaNames[v].text), nil
}

// Leg is one journey between parties: what travels, how, and by when it
// must be sent.
type Leg struct {
	From  Party `json:"from"`
	To    Party `json:"to"`
	Cargo Cargo `json:"cargo"`
	Via   Via   `json:"via"`
	// Days is the working days allowed from the leg's start (the receipt,
	// or the decision); Due the day by which it must be sent.
	Days int       `json:"days"`
	Due  time.Time `json:"due"`
}
