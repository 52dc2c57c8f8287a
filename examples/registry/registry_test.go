package registry_test

import (
	"context"
	"errors"
	"io/fs"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/examples/catalog"
	"github.com/onething-gov/onething/examples/registry"
	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/form/formtest"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
)

func subject(t testing.TB, id string) form.Subject {
	t.Helper()
	p, err := citizenid.Parse(id)
	require.NoError(t, err)
	return form.Subject{Person: p}
}

const (
	wang  = "370102196501151237" // 王建国, born 1965-01
	li    = "370202197501201265" // 李秀英, woman worker born 1975-01
	chen  = "370102199006012014" // 陈晓明, young, no insurance record
	alien = "11010519491231002X" // in no demo registry
)

func TestRegistriesConform(t *testing.T) {
	pop := registry.Demo()
	for _, c := range []struct {
		name     string
		new      func(*registry.Population) form.Source
		elements []string
		docs     []string
	}{
		{"civil registry", func(p *registry.Population) form.Source { return registry.CivilRegistry(p) }, []string{"person.name", "person.sex", "person.hukou_division"}, nil},
		{"social insurance", func(p *registry.Population) form.Source { return registry.SocialInsurance(p) }, []string{"insurance.contribution_years", "person.bank_account", "retirement.category"}, nil},
		{"housing fund", func(p *registry.Population) form.Source { return registry.HousingFund(p) }, []string{"housing_fund.account"}, nil},
		{"e-licence library", func(p *registry.Population) form.Source { return registry.ELicence(p) }, []string{"person.name"}, []string{"resident-id-card", "household-register"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			formtest.Run(t, func(t *testing.T) (form.Source, formtest.Fixture) {
				return c.new(pop), formtest.Fixture{Known: subject(t, wang), Unknown: subject(t, alien), Elements: c.elements, Documents: c.docs}
			})
		})
	}
}

func demo(t testing.TB) (*matter.Catalog, *form.Library) {
	t.Helper()
	cat, err := matter.LoadFS(catalog.FS)
	require.NoError(t, err)
	forms, err := fs.Sub(catalog.FS, "forms")
	require.NoError(t, err)
	lib, err := (&form.Loader{Matters: slices.Collect(cat.Matters())}).Load(forms)
	require.NoError(t, err)
	return cat, lib
}

func merged(t testing.TB, cat *matter.Catalog, lib *form.Library, bundle string, c matter.Choices) *form.Merged {
	t.Helper()
	b, ok := cat.Bundle(bundle)
	require.True(t, ok)
	sel, err := b.Select(c)
	require.NoError(t, err)
	m, err := lib.Merge(sel)
	require.NoError(t, err)
	return m
}

func TestRetirementWithDemoRegistries(t *testing.T) {
	ctx := context.Background()
	cat, lib := demo(t)
	m := merged(t, cat, lib, "SD-YJS-TX", matter.Choices{Include: []string{"370021001000"}})
	p := form.Prefill(ctx, m, subject(t, wang), registry.Sources(registry.Demo())...)
	require.Empty(t, p.Failures)
	assert.Equal(t, "王建国", p.Answers["person.name"])
	assert.Equal(t, "370100123456", p.Answers["housing_fund.account"])
	assert.Equal(t, "male", p.Answers["retirement.category"])
	name, _ := p.Filled("/person.name")
	assert.Equal(t, "公安人口库", name.Value.Source, "same trust, the more recent record")
	waived := map[string]bool{}
	for _, w := range p.Waived {
		waived[w.Material] = w.Complete
	}
	assert.True(t, waived["resident-id-card"])
	assert.Contains(t, waived, "personnel-file")

	a := p.Answers.Clone()
	a["retirement.date"] = "2025-02-01"
	a["retirement.early_type"] = "normal"
	a["matters"] = map[string]any{
		"370003001000": map[string]any{"purpose": "退休"},
		"370015002000": map[string]any{"file_keeper": "济南市人才服务中心",
			"deemed_periods": []any{map[string]any{"from": "1983-07", "to": "1986-06", "employer": "济南示范机械厂"}}},
	}
	r := form.Review(ctx, m, a, form.WithPrefill(p))
	require.Equal(t, form.Pass, r.Verdict, "%+v", r.Problems)
	parts, err := form.Split(m, a)
	require.NoError(t, err)
	for _, f := range m.Forms() {
		doc, err := form.DecodeAnswers(parts[f.MatterCode()])
		require.NoError(t, err)
		assert.NoError(t, f.Validate(map[string]any(doc)), f.MatterCode())
	}
}

func TestCardWithDemoRegistries(t *testing.T) {
	ctx := context.Background()
	cat, lib := demo(t)
	m := merged(t, cat, lib, "SD-YJS-SBK", matter.Choices{Include: []string{"370010001000"}})
	p := form.Prefill(ctx, m, subject(t, chen), registry.Sources(registry.Demo())...)
	require.Empty(t, p.Failures)
	assert.Equal(t, "陈晓明", p.Answers["person.name"])
	assert.NotContains(t, p.Answers, "card.number", "no card yet")
	a := p.Answers.Clone()
	a["person.mobile"] = "18653100005"
	a["person.photo"] = "/9j/4AAQSkZJRgABAQ=="
	a["card.bank"] = "齐鲁银行"
	a["matters"] = map[string]any{
		"370015020000": map[string]any{"delivery": "window"},
		"370010001000": map[string]any{"city": "济南", "mode": "乘车码"},
	}
	r := form.Review(ctx, m, a, form.WithPrefill(p))
	require.Equal(t, form.Pass, r.Verdict, "%+v", r.Problems)
	parts, err := form.Split(m, a)
	require.NoError(t, err)
	assert.Len(t, parts, len(m.Members()))
}

func TestSlowAndFailingRegistries(t *testing.T) {
	cat, lib := demo(t)
	m := merged(t, cat, lib, "SD-YJS-TX", matter.Choices{})
	pop := registry.Demo()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	down := errors.New("maintenance window")
	p := form.Prefill(ctx, m, subject(t, li), registry.CivilRegistry(pop),
		registry.SocialInsurance(pop).WithLatency(time.Second), registry.ELicence(pop).Failing(down))
	assert.Equal(t, "李秀英", p.Answers["person.name"])
	assert.NotContains(t, p.Answers, "insurance.contribution_years")
	var slow, failing bool
	for _, f := range p.Failures {
		slow = slow || (f.Source == "社保经办系统" && errors.Is(f, context.DeadlineExceeded))
		failing = failing || (f.Source == "电子证照库" && errors.Is(f, down))
	}
	assert.True(t, slow, "%v", p.Err())
	assert.True(t, failing, "%v", p.Err())
}

func TestPopulation(t *testing.T) {
	people := registry.Demo().People()
	require.Len(t, people, 7)
	for _, p := range people {
		assert.NotEmpty(t, p.Name)
		if p.BankAccount != "" {
			assert.Nil(t, form.BankCard(p.BankAccount), p.Name)
		}
		assert.Nil(t, form.Mobile(p.Mobile), p.Name)
	}
	_, err := registry.ParsePopulation([]byte(`{"people":[{"id_number":"370102196501151237"},{"id_number":"370102196501151237"}]}`))
	assert.Error(t, err)
	_, ok := registry.Demo().Person(subject(t, alien).Person)
	assert.False(t, ok)
}
