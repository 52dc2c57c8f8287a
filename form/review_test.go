package form_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

func problemCodes(r *form.Report) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.Pointer+" "+p.Code)
	}
	return out
}

func findProblem(r *form.Report, code string) (form.Problem, bool) {
	i := slices.IndexFunc(r.Problems, func(p form.Problem) bool { return p.Code == code })
	if i < 0 {
		return form.Problem{}, false
	}
	return r.Problems[i], true
}

// Worked cases of FACTS.md and the reform tables, through Review on the
// merged 退休 forms.
func TestReviewRetirementAge(t *testing.T) {
	lib := demoLibrary(t)
	qual := demoMerged(t, lib, retirementBundle, matter.Choices{})
	flex := demoMerged(t, lib, retirementBundle, matter.Choices{OneOf: map[string]string{"retirement-basis": flexible}})
	special := demoMerged(t, lib, retirementBundle, matter.Choices{OneOf: map[string]string{"retirement-basis": specialWork}})
	cases := []struct {
		name     string
		m        *form.Merged
		id, cat  string
		kind     string
		date     string
		advance  int
		want     string // the retirement.* code, or "" for none
		severity form.Severity
	}{
		{"man born 1965-01 retires 2025-02", qual, wangID, "male", "normal", "2025-02-01", 0, "", ""},
		{"man born 1965-01 not 2025-01", qual, wangID, "male", "normal", "2025-01-31", 0, "retirement.too_early", form.Error},
		{"man born 1965-05 at 60y2m: 2025-07", qual, "370116196505081350", "male", "normal", "2025-07-01", 0, "", ""},
		{"man born 1965-05 not 2025-06", qual, "370116196505081350", "male", "normal", "2025-06-30", 0, "retirement.too_early", form.Error},
		{"woman worker born 1975-01 at 50y1m: 2025-02", qual, "370202197501201265", "female_worker", "normal", "2025-02-01", 0, "", ""},
		{"woman worker born 1975-01 not 2025-01", qual, "370202197501201265", "female_worker", "normal", "2025-01-01", 0, "retirement.too_early", form.Error},
		{"woman cadre born 1970-03 at 55y1m: 2025-04", qual, "371702197003121420", "female_cadre", "normal", "2025-04-01", 0, "", ""},
		{"woman cadre born 1970-03 not 2025-03", qual, "371702197003121420", "female_cadre", "normal", "2025-03-01", 0, "retirement.too_early", form.Error},
		{"category against sex", qual, wangID, "female_worker", "normal", "2025-02-01", 0, "retirement.category_sex", form.Error},
		{"delay beyond three years", qual, wangID, "male", "normal", "2028-03-01", 0, "retirement.after_delay_limit", form.Warning},
		{"flexible at the old age", qual, wangID, "male", "flexible", "2025-01-01", 0, "", ""},
		{"flexible at the statutory month is not early", qual, wangID, "male", "flexible", "2025-02-01", 0, "retirement.not_early", form.Warning},
		// 孙强 born 1975-10: 129 birth months after 1965-01, so 33 months of
		// delay: statutory 62y9m (2038-07); flexible from 60 (2035-10), 33
		// months early.
		{"flexible from the old age, months right", flex, "370832197510103318", "male", "flexible", "2035-10-01", 33, "", ""},
		{"flexible months wrong", flex, "370832197510103318", "male", "flexible", "2035-10-01", 36, "retirement.advance_mismatch", form.Error},
		{"flexible below the old age", flex, "370832197510103318", "male", "flexible", "2035-09-01", 34, "retirement.too_early", form.Error},
		{"special work at 55", special, "370832197510103318", "male", "special_work", "2030-10-01", 0, "", ""},
		{"special work before 55", special, "370832197510103318", "male", "special_work", "2030-09-01", 0, "retirement.too_early", form.Error},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := form.Answers{"person.id_number": c.id, "retirement.category": c.cat, "retirement.early_type": c.kind, "retirement.date": c.date}
			if c.advance > 0 {
				a["matters"] = map[string]any{flexible: map[string]any{"advance_months": json.Number(itoa(c.advance))}}
			}
			r := form.Review(context.Background(), c.m, a, form.On(reviewDay))
			var got []form.Problem
			for _, p := range r.Problems {
				if strings.HasPrefix(p.Code, "retirement.") {
					got = append(got, p)
				}
			}
			if c.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1, "%v", problemCodes(r))
			assert.Equal(t, c.want, got[0].Code)
			assert.Equal(t, c.severity, got[0].Severity)
			assert.NotEmpty(t, got[0].Message.ZH)
			assert.NotEmpty(t, got[0].Message.EN)
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestReviewMinContribution(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	for _, c := range []struct {
		years, date string
		fail        bool
	}{
		{"15", "2029-12-01", false}, {"14.9", "2029-12-01", true},
		{"15", "2030-01-01", true}, {"15.5", "2030-01-01", false},
		{"19.5", "2039-01-01", true}, {"20", "2039-01-01", false},
	} {
		a := form.Answers{"insurance.contribution_years": json.Number(c.years), "retirement.date": c.date}
		r := form.Review(context.Background(), m, a)
		p, found := findProblem(r, "contribution.too_few")
		assert.Equal(t, c.fail, found, "%s years in %s", c.years, c.date)
		if found {
			assert.Equal(t, "/insurance.contribution_years", p.Pointer)
			assert.Equal(t, []string{pensionAward}, p.Matters)
		}
	}
}

func TestReviewMasksPersonalData(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, fullRetirement)
	badID := "370102196501151230" // wrong check character
	badCard := "6217002160001234561"
	a := form.Answers{
		"person.id_number": badID, "person.name": "王建国", "person.mobile": "13905310001",
		"person.bank_account": badCard, "person.birth_date": "1965-01-16", "person.sex": "男",
		"retirement.date": "2025-02-01", "retirement.category": "male", "retirement.early_type": "normal",
	}
	r := form.Review(context.Background(), m, a)
	idp, ok := findProblem(r, "element.citizen_id.checksum")
	require.True(t, ok, "%v", problemCodes(r))
	assert.Contains(t, idp.Message.ZH, "370102********1230")
	card, ok := findProblem(r, "element.bank_card.checksum")
	require.True(t, ok)
	assert.Contains(t, card.Message.EN, "6217***********4561")
	raw, _ := json.Marshal(r)
	for _, secret := range []string{badID, badCard, "13905310001", "1965-01-16", "王建国"} {
		assert.NotContains(t, string(raw), secret)
	}

	// id-consistency on a good ID: the birth date is masked too.
	a["person.id_number"] = wangID
	a["person.bank_account"] = "6217002160001234560"
	r = form.Review(context.Background(), m, a)
	bd, ok := findProblem(r, "identity.birth_mismatch")
	require.True(t, ok, "%v", problemCodes(r))
	assert.Contains(t, bd.Message.ZH, "1965-**-**")
	raw, _ = json.Marshal(r)
	assert.NotContains(t, string(raw), wangID)
}

