package registry

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

// fact is one element a registry holds about a person.
type fact struct {
	element string
	trust   matter.Trust
	at      time.Time
	value   func(p *Person) (any, bool)
}

func str(f func(p *Person) string) func(p *Person) (any, bool) {
	return func(p *Person) (any, bool) {
		s := f(p)
		return s, s != ""
	}
}

// Registry is a demo registry over a Population. It implements form.Source
// and form.ElementLister. It is safe for concurrent use.
type Registry struct {
	name     string
	pop      *Population
	facts    []fact
	latency  time.Duration
	failWith error
}

// LicenceLibrary is the demo e-licence library: a Registry that also holds
// documents (form.DocumentSource).
type LicenceLibrary struct {
	*Registry
}

var (
	_ form.Source         = (*Registry)(nil)
	_ form.ElementLister  = (*Registry)(nil)
	_ form.DocumentSource = (*LicenceLibrary)(nil)
)

// CivilRegistry returns the 公安人口库: identity, sex, birth, ethnicity, 户籍
// and address, all at trust A.
func CivilRegistry(p *Population) *Registry {
	a, t := matter.TrustA, civilRecorded
	return &Registry{name: "公安人口库", pop: p, facts: []fact{
		{"person.id_number", a, t, str(func(p *Person) string { return p.ID.String() })},
		{"person.name", a, t, str(func(p *Person) string { return p.Name })},
		{"person.sex", a, t, str(func(p *Person) string { return p.Sex })},
		{"person.birth_date", a, t, str(func(p *Person) string { return p.ID.Birth().Format(time.DateOnly) })},
		{"person.ethnicity", a, t, str(func(p *Person) string { return p.Ethnicity })},
		{"person.hukou_division", a, t, str(func(p *Person) string { return string(p.Hukou) })},
		{"person.address", a, t, str(func(p *Person) string { return p.Address })},
	}}
}

// SocialInsurance returns the 社保经办系统: the contribution record, the
// social security card and its financial account (trust A), the retirement
// category from the personnel file (trust B), and the mobile number and
// address the person declared (trust C).
func SocialInsurance(p *Population) *Registry {
	a, b, c, t := matter.TrustA, matter.TrustB, matter.TrustC, insuranceRecorded
	return &Registry{name: "社保经办系统", pop: p, facts: []fact{
		{"insurance.personal_number", a, t, func(p *Person) (any, bool) { return p.ID.String(), p.FirstInsured != "" }},
		{"insurance.contribution_years", a, t, func(p *Person) (any, bool) { return p.ContributionYears, !p.ContributionYears.IsZero() }},
		{"insurance.first_insured_date", a, t, str(func(p *Person) string { return p.FirstInsured })},
		{"employment.employer_credit_code", a, t, str(func(p *Person) string { return string(p.Employer) })},
		{"card.number", a, t, str(func(p *Person) string { return p.CardNumber })},
		{"card.bank", a, t, str(func(p *Person) string { return p.CardBank })},
		{"person.bank_account", a, t, str(func(p *Person) string { return p.BankAccount })},
		{"person.bank_name", a, t, str(func(p *Person) string { return p.BankName })},
		{"retirement.category", b, t, str(func(p *Person) string { return p.Category })},
		{"person.mobile", c, t, str(func(p *Person) string { return p.Mobile })},
		{"person.address", c, t, str(func(p *Person) string { return p.SelfReportedAddress })},
	}}
}

// HousingFund returns the 住房公积金管理中心: the housing fund account, at
// trust A.
func HousingFund(p *Population) *Registry {
	return &Registry{name: "住房公积金管理中心", pop: p, facts: []fact{
		{"housing_fund.account", matter.TrustA, fundRecorded, str(func(p *Person) string { return p.HousingFundAccount })},
	}}
}

