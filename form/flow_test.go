package form_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

// wangAnswers completes a pre-fill of 王建国 with what the applicant types:
// the requested month, the fields of single forms.
func wangAnswers(p *form.Prefilled) form.Answers {
	a := p.Answers.Clone()
	a["retirement.date"] = "2025-02-01"
	a["retirement.early_type"] = "normal"
	a["person.mobile"] = "13905310001"
	a["housing_fund.account"] = "370100123456"
	a["matters"] = map[string]any{
		hukou:  map[string]any{"purpose": "退休"},
		deemed: map[string]any{"file_keeper": "济南市人才服务中心", "deemed_periods": []any{map[string]any{"from": "1983-07", "to": "1986-06", "employer": "济南示范机械厂"}}},
	}
	return a
}

func TestRetirementEndToEnd(t *testing.T) {
	ctx := context.Background()
	lib := demoLibrary(t)
	m := demoMerged(t, lib, retirementBundle, fullRetirement)
	civil, insurance, licences := fakeRegistries(t)

	p := form.Prefill(ctx, m, form.Subject{Person: mustID(t, wangID)}, civil, insurance, licences)
	require.Empty(t, p.Failures)
	f, ok := p.Filled("/person.address")
	require.True(t, ok)
	assert.Equal(t, "公安人口库", f.Value.Source, "trust A beats the newer trust C value")
	assert.True(t, f.Conflicting())
	for _, w := range p.Waived {
		if w.Material == "resident-id-card" {
			assert.True(t, w.Complete, "an e-licence at trust A waives the ID card for every member: %v", w.Members)
		}
	}

	a := wangAnswers(p)
	r := form.Review(ctx, m, a, form.WithPrefill(p), form.On(reviewDay))
	require.Equal(t, form.Pass, r.Verdict, "%+v", r.Problems)
	assert.True(t, r.AutoApprovable(qualification), "%+v", r.Approvals)
	assert.True(t, r.AutoApprovable(hukou), "%+v", r.Approvals)
	assert.Contains(t, r.Approvals[0].Reasons[0].ZH, "公安人口库")

	parts, err := form.Split(m, a)
	require.NoError(t, err)
	require.Len(t, parts, len(m.Members()))
	for _, f := range m.Forms() {
		doc, err := form.DecodeAnswers(parts[f.MatterCode()])
		require.NoError(t, err)
		assert.NoError(t, f.Validate(map[string]any(doc)), f.MatterCode())
	}
	var fund map[string]any
	require.NoError(t, json.Unmarshal(parts[fundWithdraw], &fund))
	assert.Equal(t, "王建国", fund["applicant_name"], "the 公积金 form calls the name applicant_name")
	assert.Equal(t, "370100123456", fund["fund_account"])
}

func TestRetirementTooEarly(t *testing.T) {
	ctx := context.Background()
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	civil, insurance, licences := fakeRegistries(t)
	p := form.Prefill(ctx, m, form.Subject{Person: mustID(t, wangID)}, civil, insurance, licences)
	a := wangAnswers(p)
	delete(a, "housing_fund.account")
	a["retirement.date"] = "2025-01-01" // FACTS.md: born 1965-01, may retire 2025-02, not 2025-01
	r := form.Review(ctx, m, a, form.WithPrefill(p), form.On(reviewDay))
	require.Equal(t, form.Fail, r.Verdict)
	i := slices.IndexFunc(r.Problems, func(p form.Problem) bool { return p.Code == "retirement.too_early" })
	require.GreaterOrEqual(t, i, 0, "%+v", r.Problems)
	prob := r.Problems[i]
	assert.Equal(t, "/retirement.date", prob.Pointer)
	assert.Equal(t, []string{qualification}, prob.Matters)
	assert.Contains(t, prob.Message.ZH, "2025-02")
	assert.Contains(t, prob.Message.ZH, "60岁1个月")
	assert.Contains(t, prob.Message.EN, "60 years 1 month")
	assert.False(t, r.AutoApprovable(qualification))
	assert.Error(t, r.Err())
}

func TestCardBundleEndToEnd(t *testing.T) {
	ctx := context.Background()
	m := demoMerged(t, demoLibrary(t), cardBundle, matter.Choices{Include: []string{"370018011000", "370010001000", "370011001000", "370011002000"}})
	civil, insurance, licences := fakeRegistries(t)
	p := form.Prefill(ctx, m, form.Subject{Person: mustID(t, wangID)}, civil, insurance, licences)
	a := p.Answers.Clone()
	a["person.mobile"] = "13905310001"
	a["person.photo"] = "/9j/4AAQSkZJRgABAQ=="
	a["card.bank"] = "中国建设银行"
	a["matters"] = map[string]any{
		cardApply:      map[string]any{"delivery": "post"},
		"370018011000": map[string]any{"channel": "爱山东"},
		"370010001000": map[string]any{"city": "济南", "mode": "乘车码"},
		"370011001000": map[string]any{"library": "济南市图书馆"},
		"370011002000": map[string]any{"venue_types": []any{"博物馆"}},
	}
	r := form.Review(ctx, m, a, form.WithPrefill(p), form.On(reviewDay))
	require.Equal(t, form.Fail, r.Verdict, "delivery by post needs a postal address")
	for _, want := range []string{"/postal.address", "/postal.recipient", "/postal.mobile"} {
		i := slices.IndexFunc(r.Problems, func(p form.Problem) bool { return p.Pointer == want })
		if assert.GreaterOrEqual(t, i, 0, "%s: %+v", want, r.Problems) {
			assert.Equal(t, "schema.required", r.Problems[i].Code)
			assert.Equal(t, []string{cardApply}, r.Problems[i].Matters, "the card application's condition asks for it")
		}
	}
	a["postal.address"] = "山东省济南市历下区泉城路1号"
	a["postal.recipient"] = "王建国"
	a["postal.mobile"] = "13905310001"
	r = form.Review(ctx, m, a, form.WithPrefill(p), form.On(reviewDay))
	require.Equal(t, form.Pass, r.Verdict, "%+v", r.Problems)
	parts, err := form.Split(m, a)
	require.NoError(t, err)
	for _, f := range m.Forms() {
		doc, err := form.DecodeAnswers(parts[f.MatterCode()])
		require.NoError(t, err)
		assert.NoError(t, f.Validate(map[string]any(doc)), f.MatterCode())
	}
	assert.True(t, strings.Contains(string(parts[cardApply]), `"delivery":"post"`))
}
