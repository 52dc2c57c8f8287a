package evaluation_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
)

// Two 人社 units of Jinan are rated in October 2026. The aggregator reads
// the store's listing once and keeps one set of counters per unit; the
// rates are published with 2 decimals, rounded half-up. The excluded
// malicious rating counts in no rate.
func ExampleAggregator() {
	ctx := context.Background()
	cst := matter.CST
	laiwu := matter.Department{CreditCode: "11370116004215631A", Name: "济南市莱芜区人力资源和社会保障局", Division: "370116"}
	jinan := matter.Department{CreditCode: "11370100004228002F", Name: "济南市人力资源和社会保障局", Division: "370100"}
	store := evaluation.NewMemoryStore()
	add := func(u matter.Department, day int, rating evaluation.Rating, excluded bool) {
		r := &evaluation.Review{
			ID: uuid.Must(uuid.NewV7()), Mode: evaluation.PerService, Application: uuid.Must(uuid.NewV7()),
			Unit: u, Division: u.Division, Channel: matter.Window, Rating: rating,
			RatedAt: time.Date(2026, 10, day, 10, 0, 0, 0, cst),
		}
		if excluded {
			r.Exclusion = &evaluation.Exclusion{Kind: evaluation.Malicious, By: "济南市好差评办", Reason: "恶意差评", At: r.RatedAt}
		}
		if _, err := store.AddReview(ctx, r); err != nil {
			fmt.Println(err)
		}
	}
	for day, rating := range []evaluation.Rating{5, 5, 4, 3, 2, 5, 1} {
		add(laiwu, 8+day, rating, false)
	}
	add(laiwu, 20, evaluation.VeryDissatisfied, true)
	for day, rating := range []evaluation.Rating{5, 4, 4} {
		add(jinan, 12+day, rating, false)
	}

	oct := evaluation.Month(2026, time.October)
	agg, err := evaluation.NewAggregator(evaluation.ByUnit, oct, time.Time{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := agg.AddAll(store.ListReviews(ctx, evaluation.ReviewFilter{Period: oct})); err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range agg.Scorecards() {
		fmt.Printf("%s: %d reviews (5/4/3/2/1 = %v), 好评率 %s, 差评率 %s, excluded %d\n",
			c.Name, c.Reviews(), c.ByLevel, c.GoodRate().Detail(), c.BadRate(), c.ExcludedReviews)
	}
	// Output:
	// 济南市人力资源和社会保障局: 3 reviews (5/4/3/2/1 = [0 0 0 2 1]), 好评率 100.00% (3/3), 差评率 0.00%, excluded 0
	// 济南市莱芜区人力资源和社会保障局: 7 reviews (5/4/3/2/1 = [1 1 1 1 3]), 好评率 71.43% (5/7), 差评率 28.57%, excluded 1
}

// An auditor draws two work orders per unit from the published seed. The
// sample depends only on the seed and the orders, so anyone can re-draw
// it, in any language, from the documented algorithm.
func ExampleAudit() {
	cst := matter.CST
	units := []matter.Department{
		{CreditCode: "11370116004215631A", Name: "济南市莱芜区人力资源和社会保障局", Division: "370116"},
		{CreditCode: "11370203004550210B", Name: "青岛市市南区人力资源和社会保障局", Division: "370203"},
	}
	var orders []*evaluation.WorkOrder
	for i := range 8 {
		orders = append(orders, &evaluation.WorkOrder{
			ID:         uuid.MustParse(fmt.Sprintf("01990000-0000-7000-8000-%012d", 700+i)),
			Intake:     evaluation.Intake{Number: fmt.Sprintf("GD2026%04d", 700+i)},
			ReceivedAt: time.Date(2026, 10, 12+i, 9, 0, 0, 0, cst),
			Unit:       units[i%2],
		})
	}
	list := func(yield func(*evaluation.WorkOrder, error) bool) {
		for _, w := range orders {
			if !yield(w, nil) {
				return
			}
		}
	}
	sample, err := evaluation.Audit("2026-11-01 双色球2026126期 03 07 15 22 28 31+09", 2, evaluation.Month(2026, time.October), list)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range sample.Strata {
		fmt.Printf("%s (%d orders):", s.Unit.Name, s.Population)
		for _, d := range s.Drawn {
			fmt.Printf(" %s [%s…]", d.Number, d.Score[:8])
		}
		fmt.Println()
	}
	// Output:
	// 济南市莱芜区人力资源和社会保障局 (4 orders): GD20260700 [02e38ef9…] GD20260702 [0ecd3b54…]
	// 青岛市市南区人力资源和社会保障局 (4 orders): GD20260703 [1838a800…] GD20260705 [254d9a49…]
}

// The monthly report (月调度) of a unit whose callers were dissatisfied:
// its 满意率 is below the default 90%, which calls for an interview (约谈)
// with the figures as evidence; the report renders to Markdown and CSV.
func ExampleMonthlyReport() {
	ctx := context.Background()
	cst := matter.CST
	cfg := evaluation.DefaultConfig()
	unit := matter.Department{CreditCode: "11370116004215631A", Name: "济南市莱芜区人力资源和社会保障局", Division: "370116"}
	store := evaluation.NewMemoryStore()
	for i := range 12 {
		day := time.Date(2026, 10, 12+i%5, 9, i, 0, 0, cst)
		w, err := evaluation.NewWorkOrder(evaluation.Intake{Line: evaluation.Line12345, Category: matter.Complaint,
			Channel: matter.Hotline, Division: "370116", Summary: "养老保险待遇核定进度"}, day, "12345-0871")
		if err == nil {
			err = w.Dispatch(cfg, day.Add(time.Hour), "12345-0871", unit)
		}
		if err == nil {
			err = w.Accept(day.Add(2*time.Hour), "LW0012")
		}
		if err == nil {
			err = w.Reply(day.Add(26*time.Hour), "LW0012", "已答复")
		}
		if err == nil {
			satisfied := evaluation.Rating(4)
			if i%4 == 0 {
				satisfied = 2 // 3 of 12 dissatisfied
			}
			err = w.RecordRevisit(day.Add(50*time.Hour), "12345-回访", satisfied, true, "")
		}
		if err == nil {
			_, err = store.AddWorkOrder(ctx, w)
		}
		if err != nil {
			fmt.Println(err)
			return
		}
	}
	rep, err := evaluation.MonthlyReport(ctx, evaluation.ReportInput{Store: store}, 2026, time.October)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Title)
	for _, a := range rep.Actions {
		zh, _ := a.Kind.Names()
		fmt.Println(zh, a.Name, "—", a.Evidence.ZH)
	}
	var md strings.Builder
	if err := rep.Markdown(&md); err != nil {
		fmt.Println(err)
	}
	fmt.Println(strings.Count(md.String(), "\n## "), "sections in Markdown")
	var csv strings.Builder
	if err := rep.CSV(&csv); err != nil {
		fmt.Println(err)
	}
	for _, line := range strings.Split(csv.String(), "\n") {
		if strings.HasPrefix(line, "section,") || strings.HasPrefix(line, "unit,") && strings.Contains(line, "satisfaction_rate") {
			fmt.Println(line)
		}
	}
	// Output:
	// 2026年10月好差评和热线工单月调度报告
	// 约谈 济南市莱芜区人力资源和社会保障局 — 满意率75.00% (9/12)低于90.00%，按规则satisfaction-below-90约谈
	// 10 sections in Markdown
	// section,code,name,item,value,previous,change,text
	// unit,11370116004215631A,济南市莱芜区人力资源和社会保障局,satisfaction_rate,75.00,,,满意率
}
