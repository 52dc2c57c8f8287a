package mattertest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// The fixtures are Shandong human resources and social security (人社)
// matters, bodies and applicants. Credit codes and citizen ID numbers are
// well formed (their check characters computed with creditcode.CheckChar
// and citizenid.CheckChar) but made up: they are test data, not the real
// bodies' codes or anybody's number.

// Divisions used by the fixtures.
const (
	shandong division.Code = "370000" // 山东省
	jinan    division.Code = "370100" // 济南市
	lixia    division.Code = "370102" // 济南市历下区
	laiwu    division.Code = "370116" // 济南市莱芜区
	qingdao  division.Code = "370200" // 青岛市
	shibei   division.Code = "370203" // 青岛市市北区
	heze     division.Code = "371700" // 菏泽市
	mudan    division.Code = "371702" // 菏泽市牡丹区
)

// Implementing bodies (实施主体).
var (
	shandongHRSS = department("113700000043041591", "山东省人力资源和社会保障厅", shandong)
	jinanHRSS    = department("11370100003023179J", "济南市人力资源和社会保障局", jinan)
	laiwuHRSS    = department("11370116004785247A", "济南市莱芜区人力资源和社会保障局", laiwu)
	qingdaoHRSS  = department("113702000042867395", "青岛市人力资源和社会保障局", qingdao)
	hezeHRSS     = department("113717000049610609", "菏泽市人力资源和社会保障局", heze)
)

// department returns a body with a credit code that must parse without
// warning; the literals are fixed, so a failure is a bug in this file.
func department(code, name string, d division.Code) matter.Department {
	c, err := creditcode.Parse(code)
	if err != nil {
		panic("mattertest: fixture credit code: " + err.Error())
	}
	return matter.Department{CreditCode: c, Name: name, Division: d}
}

// effective is the day the fixture matters take effect.
var effective = matter.DateOf(2025, time.January, 1)

// at returns a time on a 2026 working day in China Standard Time.
func at(month time.Month, day, hour, min int) time.Time {
	return time.Date(2026, month, day, hour, min, 0, 0, matter.CST)
}

// fixtures builds the data of one case. Its namespace makes every matter
// code, tag and applicant unique to the case, so that the cases can share
// one store (TestStore) and can run again on a store that keeps earlier
// runs' data.
type fixtures struct {
	ns  string
	tag string
}

// nsAlphabet avoids letters that read as digits.
const nsAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

func newFixtures() *fixtures {
	b := make([]byte, 8)
	for i := range b {
		b[i] = nsAlphabet[rand.N(len(nsAlphabet))]
	}
	ns := string(b)
	return &fixtures{ns: ns, tag: "mattertest-" + ns}
}

// code returns the i-th 12-character 基本编码 of the case: "MT", the
// namespace and two digits. Codes sort by i.
func (f *fixtures) code(i int) string { return fmt.Sprintf("MT%s%02d", f.ns, i) }

// unemployment returns 失业保险金申领, a 行政给付 handled fully online.
func (f *fixtures) unemployment(code string, body matter.Department) *matter.Matter {
	return &matter.Matter{
		Code:               code,
		ImplementationCode: body.CreditCode.String() + code,
		Items:              []matter.Item{{Code: code + "01", Name: "失业保险金申领"}},
		Name:               "失业保险金申领",
		Kind:               matter.Benefit,
		Body:               body,
		LegalBasis: []string{
			"《中华人民共和国社会保险法》第四十五条",
			"《失业保险条例》第十四条、第十六条",
			"《山东省失业保险规定》",
		},
		Levels:     []matter.Tier{matter.TierCity, matter.TierCounty},
		Audience:   []matter.Audience{matter.Person},
		Conditions: []string{"失业前用人单位和本人已经缴纳失业保险费满一年", "非因本人意愿中断就业", "已经进行失业登记，并有求职要求"},
		Process: []matter.ProcessStep{
			{Name: "受理", Description: "网上提交申领信息"},
			{Name: "审核"},
			{Name: "决定"},
			{Name: "送达", Description: "按月发放至社会保障卡金融账户"},
		},
		Forms:          []matter.HandlingForm{matter.Online, matter.AtWindow},
		StatutoryLimit: matter.TimeLimit{Value: 10},
		PromisedLimit:  matter.TimeLimit{Value: 3},
		Handling:       matter.Promised,
		Places: []matter.Place{{
			Name: "政务服务中心人社综合窗口", Division: body.Division,
			Hours: "周一至周五 9:00-12:00 13:00-17:00",
		}},
		Contacts: matter.Contacts{Consult: "12333", Complaint: "12345"},
		Reach:    matter.ReachProvince,
		Depth: matter.DepthOf(matter.OnlineConsultation, matter.OnlineReceipt, matter.OnlinePreReview,
			matter.OnlineAcceptance, matter.OnlineHandling, matter.ResultFeedback),
		Materials: []matter.Material{
			{Type: "resident-id-card", Name: "居民身份证", Source: "政府部门核发", Medium: matter.Either, Need: matter.Required, Trust: []matter.Trust{matter.TrustA, matter.TrustB}},
			{Type: "social-security-card", Name: "社会保障卡", Source: "政府部门核发", Medium: matter.Either, Need: matter.Optional, Trust: []matter.Trust{matter.TrustA}},
		},
		Result:    matter.Result{Name: "失业保险金待遇核定结果", Type: "其他"},
		Tags:      []string{f.tag, "high-frequency"},
		Effective: effective,
	}
}

