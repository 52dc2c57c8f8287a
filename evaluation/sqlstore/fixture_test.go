package sqlstore_test

import (
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// Units of the Shandong HRSS system. Credit codes are illustrative but
// valid under GB 32100 (a stored document must decode, and decoding checks
// them).
var (
	jinanHR   = unit("11370100004228002F", "济南市人力资源和社会保障局", "370100")
	laiwuHR   = unit("11370116004215631A", "济南市莱芜区人力资源和社会保障局", "370116")
	qingdaoHR = unit("11370200004327019N", "青岛市人力资源和社会保障局", "370200")
)

// zhang is a real-name rater; the ID number is valid under GB 11643.
var zhang = func() *evaluation.Reviewer {
	id, err := citizenid.Parse("370102196501150015")
	if err != nil {
		panic(err)
	}
	return &evaluation.Reviewer{Name: "张建国", Phone: "13805311234", CitizenID: id, Device: "EVAL-LW-07"}
}()

func unit(code, name, div string) matter.Department {
	c, err := creditcode.Parse(code)
	if err != nil {
		panic(err)
	}
	return matter.Department{CreditCode: c, Name: name, Division: division.Code(div)}
}

// at returns a time in 2026, China Standard Time.
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, matter.CST)
}

// windowReview returns a real-name bad 一次一评 rating of a window service
// of u in division d, rated at ratedAt.
func windowReview(u matter.Department, d division.Code, ratedAt time.Time) *evaluation.Review {
	return &evaluation.Review{
		ID: uuid.Must(uuid.NewV7()), Mode: evaluation.PerService,
		Application: uuid.Must(uuid.NewV7()), Matter: "370100000001", Bundle: "退休一件事",
		Unit: u, Division: d, Staff: "LW0231", Channel: matter.Window,
		ServedAt: ratedAt.Add(-time.Hour), RatedAt: ratedAt, Rating: evaluation.Dissatisfied,
		Scores: map[evaluation.Indicator]evaluation.Rating{
			evaluation.ServiceEfficiency: 2, evaluation.ServiceLevel: 3, evaluation.ServiceAttitude: 2,
		},
		Reasons: []string{"wait-too-long"}, ReasonText: "排队两个小时",
		RealName: true, Reviewer: zhang, Publish: true,
	}
}
