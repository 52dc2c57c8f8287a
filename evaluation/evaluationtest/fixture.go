package evaluationtest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// The fixtures are Shandong human resources and social security (人社)
// services: window ratings in 莱芜区, 12345 complaints about pensions,
// cases, 问题工单, incidents and reviews of how orders were handled. Credit codes and citizen ID numbers are
// well formed (check characters computed with creditcode and citizenid)
// but made up.

// Divisions used by the fixtures.
const (
	jinan   division.Code = "370100" // 济南市
	laiwu   division.Code = "370116" // 济南市莱芜区
	gangche division.Code = "370117" // 济南市钢城区
	qingdao division.Code = "370200" // 青岛市
	heze    division.Code = "371700" // 菏泽市
)

// matterCode is an illustrative 基本编码 (退休资格认定).
const matterCode = "370100000001"

// cfg is the configuration the fixtures are made with.
var cfg = evaluation.DefaultConfig()

// at returns a time in 2026, China Standard Time, to the second.
func at(month time.Month, day, hour, min int) time.Time {
	return time.Date(2026, month, day, hour, min, 0, 0, matter.CST)
}

// fixture builds the data of one case. Its units have credit codes made
// at random for the case, so that records of different cases, or of
// earlier runs, never share a unit; the checks that list by division
// ignore records they did not make.
type fixture struct {
	unit, other matter.Department
}

func newFixture() *fixture {
	return &fixture{
		unit:  randomUnit("莱芜区人社局", laiwu),
		other: randomUnit("钢城区人社局", gangche),
	}
}

// randomUnit returns a 机关 (registry 1, kind 1) with a random organisation
// code and correct check characters.
func randomUnit(name string, d division.Code) matter.Department {
	org := fmt.Sprintf("%08d", rand.IntN(100_000_000))
	oc, err := creditcode.OrgCheckChar(org)
	if err != nil {
		panic("evaluationtest: " + err.Error())
	}
	first17 := "11" + string(d) + org + string(oc)
	cc, err := creditcode.CheckChar(first17)
	if err != nil {
		panic("evaluationtest: " + err.Error())
	}
	code, err := creditcode.Parse(first17 + string(cc))
	if err != nil {
		panic("evaluationtest: " + err.Error())
	}
	return matter.Department{CreditCode: code, Name: name + "（测试" + org + "）", Division: d}
}

var raterID = func() citizenid.ID {
	id, err := citizenid.Parse("370102196501150015")
	if err != nil {
		panic("evaluationtest: " + err.Error())
	}
	return id
}()

func newID() uuid.UUID { return uuid.Must(uuid.NewV7()) }

// review returns a valid real-name bad 一次一评 rating of a window service,
// rated at t.
func review(t time.Time, d division.Code, u matter.Department) (*evaluation.Review, error) {
	r := &evaluation.Review{
		ID: newID(), Mode: evaluation.PerService,
		Application: newID(), Matter: matterCode, Bundle: "退休一件事",
		Unit: u, Division: d, Staff: "LW0231", Channel: matter.Window,
		ServedAt: t.Add(-time.Hour), RatedAt: t, Rating: evaluation.Dissatisfied,
		Scores: map[evaluation.Indicator]evaluation.Rating{
			evaluation.ServiceEfficiency: 2, evaluation.ServiceLevel: 3, evaluation.ServiceAttitude: 2,
		},
		Reasons: []string{"wait-too-long"}, ReasonText: "排队两个小时",
		RealName: true, Reviewer: &evaluation.Reviewer{Name: "张建国", Phone: "13805311234", CitizenID: raterID, Device: "EVAL-LW-07"},
		Publish: true,
	}
	return r, r.Validate(cfg)
}

// badCase returns the case of a new bad review, received at t.
func badCase(t time.Time, d division.Code, u matter.Department) (*evaluation.Case, error) {
	r, err := review(t.Add(-time.Hour), d, u)
	if err != nil {
		return nil, err
	}
	return evaluation.NewCase(cfg, r, t, "好差评办")
}

// order returns a 12345 complaint received at t and dispatched to u.
func order(t time.Time, d division.Code, u matter.Department) (*evaluation.WorkOrder, error) {
	w, err := evaluation.NewWorkOrder(evaluation.Intake{
		Line: evaluation.Line12345, Category: matter.Complaint, Channel: matter.Hotline,
		Division: d, Matter: matterCode, Summary: "退休待遇核定超期",
		Caller: &evaluation.Reviewer{Name: "王淑芬", Phone: "13906341122"},
	}, t, "12345-0871")
	if err != nil {
		return nil, err
	}
	return w, w.Dispatch(cfg, t.Add(30*time.Minute), "12345-0871", u)
}

// problem returns a 问题工单 opened at t.
func problem(t time.Time, d division.Code, u matter.Department) (*evaluation.ProblemOrder, error) {
	return &evaluation.ProblemOrder{
		ID: newID(), Order: newID(), Division: d, Category: matter.Complaint,
		Reason: evaluation.StallTransferred, Transfers: 3, Units: []matter.Department{u},
		Level: division.City, State: evaluation.ProblemOpen, OpenedAt: t,
		History: []evaluation.ProblemChange{{To: evaluation.ProblemOpen, At: t, By: "济南市12345督办科"}},
	}, nil
}

// incident returns an incident at t, reported by phone 20 minutes later.
func incident(t time.Time, d division.Code, u matter.Department) (*evaluation.Incident, error) {
	i := &evaluation.Incident{ID: newID(), Title: "政务服务中心叫号系统故障", Division: d, Unit: u, OccurredAt: t, PhoneAt: t.Add(20 * time.Minute)}
	return i, i.Validate()
}

// handlingReview returns the review, opened at t, of a 12345 pension
// complaint whose handling by u the caller complained of, as of its
// inspection: the reply cited no policy basis. The reviewed unit is u in
// division d.
func handlingReview(t time.Time, d division.Code, u matter.Department) (*evaluation.HandlingReview, error) {
	u.Division = d
	order := newID()
	return &evaluation.HandlingReview{
		ID: newID(), Order: order, Number: "JN12345-20260101-0001", Unit: u,
		Complaint: "答复没有说明依据哪项政策，问题也没解决", OpenedAt: t, OpenedBy: "12345-0871",
		Inspection: evaluation.Inspection{
			Order: order, Number: "JN12345-20260101-0001", Unit: u, Score: 80,
			Checks: []evaluation.InspectionCheck{
				{Rule: evaluation.RuleBasis, Passed: false, Applicable: true, Points: 20, Evidence: "答复未引用政策或法律依据"},
				{Rule: evaluation.RuleDeadline, Passed: true, Applicable: true},
			},
		},
		State:   evaluation.HandlingOpen,
		History: []evaluation.HandlingStep{{To: evaluation.HandlingOpen, At: t, By: "12345-0871", Note: "答复没有说明依据哪项政策"}},
	}, nil
}
