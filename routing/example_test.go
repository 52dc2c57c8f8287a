package routing_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
)

// A 济南 resident registers as unemployed (失业登记, 全省通办) at the 临沂
// hall on the Friday before the 2026 Spring Festival.
func ExampleRouter_Route() {
	root := os.DirFS("../examples/catalog")
	cat, err := matter.LoadFS(root)
	if err != nil {
		log.Fatal(err)
	}
	agr, err := routing.LoadAgreements(root)
	if err != nil {
		log.Fatal(err)
	}
	r, err := routing.NewRouter(cat, agr, nil) // nil: the national working-day calendar
	if err != nil {
		log.Fatal(err)
	}
	rt, err := r.Route(context.Background(), routing.Request{
		Matter:    "370015030000",
		Applicant: routing.Applicant{Audience: matter.Person, Domicile: "370100"}, // 户籍 from the civil registry
		Division:  "371300",
		Outlet:    "371300-city-hall",
		Channel:   matter.Window,
		At:        time.Date(2026, 2, 13, 9, 30, 0, 0, matter.CST),
	})
	if err != nil {
		log.Fatal(err)
	}
	zh, _ := rt.Mode.Names()
	fmt.Println(zh, rt.Receiving.Division, "→", rt.Deciding()[0].Division, rt.Agreement)
	for _, l := range rt.Legs() {
		what, _ := l.Cargo.Names()
		how, _ := l.Via.Names()
		fmt.Printf("%s %s→%s %s %s\n", what, l.From.Division, orApplicant(l.To), how, l.Due.Format(time.DateOnly))
	}
	for _, d := range rt.Duties() {
		if d.Party.Role == routing.RoleReceiving {
			task, _ := d.Task.Names()
			fmt.Println("收件地:", task, d.Due.Format(time.DateOnly))
		}
	}
	for _, m := range rt.Recognised() {
		fmt.Println("互认:", m.Name)
	}
	// Output:
	// 异地代收代办 371300 → 370100 sd-province-hrss
	// 申请材料 371300→370100 网上 2026-02-14
	// 办理结果 370100→申请人 网上 2026-02-24
	// 收件地: 核验申请人身份 2026-02-13
	// 收件地: 形式审查 2026-02-13
	// 收件地: 材料电子化 2026-02-14
	// 收件地: 转递材料 2026-02-14
	// 收件地: 答复申请人 2026-02-13
	// 互认: 居民身份证
	// 互认: 解除或终止劳动关系证明
}

func orApplicant(p routing.Party) string {
	if p.Role == routing.RoleApplicant {
		return "申请人"
	}
	return string(p.Division)
}

