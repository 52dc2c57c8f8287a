package form

import (
	"context"
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/form/retirement"
	"github.com/onething-gov/onething/standards/citizenid"
)

// builtinChecks are the checks of the built-in dictionary.
func builtinChecks() []Check {
	r := retirement.Default()
	return []Check{RetirementAge(r), MinContribution(r), AccountHolder(), IDConsistency()}
}

// RetirementAge returns the check "retirement-age" over rules r: the
// applicant reaches the statutory retirement age (法定退休年龄) by the
// requested month, computed from the birth month (from the ID number, or
// the date of birth) and the retirement category under the 2025 reform,
// with the limits of 弹性提前退休 and 弹性延迟退休 and the early ages of
// special work and illness (see package retirement).
//
// Parameters: date (retirement.date, required), id (person.id_number),
// birth_date (person.birth_date), category (retirement.category), kind
// (retirement.early_type; absent means normal), advance_months (no
// default: the months of flexible early retirement the form asks for,
// checked against the computed figure).
//
// Codes: retirement.too_early (error), retirement.not_early and
// retirement.after_delay_limit (warnings), retirement.category_sex (error:
// the category contradicts the sex in the ID number),
// retirement.category_missing and retirement.birth_unknown (warnings: the
// check cannot decide), retirement.advance_mismatch (error).
func RetirementAge(r *retirement.Rules) Check {
	return Check{
		Name: "retirement-age",
		Doc:  Text{"申请人于申请退休月份达到法定退休年龄（含弹性提前退休限制）", "the applicant reaches the statutory retirement age by the requested month, within the flexible-retirement limits"},
		Params: []Param{
			{Name: "date", Element: "retirement.date", Required: true},
			{Name: "id", Element: "person.id_number"},
			{Name: "birth_date", Element: "person.birth_date"},
			{Name: "category", Element: "retirement.category"},
			{Name: "kind", Element: "retirement.early_type"},
			{Name: "advance_months"},
		},
		Messages: map[string]Text{
			"retirement.too_early": {
				"申请退休时间%[7]s早于最早可退休时间%[6]s（%[1]s，%[2]s出生，%[3]s，最低退休年龄%[8]s；法定退休年龄%[4]s，%[5]s达到）",
				"the requested retirement month %[7]s is before the earliest allowed, %[6]s (%[1]s born %[2]s, %[3]s, youngest age %[8]s; statutory age %[4]s, reached %[5]s)"},
			"retirement.not_early": {
				"申请弹性提前退休，但申请退休时间%[3]s已达到法定退休时间%[2]s（法定退休年龄%[1]s），请改为按法定退休年龄退休",
				"flexible early retirement is asked for, but the requested month %[3]s is not before the statutory month %[2]s (statutory age %[1]s): apply for normal retirement"},
			"retirement.after_delay_limit": {
				"申请退休时间%[3]s晚于弹性延迟退休的最晚时间%[2]s（法定退休时间%[1]s），请核实",
				"the requested month %[3]s is after the last month of flexible delay, %[2]s (statutory month %[1]s); please verify"},
			"retirement.category_sex": {
				"退休人员类别“%[1]s”与公民身份号码记载的性别（%[2]s）不符",
				"retirement category %[1]s contradicts the sex in the citizen ID number (%[2]s)"},
			"retirement.category_missing": {
				"未填写退休人员类别，无法核验女职工的法定退休年龄",
				"no retirement category: a woman's statutory age cannot be checked"},
			"retirement.birth_unknown": {
				"缺少有效的公民身份号码或出生日期，无法核验法定退休年龄",
				"no valid citizen ID number or date of birth: the retirement age cannot be checked"},
			"retirement.advance_mismatch": {
				"提前退休月数%[1]d与按出生年月计算的%[2]d个月不符",
				"%[1]d months of early retirement given; the birth month gives %[2]d"},
		},
		Run: func(_ context.Context, in *CheckInput) []Finding {
			return retirementAge(r, in)
		},
	}
}

var categoryText = map[retirement.Category]Text{
	retirement.Male:         {"男职工", "male employee"},
	retirement.FemaleCadre:  {"女职工（原55周岁退休）", "woman employee (formerly retiring at 55)"},
	retirement.FemaleWorker: {"女职工（原50周岁退休）", "woman employee (formerly retiring at 50)"},
}

var kindText = map[retirement.Kind]Text{
	retirement.Normal:      {"按法定退休年龄退休", "normal retirement"},
	retirement.Flexible:    {"弹性提前退休", "flexible early retirement"},
	retirement.SpecialWork: {"特殊工种提前退休", "early retirement for special work"},
	retirement.Illness:     {"因病提前退休", "early retirement for illness"},
}

func ageText(a retirement.Age) Text { return Text{a.ZH(), a.String()} }

