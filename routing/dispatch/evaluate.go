package dispatch

import (
	"fmt"
	"strings"
)

// Report measures rules against labelled orders (see Evaluate).
type Report struct {
	// Orders is the number of orders evaluated.
	Orders int
	// Departments has the figures of every department of the rules, in the
	// order of departments.json.
	Departments []DepartmentFigures
	// Manual counts the orders labelled manual: Orders of them, Routed
	// automatically (wrongly), and Correct, those that went to manual.
	Manual ManualFigures
	// Topic is the share of correct-department routings whose topic is the
	// labelled one too; Jurisdiction likewise for the jurisdiction, among
	// those labelled with one.
	Topic, Jurisdiction Ratio
	// Misrouted lists the orders routed automatically to a department other
	// than the labelled one, including orders labelled manual.
	Misrouted []Miss
	// Unrouted lists the orders labelled with a department that went to the
	// manual queue.
	Unrouted []Miss
	// WrongTopic lists the orders routed to the right department under
	// another topic than the labelled one.
	WrongTopic []Miss
}

// DepartmentFigures are the counts of one department.
type DepartmentFigures struct {
	Department Department
	// Orders is the number of orders labelled with the department.
	Orders int
	// Routed is how many of those were routed automatically, to any
	// department.
	Routed int
	// Assigned is the number of automatic routings to the department,
	// whatever their label.
	Assigned int
	// Correct is how many of those were labelled with the department.
	Correct int
}

// Coverage is the share of the department's orders that were routed
// automatically rather than sent to the manual queue: Routed / Orders.
func (f DepartmentFigures) Coverage() Ratio { return Ratio{f.Routed, f.Orders} }

// Precision is the share of automatic routings to the department that
// were right: Correct / Assigned.
func (f DepartmentFigures) Precision() Ratio { return Ratio{f.Correct, f.Assigned} }

// Recall is the share of the department's orders routed to it: Correct /
// Orders.
func (f DepartmentFigures) Recall() Ratio { return Ratio{f.Correct, f.Orders} }

// ManualFigures are the counts of the orders labelled manual.
type ManualFigures struct{ Orders, Routed, Correct int }

// Miss is an order the rules got wrong, with what they decided.
type Miss struct {
	Order Labeled
	Got   Decision
}

// Evaluate classifies every order with rs and compares each decision with
// its label. Only the department and the manual queue count for coverage
// and precision; topic and jurisdiction are reported beside them.
func Evaluate(rs *Rules, orders []Labeled) Report {
	rep := Report{Orders: len(orders)}
	at := map[string]int{}
	for i, d := range rs.departments {
		at[d.ID] = i
		rep.Departments = append(rep.Departments, DepartmentFigures{Department: d})
	}
	for _, o := range orders {
		got := rs.Classify(o.Order)
		want := o.Want.Department
		if !got.Manual {
			if i, ok := at[got.Department.ID]; ok {
				rep.Departments[i].Assigned++
			}
		}
		if want == "" {
			rep.Manual.Orders++
			if got.Manual {
				rep.Manual.Correct++
			} else {
				rep.Manual.Routed++
				rep.Misrouted = append(rep.Misrouted, Miss{o, got})
			}
			continue
		}
		i, known := at[want]
		if known {
			rep.Departments[i].Orders++
		}
		switch {
		case got.Manual:
			rep.Unrouted = append(rep.Unrouted, Miss{o, got})
		case got.Department.ID != want:
			if known {
				rep.Departments[i].Routed++
			}
			rep.Misrouted = append(rep.Misrouted, Miss{o, got})
		default:
			rep.Departments[i].Routed++
			rep.Departments[i].Correct++
			rep.Topic.Den++
			if got.Topic.ID == o.Want.Topic {
				rep.Topic.Num++
			} else {
				rep.WrongTopic = append(rep.WrongTopic, Miss{o, got})
			}
			if o.Want.Jurisdiction != "" {
				rep.Jurisdiction.Den++
				if got.Jurisdiction == o.Want.Jurisdiction {
					rep.Jurisdiction.Num++
				}
			}
		}
	}
	return rep
}

// String renders the report as plain text: a table of departments, then
// the misrouted, unrouted and wrong-topic orders.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d orders\n", r.Orders)
	fmt.Fprintf(&b, "%-18s %6s %18s %18s\n", "department", "orders", "coverage", "precision")
	for _, d := range r.Departments {
		fmt.Fprintf(&b, "%-18s %6d %18s %18s\n", d.Department.ID, d.Orders, d.Coverage(), d.Precision())
	}
	fmt.Fprintf(&b, "%-18s %6d %18s\n", "manual (labelled)", r.Manual.Orders, Ratio{r.Manual.Correct, r.Manual.Orders})
	fmt.Fprintf(&b, "topic right when the department is right: %s\n", r.Topic)
	fmt.Fprintf(&b, "jurisdiction right when the department is right: %s\n", r.Jurisdiction)
	list := func(title string, ms []Miss) {
		fmt.Fprintf(&b, "%s: %d\n", title, len(ms))
		for _, m := range ms {
			want := m.Order.Want.Department + "/" + m.Order.Want.Topic
			if m.Order.Want.Manual != "" {
				want = "manual (" + m.Order.Want.Manual + ")"
			}
			fmt.Fprintf(&b, "  %s want %s, got %s: %s\n", m.Order.ID, want, m.Got, m.Order.Text)
		}
	}
	list("misrouted", r.Misrouted)
	list("unrouted", r.Unrouted)
	list("right department, other topic", r.WrongTopic)
	return b.String()
}
