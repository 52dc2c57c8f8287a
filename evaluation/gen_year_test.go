package evaluation_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/onething-gov/onething/evaluation"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// The 16 cities of Shandong (GB/T 2260).
var shandongCities = []division.Code{
	"370100", "370200", "370300", "370400", "370500", "370600", "370700", "370800",
	"370900", "371000", "371100", "371300", "371400", "371500", "371600", "371700",
}

var shandongCityNames = []string{"济南", "青岛", "淄博", "枣庄", "东营", "烟台", "潍坊", "济宁", "泰安", "威海", "日照", "临沂", "德州", "聊城", "滨州", "菏泽"}

// yearTopics are 12333 topics with a caller's phrasing each (the keyword
// matcher keywordTopics names the first three; the rest by matter).
var yearTopics = []struct {
	topic, summary string
	rate           float64 // orders per city-week on average
}{
	{"wage-arrears", "公司拖欠工资两个月不发，老板电话不接", 12},
	{"card-loss", "社保卡丢了，想问怎么挂失补办", 8},
	{"pension", "刚办完退休，养老金什么时候能到账", 15},
	{"unemployment", "失业保险金怎么申领，需要什么材料", 5},
	{"injury", "工伤认定申请交上去一个月了还没结果", 3},
	{"training", "职业技能培训补贴什么时候发放", 2},
}

// plantedSpike is a surge planted in one cell-week; a new topic starts in
// its week (with no order of the topic in the city before).
type plantedSpike struct {
	topic string
	city  division.Code
	week  int // 1..52, ISO week of 2026
	extra int
	isNew bool
}

var plantedSpikes = []plantedSpike{
	{"wage-arrears", "370200", 6, 40, false}, // 春节后返岗讨薪
	{"pension", "370800", 14, 45, false},
	{"card-loss", "371300", 22, 30, false},
	{"unemployment", "370100", 30, 25, false},
	{"injury", "371700", 37, 20, false},
	{"training", "370600", 45, 15, false},
	{"flexible-retirement", "370100", 20, 12, true}, // 弹性退休 new questions
	{"flexible-retirement", "370500", 33, 9, true},
}

// Planted bad replies, each breaking one rule, in several phrasings.
var badReplies = map[evaluation.InspectRule][]string{
	evaluation.RuleBasis: {
		"您的问题已于3月5日电话答复，按规定办理。",
		"经核实，该公司已于2026年3月6日补发工资，请查收。",
	},
	evaluation.RuleAction: {
		"您反映的问题我们高度重视，依据《劳动保障监察条例》第十一条会认真研究。",
		"根据鲁人社发〔2025〕12号文件，此类情况应当按规定处理，请耐心等待。",
	},
	evaluation.RulePII: {
		"依据《保障农民工工资支付条例》第三十条，已于3月5日约谈负责人王某，电话13905318888。",
		"依据《劳动保障监察条例》第十一条，已于3月5日核实，欠薪已转入工友李某银行卡6222021602012345676。",
		"依据《工伤保险条例》第十七条，已于3月5日联系单位经办人（身份证370203199001011516）补报材料。",
	},
	evaluation.RuleEvasion: {
		"依据《劳动保障监察条例》第十一条，该事项不归我们管，已于3月5日告知来电人找别的部门。",
		"经核实，3月5日已答复：工程款纠纷不是我们负责的，依据《劳动保障监察条例》第十一条不予处理。",
	},
}

// Good replies, some with what must not trigger: an order number, a date
// in digits, the caller's own phone, a referral after a 推诿-like phrase.
var goodReplies = []string{
	"经核实，已于2026年3月5日依据《劳动保障监察条例》第十一条办理完毕，并电话告知来电人。",
	"您反映的工单GD202603050012已于20260305办结，依据《保障农民工工资支付条例》第三十条已责令补发。",
	"依据鲁人社发〔2025〕12号文件，已于3月5日致电您（%s）说明办理进度。",
	"工程款结算不归我们管，依据《劳动保障监察条例》第十一条，已于3月5日转交住建局，请联系住建局。",
}

// cityUnit returns an illustrative city HRSS bureau (机关, 11) with a
// credit code valid under GB 32100 and GB 11714.
func cityUnit(c division.Code, i int) matter.Department {
	org := fmt.Sprintf("0042%04d", 1000+i)
	oc, err := creditcode.OrgCheckChar(org)
	if err != nil {
		panic(err)
	}
	first := "11" + string(c) + org + string(oc)
	cc, err := creditcode.CheckChar(first)
	if err != nil {
		panic(err)
	}
	return unit(first+string(cc), shandongCityNames[i]+"市人力资源和社会保障局", string(c))
}