// Where a pension is paid: a 菏泽 resident insured 12 years in 青岛 and then
// 3 years in 济南 claims at 青岛, the previous place with ten years
// (国办发〔2009〕66号 art. 6 (3)); the explanation says so.
func ExampleRoute_Explain() {
	root := os.DirFS("../examples/catalog")
	cat, _ := matter.LoadFS(root)
	agr, _ := routing.LoadAgreements(root)
	r, _ := routing.NewRouter(cat, agr, nil)
	rt, err := r.Route(context.Background(), routing.Request{
		Matter: "370015005000",
		Applicant: routing.Applicant{Domicile: "371700", Insurance: []routing.Insured{
			{Division: "370200", Months: 144}, {Division: "370100", Months: 36},
		}},
		Division: "370100",
		Channel:  matter.Window,
		At:       time.Date(2026, 5, 6, 10, 0, 0, 0, matter.CST),
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range rt.Explain() {
		fmt.Println(s.Rule)
	}
	fmt.Println(rt.Explain()[2].ZH)
	// Output:
	// matter
	// basis
	// pension.previous
	// decider
	// cross-place
	// reach
	// agreement
	// mode.proxy
	// recognition
	// leg.materials
	// deadline.decision
	// leg.result
	// 国办发〔2009〕66号第六条第（三）项：在现参保地370100 济南市累计缴费不满10年，转回上一个缴费年限满10年的原参保地370200 青岛市（12年0个月）办理
}

// An application that cannot travel says why.
func ExampleNotRoutableError() {
	root := os.DirFS("../examples/catalog")
	cat, _ := matter.LoadFS(root)
	agr, _ := routing.LoadAgreements(root)
	r, _ := routing.NewRouter(cat, agr, nil)
	_, err := r.Route(context.Background(), routing.Request{
		Matter:    "370015031000", // 失业保险金申领
		Applicant: routing.Applicant{Domicile: "371300", Insurance: []routing.Insured{{Division: "320300", Months: 36}}},
		Division:  "371300",
		Channel:   matter.Window,
		At:        time.Date(2026, 6, 30, 10, 0, 0, 0, matter.CST),
	})
	var nr *routing.NotRoutableError
	if errors.As(err, &nr) {
		fmt.Println(nr.Reason)
		fmt.Println(nr.ZH)
	}
	// Output:
	// not_yet_in_force
	// 协议“淮河生态经济带人力资源社会保障“跨省通办”事项（演示）”自2026-07-01起生效，2026-06-30尚未生效
}

func ExampleLoadAgreements() {
	agr, err := routing.LoadAgreements(os.DirFS("../examples/catalog"))
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range agr.Regions() {
		fmt.Println(r.Name, len(r.Members), r.Unconfirmed)
	}
	for _, a := range agr.List() {
		fmt.Println(a.ID, a.Modes, len(a.Matters), a.Effective)
	}
	// Output:
	// 京津冀 3 false
	// 长三角 4 false
	// 沿黄河流域 9 false
	// 淮河生态经济带 29 true
	// sd-province-hrss [online proxy joint] 27 2021-06-01
	// huaihe-hrss [online proxy] 6 2026-07-01
	// jingjinji-hrss [online proxy] 9 2021-01-01
	// yangtze-delta-hrss [online proxy joint] 8 2021-01-01
	// yellow-river-hrss [online proxy joint] 8 2021-06-01
}

// 社会保障卡居民服务一件事 for a 济南 insured person at the 临沂 hall: the
// members travel together, one upload to 济南 and the card by post.
func ExampleRouter_RouteBundle() {
	root := os.DirFS("../examples/catalog")
	cat, _ := matter.LoadFS(root)
	agr, _ := routing.LoadAgreements(root)
	r, _ := routing.NewRouter(cat, agr, nil)
	b, _ := cat.Bundle("SD-YJS-SBK")
	sel, err := b.Select(matter.Choices{OneOf: map[string]string{"card-issue": "370015023000"}})
	if err != nil {
		log.Fatal(err)
	}
	br, err := r.RouteBundle(context.Background(), sel, routing.Request{
		Applicant: routing.Applicant{Domicile: "370102", Insurance: []routing.Insured{{Division: "370100", Months: 60}}},
		Division:  "371300",
		Channel:   matter.Window,
		At:        time.Date(2026, 3, 2, 10, 0, 0, 0, matter.CST),
	})
	for _, rt := range br.Routes {
		zh, _ := rt.Mode.Names()
		fmt.Println(rt.Matter, zh, rt.Lead().Division)
	}
	for _, g := range br.Groups {
		what, _ := g.Cargo.Names()
		how, _ := g.Via.Names()
		fmt.Println(what, how, len(g.Members), g.Due.Format(time.DateOnly))
	}
	fmt.Println(err)
	// Output:
	// 370015023000 异地代收代办 370100
	// 370015021000 异地代收代办 370100
	// 370015025000 本地办理 370000
	// 370018010000 异地代收代办 370100
	// 申请材料 网上 3 2026-03-03
	// 办理结果 邮寄 1 2026-03-11
	// 办理结果 网上 2 2026-03-04
	// <nil>
}
