// Package policy is 免申即享 (benefits without application): enterprise-
// support policies (惠企政策) written as dated rules, matched against
// enterprise profiles (一企一档), explained, and turned into push and payment
// lists.
//
// It is for a city's 惠企政策 team and their developers. The team writes
// policies as data files — who is eligible, who is excluded, how much is
// paid, with rates and caps as dated parameters — and scenario files that
// pin down the expected outcome for sample enterprises. The developers load
// the folder with LoadFS, feed profiles from their registers through a
// ProfileSource, run Match over the whole register, and hand the results to
// Lists for the push list (政策推送) and the direct-payment list (直达).
// Explain answers a clerk's or an enterprise's "why".
//
// The package does not store profiles, send notifications or move money; it
// decides and explains. Package policytest runs a city's scenario files as
// Go subtests and checks ProfileSource implementations.
//
// # Profiles
//
// A Profile holds an enterprise's credit code, name, bank account, tags and
// typed attributes. The attributes a city knows are declared once, in
// attributes.json (a Registry): number, integer, string, enum (one of listed
// values), date, bool, monthly series (a number per month, such as the
// insured headcount) and yearly series (a number per year, such as premiums
// paid). An attribute never set is unknown, never zero. Profiles from
// several registers (market regulation, tax, HRSS) combine with Merge or
// MultiSource.
//
// # The condition language
//
// Conditions, definitions and amounts are expressions; package expr parses
// them, this package type-checks them at load against the registry and the
// parameters, and compiles them. Grammar, loosest binding first:
//
//	expr    = and { "or" and }
//	and     = not { "and" not }
//	not     = "not" not | cmp
//	cmp     = sum [ ("=="|"!="|"<"|"<="|">"|">=") sum
//	              | ["not"] "in" "[" expr { "," expr } "]"
//	              | ["not"] "between" sum "and" sum ]
//	sum     = prod { ("+"|"-") prod }
//	prod    = unary { ("*"|"/") unary }
//	unary   = "-" unary | postfix
//	postfix = primary { "[" expr { "," expr } "]" }
//	primary = number ["%"] | string | "true" | "false"
//	        | name [ "(" [ expr { "," expr } ] ")" ] | "(" expr ")"
//
// Numbers are decimals (5.5% is 0.055); strings are double-quoted. Types are
// number, string, enum, date and bool. A name is an attribute, a parameter,
// a definition of the policy, or one of today (the day of evaluation, a
// date) and year (its year, a number). == and != compare values of one type
// (an enum against a string literal, which must be one of its values);
// < <= > >= and between compare numbers or dates; + - * / take numbers;
// and, or, not take bools. Comparisons do not chain.
//
// Functions:
//
//	min(n, n, …), max(n, n, …)      numbers
//	if(c, a, b)                     a when c, else b (a and b of one type)
//	s[y]                            a yearly series in year y
//	s[y, m]                         a monthly series in month m of year y
//	mean(s, y), total(s, y)         of the 12 months of year y of a monthly series
//	date("2024-01-01")              a date literal
//	year_of(d)                      the year of a date
//	add_years(d, n), add_months(d, n)  date arithmetic, as time.AddDate
//	days_between(d1, d2)            d2 − d1 in days
//	tag("high_tech")                whether the profile has the tag
//	known(a)                        whether the attribute is known
//	starts_with(s, "C")             string (or enum) prefix
//
// Arithmetic is exact (rational numbers; no float anywhere): a rate times
// premiums is computed to the last digit, and the amount of a policy is
// rounded once, at the end, half up (四舍五入) to the fen. A division by zero
// is unknown.
//
// Logic is three-valued (Kleene): a value read from an unknown attribute,
// or a series point or month missing (mean and total need all twelve
// months), is unknown, and so is anything computed from it — except where
// the rest settles it: false and unknown is false, true or unknown is true.
// Tags are never unknown. known(a) lets a policy decide what absence means.
//
// # The policy folder
//
// LoadFS reads a folder (the policies folder of the catalog root):
//
//	attributes.json    the registry of attributes and tags
//	parameters.json    shared dated parameters (optional)
//	*.json             one policy per file
//	scenarios/*.json   scenario tests, read by LoadScenarios
//
// Every file is checked against its JSON Schema (draft 2020-12, published by
// Schemas) and then semantically; a LoadError lists every problem with its
// file, JSON pointer and, inside an expression, line and column, such as
//
//	x.json#/eligibility/0/when: 1:1: unknown name "sise": not an attribute, parameter or definition
//
// A policy file has a code, names, issuer, legal basis, effective period,
// mode ("exempt" 免申即享 or "fast" 快申快享), whether a commitment (告知承诺)
// is required before payment, the issue and publication days, its own
// parameters, named definitions (intermediate values such as a layoff
// rate), eligibility clauses (all must hold), exclusions (any one excludes,
// such as the credit blacklist) and the amount formula. Each clause has an
// id, a Chinese and an English statement, and a condition:
//
//	{"id": "layoff-rate", "zh": "上年度裁员率不高于…", "en": "…",
//	 "when": "layoff_rate <= layoff_rate_target or (avg_insured <= 30 and layoff_rate <= 20%)"}
//
// A parameter is a list of dated values, each in force from its day until
// the next (OpenFisca style), so evaluating on 2022-06-30 and on 2023-06-30
// uses the rates in force then. Every parameter a policy uses must have a
// value on the day the policy comes into force.
//
// # Decisions
//
// Evaluate and Match decide each enterprise × policy: Eligible with an
// Amount; NotEligible with a reason (not in force, a failed condition, or an
// exclusion); or Undecidable, naming the missing data (attributes, or
// points of series such as "ui_premiums[2024]"). An exclusion that holds
// wins over missing data. Match streams results and builds no trace;
// Explain traces one pair: every clause, sub-expression, definition,
// attribute and parameter with the value used (and the date and basis of
// each parameter value), readable in Chinese and English.
//
// DefaultDeadlines.Report lists the plan's deadlines missed, counted in
// working days with standards/workday: publication within 7 working days of
// issue, 快申快享 payment within 60 of a complete application.
//
// # Scenarios
//
// A scenario file holds test cases as data: a policy, a day, a profile and
// the expected outcome (and amount, reason, clause or missing data). Add a
// file to policies/scenarios and it runs in our test suite; a city runs its
// own folder with CheckScenarios or policytest.RunScenarios.
package policy