// registration returns 职工参保登记, a 公共服务 handled at once.
func (f *fixtures) registration(code string, body matter.Department) *matter.Matter {
	return &matter.Matter{
		Code:               code,
		ImplementationCode: body.CreditCode.String() + code,
		Name:               "职工参保登记",
		Kind:               matter.PublicService,
		Body:               body,
		LegalBasis:         []string{"《中华人民共和国社会保险法》第五十八条", "《社会保险费征缴暂行条例》第七条"},
		Levels:             []matter.Tier{matter.TierCity, matter.TierCounty},
		Audience:           []matter.Audience{matter.Enterprise, matter.Institution, matter.Organisation},
		Conditions:         []string{"用人单位自用工之日起三十日内为其职工申请办理社会保险登记"},
		Process:            []matter.ProcessStep{{Name: "受理"}, {Name: "办结"}},
		Forms:              []matter.HandlingForm{matter.Online, matter.AtWindow},
		Handling:           matter.Immediate,
		Contacts:           matter.Contacts{Consult: "12333"},
		Reach:              matter.ReachProvince,
		Depth: matter.DepthOf(matter.OnlineConsultation, matter.OnlineReceipt, matter.OnlinePreReview,
			matter.OnlineAcceptance, matter.OnlineHandling, matter.ResultFeedback),
		Materials: []matter.Material{
			{Type: "labour-contract", Name: "劳动合同", Medium: matter.Electronic, Need: matter.Conditional, Condition: "未通过就业登记备案劳动合同的", Trust: []matter.Trust{matter.TrustC}},
		},
		Result:    matter.Result{Name: "参保登记信息", Type: "其他"},
		Tags:      []string{f.tag},
		Effective: effective,
	}
}

// employmentCard returns 就业创业证申领, a 公共服务 with one visit.
func (f *fixtures) employmentCard(code string, body matter.Department) *matter.Matter {
	return &matter.Matter{
		Code:               code,
		ImplementationCode: body.CreditCode.String() + code,
		Name:               "就业创业证申领",
		Kind:               matter.PublicService,
		Body:               body,
		LegalBasis:         []string{"《就业服务与就业管理规定》第六十二条", "《人力资源社会保障部关于推进就业创业证电子化的通知》"},
		Levels:             []matter.Tier{matter.TierCounty, matter.TierTownship},
		Audience:           []matter.Audience{matter.Person},
		Conditions:         []string{"法定劳动年龄内有劳动能力和就业要求的城乡劳动者"},
		Process:            []matter.ProcessStep{{Name: "受理"}, {Name: "审核"}, {Name: "发证"}},
		Forms:              []matter.HandlingForm{matter.AtWindow, matter.Online, matter.ByPost},
		StatutoryLimit:     matter.TimeLimit{Value: 5},
		PromisedLimit:      matter.TimeLimit{Value: 1},
		Handling:           matter.Promised,
		Visits:             1,
		OnSiteReason:       "首次申领实体证须本人到场核验身份",
		Places: []matter.Place{{
			Name: "街道（乡镇）便民服务中心", Division: body.Division,
			Hours: "周一至周五 9:00-12:00 13:00-17:00",
		}},
		Contacts: matter.Contacts{Consult: "12333", Complaint: "12345"},
		Reach:    matter.ReachCity,
		Depth:    matter.DepthOf(matter.OnlineConsultation, matter.OnlineReceipt, matter.OnlinePreReview),
		Postal:   true,
		Materials: []matter.Material{
			{Type: "resident-id-card", Name: "居民身份证", Source: "政府部门核发", Medium: matter.Either, Need: matter.Required, Trust: []matter.Trust{matter.TrustA, matter.TrustB}},
		},
		Result:    matter.Result{Name: "就业创业证", Type: "证照"},
		Tags:      []string{f.tag},
		Effective: effective,
	}
}

// overlay returns a county's or city's implementation list entry that
// shortens the promised limit and names a local window.
func (f *fixtures) overlay(code string, d division.Code, body matter.Department) *matter.Overlay {
	visits := 0
	return &matter.Overlay{
		Matter:             code,
		Division:           d,
		Body:               &body,
		ImplementationCode: body.CreditCode.String() + code,
		Places: []matter.Place{{
			Name: body.Name + "政务服务窗口", Division: d,
			Hours: "周一至周五 9:00-12:00 13:00-17:00；周六 9:00-12:00", Window: "人社综合受理窗口",
		}},
		Contacts:      &matter.Contacts{Consult: "12333", Complaint: "12345"},
		PromisedLimit: &matter.TimeLimit{Value: 2},
		Visits:        &visits,
	}
}

// person returns an applicant with a well-formed citizen ID number issued
// in region, a random birth day and sequence so that applicants differ
// between cases and runs.
func person(name string, region division.Code) matter.Applicant {
	birth := time.Date(1965, time.January, 1, 0, 0, 0, 0, matter.CST).AddDate(0, 0, rand.N(35*365))
	first17 := fmt.Sprintf("%s%s%03d", region, birth.Format("20060102"), rand.N(1000))
	check, err := citizenid.CheckChar(first17)
	if err != nil { // 17 digits always have a check character
		panic("mattertest: fixture citizen ID: " + err.Error())
	}
	return matter.Applicant{Audience: matter.Person, SubjectID: first17 + string(check), Name: name}
}

// application returns a new submitted application for one matter.
func application(code string, who matter.Applicant, where division.Code, ch matter.Channel, when time.Time) (*matter.Application, error) {
	a, err := matter.NewApplication(code, nil, who, where, ch, when)
	if err != nil {
		return nil, fmt.Errorf("fixture application: %w", err)
	}
	return a, nil
}
