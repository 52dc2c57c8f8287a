package routing

import (
	"encoding/json"
	"time"

	"github.com/onething-gov/onething/matter"
)

// routeJSON is the JSON form of a Route.
type routeJSON struct {
	Matter     string         `json:"matter"`
	Mode       Mode           `json:"mode"`
	Channel    matter.Channel `json:"channel"`
	Received   string         `json:"received"`
	Receiving  Office         `json:"receiving"`
	Deciding   []Office       `json:"deciding"`
	Legs       []Leg          `json:"legs"`
	Duties     []Duty         `json:"duties"`
	Recognised []string       `json:"recognised"`
	Agreement  string         `json:"agreement,omitempty"`
	Due        string         `json:"due"`
	Explain    []Step         `json:"explain"`
}

// MarshalJSON writes the route with its deciding offices, legs, duties,
// recognised material types and explanation, dates as "2006-01-02".
func (rt Route) MarshalJSON() ([]byte, error) {
	j := routeJSON{
		Matter: rt.Matter, Mode: rt.Mode, Channel: rt.Channel,
		Received: dateString(rt.Received), Receiving: rt.Receiving,
		Deciding: rt.Deciding(), Legs: rt.Legs(), Duties: rt.Duties(),
		Recognised: []string{}, Agreement: rt.Agreement, Due: dateString(rt.Due),
		Explain: rt.Explain(),
	}
	for _, m := range rt.Recognised() {
		j.Recognised = append(j.Recognised, m.Type)
	}
	if j.Legs == nil {
		j.Legs = []Leg{}
	}
	return json.Marshal(j)
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(matter.CST).Format(time.DateOnly)
}
