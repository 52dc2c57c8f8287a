package matter_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
)

func TestOverlayApply(t *testing.T) {
	ms, _ := retirement()
	base := ms["370000000002"] // 15 working days
	ten, zero := matter.TimeLimit{Value: 10}, 0
	o := &matter.Overlay{
		Matter: base.Code, Division: "370100", Body: &jnHR, ImplementationCode: jnHR.CreditCode.String() + "7370000000002",
		Places:        []matter.Place{{Name: "济南市政务服务中心", Address: "济南市历下区龙奥北路1号", Division: "370102", Hours: "工作日 9:00-17:00", Window: "社保综合窗口"}},
		Contacts:      &matter.Contacts{Consult: "0531-12333", Complaint: "12345"},
		PromisedLimit: &ten, Visits: &zero,
		Materials: base.Materials[:1], // listing a base material is allowed
	}
	m, err := o.Apply(base)
	require.NoError(t, err)
	assert.Equal(t, 10, m.PromisedLimit.Value)
	assert.Equal(t, "济南市人力资源和社会保障局", m.Body.Name)
	assert.Equal(t, "0531-12333", m.Contacts.Consult)
	assert.Equal(t, base.Materials, m.Materials, "materials stay the province's")
	assert.Equal(t, 15, base.PromisedLimit.Value, "base untouched")

	// A county may shorten its city's limit again, and 即办 makes it 即办件.
	immediate := matter.TimeLimit{}
	county := &matter.Overlay{Matter: base.Code, Division: "370116", Body: &lwHR, ImplementationCode: lwHR.CreditCode.String() + "7370000000002", PromisedLimit: &immediate}
	m2, err := county.Apply(m)
	require.NoError(t, err)
	assert.Equal(t, matter.Immediate, m2.Handling)
	require.NoError(t, m2.Validate())
}

func TestOverlayViolations(t *testing.T) {
	ms, _ := retirement()
	base := ms["370000000002"]
	twenty, two := matter.TimeLimit{Value: 20}, 2
	o := &matter.Overlay{
		Matter: base.Code, Division: "370100",
		PromisedLimit: &twenty,
		Visits:        &two,
		LegalBasis:    []string{"《济南市社会保险办法》"},
		Conditions:    []string{"须本市户籍"},
		Materials:     []matter.Material{material("street-certificate", "街道证明")},
		Body:          &matter.Department{CreditCode: hrss.CreditCode, Name: "北京某局", Division: "110105"},
	}
	_, err := o.Apply(base)
	var ve *matter.ViolationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, errors.Is(err, matter.ErrInvalid))
	got := map[string]matter.Violation{}
	for _, v := range ve.Violations {
		got[v.Field] = v
	}
	assert.Equal(t, "15个工作日", got["/promised_limit"].Base)
	assert.Equal(t, "20个工作日", got["/promised_limit"].Local)
	assert.Equal(t, "2", got["/visits"].Local)
	assert.Equal(t, "《济南市社会保险办法》", got["/legal_basis"].Local[1:len(got["/legal_basis"].Local)-1])
	assert.Equal(t, "须本市户籍", got["/conditions"].Local)
	assert.Equal(t, "street-certificate 街道证明", got["/materials"].Local)
	assert.Equal(t, "110105", got["/body/division"].Local)
	assert.Equal(t, "", got["/implementation_code"].Local, "a new body needs its own implementation code")
	assert.Len(t, ve.Violations, 7)
	assert.Contains(t, err.Error(), "370000000002@370100 /promised_limit")
}
