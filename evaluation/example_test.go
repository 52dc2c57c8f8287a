package evaluation_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
)

// A rater at a 莱芜区 window gives a bad rating eight days after the service,
// without a reason: both problems are reported at once, in Chinese and
// English, and the late rating is recognisable with errors.Is.
func ExampleReview_Validate() {
	cst := matter.CST
	unit := matter.Department{CreditCode: creditcode.Code("11370116004215631A"), Name: "济南市莱芜区人力资源和社会保障局", Division: "370116"}
	r := &evaluation.Review{
		ID: uuid.Must(uuid.NewV7()), Mode: evaluation.PerService,
		Application: uuid.Must(uuid.NewV7()), Matter: "370100000001",
		Unit: unit, Division: "370116", Channel: matter.Window,
		ServedAt: time.Date(2026, 9, 30, 15, 40, 0, 0, cst),
		RatedAt:  time.Date(2026, 10, 14, 9, 0, 0, 0, cst),
		Rating:   evaluation.Dissatisfied,
		RealName: true,
		Reviewer: &evaluation.Reviewer{Name: "张建国", Phone: "13805311234"},
	}
	err := r.Validate(evaluation.DefaultConfig())
	var ve *evaluation.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s %s\n  %s\n  %s\n", p.Pointer, p.Rule, p.ZH, p.EN)
		}
	}
	fmt.Println("late:", errors.Is(err, evaluation.ErrLate))

	// The unit reviewed sees the rating, not the rater.
	fmt.Println("reviewer shown to the unit:", r.ForUnit().Reviewer)
	fmt.Println("reviewer in logs:", r.Reviewer)
	// Output:
	// /reasons bad-needs-reason
	//   差评须选择或填写原因
	//   a bad review needs a reason, chosen or written
	// /rated_at late-rating
	//   评价时间2026-10-14在服务日2026-09-30后第6个工作日，超过5个工作日的补评期限
	//   rated 6 working days after the day of service 2026-09-30, beyond the window of 5 working days (rated 2026-10-14)
	// late: true
	// reviewer shown to the unit: <nil>
	// reviewer in logs: 张** 138****1234
}

// A real-name bad review received the day before the 国庆 holiday: contact
// is due on the first working day after it, rectification five working
// days after receipt (the make-up Saturday 10-10 counts), and the revisit
// five working days after the fix.
func ExampleCase() {
	cst := matter.CST
	cfg := evaluation.DefaultConfig()
	review := &evaluation.Review{
		ID: uuid.Must(uuid.NewV7()), Rating: evaluation.VeryDissatisfied, RealName: true,
		Unit:     matter.Department{CreditCode: "11370116004215631A", Name: "济南市莱芜区人力资源和社会保障局", Division: "370116"},
		Division: "370116",
	}
	c, err := evaluation.NewCase(cfg, review, time.Date(2026, 9, 30, 16, 20, 0, 0, cst), "莱芜区好差评办")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("contact by", c.ContactDue, "rectify by", c.RectifyDue)
	if d, late := c.Overdue(time.Date(2026, 10, 9, 9, 0, 0, 0, cst)); late {
		fmt.Println("overdue on 10-09:", d.Deadline)
	}

	steps := []evaluation.CaseChange{
		{To: evaluation.CaseVerifying, At: time.Date(2026, 10, 9, 9, 30, 0, 0, cst), By: "LW0012", Note: "电话联系评价人"},
		{To: evaluation.CaseRectifying, At: time.Date(2026, 10, 9, 11, 0, 0, 0, cst), By: "LW0012"},
		{To: evaluation.CaseRectified, At: time.Date(2026, 10, 10, 15, 0, 0, 0, cst), By: "LW0012", Note: "增开窗口，已答复评价人"},
		{To: evaluation.CaseClosed, At: time.Date(2026, 10, 12, 9, 0, 0, 0, cst), By: "LW0012"},
	}
	for _, ch := range steps {
		if err := c.Move(cfg, ch); err != nil {
			fmt.Println("refused:", errors.Is(err, evaluation.ErrTransition), "-", ch.To)
			break
		}
		fmt.Println(c.State)
	}
	fmt.Println("revisit by", c.RevisitDue)
	err = c.Move(cfg, evaluation.CaseChange{To: evaluation.CaseRevisited, At: time.Date(2026, 10, 12, 10, 0, 0, 0, cst), By: "莱芜区好差评办", Note: "评价人满意"})
	fmt.Println(c.State, err)
	// Output:
	// contact by 2026-10-08 rectify by 2026-10-13
	// overdue on 10-09: contact
	// verifying
	// rectifying
	// rectified
	// refused: true - closed
	// revisit by 2026-10-16
	// revisited <nil>
}

// A 12345 complaint dispatched to 济南市人社局 on 2026-09-30 is due five
// working days later, on 2026-10-13 (国庆 skipped, the make-up Saturday
// counted). It shows the yellow card from 10-12, when one working day is
// left, and the red card from 10-14; an approved extension moves the due
// date.
func ExampleWorkOrder() {
	cst := matter.CST
	cfg := evaluation.DefaultConfig()
	w, err := evaluation.NewWorkOrder(evaluation.Intake{
		Line: evaluation.Line12345, Category: matter.Complaint, Channel: matter.Hotline,
		Division: "370100", Summary: "养老保险待遇核定超期",
	}, time.Date(2026, 9, 30, 9, 10, 0, 0, cst), "12345-0871")
	if err != nil {
		fmt.Println(err)
		return
	}
	unit := matter.Department{CreditCode: "11370100004228002F", Name: "济南市人力资源和社会保障局", Division: "370100"}
	if err := w.Dispatch(cfg, time.Date(2026, 9, 30, 10, 0, 0, 0, cst), "12345-0871", unit); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("due", w.Due)
	for _, day := range []int{9, 10, 12, 13, 14} {
		asOf := time.Date(2026, 10, day, 9, 0, 0, 0, cst)
		zh, _ := w.Card(asOf).Names()
		fmt.Println(asOf.Format("01-02 Mon"), w.Card(asOf), zh)
	}
	if err := w.Extend(cfg, time.Date(2026, 10, 12, 9, 0, 0, 0, cst), 3, "济南市人社局 分管领导", "需调取原始档案"); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("extended to", w.Due, "- on 10-14:", w.Card(time.Date(2026, 10, 14, 9, 0, 0, 0, cst)))
	// Output:
	// due 2026-10-13
	// 10-09 Fri none 无
	// 10-10 Sat none 无
	// 10-12 Mon yellow 黄牌
	// 10-13 Tue yellow 黄牌
	// 10-14 Wed red 红牌
	// extended to 2026-10-16 - on 10-14: none
}
