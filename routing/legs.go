package routing

import (
	"fmt"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// ResultLicence is the result type (办理结果类型) of a physical licence,
// certificate or card: without e-licence feedback it travels by post.
const ResultLicence = "证照"

// plan adds the legs and due dates of rt's mode. Deadlines count working
// days through the router's calendar, the day a leg starts not counted.
func (r *Router) plan(q *Request, m *matter.Matter, rt *Route) error {
	var err error // the first calendar error or routing failure
	add := func(from time.Time, days int) time.Time {
		t, e := r.cal.Add(from, days)
		if e != nil && err == nil {
			err = fmt.Errorf("routing: %w", e)
		}
		return t
	}
	leg := func(from, to Party, c Cargo, v Via, start time.Time, days int) time.Time {
		due := add(start, days)
		rt.legs[rt.nLegs] = Leg{From: from, To: to, Cargo: c, Via: v, Days: days, Due: due}
		rt.nLegs++
		return due
	}
	fail := func(to division.Code, zh, en string) {
		if err == nil {
			err = notRoutable(q.Matter, rt.Receiving.Division, to, CannotTravel, rt.Agreement, zh, en)
		}
	}
	deciding := func(i int) Party { return Party{Role: RoleDeciding, Division: rt.deciding[i].Division} }

	recv := rt.Received
	lead := int(rt.lead)
	if rt.Mode == Local {
		d := &rt.deciding[0]
		d.Due = add(recv, d.Limit.WorkingDays())
		rt.Due = d.Due
		rt.step(ruleDecision, 0)
		return err
	}
	// Materials reach each deciding office outside the receiving office's
	// jurisdiction: online for an online or postal application (the
	// receiving office shares what it holds); otherwise digitised online
	// when the matter accepts online receipt (互联网收件), with any paper
	// originals still needed by post, or all by post.
	from := Party{Role: RoleReceiving, Division: rt.Receiving.Division}
	shared := rt.Mode == Online || rt.Channel == matter.Post
	for i := range rt.Deciding() {
		arrive := recv
		if to := deciding(i); !inside(rt.Receiving.Division, to.Division) {
			switch {
			case shared || m.Depth.Has(matter.OnlineReceipt):
				arrive = leg(from, to, Materials, ViaOnline, recv, rt.forward)
				if k := originalsNeeded(m, rt.recog); !shared && k >= 0 {
					if !m.Postal {
						fail(to.Division, fmt.Sprintf("纸质原件“%s”须送达办理地，但事项不支持寄递", m.Materials[k].Name),
							fmt.Sprintf("the paper original %q must reach the deciding office and the matter does not support post", m.Materials[k].Type))
						return err
					}
					leg(from, to, Originals, ViaPost, recv, rt.forward)
					rt.step(ruleOriginals, 0)
				}
			case m.Postal:
				arrive = leg(from, to, Materials, ViaPost, recv, rt.forward)
			default:
				fail(to.Division, "事项不支持互联网收件，也不支持寄递，材料无法转递", "the matter accepts neither online receipt nor post, so the materials cannot travel")
				return err
			}
			rt.step(ruleMaterials, uint8(i))
		}
		d := &rt.deciding[i]
		d.Due = add(arrive, d.Limit.WorkingDays())
		rt.step(ruleDecision, uint8(i))
	}
	// The other deciding offices send their decisions on their shares to
	// the lead, which decides last.
	final := rt.deciding[lead].Due
	for i := range rt.Deciding() {
		if i == lead {
			continue
		}
		if due := leg(deciding(i), deciding(lead), Part, ViaOnline, rt.deciding[i].Due, rt.ret); due.After(final) {
			final = due
		}
		rt.step(ruleParts, uint8(i))
	}
	rt.deciding[lead].Due = final
	via, ok := resultVia(m)
	if !ok {
		zh, en := "办理结果无法在线反馈，且事项不支持寄递", "the result cannot be sent online and the matter does not support post"
		if m.Result.Type == ResultLicence {
			zh, en = fmt.Sprintf("办理结果“%s”为实体证照，事项不支持寄递", m.Result.Name), fmt.Sprintf("the result (%s) is a physical licence and the matter does not support post", m.Result.Name)
		}
		fail(rt.deciding[lead].Division, zh, en)
		return err
	}
	rt.Due = leg(deciding(lead), Party{Role: RoleApplicant}, Result, via, final, rt.ret)
	rt.step(ruleResult, 0)
	return err
}

// originalsNeeded returns the index of the first required paper material
// not recognised, or -1.
func originalsNeeded(m *matter.Matter, recog uint64) int {
	for k, mat := range m.Materials {
		if mat.Need == matter.Required && mat.Medium == matter.Paper && (k >= 64 || recog&(1<<k) == 0) {
			return k
		}
	}
	return -1
}

// resultVia is how the result reaches the applicant: online as an
// e-licence (电子证照反馈); by post for a physical licence; online as result
// information (办理结果信息反馈); else by post. False if it would need post
// and the matter does not support it.
func resultVia(m *matter.Matter) (Via, bool) {
	switch {
	case m.Depth.Has(matter.ELicenceFeedback):
		return ViaOnline, true
	case m.Result.Type == ResultLicence:
		return ViaPost, m.Postal
	case m.Depth.Has(matter.ResultFeedback):
		return ViaOnline, true
	}
	return ViaPost, m.Postal
}
