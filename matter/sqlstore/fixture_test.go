package sqlstore_test

import (
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// jinanHRSS is 济南市人力资源和社会保障局 with a well-formed, made-up credit
// code.
var jinanHRSS = matter.Department{
	CreditCode: creditcode.Code("11370100003023179J"),
	Name:       "济南市人力资源和社会保障局",
	Division:   "370100",
}

// registration returns 职工参保登记 with code, a 公共服务 handled at once.
func registration(code string) *matter.Matter {
	return &matter.Matter{
		Code:               code,
		ImplementationCode: jinanHRSS.CreditCode.String() + code,
		Name:               "职工参保登记",
		Kind:               matter.PublicService,
		Body:               jinanHRSS,
		LegalBasis:         []string{"《中华人民共和国社会保险法》第五十八条"},
		Audience:           []matter.Audience{matter.Enterprise},
		Conditions:         []string{"用人单位自用工之日起三十日内为其职工申请办理社会保险登记"},
		Process:            []matter.ProcessStep{{Name: "受理"}, {Name: "办结"}},
		Forms:              []matter.HandlingForm{matter.Online, matter.AtWindow},
		Handling:           matter.Immediate,
		Contacts:           matter.Contacts{Consult: "12333"},
		Reach:              matter.ReachProvince,
		Depth: matter.DepthOf(matter.OnlineConsultation, matter.OnlineReceipt, matter.OnlinePreReview,
			matter.OnlineAcceptance, matter.OnlineHandling, matter.ResultFeedback),
		Result:    matter.Result{Name: "参保登记信息", Type: "其他"},
		Tags:      []string{"high-frequency"},
		Effective: matter.DateOf(2025, time.January, 1),
	}
}

// application returns a new application for the matter code made in 莱芜区
// by a person with a well-formed, made-up citizen ID number.
func application(code string, at time.Time) *matter.Application {
	who := matter.Applicant{Audience: matter.Person, SubjectID: "370116199003071236", Name: "李娜"}
	a, err := matter.NewApplication(code, nil, who, division.Code("370116"), matter.Window, at)
	if err != nil {
		panic(err)
	}
	return a
}

// at returns a time on 2 March 2026 in China Standard Time.
func at(hour, min int) time.Time { return time.Date(2026, time.March, 2, hour, min, 0, 0, matter.CST) }
