// Package routing decides who receives and who decides an application for
// a government service matter (通办): the mode, the receiving office (收件地)
// and the deciding office(s) (办理地), the legs between them with their due
// dates in working days, each party's duties, the materials the places
// recognise from each other, and an explanation of the rules that fired.
//
// It is for intake systems, city and provincial platforms and the reference
// server: anything that accepts an application in one place for a matter
// decided in another. Callers use Router (made with NewRouter over a
// Catalog — *matter.Catalog is one — and the Agreements from
// LoadAgreements) and its Route and RouteBundle. Package routing does not
// hold the catalog (package matter), fill in forms (package form) or
// dispatch hotline work orders (package routing/dispatch).
//
// # Modes
//
// The four modes follow 国办发〔2020〕35号 (国务院办公厅关于加快推进政务服务
// “跨省通办”的指导意见):
//
//   - Local (本地办理): applied for where it is decided.
//   - Online (全程网办): the whole process online, handled remotely by the
//     deciding office (the home authority); the matter must be fully online
//     (网上办理深度 with receipt, acceptance, handling and result feedback)
//     and not on the negative list (负面清单) where it is decided.
//   - Proxy (异地代收代办, 收受分离): the receiving office checks identity and
//     form (形式审查), digitises and sends the materials (online, or by
//     post), and answers the applicant; the deciding office reviews,
//     decides and delivers the result (online, or by post).
//   - Joint (多地联办): one place accepts; the departments of the other
//     places work it out through shared materials and send their shares to
//     the lead, which delivers the result; the applicant goes to one place.
//
// 全省通办 within a province works the same way as 跨省通办 between
// provinces: both are agreements.
//
// # Deciding places
//
// A matter's deciding places come from its bases (Basis): the applicant's
// 户籍 (from the civil registry, never the region of the ID number, which
// is where the ID was first issued), the current or previous insured place,
// an enterprise's registration place, where the applicant applies, or the
// pension benefit place. Options (WithBasis) come first, then the
// agreements' jurisdiction data, then the matter's tags (TagPension,
// TagBasisPrefix), else domicile for a person and registration for an
// enterprise. Each place is taken to the lowest tier that exercises the
// matter (行使层级): a county matter is decided by the county.
//
// The pension benefit place (待遇领取地) follows 国办发〔2009〕66号 art. 6:
// insured where the 户籍 is → the 户籍地; insured elsewhere with ≥ 10
// cumulative years there → that place; elsewhere with < 10 years → the
// previous place with ≥ 10 years; no place with ≥ 10 years → the 户籍地.
//
// # Deadlines
//
// Every due date counts working days through a standards/workday calendar
// (workday.China() unless another is given), the day a leg starts not
// counted, 调休 make-up days worked: the receiving office sends the
// materials within the forward days (1 by default, or as the agreement
// says), the deciding office decides within the matter's promised limit as
// its own implementation list (实施清单) states it, counted from the
// materials' arrival, and sends the result within the return days.
//
// # Agreements data
//
// LoadAgreements reads the agreements/*.json files of a catalog root, each
// checked against the embedded JSON Schema (Schemas, SchemaURL). A file is
// an object with any of three arrays:
//
//	{
//	  "regions": [{"id": "jingjinji", "name": "京津冀", "members": ["110000", "120000", "130000"],
//	               "source": "国办发〔2020〕35号"}],
//	  "agreements": [{
//	    "id": "jingjinji-hrss", "name": "京津冀人社跨省通办", "region": "jingjinji",
//	    "partners": ["110000", "120000", "130000"],
//	    "modes": ["online", "proxy"],
//	    "matters": [{"code": "370015023000", "name": "社会保障卡补领、换领"},
//	                {"code": "370015031000", "modes": ["online"]}],
//	    "effective": "2021-01-01", "expires": null,
//	    "forward_days": 1, "return_days": 1,
//	    "recognition": [{"type": "resident-id-card", "name": "居民身份证", "kind": "e_licence",
//	                     "issued_in": ["110000"], "accepted_in": ["120000", "130000"]}],
//	    "demo": true, "source": "…"
//	  }],
//	  "jurisdiction": [{"matter": "370015005000", "basis": ["benefit_place"],
//	                    "source": "国办发〔2009〕66号第六条"}]
//	}
//
// A region names member provinces or cities ("unconfirmed": true marks a
// membership no official text confirms). An agreement joins the places of
// a region, or of one division ("division": "370000" for 全省通办); its
// partners default to all of them; matters are 基本编码, each with the
// agreement's modes unless it names its own; effective is the first day in
// force and expires the first day no longer in force; recognition lists
// the e-licences and materials (跨区域共享互认) accepted without a paper
// copy, issued_in and accepted_in defaulting to every partner. The router
// tries agreements in load order — files by name, entries in file order —
// and the first that lists the matter for both places, is in force and
// allows the mode wins.
//
// # Errors and explanations
//
// No route is an error wrapping ErrNotRoutable: a *NotRoutableError with a
// Reason (no agreement for the two places, agreement not yet in force or
// expired, mode not allowed, negative list, not fully online, beyond the
// matter's reach, nothing can travel by post) and messages in Chinese and
// English. A successful Route records which rules fired; Route.Explain
// renders them, in order, in both languages, on request.
//
// Routing is deterministic, keeps no global state, and is safe for
// concurrent use. Route does not allocate unless the catalog does
// (*matter.Catalog returns a fresh copy of each matter it resolves).
package routing
