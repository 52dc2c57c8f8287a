package matter_test

import (
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// Departments of the 退休一件事 fixture. Credit codes are illustrative but
// valid under GB 32100.
var (
	hrss = matter.Department{CreditCode: mustCode("11370000004228002A"), Name: "山东省人力资源和社会保障厅", Division: "370000"}
	jnHR = matter.Department{CreditCode: mustCode("11370100004228002F"), Name: "济南市人力资源和社会保障局", Division: "370100"}
	lwHR = matter.Department{CreditCode: mustCode("11370116004228002M"), Name: "济南市莱芜区人力资源和社会保障局", Division: "370116"}
)

func mustCode(s string) creditcode.Code {
	c, err := creditcode.Parse(s)
	if err != nil {
		panic(err)
	}
	return c
}

var fullyOnline = matter.DepthOf(1, 2, 3, 4, 5, 6)

func material(typ, name string) matter.Material {
	return matter.Material{Type: typ, Name: name, Source: "申请人自备", Medium: matter.Either, Need: matter.Required, Trust: []matter.Trust{matter.TrustA, matter.TrustB}}
}

// retirementMatter builds a valid matter with the given code, name, promised
// limit and materials; it is fully online unless visits > 0.
func retirementMatter(code, name string, limit matter.TimeLimit, visits int, mats ...matter.Material) *matter.Matter {
	m := &matter.Matter{
		Code: code, Name: name, Kind: matter.Confirmation, Body: hrss,
		ImplementationCode: hrss.CreditCode.String() + "7" + code,
		LegalBasis:         []string{"《中华人民共和国社会保险法》第十六条"},
		Audience:           []matter.Audience{matter.Person},
		StatutoryLimit:     matter.TimeLimit{Value: 30, Unit: matter.WorkingDays},
		PromisedLimit:      limit,
		Handling:           matter.Promised,
		Visits:             visits,
		Contacts:           matter.Contacts{Consult: "12333", Complaint: "12345"},
		Reach:              matter.ReachProvince,
		Depth:              fullyOnline,
		Postal:             true,
		Materials:          mats,
		Result:             matter.Result{Name: name + "结果", Type: "其他"},
		Version:            1,
		Effective:          matter.DateOf(2024, 7, 11),
	}
	if limit.Immediate() {
		m.Handling = matter.Immediate
	}
	if visits > 0 {
		m.Depth = matter.DepthOf(1, 2, 3)
		m.OnSiteReason = "须现场核验原件"
	}
	return m
}

// retirement returns the nine matters of 退休一件事 (FACTS.md) and the bundle.
func retirement() (map[string]*matter.Matter, *matter.Bundle) {
	id := material("resident-id-card", "居民身份证")
	file := material("personnel-file", "人事档案")
	wd := func(n int) matter.TimeLimit { return matter.TimeLimit{Value: n, Unit: matter.WorkingDays} }
	nd := func(n int) matter.TimeLimit { return matter.TimeLimit{Value: n, Unit: matter.NaturalDays} }
	list := []*matter.Matter{
		retirementMatter("370000000001", "参保人员达到法定退休年龄领取基本养老保险待遇资格确认", wd(10), 0, id, file),
		retirementMatter("370000000002", "基本养老保险视同缴费年限认定", wd(15), 0, id, file),
		retirementMatter("370000000003", "特殊工种提前退休核准", wd(20), 1, id, file, material("special-work-record", "特殊工种档案")),
		retirementMatter("370000000004", "因病或非因工致残完全丧失劳动能力提前退休(退职)核准", nd(30), 1, id, file, material("medical-appraisal", "劳动能力鉴定结论")),
		retirementMatter("370000000005", "新增退休人员养老保险待遇核定发放", wd(10), 0, id, material("bank-card", "社会保障卡金融账户")),
		retirementMatter("370000000006", "基本医疗保险视同缴费年限核定", wd(5), 0, id),
		retirementMatter("370000000007", "离休、退休提取住房公积金", wd(3), 0, id, material("bank-card", "社会保障卡金融账户"), material("retirement-certificate", "退休证明")),
		retirementMatter("370000000008", "城镇独生子女父母奖励金", nd(20), 0, id, material("only-child-certificate", "独生子女父母光荣证")),
		retirementMatter("370000000009", "户籍信息确认", matter.TimeLimit{}, 0, id, material("household-register", "居民户口簿")),
	}
	ms := map[string]*matter.Matter{}
	for _, m := range list {
		ms[m.Code] = m
	}
	b := &matter.Bundle{
		Code: "SD-YJS-TX", Name: "退休一件事", Lead: hrss, Stage: "养老",
		Members: []matter.Member{
			{Matter: "370000000001"}, {Matter: "370000000003"}, {Matter: "370000000004"}, {Matter: "370000000009"},
			{Matter: "370000000002"}, {Matter: "370000000005"}, {Matter: "370000000006"},
			{Matter: "370000000007", Optional: true, Condition: "有住房公积金账户"},
			{Matter: "370000000008", Optional: true, Condition: "符合城镇独生子女父母奖励条件"},
		},
		Plan: matter.Plan{Steps: []matter.Step{
			{Name: "资格确认", Slots: []matter.Slot{{ID: "retirement-basis", OneOf: []string{"370000000001", "370000000003", "370000000004"}}, {Member: "370000000009"}}},
			{Name: "待遇核定", Slots: []matter.Slot{{Member: "370000000002"}, {Member: "370000000005"}}},
			{Name: "关联事项", Slots: []matter.Slot{{Member: "370000000006"}, {Member: "370000000007"}, {Member: "370000000008"}}},
		}},
		Version: 1,
	}
	return ms, b
}
