package standards_test

import (
	"os"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
)

// demoDir is the demo catalog, read from disk as DESIGN.md asks of library
// tests.
const demoDir = "../examples/catalog"

// day is a test date.
func day(y, m, d int) matter.Date { return matter.DateOf(y, time.Month(m), d) }

// conforming returns a matter that meets every requirement the rule tests
// use: 失业登记 as a city might list it.
func conforming() *matter.Matter {
	return &matter.Matter{
		Code:               "370015030000",
		ImplementationCode: "11370000006487956P370015030000",
		Name:               "失业登记",
		Kind:               matter.PublicService,
		Body:               matter.Department{CreditCode: "11370000006487956P", Name: "山东省人力资源和社会保障厅", Division: "370000"},
		LegalBasis:         []string{"《失业保险条例》"},
		Audience:           []matter.Audience{matter.Person},
		Conditions:         []string{"失业"},
		Process:            []matter.ProcessStep{{Name: "受理"}},
		Forms:              []matter.HandlingForm{matter.AtWindow, matter.Online},
		StatutoryLimit:     matter.TimeLimit{Value: 10},
		PromisedLimit:      matter.TimeLimit{Value: 5},
		Handling:           matter.Promised,
		Fee:                matter.Fee{},
		Places:             []matter.Place{{Name: "济南市政务服务中心", Hours: "周一至周五 9:00—17:00"}},
		Contacts:           matter.Contacts{Consult: "12333", Complaint: "12345"},
		Reach:              matter.ReachProvince,
		Depth:              matter.DepthOf(1, 2, 3, 4, 5, 6),
		Postal:             true,
		Materials: []matter.Material{
			{Type: "resident-id-card", Name: "居民身份证", Need: matter.Required},
			{Type: "termination-certificate", Name: "解除劳动合同证明", Need: matter.Required},
		},
		Result: matter.Result{Name: "失业登记结果", Type: "其他"},
		Tags:   []string{"high-frequency", "12333"},
	}
}

// charged is a fee of the given yuan.
func charged(yuan int64) matter.Fee {
	return matter.Fee{Charged: true, Amount: decimal.NewFromInt(yuan), Basis: "收费依据"}
}

// testTree is a small category tree.
func testTree() standards.Node {
	return standards.Node{ID: "root", Name: "体系", Children: []standards.Node{
		{ID: "100", Name: "基础通用"},
		{ID: "200", Name: "服务提供", Children: []standards.Node{{ID: "201", Name: "就业"}}},
	}}
}

// published returns a published standard version in category 201.
func published(id, version string, effective matter.Date, scope standards.Scope, reqs ...standards.Requirement) *standards.Standard {
	return &standards.Standard{Identifier: id, Version: version, Title: "测试标准 " + id, Category: "201",
		Status: standards.Published, Effective: effective, Scope: scope, Requirements: reqs}
}

func newSystem(t *testing.T, stds ...*standards.Standard) *standards.System {
	t.Helper()
	sys, err := standards.NewSystem(testTree(), stds)
	require.NoError(t, err)
	return sys
}

func intp(n int) *int { return &n }

// demo loads the demo catalog and standard system.
func demo(t testing.TB) (*standards.System, *matter.Catalog) {
	t.Helper()
	if _, err := os.Stat(demoDir + "/standards"); err != nil {
		t.Skip("no demo standards")
	}
	sys, err := standards.LoadSystem(os.DirFS(demoDir))
	require.NoError(t, err)
	cat, err := matter.LoadFS(os.DirFS(demoDir))
	require.NoError(t, err)
	return sys, cat
}

// placeWithoutHours is a place without hours.
func placeWithoutHours(name string) matter.Place { return matter.Place{Name: name} }
