package formtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/form/formtest"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
)

func memory(t *testing.T) (form.Source, formtest.Fixture) {
	known, err := citizenid.Parse("11010519491231002X")
	require.NoError(t, err)
	unknown, err := citizenid.Parse("370102196501151237")
	require.NoError(t, err)
	s := form.NewMemorySource("测试登记库")
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, matter.CST)
	subject := form.Subject{Person: known}
	require.NoError(t, s.Set(subject, form.Value{Element: "person.name", Value: "张三", Trust: matter.TrustA, Time: at}))
	require.NoError(t, s.Set(subject, form.Value{Element: "person.mobile", Value: "13800000000", Trust: matter.TrustC, Time: at}))
	require.NoError(t, s.AddDocument(subject, form.Document{Type: "resident-id-card", Name: "居民身份证", Trust: matter.TrustA, Issued: at}))
	return s, formtest.Fixture{Known: subject, Unknown: form.Subject{Person: unknown},
		Elements: []string{"person.name", "person.mobile"}, Documents: []string{"resident-id-card"}}
}

func TestMemorySource(t *testing.T) {
	formtest.Run(t, memory)
	s, fx := memory(t)
	assert.NoError(t, formtest.TestSource(context.Background(), s, fx))
}

// broken breaks every rule it can.
type broken struct{}

func (broken) Name() string { return "broken" }

func (broken) Lookup(_ context.Context, _ form.Subject, _ []string) ([]form.Value, error) {
	return []form.Value{{Element: "person.shoe_size", Value: 42, Source: "other", Trust: "Z"}, {Element: "person.shoe_size", Value: 43}}, nil
}

func TestKitCatchesFaults(t *testing.T) {
	_, fx := memory(t)
	err := formtest.TestSource(context.Background(), broken{}, fx)
	require.Error(t, err)
	for _, rule := range []string{"values", "only-asked", "one-per-element", "unknown-subject", "unknown-element", "cancelled"} {
		assert.Contains(t, err.Error(), rule+" (")
	}
}
