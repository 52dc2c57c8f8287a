package policy

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sample is a demo profile with a little of everything; "size" and
// "credit_blacklist" are left unknown on purpose.
func sample(t testing.TB, s *Set) *Profile {
	t.Helper()
	p, err := s.reg.DecodeProfile([]byte(`{
	  "credit_code": "91370102MA3C4XK10Q", "name": "济南泉城示例科技有限公司",
	  "attributes": {
	    "industry": "I6510", "division": "370102", "founded": "2022-02-28",
	    "status": "operating", "employees": 40, "social_insurance_arrears": false,
	    "ui_premiums": {"2023": "8123.45", "2024": "9000"},
	    "insured": {"2024-01": 10, "2024-02": 12, "2024-03": 12, "2024-04": 12, "2024-05": 12, "2024-06": 12,
	                "2024-07": 12, "2024-08": 12, "2024-09": 12, "2024-10": 12, "2024-11": 12, "2024-12": 14},
	    "layoffs": {"2024": 0}
	  },
	  "tags": ["high_tech"]
	}`))
	require.NoError(t, err)
	return p
}

// evalBoth evaluates src on the sample with the compiled code and the
// interpreter, checks they agree, and returns the interpreter's text.
func evalBoth(t *testing.T, s *Set, p *Profile, src string, on string) (string, []string) {
	t.Helper()
	sc := &scope{reg: s.reg, params: map[string]int{}, defs: map[string]int{}, used: map[string]bool{}}
	for _, par := range s.shared {
		sc.params[par.Name] = len(sc.plist)
		sc.plist = append(sc.plist, par)
	}
	tn, errs := sc.checkSource("", "", src, 0)
	require.Empty(t, errs, src)
	pol := &Policy{scope: sc, Effective: Period{From: day("2000-01-01")}}
	d := day(on)
	pg := &program{}
	c := pg.compileAny(tn)
	f := &frame{p: p, today: dayNumber(d), year: ratInt(int64(d.Time().Year())), params: pol.paramsAt(d), prog: pg}
	f.setStatics()
	iv, known, st := newInterp(f, pol).eval(src, tn)
	slow := newInterp(f, pol).format(tn, iv, known)
	var fast string
	switch {
	case c.b != nil:
		fast = c.b(f).String()
	case c.n != nil:
		v, ok := c.n(f)
		fast = "unknown"
		if ok {
			fast = v.String()
		}
	default:
		v, ok := c.v(f)
		fast = newInterp(f, pol).format(tn, v, ok)
	}
	assert.Equal(t, slow, fast, "compiled and interpreted disagree on %s", src)
	if known {
		assert.Empty(t, st.Missing)
	}
	return st.Value, st.Missing
}

func TestThreeValuedLogic(t *testing.T) {
	s := demoSet(t)
	p := sample(t, s)
	for _, tc := range []struct {
		src, want string
		missing   []string
	}{
		{`credit_blacklist`, "unknown", []string{"credit_blacklist"}},
		{`not credit_blacklist`, "unknown", []string{"credit_blacklist"}},
		{`false and credit_blacklist`, "false", nil},
		{`credit_blacklist and false`, "false", nil},
		{`true and credit_blacklist`, "unknown", []string{"credit_blacklist"}},
		{`true or credit_blacklist`, "true", nil},
		{`credit_blacklist or true`, "true", nil},
		{`credit_blacklist or size == "large"`, "unknown", []string{"credit_blacklist", "size"}},
		{`size in ["small", "micro"]`, "unknown", []string{"size"}},
		{`size not in ["small"] or status == "operating"`, "true", nil},
		{`employees between 30 and 40`, "true", nil},
		{`employees not between 41 and 50`, "true", nil},
		{`loan_principal between 1 and 2`, "unknown", []string{"loan_principal"}},
		{`known(size)`, "false", nil},
		{`known(status)`, "true", nil},
		{`tag("high_tech") and not tag("specialized")`, "true", nil},
		{`if(credit_blacklist, 1, 2)`, "unknown", []string{"credit_blacklist"}},
		{`if(status == "operating", 1, 2)`, "1", nil},
		{`min(employees, loan_principal)`, "unknown", []string{"loan_principal"}},
	} {
		got, missing := evalBoth(t, s, p, tc.src, "2025-03-31")
		assert.Equal(t, tc.want, got, tc.src)
		assert.ElementsMatch(t, tc.missing, missing, tc.src)
	}
}

func TestFunctions(t *testing.T) {
	s := demoSet(t)
	p := sample(t, s)
	for _, tc := range []struct{ src, want string }{
		{`mean(insured, 2024)`, "12"},                       // (10 + 12×10 + 14) / 12 = 144/12
		{`total(insured, year - 1)`, "144"},                 // on 2025-03-31
		{`mean(insured, 2023)`, "unknown"},                  // no months of 2023
		{`insured[2024, 12] - insured[2024, 1]`, "4"},       // 14 - 10
		{`ui_premiums[year - 2] * 60%`, "4874.07"},          // 8123.45 × 0.6
		{`ui_premiums[2024] / 7`, "1285.7142857143…"},       // exact inside, shown to 10 places
		{`ui_premiums[2024.5]`, "unknown"},                  // not a year
		{`layoffs[2024] / mean(insured, 2024)`, "0"},        // 0 / 12
		{`1 / layoffs[2024]`, "unknown"},                    // division by zero
		{`founded >= add_years(today, -3)`, "false"},        // 2022-02-28 is before 2022-03-31
		{`add_years(founded, 3)`, "2025-02-28"},             // no 29 February in 2025
		{`add_months(date("2024-01-31"), 1)`, "2024-03-02"}, // as time.AddDate
		{`days_between(founded, today)`, "1127"},            // 2022-02-28 → 2025-03-31
		{`year_of(founded) == 2022`, "true"},
		{`starts_with(industry, "I65")`, "true"},
		{`starts_with(division, "3701") and division != "370101"`, "true"},
		{`layoff_rate_target`, "5.5%"}, // as the parameter file writes it
		{`-employees + 50`, "10"},
		{`max(1, 2.5, 2)`, "2.5"},
	} {
		got, _ := evalBoth(t, s, p, tc.src, "2025-03-31")
		assert.Equal(t, tc.want, got, tc.src)
	}
}

