package evaluation

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/onething-gov/onething/matter"
)

// Markdown writes the report as a Markdown document in Chinese with
// English labels: overview, cities, units, actions, suspected false data,
// overdue records, bundles, typical reviews, late incidents, and the
// formulas used.
func (r *Report) Markdown(w io.Writer) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	kzh, ken := r.Kind.Names()
	p("# %s\n\n", r.Title)
	p("%s（%s）· 统计期 period %s · 上期 previous %s · 截至 as of %s\n\n", kzh, ken, span(r.Period), span(r.Previous), clock(r.AsOf))

	p("## 一、总体情况 Overview\n\n")
	p("| 指标 Metric | 本期 Current | 上期 Previous | 变化 Change |\n|---|---:|---:|---:|\n")
	for _, l := range rowLines(r.Total) {
		p("| %s %s | %s | %s | %s |\n", l.zh, l.en, l.cur, l.prev, l.change)
	}

	p("\n## 二、各市情况 By city\n\n")
	cardTable(b, "区划 Division", r.Cities)
	p("\n## 三、各单位情况 By unit\n\n")
	cardTable(b, "单位 Unit", r.Units)

	p("\n## 四、处置建议 Actions\n\n")
	if len(r.Actions) == 0 {
		p("无 None.\n")
	} else {
		p("| 单位 Unit | 措施 Action | 规则 Rule | 依据 Evidence |\n|---|---|---|---|\n")
		for _, a := range r.Actions {
			zh, en := a.Kind.Names()
			p("| %s | %s %s | %s | %s<br>%s |\n", cell(a.Name), zh, en, cell(a.Evidence.Rule.ID), cell(a.Evidence.ZH), cell(a.Evidence.EN))
		}
	}

	p("\n## 五、疑似数据不实 Suspected false data (to verify)\n\n")
	if len(r.Findings) == 0 {
		p("无 None.\n")
	} else {
		p("| 检测项 Detector | 单位 Unit | 条数 Count | 情况 Finding |\n|---|---|---:|---|\n")
		for _, f := range r.Findings {
			zh, en := f.Detector.Names()
			p("| %s %s | %s | %d | %s<br>%s |\n", zh, en, cell(f.Unit.Name), f.Count, cell(f.ZH), cell(f.EN))
		}
	}

	p("\n## 六、超期督办 Overdue records\n\n")
	if len(r.Overdue) == 0 {
		p("无 None.\n")
	} else {
		p("| 类型 Record | 编号 ID | 单位 Unit | 时限 Deadline | 到期 Due | 超期工作日 Working days late |\n|---|---|---|---|---|---:|\n")
		for _, o := range r.Overdue {
			zh, en := o.Due.Deadline.Names()
			id := o.ID.String()
			if o.Number != "" {
				id = o.Number
			}
			p("| %s | %s | %s | %s %s | %s | %d |\n", recordName(o.Record), cell(id), cell(o.Unit.Name), zh, en, o.Due.Date, o.DaysLate)
		}
	}

	p("\n## 七、一件事办理进度 Bundles\n\n")
	if len(r.Bundles) == 0 {
		p("无 None.\n")
	} else {
		p("| 一件事 Bundle | 受理 Received | 办结 Decided | 按时办结 On time | 按时率 On-time share | 超期未办结 Overdue open |\n|---|---:|---:|---:|---:|---:|\n")
		for _, bp := range r.Bundles {
			p("| %s | %d | %d | %d | %s | %d |\n", cell(bp.Name), bp.Applications, bp.Decided, bp.OnTime, bp.OnTimeRate, bp.OverdueOpen)
		}
	}

	p("\n## 八、典型评价（公开晾晒） Typical reviews for publication\n\n")
	if len(r.Typical) == 0 {
		p("无 None.\n")
	}
	for _, t := range r.Typical {
		zh, _ := t.Rating.Names()
		kind := "好评 good"
		if t.Bad {
			kind = "差评（已整改） bad, rectified"
		}
		p("- **%s** · %s · %s · %s · %s：“%s”", cell(t.Unit.Name), kind, zh, t.RatedAt.In(matter.CST).Format(time.DateOnly), t.Reviewer, cell(t.Comment))
		if t.Answer != "" {
			p(" 整改答复 answer：“%s”", cell(t.Answer))
		}
		p("\n")
	}

	p("\n## 九、重大事件报告超时 Late incident reports\n\n")
	if len(r.Incidents) == 0 {
		p("无 None.\n")
	} else {
		p("| 事件 Incident | 单位 Unit | 发生 Occurred | 电话报告 Phone | 书面报告 Written |\n|---|---|---|---|---|\n")
		for _, i := range r.Incidents {
			p("| %s | %s | %s | %s | %s |\n", cell(i.Title), cell(i.Unit.Name), clock(i.OccurredAt), lateness(i.Check.Phone), lateness(i.Check.Written))
		}
	}

	// The optional sections follow the nine fixed ones, numbered in order.
	next := []string{"十", "十一"}
	if r.Hotspots != nil {
		hotspotMarkdown(b, next[0], r.Hotspots)
		next = next[1:]
	}
	if r.Inspection != nil {
		inspectionMarkdown(b, next[0], r.Inspection)
	}

	p("\n## 附：计算口径 Formulas\n\n")
	for _, m := range ReportRates() {
		mzh, men := m.Names()
		fzh, fen, src := m.Formula()
		p("- %s = %s; %s = %s. Source: %s.\n", mzh, fzh, men, fen, src)
	}
	p("- 百分比保留两位小数，四舍五入。Percentages have 2 decimals, rounded half-up. 被剔除的评价（误评、恶意评价）不计入。Excluded reviews count in no rate.\n")
	return b.Flush()
}

