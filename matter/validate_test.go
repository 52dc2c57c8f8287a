package matter_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
)

func TestMatterValidate(t *testing.T) {
	ms, _ := retirement()
	for code, m := range ms {
		require.NoError(t, m.Validate(), code)
	}

	tests := []struct {
		name    string
		break_  func(m *matter.Matter)
		pointer string
		rule    string
	}{
		{"即办 must be 即办件", func(m *matter.Matter) { m.PromisedLimit = matter.TimeLimit{} }, "/handling", "immediate-handling"},
		{"即办件 cannot promise days", func(m *matter.Matter) { m.Handling = matter.Immediate }, "/handling", "immediate-handling"},
		{"visits need an on-site reason", func(m *matter.Matter) { m.Visits = 1; m.Depth = matter.DepthOf(1, 2) }, "/on_site_reason", "on-site-reason"},
		{"zero visits, not online, no post", func(m *matter.Matter) { m.Depth = matter.DepthOf(1, 2, 3); m.Postal = false }, "/postal", "zero-visit-postal"},
		{"charged without basis", func(m *matter.Matter) { m.Fee = matter.Fee{Charged: true, Amount: decimal.RequireFromString("20.00")} }, "/fee/basis", "fee-basis"},
		{"amount without charge", func(m *matter.Matter) { m.Fee = matter.Fee{Amount: decimal.RequireFromString("20.00")} }, "/fee/amount", "fee-amount"},
		{"full online with visits", func(m *matter.Matter) { m.Visits = 1; m.OnSiteReason = "核验" }, "/visits", "full-online-visits"},
		{"promised beyond statutory", func(m *matter.Matter) { m.PromisedLimit = matter.TimeLimit{Value: 31} }, "/promised_limit", "promised-within-statutory"},
		{"promised hours beyond statutory hours", func(m *matter.Matter) {
			m.StatutoryLimit = matter.TimeLimit{Value: 2, Unit: matter.Hours}
			m.PromisedLimit = matter.TimeLimit{Value: 1, Unit: matter.WorkingDays}
		}, "/promised_limit", "promised-within-statutory"},
		{"bad unit", func(m *matter.Matter) { m.PromisedLimit.Unit = "weeks" }, "/promised_limit/unit", "time-limit"},
		{"short code", func(m *matter.Matter) { m.Code = "37000000001" }, "/code", "code-length"},
		{"unknown kind", func(m *matter.Matter) { m.Kind = 11 }, "/kind", "kind"},
		{"body division", func(m *matter.Matter) { m.Body.Division = "990000" }, "/body/division", "division"},
		{"body without credit code", func(m *matter.Matter) { m.Body.CreditCode = "" }, "/body/credit_code", "credit-code"},
		{"implementation code of another body", func(m *matter.Matter) { m.ImplementationCode = "11370100004228002F7370000000001" }, "/implementation_code", "implementation-code"},
		{"no legal basis", func(m *matter.Matter) { m.LegalBasis = nil }, "/legal_basis", "required"},
		{"duplicate material type", func(m *matter.Matter) { m.Materials = append(m.Materials, m.Materials[0]) }, "/materials/2/type", "material-duplicate"},
		{"conditional material without condition", func(m *matter.Matter) { m.Materials[1].Need = matter.Conditional }, "/materials/1/condition", "material-condition"},
		{"trust level E", func(m *matter.Matter) { m.Materials[0].Trust = []matter.Trust{"E"} }, "/materials/0/trust/0", "trust"},
		{"place division", func(m *matter.Matter) { m.Places = []matter.Place{{Name: "大厅", Division: "37011"}} }, "/places/0/division", "division"},
		{"expires before effective", func(m *matter.Matter) { m.Expires = matter.DateOf(2024, 1, 1) }, "/expires", "dates"},
		{"unknown reach", func(m *matter.Matter) { m.Reach = "galaxy" }, "/reach", "reach"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := ms["370000000001"].Clone()
			tt.break_(m)
			err := m.Validate()
			var ve *matter.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.True(t, errors.Is(err, matter.ErrInvalid))
			assert.Contains(t, problemKeys(ve), tt.pointer+" "+tt.rule, "all: %v", ve)
			for _, p := range ve.Problems {
				assert.Equal(t, m.Code, p.Subject)
				assert.NotEmpty(t, p.ZH)
				assert.NotEmpty(t, p.EN)
			}
		})
	}
}

// TestValidateCollectsAll checks that one call reports every problem, so a
// clerk fixes a record once.
func TestValidateCollectsAll(t *testing.T) {
	m := &matter.Matter{Code: "1", Kind: 99, Visits: 2, Handling: "soon"}
	var ve *matter.ValidationError
	require.ErrorAs(t, m.Validate(), &ve)
	keys := problemKeys(ve)
	for _, want := range []string{
		"/code code-length", "/name required", "/kind kind", "/body/name required",
		"/legal_basis required", "/audience required", "/handling handling",
		"/on_site_reason on-site-reason", "/result/name required",
	} {
		assert.Contains(t, keys, want)
	}
	assert.Contains(t, ve.Error(), "problems:")
}

func TestMatterCloneIsDeep(t *testing.T) {
	ms, _ := retirement()
	m := ms["370000000003"]
	c := m.Clone()
	c.Materials[0].Trust[0] = matter.TrustD
	c.LegalBasis[0] = "changed"
	c.Tags = append(c.Tags, "x")
	assert.Equal(t, matter.TrustA, m.Materials[0].Trust[0])
	assert.Equal(t, "《中华人民共和国社会保险法》第十六条", m.LegalBasis[0])
	assert.Empty(t, m.Tags)
}

func TestInForceOn(t *testing.T) {
	ms, _ := retirement()
	m := ms["370000000001"].Clone()
	m.Expires = matter.DateOf(2026, 1, 1)
	assert.False(t, m.InForceOn(matter.DateOf(2024, 7, 10)))
	assert.True(t, m.InForceOn(matter.DateOf(2024, 7, 11)))
	assert.True(t, m.InForceOn(matter.DateOf(2025, 12, 31)))
	assert.False(t, m.InForceOn(matter.DateOf(2026, 1, 1)))
}