func retirementAge(r *retirement.Rules, in *CheckInput) []Finding {
	ds, _ := in.String("date")
	requested, err := retirement.ParseMonth(ds)
	if err != nil {
		return nil // the schema or the date validator reports it
	}
	var birth retirement.Month
	var sex citizenid.Sex
	haveBirth := false
	if s, ok := in.String("id"); ok {
		if id, err := citizenid.Parse(s); err == nil {
			birth, sex, haveBirth = retirement.MonthOf(id.Birth()), id.Sex(), true
		}
	}
	if !haveBirth {
		if s, ok := in.String("birth_date"); ok {
			if b, err := retirement.ParseMonth(s); err == nil {
				birth, haveBirth = b, true
			}
		}
	}
	if !haveBirth {
		return []Finding{{Param: "date", Fault: *warning("retirement.birth_unknown")}}
	}
	var out []Finding
	catS, hasCat := in.String("category")
	cat := retirement.Category(catS)
	switch {
	case hasCat && sex == citizenid.Male && cat != retirement.Male,
		hasCat && sex == citizenid.Female && cat == retirement.Male:
		sexText := Text{"男", "male"}
		if sex == citizenid.Female {
			sexText = Text{"女", "female"}
		}
		return []Finding{{Param: "category", Fault: Fault{Code: "retirement.category_sex", Severity: Error, Args: []any{categoryText[cat], sexText}}}}
	case !hasCat && sex == citizenid.Male:
		cat = retirement.Male
	case !hasCat:
		return []Finding{{Param: "date", Fault: *warning("retirement.category_missing")}}
	}
	if !r.Valid(cat) {
		return nil
	}
	kind := retirement.Normal
	if k, ok := in.String("kind"); ok {
		kind = retirement.Kind(k)
	}
	d, err := r.Check(birth, cat, kind, requested)
	if err != nil {
		return nil // an unknown kind: the schema reports it
	}
	switch d.Outcome {
	case retirement.TooEarly:
		out = append(out, Finding{Param: "date", Fault: Fault{Code: "retirement.too_early", Severity: Error, Args: []any{
			categoryText[cat], d.Birth.String(), kindText[kind], ageText(d.Statutory), d.StatutoryMonth.String(),
			d.Earliest.String(), d.Requested.String(), ageText(d.EarliestAge)}}})
	case retirement.NotEarly:
		out = append(out, Finding{Param: "date", Fault: Fault{Code: "retirement.not_early", Severity: Warning, Args: []any{
			ageText(d.Statutory), d.StatutoryMonth.String(), d.Requested.String()}}})
	case retirement.AfterDelayLimit:
		out = append(out, Finding{Param: "date", Fault: Fault{Code: "retirement.after_delay_limit", Severity: Warning, Args: []any{
			d.StatutoryMonth.String(), d.Latest.String(), d.Requested.String()}}})
	}
	if adv, ok := in.Values["advance_months"]; ok && kind == retirement.Flexible && d.Outcome == retirement.OK {
		want := d.StatutoryMonth.Since(d.Requested)
		if n, ok := intValue(adv); ok && n != want {
			out = append(out, Finding{Param: "advance_months", Fault: Fault{Code: "retirement.advance_mismatch", Severity: Error, Args: []any{n, want}}})
		}
	}
	return out
}

func intValue(v any) (int, bool) {
	r, ok := numberRat(v)
	if !ok || !r.IsInt() || !r.Num().IsInt64() {
		return 0, false
	}
	return int(r.Num().Int64()), true
}

// MinContribution returns the check "min-contribution" over rules r: the
// contribution years (累计缴费年限, including deemed years) reach the minimum
// for the year of retirement: 15 until 2029, then six months more each year
// to 20 from 2039.
//
// Parameters: years (insurance.contribution_years, required), date
// (retirement.date, required). Codes: contribution.too_few (error),
// contribution.no_rule (warning: no minimum is known for that month).
func MinContribution(r *retirement.Rules) Check {
	return Check{
		Name: "min-contribution",
		Doc:  Text{"累计缴费年限达到退休当年的最低缴费年限", "the contribution years reach the minimum for the year of retirement"},
		Params: []Param{
			{Name: "years", Element: "insurance.contribution_years", Required: true},
			{Name: "date", Element: "retirement.date", Required: true},
		},
		Messages: map[string]Text{
			"contribution.too_few": {
				"累计缴费年限%[1]s年，不足%[2]s退休所需的最低缴费年限%[3]s年",
				"%[1]s contribution years are fewer than the %[3]s years needed to retire in %[2]s"},
			"contribution.no_rule": {
				"没有%[1]s适用的最低缴费年限规则，请人工核验",
				"no minimum contribution rule covers %[1]s; a clerk must check"},
		},
		Run: func(_ context.Context, in *CheckInput) []Finding {
			ds, _ := in.String("date")
			m, err := retirement.ParseMonth(ds)
			if err != nil {
				return nil
			}
			years, ok := decimalValue(in.Values["years"])
			if !ok {
				return nil
			}
			need, ok := r.MinContribution(m)
			if !ok {
				return []Finding{{Param: "date", Fault: Fault{Code: "contribution.no_rule", Severity: Warning, Args: []any{m.String()}}}}
			}
			if years.LessThan(need) {
				return []Finding{{Param: "years", Fault: Fault{Code: "contribution.too_few", Severity: Error, Args: []any{years.String(), m.String(), need.String()}}}}
			}
			return nil
		},
	}
}