type genYear struct {
	orders []*evaluation.WorkOrder
	// bad maps an order to the rule its planted bad reply breaks.
	bad map[uuid.UUID]evaluation.InspectRule
	// repeatCallers are the planted repeat callers' phones.
	repeatCallers map[string]bool
}

func poisson(r *rand.Rand, lambda float64) int {
	if lambda > 30 { // normal approximation
		return max(0, int(math.Round(lambda+math.Sqrt(lambda)*r.NormFloat64())))
	}
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

func detUUID(r *rand.Rand) uuid.UUID {
	var u uuid.UUID
	for i := range u {
		u[i] = byte(r.Uint32())
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u
}

// mondayOfISOWeek returns the Monday of ISO week w of 2026 (2025-12-29 is
// the Monday of 2026-W01).
func mondayOfISOWeek(w int) time.Time {
	return time.Date(2025, 12, 29, 0, 0, 0, 0, matter.CST).AddDate(0, 0, 7*(w-1))
}

// generateYear makes a deterministic year (ISO weeks 1–52 of 2026) of
// 12333 work orders for the 16 cities, with the planted spikes, about one
// bad reply in 50 and 20 repeat callers.
func generateYear(seed uint64) *genYear { return generateYearScaled(seed, 1) }

// generateYearScaled multiplies the base rates by scale (the planted
// events are unchanged).
func generateYearScaled(seed uint64, scale float64) *genYear {
	r := rand.New(rand.NewPCG(seed, 12333))
	g := &genYear{bad: map[uuid.UUID]evaluation.InspectRule{}, repeatCallers: map[string]bool{}}
	units := map[division.Code]matter.Department{}
	for i, c := range shandongCities {
		units[c] = cityUnit(c, i)
	}
	badKinds := []evaluation.InspectRule{evaluation.RuleBasis, evaluation.RuleAction, evaluation.RulePII, evaluation.RuleEvasion}
	add := func(topic, summary string, city division.Code, t time.Time, phone string) {
		w := &evaluation.WorkOrder{
			ID: detUUID(r), Intake: evaluation.Intake{
				Number: fmt.Sprintf("GD%s%04d", t.Format("20060102"), r.IntN(10000)), Line: evaluation.Line12333,
				Category: matter.Complaint, Channel: matter.Hotline, Division: city, Matter: topic, Summary: summary,
				Caller: &evaluation.Reviewer{Phone: phone},
			},
			State: evaluation.OrderRevisited, ReceivedAt: t, Unit: units[city],
		}
		text := goodReplies[r.IntN(len(goodReplies))]
		if strings.Contains(text, "%s") {
			text = fmt.Sprintf(text, phone)
		}
		if r.IntN(50) == 0 {
			k := badKinds[r.IntN(len(badKinds))]
			g.bad[w.ID] = k
			text = badReplies[k][r.IntN(len(badReplies[k]))]
		}
		w.Replies = []evaluation.Reply{{At: t.Add(48 * time.Hour), Unit: units[city], Text: text, OnTime: true}}
		w.Revisits = []evaluation.Revisit{{At: t.Add(72 * time.Hour), Rating: evaluation.Satisfied, Resolved: true}}
		g.orders = append(g.orders, w)
	}
	phone := func() string { return fmt.Sprintf("1%d%09d", 3+r.IntN(7), r.IntN(1_000_000_000)) }
	for week := 1; week <= 52; week++ {
		mon := mondayOfISOWeek(week)
		at := func() time.Time { return mon.Add(time.Duration(r.IntN(7*24*60)) * time.Minute) }
		for _, c := range shandongCities {
			for _, tp := range yearTopics {
				n := poisson(r, tp.rate*scale)
				for _, s := range plantedSpikes {
					if s.topic == tp.topic && s.city == c && s.week == week {
						n += s.extra
					}
				}
				for range n {
					add(tp.topic, tp.summary, c, at(), phone())
				}
			}
			for _, s := range plantedSpikes {
				if s.isNew && s.city == c && week >= s.week && week < s.week+3 {
					for range s.extra {
						add(s.topic, "弹性提前退休怎么申请，能提前几年", c, at(), phone())
					}
				}
			}
		}
	}
	// Repeat callers: 4 calls within 3 weeks each.
	for i := range 20 {
		p := fmt.Sprintf("1580531%04d", i)
		g.repeatCallers[p] = true
		city := shandongCities[i%16]
		start := mondayOfISOWeek(3 + 2*i)
		for k := range 4 {
			add("wage-arrears", "又来反映，拖欠工资的事还没解决", city, start.Add(time.Duration(k*5*24+r.IntN(24))*time.Hour), p)
		}
	}
	return g
}
