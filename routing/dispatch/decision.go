package dispatch

import (
	"github.com/onething-gov/onething/standards/division"
)

// Level is the tier of office that handles a department's orders.
type Level string

// The levels.
const (
	// LevelCounty: the department of the county (区县) in whose jurisdiction
	// the order falls, or of the city when only the city is known.
	LevelCounty Level = "county"
	// LevelCity: the department of the city (设区市), such as the housing
	// provident fund centre; a county jurisdiction is lifted to its city.
	LevelCity Level = "city"
)

// Department is a department that dispatched orders go to (承办单位),
// named without its place: the office is the department of the decision's
// jurisdiction.
type Department struct {
	ID     string `json:"id"`   // stable short id, e.g. "labour-inspection"
	Name   string `json:"name"` // e.g. 劳动保障监察支队（大队）
	NameEn string `json:"name_en"`
	Level  Level  `json:"level"`
}

// Topic is what an order is about (诉求主题), owned by one department.
type Topic struct {
	ID     string `json:"id"`   // unique across departments, e.g. "wage-arrears"
	Name   string `json:"name"` // e.g. 拖欠工资
	NameEn string `json:"name_en"`
	// Matter is the basic code (基本编码) of the service matter the topic
	// is about, when there is one.
	Matter string `json:"matter,omitempty"`
}

// Reason says why an order went to the manual queue (人工分拨).
type Reason string

// The reasons the package gives. A manual rule gives its own reason, the
// text of its "manual" field.
const (
	ReasonEmptyText         Reason = "empty text"         // nothing to classify
	ReasonNoRule            Reason = "no rule matched"    // no rule matched
	ReasonAmbiguousDivision Reason = "ambiguous division" // places in the text point to different divisions
	ReasonNoDivision        Reason = "no division"        // neither the caller's division nor one in the text is known
)

// Source says where a jurisdiction came from.
type Source string

// The sources.
const (
	FromCaller Source = "caller" // the caller's division
	FromText   Source = "text"   // a place named in the text
)

// Decision is the outcome of classifying one order: a topic, the
// responsible department and the jurisdiction whose department handles it,
// with the rule that decided; or the manual queue with the reason.
type Decision struct {
	// Order is the order's ID.
	Order string `json:"order"`
	// Manual is true when the order goes to the manual queue; Reason says why.
	Manual bool   `json:"manual,omitempty"`
	Reason Reason `json:"reason,omitempty"`
	// Rule is the ID of the rule that matched, empty if none did.
	Rule string `json:"rule,omitempty"`
	// Topic and Department are those of the matched rule. On a manual
	// decision they are set when a rule matched but the jurisdiction was
	// ambiguous or unknown: a suggestion for the desk.
	Topic      Topic      `json:"topic,omitzero"`
	Department Department `json:"department,omitzero"`
	// Jurisdiction is the division whose department handles the order
	// (Department.Level applied); empty when unknown or ambiguous.
	Jurisdiction division.Code `json:"jurisdiction,omitempty"`
	// From says whether the jurisdiction is the caller's division or a
	// place named in the text.
	From Source `json:"from,omitempty"`
}

// Routed reports whether the order was dispatched automatically.
func (d Decision) Routed() bool { return !d.Manual }

// String returns a one-line summary: "department/topic @ jurisdiction
// (rule id)" or "manual: reason (rule id)".
func (d Decision) String() string {
	s := ""
	if d.Manual {
		s = "manual: " + string(d.Reason)
	} else {
		s = d.Department.ID + "/" + d.Topic.ID + " @ " + string(d.Jurisdiction)
	}
	if d.Rule != "" {
		s += " (rule " + d.Rule + ")"
	}
	return s
}

// Office returns the full name of the handling office, the department
// prefixed by its place: 济南市莱芜区劳动保障监察支队（大队）. It is empty for
// a manual decision.
func (d Decision) Office() string {
	if d.Manual {
		return ""
	}
	return placeName(d.Jurisdiction) + d.Department.Name
}

// placeName returns the name of c with its city, "济南市莱芜区", or just
// the name for a province, a city or a county whose parent is a province.
func placeName(c division.Code) string {
	dv, ok := division.Lookup(c)
	if !ok {
		return string(c)
	}
	if dv.Level != division.County {
		return dv.Name
	}
	if city := c.Parent(); city.Level() == division.City {
		if cd, ok := division.Lookup(city); ok {
			return cd.Name + dv.Name
		}
	}
	return dv.Name
}