func TestReviewAutoApproval(t *testing.T) {
	ctx := context.Background()
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	civil, insurance, licences := fakeRegistries(t)
	p := form.Prefill(ctx, m, wang(t), civil, insurance, licences)
	base := wangAnswers(p)
	delete(base, "housing_fund.account")

	r := form.Review(ctx, m, base, form.WithPrefill(p), form.On(reviewDay))
	require.Equal(t, form.Pass, r.Verdict, "%v", problemCodes(r))
	require.Len(t, r.Approvals, 2)
	assert.Equal(t, qualification, r.Approvals[0].Matter)
	assert.True(t, r.Approvals[0].Approvable)
	assert.Contains(t, r.Approvals[0].Reasons[0].EN, "trust B", "retirement category came at trust B")

	// The applicant types another bank account: a warning from
	// account-holder, and the account no longer comes from a source.
	a := base.Clone()
	a["person.bank_account"] = "6228480060012345678"
	r = form.Review(ctx, m, a, form.WithPrefill(p), form.On(reviewDay))
	assert.Equal(t, form.PassWithWarnings, r.Verdict)
	warn, ok := findProblem(r, "account.not_applicants")
	require.True(t, ok, "%v", problemCodes(r))
	assert.Equal(t, []string{qualification, pensionAward}, warn.Matters)
	assert.False(t, r.AutoApprovable(qualification))
	reasons := r.Approvals[0].Reasons
	require.Len(t, reasons, 2)
	assert.Contains(t, reasons[0].EN, "pass with warnings")
	assert.Contains(t, reasons[1].EN, "differs from what 社保经办系统 supplied")
	assert.True(t, r.AutoApprovable(hukou) == false, "any warning stops every automatic approval")

	// Without a pre-fill nothing comes from a trusted source.
	r = form.Review(ctx, m, base, form.On(reviewDay))
	assert.False(t, r.AutoApprovable(hukou))
	assert.Contains(t, r.Approvals[1].Reasons[len(r.Approvals[1].Reasons)-1].EN, "entered by the applicant")

}

