// Package evaluation is 好差评 and hotline supervision: ratings of government
// services (reviews), the rectification of bad reviews (cases), 12345 and
// 12333 hotline work orders with their supervision and escalation, the
// reporting of major incidents, and the Store that keeps them.
//
// It is for provincial and city 好差评 and hotline offices and the developers
// of city systems who record ratings and work orders, chase deadlines and
// feed scorecards. Scorecards, actions, audits and reports build on the
// records here. The vocabulary of units, channels and request categories is
// package matter's (matter.Department, matter.Channel, matter.Category).
// Storage implementers write a Store and check it with package
// evaluationtest; MemoryStore is the reference implementation.
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
// # Privacy
//
// A rater is never identified to the unit rated. The rater's name, phone,
// ID number and device are kept in Review.Reviewer, apart from what a unit
// sees: Review.ForUnit returns a copy without them. Stores keep the raw
// values; messages, logs and anything published show them masked
// (MaskName, MaskPhone, citizenid.ID.Masked, Reviewer.String). The same
// holds for the caller of a confidential work order or a report (举报):
// WorkOrder.ForUnit drops the caller.
//
// # Errors
//
// Errors are tested with errors.Is against ErrInvalid, ErrNotFound,
// ErrConflict, ErrDuplicate, ErrLate and ErrTransition. Validation collects
// every problem: a *ValidationError lists each with a JSON pointer, a rule
// and a message in Chinese and English. A step a case or order cannot take
// is a *TransitionError and leaves the record unchanged.
package evaluation