// ELicence returns the 电子证照库: electronic licences (居民身份证, 居民户口簿,
// 社会保障卡, …) at trust A, which waive the matching materials, and the
// name and ID number printed on the electronic ID card.
func ELicence(p *Population) *LicenceLibrary {
	onCard := func(f func(p *Person) string) func(p *Person) (any, bool) {
		return func(p *Person) (any, bool) {
			return f(p), slices.Contains(p.Documents, "resident-id-card")
		}
	}
	a := matter.TrustA
	return &LicenceLibrary{&Registry{name: "电子证照库", pop: p, facts: []fact{
		{"person.id_number", a, licenceIssued, onCard(func(p *Person) string { return p.ID.String() })},
		{"person.name", a, licenceIssued, onCard(func(p *Person) string { return p.Name })},
	}}}
}

// WithLatency returns a copy of l that takes d to answer.
func (l *LicenceLibrary) WithLatency(d time.Duration) *LicenceLibrary {
	return &LicenceLibrary{l.Registry.WithLatency(d)}
}

// Failing returns a copy of l whose every lookup fails with err.
func (l *LicenceLibrary) Failing(err error) *LicenceLibrary {
	return &LicenceLibrary{l.Registry.Failing(err)}
}

// Sources returns the four demo registries over p.
func Sources(p *Population) []form.Source {
	return []form.Source{CivilRegistry(p), SocialInsurance(p), HousingFund(p), ELicence(p)}
}

// WithLatency returns a copy of r that takes d to answer (honouring the
// context), to show how pre-fill degrades when a registry is slow.
func (r *Registry) WithLatency(d time.Duration) *Registry {
	c := *r
	c.latency = d
	return &c
}

// Failing returns a copy of r whose every lookup fails with err, to show
// how pre-fill degrades when a registry is down.
func (r *Registry) Failing(err error) *Registry {
	c := *r
	c.failWith = err
	return &c
}

// Name returns the registry's name.
func (r *Registry) Name() string { return r.name }

// Elements returns the elements the registry holds.
func (r *Registry) Elements() []string {
	out := make([]string, 0, len(r.facts))
	for _, f := range r.facts {
		if !slices.Contains(out, f.element) {
			out = append(out, f.element)
		}
	}
	return out
}

// wait simulates the registry's latency and failure.
func (r *Registry) wait(ctx context.Context) error {
	if r.latency > 0 {
		t := time.NewTimer(r.latency)
		defer t.Stop()
		select {
		case <-t.C:
		case <-ctx.Done():
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("registry %s: %w", r.name, err)
	}
	if r.failWith != nil {
		return fmt.Errorf("registry %s: %w", r.name, r.failWith)
	}
	return nil
}

// Lookup returns what the registry holds about the subject's person.
func (r *Registry) Lookup(ctx context.Context, s form.Subject, elements []string) ([]form.Value, error) {
	if err := r.wait(ctx); err != nil {
		return nil, err
	}
	p, ok := r.pop.people[s.Person]
	if !ok {
		return nil, nil
	}
	var out []form.Value
	for _, f := range r.facts {
		if !slices.Contains(elements, f.element) || slices.ContainsFunc(out, func(v form.Value) bool { return v.Element == f.element }) {
			continue
		}
		if v, ok := f.value(p); ok {
			out = append(out, form.Value{Element: f.element, Value: v, Source: r.name, Trust: f.trust, Time: f.at})
		}
	}
	return out, nil
}

var documentNames = map[string]string{
	"resident-id-card":       "居民身份证（电子证照）",
	"household-register":     "居民户口簿（电子证照）",
	"social-security-card":   "社会保障卡（电子社保卡）",
	"personnel-file":         "职工人事档案（数字档案）",
	"special-work-record":    "特殊工种岗位工作档案（数字档案）",
	"only-child-certificate": "独生子女父母光荣证（电子证照）",
}

// Documents returns the person's electronic licences of the given types.
func (l *LicenceLibrary) Documents(ctx context.Context, s form.Subject, types []string) ([]form.Document, error) {
	r := l.Registry
	if err := r.wait(ctx); err != nil {
		return nil, err
	}
	p, ok := r.pop.people[s.Person]
	if !ok {
		return nil, nil
	}
	var out []form.Document
	for _, t := range p.Documents {
		if slices.Contains(types, t) {
			out = append(out, form.Document{Type: t, Name: documentNames[t], Number: t + "-" + p.ID.Masked(),
				Source: r.name, Trust: matter.TrustA, Issued: licenceIssued})
		}
	}
	return out, nil
}
