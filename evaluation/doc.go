// Package evaluation is 好差评 and hotline supervision: ratings of government
// services (reviews), the rectification of bad reviews (cases), 12345 and
// 12333 hotline work orders with their supervision and escalation, the
// reporting of major incidents, and the Store that keeps them.
//
// It is for provincial and city 好差评 and hotline offices and the developers
// of city systems who record ratings and work orders, chase deadlines,
// compute scorecards (Aggregator), turn them into actions (Evaluate), audit
// work orders (Audit), screen ratings for false data (Screen) and publish
// monthly and quarterly reports (MonthlyReport, QuarterlyReport). The
// vocabulary of units, channels and request categories is package
// matter's (matter.Department, matter.Channel, matter.Category); service
// volumes come from its applications (matter.Application). Storage
// implementers write a Store and check it with package evaluationtest;
// MemoryStore is the reference implementation. The package does not store
// applications or render HTML.
//
// # Rules and their sources
//
// Ratings follow 国办发〔2019〕51号 (政务服务"好差评"制度), GB/T 39734-2020
// (一次一评, 一事一评) and GB/T 39735-2020 (政务服务评价工作指南), in force from
// 2021-01-01, and in Shandong 鲁政办发〔2020〕10号:
//
//   - Five levels (Rating): 非常满意 5, 满意 4, 基本满意 3, 不满意 2, 非常不满意 1;
//     3–5 is a good review (好评), 1–2 a bad review (差评), which must carry a
//     reason, chosen or written.
//   - Four modes (Mode): 一次一评 for on-site service, 一事一评 for online
//     service, 综合点评 by society, 监督查评 by supervising offices. The first
//     two rate one service event (an application, matter.Application) and
//     allow one rating per event and mode, plus follow-ups (追评,
//     ReviewRules.FollowUps, default 1, unconfirmed).
//   - Indicators (Indicators): online 办事效率, 办事指南精确度, 办事便捷度,
//     平台操作性; offline 服务效率, 服务水平, 服务态度.
//   - A rating may be given later, within ReviewRules.LateDays working days
//     of the day of service (default 5, Shandong; local).
//   - A bad-review case (Case) has three deadlines in working days, local
//     rules with these defaults (CaseRules): contact the rater within 1
//     working day of receipt, rectify and answer within 5 working days of
//     receipt (德州), verify by a revisit within 5 working days of the fix
//     (泰安). Every real-name (实名) bad review is revisited. A review found a
//     误评 or 恶意评价 after 申诉复核 is excluded.
//
// Work orders follow 国办发〔2020〕53号 (受理, 调度, 办理, 回复, 督办, 办结, 回访,
// 评价) and the Shandong hotline rules (HotlineRules, all local defaults):
// handling and reply within 5 working days of dispatch, extension by up to
// 10 working days, send-back of an order outside the unit's duties within 2
// working days; a yellow card with 1 working day left and a red card once
// past due; supervision orders (督办单) when overdue, when the revisit is
// dissatisfied, or when still dissatisfied after 重办. ComplaintLine2017 is
// the 2017 complaint-line preset (15 working days, extension 7). An order
// re-handled 3 times or transferred 3 times without a lead unit is 久拖未决
// and becomes a 问题工单 (ProblemOrder), escalated (提级督办) and settled by a
// joint consultation (联席会商) with a follow-up deadline (default 5 working
// days, unconfirmed).
//
// Major incidents (Incident) are reported by phone within 40 minutes and in
// writing within 30 minutes of the phone report (measure 13 of the plan;
// IncidentRules).
//
// Every rule that varies by place is a field of Config, and DefaultConfig
// returns the values above; the package has no global settings. Deadlines
// count working days through package workday (the day of receipt not
// counted, 调休 make-up days worked): a case received on 2026-09-30 is due
// for contact on 2026-10-08, after the 国庆 holiday. A day the calendar does
// not cover is an error wrapping workday.ErrNotCovered, never a guess. Times
// are instants; days are taken in China Standard Time (matter.CST).
//
// # Scorecards
//
// An Aggregator counts a stream of records for one Grouping (unit,
// division, matter, staff, channel, bundle, or Overall) over one Period,
// holding a fixed-size Counts per group and nothing per record; Rollup
// adds division scorecards up from counties to cities and the province.
// A record counts in a period by one time: a review by RatedAt, a case
// and a work order by ReceivedAt, an application by SubmittedAt
// (received) and by ServiceEnd (served). Reviews excluded after 申诉复核
// count in no rate, and cases whose review was excluded count in no rate
// either. Work orders count for their HandlingUnit; deadlines (overdue
// orders and applications) are judged at the aggregator's as-of time.
//
// The rates, each a Rate that keeps its two counts. The source is
// "common practice" for a formula in use but, per the project's facts,
// not seen in an official text (unconfirmed), "conventional" for this
// package's own reading:
//
//   - 好评率 (GoodRate) = reviews of levels 3–5 / reviews. Common practice.
//   - 差评率 (BadRate) = reviews of levels 1–2 / reviews. Conventional.
//   - 差评整改率 (RectifyRate) = cases that reached rectified / cases
//     received (not excluded). Common practice.
//   - 实名差评回访率 (RevisitRate) = real-name cases revisited / real-name
//     cases rectified (a revisit verifies a fix, so it is due once the fix
//     is made). Conventional; 鲁政办发〔2020〕10号 requires 100%.
//   - 主动评价率 (ActiveRate) = first ratings of service events (一次一评 and
//     一事一评, not follow-ups) / applications whose service ended.
//     Common practice; undefined without volumes.
//   - 办件按时办结率 (ServiceOnTimeRate) = applications decided with every
//     part on or before its due date / applications decided. Conventional.
//   - 按时办结率 (OnTimeRate) = work orders every reply of which was on time
//     and which are not overdue / work orders replied or overdue (应办结).
//     Common practice.
//   - 解决率 (ResolveRate) = work orders resolved at their last revisit /
//     work orders revisited. Common practice (counting each order's final
//     verdict once, not every revisit).
//   - 满意率 (SatisfactionRate) = work orders whose caller was 非常满意, 满意
//     or 基本满意 at the last revisit / work orders revisited. Common
//     practice.
//   - 回访率 (OrderRevisitRate) = work orders revisited / work orders
//     replied. Common practice.
//   - 重办率 (RehandleRate) = work orders reopened for 重办 at least once /
//     work orders replied. Conventional.
//
// Rates are computed with decimal arithmetic (shopspring/decimal) and
// published as percentages with 2 decimals rounded half-up (四舍五入) from
// the exact quotient: 1/32 is 3.13%. A rate with no denominator is
// undefined ("—"), never 0% or 100%. A change on the previous period
// (Compare) is the difference of the two published percentages, in
// percentage points. Metric.Formula returns each formula for reports.
//
// # Actions
//
// Thresholds are rules kept as data (JSON, ParseThresholds); Evaluate
// applies them to scorecards and to confirmed findings. The defaults
// (DefaultThresholds, unconfirmed): 满意率 below 90% or 解决率 below 85%,
// over at least 10 revisited orders → 约谈 (Interview); the highest
// complaint volume among the units → 通报 (Notice); a 数据不实 finding
// confirmed by an office → 通报. A rate is tested as published, rounded.
// Each Action carries its Evidence: the rule that fired, the figures and
// a statement in Chinese and English.
//
// # Audits and false data
//
// Audit draws a reproducible stratified sample of work orders per unit
// from a published seed: HMAC-SHA256 keyed by the seed over each order's
// UUID text, the k smallest scores per unit. Its documentation gives the
// algorithm precisely enough to re-run it in another language.
//
// A Screen runs the 数据不实 detectors (Detector), each with thresholds in
// AnomalyRules: bursts of top ratings from one device or phone (default 5
// within 10 minutes), one rater rating one unit repeatedly (3 within 30
// days), ratings before the service ended or the application was decided,
// more ratings than services, and a perfect 好评率 over 200 or more reviews
// while complaints rose. Findings are suspicions with masked evidence;
// an office confirms them (Finding.Confirmed).
//
// # Reports
//
// MonthlyReport (月调度) and QuarterlyReport (季分析) read a Store and the
// applications once and build a Report: the total, city and unit
// scorecards with their change on the previous period, the actions, the
// suspected false data, the overdue cases, work orders and 问题工单 (督办),
// the progress of every 一件事 bundle, the typical reviews to publish
// (公开晾晒, chosen by the rule of SelectTypical: consented reviews only;
// bad ones whose fix was verified, good ones with a substantive comment;
// at most two of each per unit by default) and the late incident reports.
// Report.Markdown and Report.CSV render it.
//
// # Privacy
//
// A rater is never identified to the unit rated. The rater's name, phone,
// ID number and device are kept in Review.Reviewer, apart from what a unit
// sees: Review.ForUnit returns a copy without them. Stores keep the raw
// values; messages, logs and anything published show them masked
// (MaskName, MaskPhone, MaskDevice, MaskText, citizenid.ID.Masked,
// Reviewer.String): findings name a device, phone or ID number masked, and
// typical reviews are published with the rater's masked name and with
// numbers in the text masked. The same
// holds for the caller of a confidential work order or a report (举报):
// WorkOrder.ForUnit drops the caller.
//
// # Smart quality inspection
//
// An Inspector (NewInspector) applies named rules, kept as data
// (InspectionRules, ParseInspectionRules; the defaults are this project's
// reading, unconfirmed), to a work order's last reply and record as of a
// time. Each rule yields an InspectionCheck with its evidence in Chinese;
// a failed rule costs its weight from 100 (Inspection.Score, at least 0).
// The rules:
//
//   - 政策依据 (RuleBasis): a reply to a 咨询 or 投诉 cites a policy or legal
//     basis (《…》, 第X条, 〔20xx〕N号).
//   - 办理情况 (RuleAction): the reply states what was done and when (an action
//     phrase and a date or time).
//   - 答复切题 (RuleTopic): the reply's topic, by the dispatch rules'
//     vocabulary through a TopicMatcher, is the order's topic.
//   - 个人信息保护 (RulePII): no personal number of a third party (FindPII; the
//     caller's own phone or ID number is allowed). A number is a maximal
//     digit run no letter or digit touches, and must pass its validator:
//     18 characters a citizen ID number citizenid.Parse accepts (province,
//     birth date, ISO 7064 MOD 11-2 check), 11 digits a mobile number
//     1[3-9]…, 16–19 digits a bank card whose Luhn check holds. Work-order
//     numbers, dates, amounts and landlines are not matched. Numbers in
//     evidence are masked.
//   - 推诿扯皮 (RuleEvasion): no evasive phrase ("不归我们管", …) without a
//     referral (转交, 请联系, …).
//   - 按时答复 (RuleDeadline): every reply on time and the order not overdue.
//   - 回访 (RuleRevisit): an order of the configured categories is
//     revisited once it is closed, or once RevisitWorkingDays (default 5,
//     the hotline's 5-working-day rule) working days after its last reply
//     have passed, counted on the rules' Calendar (nil: workday.China())
//     like every other deadline; a closing note such as 无法联系 exempts
//     it. An order whose dates fall outside the calendar is Unchecked,
//     with the calendar's error as evidence, rather than passed silently.
//
// SummarizeInspections scores the units (mean score rounded half-up);
// SampleInspections draws inspected orders for human review (人工复核) with
// the reproducible Audit sample. Aggregator.AddInspection and
// AddInspections feed the scorecards: 质检合格率 (InspectionPass) = orders
// inspected with no rule flagged / orders inspected, and 质检平均分
// (InspectionScore) = sum of scores / orders inspected, published with 2
// decimals half-up. Both conventional. A complaint about how an order was
// handled (热线办理质效投诉) opens a HandlingReview holding the rules'
// evidence, worked by a supervisor who upholds it, naming the rules
// confirmed, or dismisses it.
//
// # Proactive governance
//
// DetectHotspots (主动治理) counts work orders by topic × division × ISO
// week (China Standard Time) and compares each cell-week with the cell's
// own previous HistoryWeeks weeks (default 8, at least MinHistory of them
// in the data, and at least MinCount orders in the week). A week after a
// history of zeros is a new topic; otherwise it is a spike when its robust
// z-score, (a(x) − median) / max(1.4826·MAD, MinScale) on the history,
// reaches Threshold (default 3.5, Iglewicz and Hoaglin). The counts are
// first transformed by Anscombe's a(c) = 2·√(c + 3/8), which makes a
// Poisson count roughly normal with unit variance: hotline counts are
// small and skewed, and without it (HotspotRules.Raw) ordinary weeks of
// low-volume cells are flagged (precision 0.38 on the generated year).
// Repeat callers (RepeatCalls orders from one phone or ID number within
// RepeatDays days) are hotspots too. Every hotspot lists its orders as
// evidence, callers masked.
//
// A monthly (月调度) or quarterly (季分析) report gains, when asked
// (ReportInput.Hotspots), a hotspot section: the period's top hotspots with
// their weekly trend and the units involved, and for last period's
// hotspots whether they cooled down (no spike or new topic in this
// period); and, with ReportInput.Inspector, the units' inspection results
// (orders inspected and flagged, pass rate, mean score, faults by rule).
//
// # Errors
//
// Errors are tested with errors.Is against ErrInvalid, ErrNotFound,
// ErrConflict, ErrDuplicate, ErrLate and ErrTransition. Validation collects
// every problem: a *ValidationError lists each with a JSON pointer, a rule
// and a message in Chinese and English. A step a case or order cannot take
// is a *TransitionError and leaves the record unchanged.
package evaluation