func TestReviewUntrustedSource(t *testing.T) {
	ctx := context.Background()
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	civil, insurance, licences := fakeRegistries(t)
	p := form.Prefill(ctx, m, wang(t), civil, insurance, licences)
	a := wangAnswers(p)
	delete(a, "housing_fund.account")
	// Rewrite the provenance of the 户籍 division to a trust-C source, as a
	// self-service terminal would supply it.
	for i, f := range p.Fields {
		if f.Element == "person.hukou_division" {
			p.Fields[i].Value.Source, p.Fields[i].Value.Trust = "自助终端", matter.TrustC
		}
	}
	r := form.Review(ctx, m, a, form.WithPrefill(p), form.On(reviewDay))
	require.Equal(t, form.Pass, r.Verdict)
	assert.False(t, r.AutoApprovable(hukou))
	assert.Contains(t, r.Approvals[1].Reasons[0].ZH, "自助终端（C级）")
}

func TestReviewSubjectMismatch(t *testing.T) {
	ctx := context.Background()
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	civil, insurance, licences := fakeRegistries(t)
	p := form.Prefill(ctx, m, wang(t), civil, insurance, licences)
	a := wangAnswers(p)
	a["person.id_number"] = "370202197501201265"
	r := form.Review(ctx, m, a, form.WithPrefill(p), form.On(reviewDay))
	prob, ok := findProblem(r, "prefill.subject_mismatch")
	require.True(t, ok, "%v", problemCodes(r))
	assert.Equal(t, "/person.id_number", prob.Pointer)
	assert.Equal(t, form.Fail, r.Verdict)
	assert.NotContains(t, prob.Message.ZH, "370202197501201265")
}

func TestReviewReportsEverything(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	a := form.Answers{
		"person.id_number": 42,
		"person.mobile":    "1390531000",
		"person.sex":       "M",
		"retirement.date":  "2025-13-01",
		"person.shoe_size": "42",
		"matters":          map[string]any{hukou: map[string]any{"purpose": "看病"}},
	}
	r := form.Review(context.Background(), m, a)
	require.Equal(t, form.Fail, r.Verdict)
	got := problemCodes(r)
	for _, want := range []string{
		"/person.id_number schema.type", "/person.mobile schema.pattern", "/person.sex schema.enum",
		"/retirement.date schema.format", "/person.shoe_size schema.additional_properties",
		"/matters/" + hukou + "/purpose schema.enum", "/person.name schema.required",
	} {
		assert.Contains(t, got, want)
	}
	assert.NotContains(t, got, "/retirement.date element.date.invalid", "the schema already reported it")
	assert.True(t, slices.IsSortedFunc(r.Problems, func(a, b form.Problem) int { return strings.Compare(a.Pointer, b.Pointer) }))
	p, _ := findProblem(r, "schema.enum")
	assert.Contains(t, []string{"/person.sex", "/matters/" + hukou + "/purpose"}, p.Pointer)

	err := r.Err()
	var fe *form.FieldError
	require.True(t, errors.As(err, &fe))
	assert.True(t, errors.Is(err, form.ErrInvalid))
}

func TestReviewCancelled(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := form.Review(ctx, m, form.Answers{})
	assert.Equal(t, form.Fail, r.Verdict)
	_, ok := findProblem(r, "review.incomplete")
	assert.True(t, ok)
}

func TestNormalize(t *testing.T) {
	m := demoMerged(t, demoLibrary(t), retirementBundle, matter.Choices{})
	a := form.Answers{"person.mobile": " １３９０５３１０００１ ", "person.name": "王 建国"}
	n := m.Normalize(a)
	assert.Equal(t, "13905310001", n["person.mobile"])
	assert.Equal(t, "王 建国", n["person.name"], "names are not code-like")
	assert.Equal(t, " １３９０５３１０００１ ", a["person.mobile"], "the input is not changed")
}
