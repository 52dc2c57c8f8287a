package evaluation_test

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
// valid under GB 32100 (check characters computed with creditcode).
var (
	jinanHR   = unit("11370100004228002F", "济南市人力资源和社会保障局", "370100")
	laiwuHR   = unit("11370116004215631A", "济南市莱芜区人力资源和社会保障局", "370116")
	qingdaoHR = unit("11370200004327019N", "青岛市人力资源和社会保障局", "370200")
	shinanHR  = unit("11370203004550210B", "青岛市市南区人力资源和社会保障局", "370203")
	hezeHR    = unit("11371700004350120C", "菏泽市人力资源和社会保障局", "371700")
	hezeSI    = unit("12371700497012348R", "菏泽市社会保险事业中心", "371700")
)

// Raters, with ID numbers valid under GB 11643.
var (
	zhang = rater("张建国", "13805311234", "370102196501150015")
	li    = rater("李秀英", "15965421987", "370203198807124021")
)

// A matter code of the 退休一件事 bundle (illustrative 基本编码).
const pensionMatter = "370100000001"

func unit(code, name, div string) matter.Department {
	c, err := creditcode.Parse(code)
	if err != nil {
		panic(err)
	}
	return matter.Department{CreditCode: c, Name: name, Division: division.Code(div)}
}

func rater(name, phone, id string) *evaluation.Reviewer {
	cid, err := citizenid.Parse(id)
	if err != nil {
		panic(err)
	}
	return &evaluation.Reviewer{Name: name, Phone: phone, CitizenID: cid}
}

// at returns a time in 2026, China Standard Time.
func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, matter.CST)
}

func newID() uuid.UUID { return uuid.Must(uuid.NewV7()) }

// windowReview returns a valid real-name 一次一评 rating of a window service
// in 莱芜区 given at ratedAt for a service ended at servedAt.
func windowReview(rating evaluation.Rating, servedAt, ratedAt time.Time) *evaluation.Review {
	r := &evaluation.Review{
		ID: newID(), Mode: evaluation.PerService,
		Application: newID(), Matter: pensionMatter, Bundle: "退休一件事",
		Unit: laiwuHR, Division: "370116", Staff: "LW0231", Channel: matter.Window,
		ServedAt: servedAt, RatedAt: ratedAt, Rating: rating,
		Scores: map[evaluation.Indicator]evaluation.Rating{
			evaluation.ServiceEfficiency: rating, evaluation.ServiceLevel: rating, evaluation.ServiceAttitude: rating,
		},
		RealName: true, Reviewer: rater("张建国", "13805311234", "370102196501150015"),
	}
	if rating.IsBad() {
		r.Reasons = []string{"wait-too-long"}
		r.ReasonText = "排队两个小时，窗口只开一个"
	}
	return r
}

// appReview returns a valid anonymous 一事一评 rating from the 爱山东 app.
func appReview(rating evaluation.Rating, servedAt, ratedAt time.Time) *evaluation.Review {
	r := &evaluation.Review{
		ID: newID(), Mode: evaluation.PerMatter,
		Application: newID(), Matter: pensionMatter,
		Unit: jinanHR, Division: "370100", Channel: matter.App,
		ServedAt: servedAt, RatedAt: ratedAt, Rating: rating,
		Reviewer: &evaluation.Reviewer{Device: "ios-7F3A"},
	}
	if rating.IsBad() {
		r.ReasonText = "材料要求与办事指南不一致"
	}
	return r
}
