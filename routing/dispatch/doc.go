// Package dispatch classifies hotline work orders (智能转办): it reads what
// a 12345 or 12333 caller asked for and decides the topic, the department
// responsible and the place whose department handles it, or sends the order
// to the manual queue with the reason.
//
// It is for the dispatch desks (派单/转办) of the 12345 government service
// hotline and the 12333 human-resources and social-security hotline, and for
// the developers of the systems they use. Package routing decides who
// receives and who decides an application across places (通办); package
// evaluation scores work orders after they are handled. Neither is done
// here.
//
// # Use
//
// Load the rules once from a catalog root and classify each order:
//
//	rules, err := dispatch.LoadRules(os.DirFS("catalog"))
//	d := rules.Classify(dispatch.Order{ID: id, Text: text, Division: caller, Category: matter.Complaint})
//	if d.Manual { queue(d.Reason) } else { send(d.Office(), d.Topic) }
//
// Rules is immutable and safe for concurrent use; Classify allocates
// nothing. A Decision names the rule that decided it, so every dispatch can
// be explained.
//
// # Rule files
//
// Rules are data: four JSON files in the dispatch folder of a catalog root,
// each checked against a published JSON Schema (see Schemas). Unknown
// properties are errors, and every problem is reported with its file and
// JSON pointer (see LoadError).
//
//	departments.json  departments (id, name, name_en, level "city" or "county") and their topics
//	                  (id, name, name_en, optional matter code)
//	synonyms.json     groups {"term": "社保卡", "variants": ["社会保障卡", "医保卡"]}
//	places.json       the province whose place names are recognised, extra aliases (泉城 → 370100)
//	                  and names to ignore because they are common words (天桥, 惠民)
//	rules.json        the ordered rules
//
// A rule has an id and conditions, and gives a topic (which fixes the
// department) or a manual reason:
//
//	{"id": "wage-arrears", "any": ["欠薪", "拖欠", "工钱"], "topic": "wage-arrears"}
//	{"id": "card-loss", "all": ["社保卡"], "any": ["丢", "挂失", "补办"], "none": ["电子"], "topic": "card-loss"}
//	{"id": "overtime", "any": ["加班"], "categories": ["complaint", "report"], "topic": "labour-violation"}
//	{"id": "qingdao-wages", "within": ["370200"], "any": ["欠薪"], "topic": "wage-arrears"}
//	{"id": "fraud", "any": ["诈骗"], "manual": "out of scope: fraud, for the police"}
//
// A rule matches when every condition it has holds: the text holds at least
// one "any" keyword, every "all" keyword and no "none" keyword; the order's
// category is one of "categories"; the jurisdiction lies within one of the
// "within" divisions (following the real hierarchy, so 370116 莱芜区 is
// within 370100 济南) or its code starts with one of the "prefix" digit
// strings. A rule needs at least one of any, all, categories, within and
// prefix.
//
// # First match wins
//
// Rules are tried in file order and the first that matches decides; no
// later rule is looked at. Put the narrow rules before the broad ones: a
// rule for 工伤住院报销 before the general rule for 报销, a rule sending
// fraud calls to the manual queue before the rule for 养老金. No rule
// matching sends the order to the manual queue ("no rule matched").
//
// # Text normalisation
//
// Before matching, the text is width-folded (with golang.org/x/text/width)
// and lower-cased (ＡＰＰ１２３３３ → app12333), and every synonym variant is
// replaced by its term, leftmost-longest, in one pass (拖欠工资 → 欠薪,
// 医保卡 → 社保卡). Keywords in rules are normalised the same way, so a rule
// may use any variant; keywords are matched as substrings of the normalised
// text. All keywords and place names are compiled into one index by first
// rune, so a text is scanned once whatever the number of rules.
//
// # Jurisdiction
//
// The jurisdiction is the division whose department handles the order. The
// caller's division is read with division.Parse (full-width digits fold); a
// retired code with one successor becomes the successor (370882 兖州市 →
// 370812), and a code not in the table or retired with several successors
// (371200 莱芜市) counts as unknown. Place names of the configured province
// are found in the text, leftmost-longest without overlap: official names,
// names without 市/区/县 when two characters remain, retired names with a
// single successor and aliases (zones are not recognised; 莱芜 is 370116
// 莱芜区, 菏泽 371700; 枣庄市中区 reads as 枣庄市; a name shared by a city and
// its district means the city: 东营 is 370500). Then:
//
//  1. A name several divisions share (市中区 is in 济南 and in 枣庄) is
//     settled by another place named in the text that contains one of them
//     (济南市市中区), else by the caller's city; otherwise it is ambiguous.
//  2. Of the places named, those that contain another named place are
//     dropped (济南市历城区 names 历城区).
//  3. No place named: the caller's division.
//  4. One place: that place, unless it contains the caller's division, which
//     is kept as the more precise (a caller in 牡丹区 who says 菏泽).
//  5. Several places: the one related to the caller's division (one
//     contains the other), as in 4, if exactly one is; otherwise ambiguous.
//
// Rules' within and prefix conditions test this jurisdiction; a rule with
// such a condition does not match when it is unknown or ambiguous. When the
// matching rule's department works at city level (the housing provident
// fund centre), a county jurisdiction is lifted to its city.
//
// An order whose rule matched but whose jurisdiction is ambiguous or
// unknown goes to the manual queue ("ambiguous division", "no division"),
// keeping the topic and department as a suggestion for the desk.
//
// # Corpus, split and figures
//
// The package's testdata/corpus.jsonl holds labelled work orders, one JSON
// object per line (see Labeled and ReadCorpus): id, text, division,
// category, received_at and the label "want" — a department, topic and
// jurisdiction, or "manual" with the labeller's reason.
//
// The corpus is split once and for all by the order IDs (see HeldOut): an
// order is held out when the 32-bit FNV-1a hash of its ID, modulo 10, is
// below 3, about 30% of orders. Rules are written and tuned on the other
// part only; the held-out part measures them. The split moves no order when
// rules change or orders are added.
//
// Evaluate computes, for each department D:
//
//   - coverage = orders labelled D that were routed automatically (to any
//     department, not the manual queue) / orders labelled D;
//   - precision = automatic routings to D labelled D / all automatic
//     routings to D, including orders labelled with another department or
//     with the manual queue;
//
// and lists the misrouted orders (routed to the wrong department, or routed
// when the label says manual) and the unrouted ones (labelled with a
// department, sent to manual). The package's tests require, on the
// held-out part, coverage ≥ 70% and precision ≥ 85% for every department.
//
// # Adding rules
//
//  1. Add the new kind of order to the corpus first: several realistic
//     orders with new unique IDs, labelled. Their IDs put them in one part
//     or the other; never choose IDs to steer them, and never edit an order
//     to fit a rule.
//  2. Write the rule by reading only the tuning part (go test -run
//     TestTuning -v shows its figures and misses); place it before the
//     broader rules it must pre-empt.
//  3. Run go test -run TestHeldOut -v to measure. If a held-out figure
//     drops, improve the rule from tuning orders, not from the held-out
//     order that failed.
//  4. New topics and departments go in departments.json; new ways of
//     saying the same thing in synonyms.json.
package dispatch