func decimalValue(v any) (decimal.Decimal, bool) {
	switch n := v.(type) {
	case json.Number:
		d, err := decimal.NewFromString(string(n))
		return d, err == nil
	case float64:
		return decimal.NewFromFloat(n), true
	case int:
		return decimal.NewFromInt(int64(n)), true
	}
	return decimal.Decimal{}, false
}

// AccountHolder returns the check "account-holder": the bank account is the
// applicant's own (银行账户为申请人本人账户). Registries answer for the
// subject of the pre-fill, and Review reports answers about anyone else, so
// an account that a trusted source (A or B) holds for the subject is the
// applicant's. Any other account is a warning for the clerk: one the
// registries know nothing of (account.unverified), or one unlike every
// account they know (account.not_applicants).
//
// Parameters: account (person.bank_account, required).
func AccountHolder() Check {
	return Check{
		Name:   "account-holder",
		Doc:    Text{"银行账户为申请人本人账户", "the bank account is the applicant's own"},
		Params: []Param{{Name: "account", Element: "person.bank_account", Required: true}},
		Messages: map[string]Text{
			"account.unverified": {
				"无法核验%[1]s %[2]s 为申请人本人账户，请窗口核验本人银行卡",
				"%[1]s %[2]s cannot be verified as the applicant's own account; the window must check the card"},
			"account.not_applicants": {
				"%[1]s %[2]s 与登记在申请人名下的账户（%[3]s）不一致，请核验是否为本人账户",
				"%[1]s %[2]s is not the account registered to the applicant (%[3]s); check it is the applicant's own"},
		},
		Run: func(_ context.Context, in *CheckInput) []Finding {
			v := in.Values["account"]
			if p, ok := in.Provenance("account"); ok && p.Trusted() {
				return nil
			}
			var known []string
			for _, k := range in.Known("account") {
				if k.Trusted() {
					known = append(known, in.Mask("account", k.Value))
				}
			}
			if len(known) > 0 {
				return []Finding{{Param: "account", Fault: Fault{Code: "account.not_applicants", Severity: Warning,
					Args: []any{in.Label("account"), in.Mask("account", v), joinTexts(textsOf(known))}}}}
			}
			return []Finding{{Param: "account", Fault: Fault{Code: "account.unverified", Severity: Warning,
				Args: []any{in.Label("account"), in.Mask("account", v)}}}}
		},
	}
}

func textsOf(ss []string) []Text {
	out := make([]Text, len(ss))
	for i, s := range ss {
		out[i] = Text{s, s}
	}
	return out
}

// IDConsistency returns the check "id-consistency": the date of birth and
// the sex agree with the citizen ID number. Parameters: id
// (person.id_number, required), birth_date (person.birth_date), sex
// (person.sex). Codes: identity.birth_mismatch, identity.sex_mismatch
// (errors).
func IDConsistency() Check {
	return Check{
		Name: "id-consistency",
		Doc:  Text{"出生日期、性别与公民身份号码一致", "date of birth and sex agree with the citizen ID number"},
		Params: []Param{
			{Name: "id", Element: "person.id_number", Required: true},
			{Name: "birth_date", Element: "person.birth_date"},
			{Name: "sex", Element: "person.sex"},
		},
		Messages: map[string]Text{
			"identity.birth_mismatch": {"出生日期%[1]s与公民身份号码记载的出生日期不一致", "date of birth %[1]s differs from the one in the citizen ID number"},
			"identity.sex_mismatch":   {"性别与公民身份号码记载的性别不一致", "sex differs from the one in the citizen ID number"},
		},
		Run: func(_ context.Context, in *CheckInput) []Finding {
			s, _ := in.String("id")
			id, err := citizenid.Parse(s)
			if err != nil {
				return nil
			}
			var out []Finding
			if b, ok := in.String("birth_date"); ok && !sameBirth(id, b) {
				out = append(out, Finding{Param: "birth_date", Fault: Fault{Code: "identity.birth_mismatch", Severity: Error, Args: []any{in.Mask("birth_date", b)}}})
			}
			if sx, ok := in.String("sex"); ok {
				want := map[citizenid.Sex]string{citizenid.Male: "男", citizenid.Female: "女"}[id.Sex()]
				if sx != want {
					out = append(out, Finding{Param: "sex", Fault: *fault("identity.sex_mismatch")})
				}
			}
			return out
		},
	}
}

// sameBirth reports whether date (YYYY-MM-DD) is the birth date in id.
func sameBirth(id citizenid.ID, date string) bool {
	s := id.String()
	return len(date) == 10 && date[4] == '-' && date[7] == '-' &&
		date[:4] == s[6:10] && date[5:7] == s[10:12] && date[8:] == s[12:14]
}
