package dispatch_test

import (
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing/dispatch"
)

// A 12345 call taker files a wage complaint from a caller in 历下区 about a
// site in 莱芜区: the dispatch desk sends it to the labour inspectors of
// 莱芜区, named in the text.
func Example() {
	rules, err := dispatch.LoadRules(os.DirFS("../../examples/catalog"))
	if err != nil {
		log.Fatal(err)
	}
	d := rules.Classify(dispatch.Order{
		ID:         "GD202603020001",
		Text:       "来电人反映在莱芜区某建筑工地干活，老板拖欠三个月工资，请求帮助讨薪。",
		Division:   "370102",
		Category:   matter.Complaint,
		ReceivedAt: time.Date(2026, 3, 2, 9, 30, 0, 0, matter.CST),
	})
	fmt.Println(d.Department.ID, d.Topic.ID, d.Topic.Name)
	fmt.Println(d.Jurisdiction, d.From, d.Office())
	fmt.Println("rule:", d.Rule)
	// Output:
	// labour-inspection wage-arrears 拖欠工资
	// 370116 text 济南市莱芜区劳动保障监察支队（大队）
	// rule: wage-arrears
}

// Orders the rules cannot settle go to the manual queue with the reason;
// when a rule matched, its department is kept as a suggestion.
func Example_manualQueue() {
	rules, err := dispatch.LoadRules(os.DirFS("../../examples/catalog"))
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range []dispatch.Order{
		{ID: "1", Text: "来电人在市中区一家饭店打工，老板拖欠两个月工资不给。", Division: "371700"},
		{ID: "2", Text: "小区路灯坏了一个多星期。", Division: "371700"},
		{ID: "3", Text: "接到冒充社保局的诈骗电话。", Division: "371700"},
	} {
		d := rules.Classify(o)
		fmt.Printf("%s: %s; suggested %q\n", o.ID, d.Reason, d.Department.ID)
	}
	// Output:
	// 1: ambiguous division; suggested "labour-inspection"
	// 2: no rule matched; suggested ""
	// 3: out of scope: fraud, for the police (反诈); suggested ""
}

// Evaluate measures rules against labelled orders in the corpus format.
func ExampleEvaluate() {
	rules, err := dispatch.LoadRules(os.DirFS("../../examples/catalog"))
	if err != nil {
		log.Fatal(err)
	}
	orders, err := dispatch.ReadCorpus(strings.NewReader(`
{"id":"A1","division":"370811","category":"inquiry","text":"住房公积金能提取出来装修吗？","received_at":"2026-03-02T10:00:00+08:00","want":{"department":"housing-fund","topic":"fund-withdrawal","jurisdiction":"370800"}}
{"id":"A2","division":"370811","category":"inquiry","text":"失业金怎么申领？","received_at":"2026-03-02T10:05:00+08:00","want":{"department":"unemployment","topic":"unemployment-benefit","jurisdiction":"370811"}}
{"id":"A3","division":"370811","category":"complaint","text":"楼上装修太吵了。","received_at":"2026-03-02T10:09:00+08:00","want":{"manual":"out-of-scope"}}
`))
	if err != nil {
		log.Fatal(err)
	}
	rep := dispatch.Evaluate(rules, orders)
	for _, f := range rep.Departments {
		if f.Orders > 0 {
			fmt.Println(f.Department.ID, "coverage", f.Coverage(), "precision", f.Precision())
		}
	}
	fmt.Println("manual right:", rep.Manual.Correct, "misrouted:", len(rep.Misrouted))
	// Output:
	// unemployment coverage 100.00% (1/1) precision 100.00% (1/1)
	// housing-fund coverage 100.00% (1/1) precision 100.00% (1/1)
	// manual right: 1 misrouted: 0
}

// The split of a corpus depends on each order's ID alone.
func ExampleHeldOut() {
	for _, id := range []string{"GD202601050001", "GD202601050002", "GD202601060003"} {
		fmt.Println(id, dispatch.HeldOut(id))
	}
	// Output:
	// GD202601050001 false
	// GD202601050002 true
	// GD202601060003 true
}