// line is one figure of the overview.
type line struct{ item, zh, en, cur, prev, change, num, prevNum string }

// rowLines lists the figures of a row: the counts per level, the rates and
// the volumes, each with its previous value and change.
func rowLines(r Row) []line {
	c, p := r.Current.Counts, r.Previous
	count := func(item, zh, en string, cur, prev int64) line {
		return line{item, zh, en, strconv.FormatInt(cur, 10), strconv.FormatInt(prev, 10), signedInt(cur - prev), strconv.FormatInt(cur, 10), strconv.FormatInt(prev, 10)}
	}
	out := []line{count("reviews", "评价数", "reviews", c.Reviews(), p.Reviews())}
	for _, lv := range Ratings() {
		zh, en := lv.Names()
		out = append(out, count("level_"+strconv.Itoa(int(lv)), zh, en, c.Level(lv), p.Level(lv)))
	}
	out = append(out, count("excluded_reviews", "剔除评价", "excluded reviews", c.ExcludedReviews, p.ExcludedReviews))
	for _, ch := range r.Changes {
		zh, en := ch.Metric.Names()
		out = append(out, line{string(ch.Metric), zh, en, ch.Current.Detail(), ch.Previous.Detail(), ch.String(), percentText(ch.Current), percentText(ch.Previous)})
	}
	out = append(out,
		count("services", "办件数", "services", c.Services, p.Services),
		count("orders", "工单数", "work orders", c.Orders, p.Orders),
		count("complaints", "投诉量", "complaints", c.Complaints, p.Complaints),
		count("orders_overdue", "超期工单", "overdue work orders", c.OrdersOverdue, p.OrdersOverdue),
	)
	return out
}

// cardTable writes the scorecards of a grouping as one table.
func cardTable(b io.Writer, first string, rows []Row) {
	if len(rows) == 0 {
		fmt.Fprint(b, "无 None.\n")
		return
	}
	fmt.Fprintf(b, "| %s | 评价 Reviews | 5/4/3/2/1 | 好评率 Good | 差评率 Bad | 差评整改率 Rectified | 实名差评回访率 Revisited | 主动评价率 Active | 工单 Orders | 按时办结率 On time | 解决率 Resolved | 满意率 Satisfied | 回访率 Revisits | 重办率 Re-handled |\n", first)
	fmt.Fprint(b, "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		c := r.Current
		ch := map[Metric]Change{}
		for _, x := range r.Changes {
			ch[x.Metric] = x
		}
		rate := func(m Metric) string {
			x := ch[m]
			if !x.OK {
				return x.Current.String()
			}
			return x.Current.String() + " (" + x.String() + ")"
		}
		levels := make([]string, 0, 5)
		for _, lv := range Ratings() {
			levels = append(levels, strconv.FormatInt(c.Level(lv), 10))
		}
		fmt.Fprintf(b, "| %s | %d | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %s |\n",
			cell(c.Name), c.Reviews(), strings.Join(levels, "/"), rate(GoodRate), rate(BadRate), rate(RectifyRate), rate(RevisitRate), rate(ActiveRate),
			c.Orders, rate(OnTimeRate), rate(ResolveRate), rate(SatisfactionRate), rate(OrderRevisitRate), rate(RehandleRate))
	}
	fmt.Fprint(b, "\n括号内为较上期变化（百分点）。Changes on the previous period in percentage points in brackets.\n")
}

// cell makes text safe in a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", "\\|")
	return strings.Join(strings.Fields(s), " ")
}

func span(p Period) string {
	if p.From.IsZero() || p.To.IsZero() {
		return "—"
	}
	return p.From.In(matter.CST).Format(time.DateOnly) + "—" + p.To.Add(-time.Nanosecond).In(matter.CST).Format(time.DateOnly)
}

func signedInt(n int64) string {
	if n > 0 {
		return "+" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

func percentText(r Rate) string {
	if !r.OK() {
		return ""
	}
	return r.Percent().StringFixed(2)
}

func recordName(kind string) string {
	switch kind {
	case "case":
		return "差评件 case"
	case "work_order":
		return "工单 work order"
	case "problem":
		return "问题工单 problem order"
	}
	return kind
}

func lateness(c ReportCheck) string {
	if !c.Late {
		return "按时 on time"
	}
	m := int64(c.By.Round(time.Minute) / time.Minute)
	if c.Reported.IsZero() {
		return fmt.Sprintf("未报，已超%d分钟 missing, %d min late", m, m)
	}
	return fmt.Sprintf("迟报%d分钟 %d min late", m, m)
}