func TestCheckErrors(t *testing.T) {
	s := demoSet(t)
	sc := &scope{reg: s.reg, params: map[string]int{"layoff_rate_target": 0}, plist: s.shared[:1], defs: map[string]int{}, used: map[string]bool{}}
	for _, tc := range []struct{ src, pos, msg string }{
		{`sizee == "small"`, "1:1", `unknown name "sizee"`},
		{`size == "smal"`, "1:1", `"smal" is not a value of size`},
		{`size in ["small", "huge"]`, "1:19", `"huge" is not a value of size`},
		{`status == 1`, "1:1", "cannot compare enum with number"},
		{`ui_premiums > 0`, "1:1", "yearly series: index it"},
		{`insured[2024] > 0`, "1:1", "index it with 2 number(s)"},
		{`employees and true`, "1:1", "and needs bools"},
		{`founded < 3`, "1:1", "compares two numbers or two dates"},
		{`mean(ui_premiums, 2024) > 0`, "1:6", "monthly series attribute"},
		{`tag("rich")`, "1:5", `unknown tag "rich"`},
		{`date("2024-02-30") < today`, "1:6", "bad date"},
		{`frobnicate(1)`, "1:1", "unknown function"},
		{`min(1)`, "1:1", "2 or more"},
		{"true and\n  employees", "1:1", "needs bools"},
		{"employees >\n  \"x\"", "1:1", "compares two numbers"},
		{`1 +`, "1:4", "unexpected end"},
	} {
		_, ps := sc.checkSource("f.json", "/eligibility/0/when", tc.src, TypeBool)
		require.NotEmpty(t, ps, tc.src)
		assert.Equal(t, tc.pos, ps[0].Pos, tc.src)
		assert.Contains(t, ps[0].Msg, tc.msg, tc.src)
		assert.True(t, strings.HasPrefix(ps[0].String(), "f.json#/eligibility/0/when: "+tc.pos), ps[0].String())
	}
	_, ps := sc.checkSource("f.json", "/amount/formula", `employees > 1`, TypeNumber)
	require.Len(t, ps, 1)
	assert.Contains(t, ps[0].Msg, "want a number expression, not a bool")
}

func TestProfileSetters(t *testing.T) {
	s := demoSet(t)
	p := s.reg.NewProfile("91370102MA3C4XK10Q", "x")
	assert.ErrorIs(t, p.SetString("size", "huge"), ErrInvalid)
	assert.ErrorIs(t, p.SetNumber("employees", decimal.RequireFromString("1.5")), ErrInvalid)
	assert.ErrorIs(t, p.SetBool("size", true), ErrInvalid)
	assert.ErrorIs(t, p.SetInt("nothing", 1), ErrInvalid)
	assert.ErrorIs(t, p.AddTag("rich"), ErrInvalid)
	assert.ErrorIs(t, p.SetMonth("insured", 2024, 13, decimal.Zero), ErrInvalid)
	require.NoError(t, p.SetMonth("insured", 2024, time.March, decimal.NewFromInt(3)))
	require.NoError(t, p.SetMonth("insured", 2024, time.January, decimal.NewFromInt(1)))
	require.NoError(t, p.SetMonth("insured", 2024, time.March, decimal.NewFromInt(4)))
	v, ok := p.Value("insured")
	assert.True(t, ok)
	assert.Equal(t, "2024-01: 1; 2024-03: 4", v)
	assert.True(t, p.Known("insured"))
	p.Unset("insured")
	assert.False(t, p.Known("insured"))
}

func TestFaults(t *testing.T) {
	s := demoSet(t)
	p := sample(t, s)
	on := day("2025-03-31")
	for _, tc := range []struct {
		name, elig, amount string
		reason             string
	}{
		{"negative amount", `true`, `0 - 1`, ReasonFault},
		{"division by zero in the amount", `true`, `ui_premiums[2024] / layoffs[2024]`, ReasonFault},
		{"eligible", `status == "operating"`, `ui_premiums[2024] / 3`, ""}, // 9000 / 3
		{"amount needs unknown data", `true`, `loan_principal * 1%`, ReasonMissing},
	} {
		pol := testPolicy(t, s, []string{tc.elig}, nil, tc.amount)
		r, err := Evaluate(pol, p, on)
		require.NoError(t, err)
		assert.Equal(t, tc.reason, r.Reason, tc.name)
		if tc.reason == "" {
			assert.Equal(t, "3000.00", r.Amount.String())
		}
		if tc.reason == ReasonMissing {
			assert.Equal(t, []string{"loan_principal"}, r.Missing)
		}
	}
}
