package policy_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/policy"
	"github.com/onething-gov/onething/matter/policy/policytest"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/workday"
)

var catalog = os.DirFS("../../examples/catalog")

func load(t testing.TB) *policy.Set {
	t.Helper()
	s, err := policy.LoadFS(catalog, "policies")
	require.NoError(t, err)
	return s
}

func date(s string) matter.Date {
	d, err := matter.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestScenarios runs the demo scenario files: the hand-computed cases of
// every demo policy, the dated changes across year boundaries, undecidable
// cases, blacklist exclusions and half-up rounding.
func TestScenarios(t *testing.T) {
	policytest.RunScenarios(t, load(t), catalog, "policies/scenarios/*.json")
}

func TestDemoPolicies(t *testing.T) {
	s := load(t)
	require.Len(t, s.Policies(), 5)
	for _, p := range s.Policies() {
		assert.NotEmpty(t, p.LegalBasis, p.Code)
		assert.True(t, p.Demo, "%s: every demo policy says it is demo data", p.Code)
		assert.NotEmpty(t, p.Attributes(), p.Code)
	}
	wg, ok := s.Policy("SD-HRSS-WGFH")
	require.True(t, ok)
	rate, ok := wg.Parameter("return_rate_sme")
	require.True(t, ok)
	v22, _ := rate.At(date("2022-12-31"))
	v23, _ := rate.At(date("2023-01-01"))
	assert.Equal(t, `"90%"`, string(v22.Value), "in force on the last day of 2022")
	assert.Equal(t, `"60%"`, string(v23.Value), "in force from the first day of 2023")
	_, ok = rate.At(date("2021-12-31"))
	assert.False(t, ok, "no value before the first date")
}

// brokenFS is the demo registry with one policy file.
func brokenFS(t *testing.T, policyJSON string) fstest.MapFS {
	t.Helper()
	attrs, err := os.ReadFile("../../examples/catalog/policies/attributes.json")
	require.NoError(t, err)
	return fstest.MapFS{
		"p/attributes.json": {Data: attrs},
		"p/x.json":          {Data: []byte(policyJSON)},
	}
}

const minimal = `{
  "code": "X", "name": "测试", "name_en": "test",
  "issuer": {"name": "测试厅"}, "legal_basis": [{"title": "测试文件"}],
  "effective": {"from": "2024-01-01"}, "mode": "exempt", "commitment": false,
  "issued": "2024-01-02",
  "parameters": [{"name": "rate", "zh": "比例", "en": "rate", "values": [{"from": "2024-01-01", "value": "60%"}]}],
  "eligibility": [{"id": "a", "zh": "甲", "en": "a", "when": "ELIG"}],
  "amount": {"formula": "AMOUNT", "zh": "额", "en": "amount"}
}`

func policyWith(elig, amount string) string {
	return strings.NewReplacer("ELIG", elig, "AMOUNT", amount).Replace(minimal)
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		want       []string
	}{
		{"unknown attribute", policyWith(`sise == \"small\"`, "1"), []string{`x.json#/eligibility/0/when: 1:1: unknown name "sise"`}},
		{"unknown parameter", policyWith(`size == \"small\"`, `ui_premiums[year - 1] * rat`), []string{`x.json#/amount/formula: 1:25: unknown name "rat"`}},
		{"syntax", policyWith(`size = \"small\"`, "1"), []string{`x.json#/eligibility/0/when: 1:6: use == to compare`}},
		{"two problems at once", policyWith(`nope`, `alsonope`), []string{`unknown name "nope"`, `unknown name "alsonope"`}},
		{"schema: missing and unknown property", strings.Replace(minimal, `"mode": "exempt",`, `"moed": "exempt",`, 1),
			[]string{`x.json#/mode: missing property "mode"`, `x.json#/moed: unknown property "moed"`}},
		{"schema: bad date", strings.Replace(minimal, `"issued": "2024-01-02"`, `"issued": "2024-02-30"`, 1), []string{`x.json#/issued: `}},
		{"not json", `{`, []string{`x.json#: not JSON`}},
		{"parameter too late", strings.Replace(policyWith("true", "rate"), `"effective": {"from": "2024-01-01"}`, `"effective": {"from": "2023-01-01"}`, 1),
			[]string{`x.json#/parameters/0/values: parameter "rate" has no value on 2023-01-01`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := policy.LoadFS(brokenFS(t, tc.file), "p")
			require.Error(t, err)
			assert.ErrorIs(t, err, policy.ErrInvalid)
			var le *policy.LoadError
			require.ErrorAs(t, err, &le)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
	_, err := policy.LoadFS(fstest.MapFS{}, "p")
	assert.ErrorContains(t, err, "attributes.json")
}

func TestMatchStreams(t *testing.T) {
	s := load(t)
	scs, err := policy.LoadScenarios(s, catalog, "policies/scenarios/wengang-fanhuan.json")
	require.NoError(t, err)
	src := policy.NewMemorySource()
	for _, sc := range scs[:6] {
		src.Put(sc.Profile)
	}
	ctx := context.Background()
	on := date("2024-06-30")
	n := 0
	byOutcome := map[policy.Outcome]int{}
	for r, err := range policy.Match(ctx, on, s.Policies(), src.Profiles(ctx)) {
		require.NoError(t, err)
		n++
		byOutcome[r.Outcome]++
	}
	// 6 profiles × the 4 policies in force on 2024-06-30 (技能提升 starts 2025-10-01).
	assert.Equal(t, 24, n)
	assert.Equal(t, 4, byOutcome[policy.Eligible]) // the four eligible 稳岗返还 scenarios among the first six
	// Stopping early stops.
	n = 0
	for range policy.Match(ctx, on, s.Policies(), src.Profiles(ctx)) {
		n++
		break
	}
	assert.Equal(t, 1, n)
	// A profile of another registry is an error.
	other, err := policy.NewRegistry([]policy.Attribute{{Name: "size", Type: policy.TypeString, ZH: "规模", EN: "size"}}, nil)
	require.NoError(t, err)
	bad := policy.NewMemorySource(other.NewProfile("91370102MA3C4XK10Q", "x"))
	for _, err := range policy.Match(ctx, on, s.Policies(), bad.Profiles(ctx)) {
		assert.ErrorIs(t, err, policy.ErrInvalid)
		break
	}
	// A cancelled context ends the stream with its error.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	var last error
	for _, err := range policy.Match(cctx, on, s.Policies(), src.Profiles(cctx)) {
		last = err
	}
	assert.ErrorIs(t, last, context.Canceled)
}

func TestExplain(t *testing.T) {
	s := load(t)
	scs, err := policy.LoadScenarios(s, catalog, "policies/scenarios/wengang-fanhuan.json")
	require.NoError(t, err)
	wg, _ := s.Policy("SD-HRSS-WGFH")
	tr, err := policy.Explain(wg, scs[0].Profile, date("2024-06-30"))
	require.NoError(t, err)
	assert.Equal(t, policy.Eligible, tr.Result.Outcome)
	zh := tr.Explain("zh")
	for _, want := range []string{"结论：符合，金额 4874.07 元", "✓ 上年度足额缴纳失业保险费满12个月", "layoff_rate = 0.05",
		"return_rate_sme 中小微企业返还比例 = 60%（自 2023-01-01 起，依据 人社部发〔2023〕19号）", "四舍五入到分：4874.07 元"} {
		assert.Contains(t, zh, want)
	}
	en := tr.Explain("en")
	assert.Contains(t, en, "Outcome: eligible, amount 4874.07 yuan")
	assert.Contains(t, en, "ui_premiums[year - 1] = 8123.45")
	b, err := json.Marshal(tr)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"amount":"4874.07"`)

	// An undecidable pair names what is missing, in the clause and overall.
	tr, err = policy.Explain(wg, scs[10].Profile, date("2024-06-30"))
	require.NoError(t, err)
	assert.Equal(t, policy.Undecidable, tr.Result.Outcome)
	assert.Contains(t, tr.Explain("zh"), "缺少数据：insured[2023]")
	assert.Contains(t, tr.Explain("en"), "insured: 11 of the 12 months of 2023 known")
}

func TestDeadlines(t *testing.T) {
	s := load(t)
	cal := workday.China()
	d := policy.DefaultDeadlines
	js, _ := s.Policy("SD-HRSS-JNTS")
	// Issued Friday 2025-09-26; 9/28 (Sunday) is a make-up working day, 10/1–10/8 are off, 10/11 (Saturday) is
	// worked: 9/28, 9/29, 9/30, 10/9, 10/10, 10/11, 10/13 → due 2025-10-13.
	due, err := d.PublicationDue(cal, js)
	require.NoError(t, err)
	assert.Equal(t, "2025-10-13", due.String())

	sb, _ := s.Policy("SD-HRSS-SBBT")
	c := policy.Claim{Policy: sb.Code, Enterprise: "91370102MA3D1Y2134", Complete: date("2025-03-03")}
	pd, err := d.PaymentDue(cal, c)
	require.NoError(t, err)
	n, err := cal.Between(c.Complete.Time(), pd.Time())
	require.NoError(t, err)
	assert.Equal(t, 60, n)

	late := policy.Claim{Policy: sb.Code, Enterprise: "91370102MA3E7T5126", Complete: date("2025-03-03"), Paid: date("2025-06-06")}
	open := policy.Claim{Policy: sb.Code, Enterprise: "91370102MA3F2R81XF", Complete: date("2025-09-01")}
	onTime := policy.Claim{Policy: sb.Code, Enterprise: "91370102MA3G6N416D", Complete: date("2025-03-03"), Paid: pd}
	rep, err := d.Report(cal, date("2025-12-31"), s.Policies(), []policy.Claim{late, open, onTime})
	require.NoError(t, err)
	var kinds []string
	for _, o := range rep {
		kinds = append(kinds, o.Kind+":"+o.Policy+":"+string(o.Enterprise))
		assert.Positive(t, o.Late)
	}
	assert.Equal(t, []string{
		"payment:SD-HRSS-SBBT:91370102MA3E7T5126",
		"publication:SD-HRSS-JNTS:",
		"payment:SD-HRSS-SBBT:91370102MA3F2R81XF",
	}, kinds)
	assert.Equal(t, 1, rep[1].Late, "published 10/14, one working day after 10/13")

	_, err = d.Report(cal, date("2025-12-31"), s.Policies(), []policy.Claim{{Policy: "SD-HRSS-WGFH", Complete: date("2025-03-03")}})
	assert.ErrorIs(t, err, policy.ErrInvalid, "免申即享 takes no application")
	_, err = d.Report(cal, date("2025-12-31"), s.Policies(), []policy.Claim{{Policy: "SD-HRSS-SBBT", Complete: date("2026-11-20")}})
	assert.ErrorIs(t, err, workday.ErrNotCovered)
}

func TestListsReconcile(t *testing.T) {
	s := load(t)
	scs, err := policy.LoadScenarios(s, catalog, "policies/scenarios/*.json")
	require.NoError(t, err)
	// Evaluate every scenario on its own day: a run over many days and policies.
	results := func(yield func(policy.Result, error) bool) {
		for _, sc := range scs {
			pol, _ := s.Policy(sc.Policy)
			r, err := policy.Evaluate(pol, sc.Profile, sc.Date)
			if !yield(r, err) {
				return
			}
		}
	}
	signed := func(pol string, c creditcode.Code) (matter.Date, bool) {
		if pol == "SD-HRSS-JNTS" && c == "91370102MA3L8U613D" {
			return date("2025-11-20"), true
		}
		return matter.Date{}, false
	}
	push, pay, err := policy.Lists(date("2025-11-20"), results, signed)
	require.NoError(t, err)
	assert.True(t, pay.Reconcile())

	// Hand sum of the eligible 免申即享 scenario amounts:
	// 稳岗返还 4874.07 + 370370.37 + 1800.00 + 6000.00 + 7311.11 + 4874.07 + 617283.95 = 1012513.57
	// 扩岗补助 4500.00 + 6000.00 = 10500.00; 技能提升 8000.00 → total 1031013.57
	assert.Equal(t, "1031013.57", pay.Total.String())
	assert.Equal(t, pay.Total, pay.Payable, "the one commitment required is signed")
	assert.Equal(t, 10, pay.Count)
	// 快申快享 items are pushed (apply) but not paid directly:
	// 社保补贴 18765.40 + 12000.00; 创业贷款 30617.29 + 48000.00 + 64000.00 + 30617.29
	assert.Equal(t, "1235013.55", push.Total.String())

	var buf bytes.Buffer
	require.NoError(t, pay.WriteCSV(&buf))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, policy.PaymentCSVHeader, rows[0])
	sum := decimal.Zero
	for _, r := range rows[1:] {
		sum = sum.Add(decimal.RequireFromString(r[4]))
	}
	assert.True(t, sum.Equal(pay.Total.Decimal()), "CSV lines sum to the total: %s", sum)

	buf.Reset()
	require.NoError(t, pay.WriteJSON(&buf))
	var back policy.PaymentList
	require.NoError(t, json.Unmarshal(buf.Bytes(), &back))
	assert.Equal(t, pay.Total, back.Total)
	assert.True(t, back.Reconcile())
	back.Lines[0].Amount++
	assert.False(t, back.Reconcile(), "a changed fen is caught")

	buf.Reset()
	require.NoError(t, push.WriteCSV(&buf))
	assert.Contains(t, buf.String(), "apply")

	// A pending commitment keeps a line off the payable total.
	_, pay2, err := policy.Lists(date("2025-11-20"), results, nil)
	require.NoError(t, err)
	assert.Equal(t, "1023013.57", pay2.Payable.String(), "total less 技能提升 8000.00")
	assert.True(t, pay2.Reconcile())
}

func TestAmount(t *testing.T) {
	a, err := policy.AmountOf(decimal.RequireFromString("4874.07"))
	require.NoError(t, err)
	assert.Equal(t, policy.Amount(487407), a)
	assert.Equal(t, "-0.05", policy.Amount(-5).String())
	_, err = policy.AmountOf(decimal.RequireFromString("0.001"))
	assert.ErrorIs(t, err, policy.ErrInvalid)
	var b policy.Amount
	require.NoError(t, json.Unmarshal([]byte(`"12.30"`), &b))
	assert.Equal(t, policy.Amount(1230), b)
}

func TestSources(t *testing.T) {
	s := load(t)
	reg := s.Registry()
	ctx := context.Background()
	code := creditcode.Code("91370102MA3C4XK10Q")
	market := reg.NewProfile(code, "济南泉城示例科技有限公司")
	require.NoError(t, market.SetString("size", "small"))
	require.NoError(t, market.SetString("status", "operating"))
	tax := reg.NewProfile(code, "")
	require.NoError(t, tax.SetYear("ui_premiums", 2023, decimal.RequireFromString("8123.45")))
	require.NoError(t, tax.SetString("size", "micro"))
	hrss := reg.NewProfile(code, "")
	require.NoError(t, hrss.AddTag("high_tech"))
	require.NoError(t, hrss.SetYear("ui_premiums", 2024, decimal.RequireFromString("9000")))

	merged, err := policy.Merge(market, tax, hrss)
	assert.ErrorIs(t, err, policy.ErrConflict, "size small ≠ micro")
	assert.Contains(t, err.Error(), "/attributes/size")
	v, _ := merged.Value("size")
	assert.Equal(t, `"small"`, v, "the earlier source wins")
	v, _ = merged.Value("ui_premiums")
	assert.Equal(t, "2023: 8123.45; 2024: 9000", v)
	assert.True(t, merged.HasTag("high_tech"))
	assert.Equal(t, "济南泉城示例科技有限公司", merged.Name)

	multi := policy.MultiSource{policy.NewMemorySource(market), policy.NewMemorySource(tax), policy.NewMemorySource(hrss)}
	p, err := multi.Profile(ctx, code)
	require.NoError(t, err)
	assert.True(t, p.Known("ui_premiums"))
	_, err = multi.Profile(ctx, "91370102MA3D1Y2134")
	assert.ErrorIs(t, err, policy.ErrNotFound)

	require.NoError(t, policytest.TestSource(ctx, multi, []*policy.Profile{merged}))
	scs, err := policy.LoadScenarios(s, catalog, "policies/scenarios/kuogang-buzhu.json")
	require.NoError(t, err)
	var ps []*policy.Profile
	mem := policy.NewMemorySource()
	for _, sc := range scs[2:] { // distinct codes
		ps = append(ps, sc.Profile)
		mem.Put(sc.Profile)
	}
	require.NoError(t, policytest.TestSource(ctx, mem, ps))
	assert.Error(t, policytest.TestSource(ctx, mem, ps[:1]), "the kit notices an extra profile")
}

func TestDecodeProfileErrors(t *testing.T) {
	reg := load(t).Registry()
	_, err := reg.DecodeProfile([]byte(`{"credit_code": "91370102MA3C4XK10X", "attributes": {
	  "size": "huge", "founded": "2024-13-01", "ui_premiums": {"24": 1}, "nothing": 1, "employees": "1.5"}, "tags": ["rich"]}`))
	require.Error(t, err)
	var le *policy.LoadError
	require.ErrorAs(t, err, &le)
	var ptrs []string
	for _, p := range le.Problems {
		ptrs = append(ptrs, p.Pointer)
	}
	assert.ElementsMatch(t, []string{"/attributes/employees", "/attributes/founded", "/attributes/nothing",
		"/attributes/size", "/attributes/ui_premiums", "/tags/0"}, ptrs, "the pilot-style check-character fault is accepted")
	p, err := reg.DecodeProfile([]byte(`{"credit_code": "91370102MA3C4XK10Q", "attributes": {"size": null, "employees": 12}}`))
	require.NoError(t, err)
	assert.False(t, p.Known("size"), "null is unknown")
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"credit_code": "91370102MA3C4XK10Q", "attributes": {"employees": "12"}}`, string(b))
	_, err = reg.DecodeProfile([]byte(`{"credit_code": "nonsense", "attributes": {}}`))
	assert.ErrorContains(t, err, "/credit_code")
	assert.True(t, errors.Is(err, policy.ErrInvalid))
}
