package routing_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
	"github.com/onething-gov/onething/standards/division"
)

// fakeCatalog is a map-backed catalog of the test matters: a boundary for
// the cases the demo data does not hold (paper originals without post,
// expired agreements, three deciding places).
type fakeCatalog map[string]*matter.Matter

func (f fakeCatalog) Resolve(code string, d division.Code) (*matter.Matter, error) {
	m, ok := f[code]
	if !ok {
		return nil, fmt.Errorf("fake: %s: %w", code, matter.ErrNotFound)
	}
	return m, nil
}

func (f fakeCatalog) Negative(string, division.Code) (matter.NegativeEntry, bool) {
	return matter.NegativeEntry{}, false
}

var fakeBody = matter.Department{Name: "山东省人力资源和社会保障厅", Division: "370000"}

// fakeMatter is a province matter of the test catalog: fully online,
// decided by the county, 5 working days, resident ID as its material.
func fakeMatter(code string, edit func(*matter.Matter)) *matter.Matter {
	m := &matter.Matter{
		Code: code, Name: "测试事项" + code[len(code)-2:], Kind: matter.PublicService, Body: fakeBody,
		Levels:   []matter.Tier{matter.TierProvince, matter.TierCity, matter.TierCounty},
		Audience: []matter.Audience{matter.Person}, PromisedLimit: matter.TimeLimit{Value: 5},
		Reach: matter.ReachCrossProvince, Depth: matter.DepthOf(1, 2, 3, 4, 5, 6),
		Materials: []matter.Material{{Type: "resident-id-card", Name: "居民身份证", Medium: matter.Either, Need: matter.Required}},
		Result:    matter.Result{Name: "结果", Type: "其他"},
		Effective: matter.DateOf(2024, 1, 1),
	}
	if edit != nil {
		edit(m)
	}
	return m
}

func paperFile(m *matter.Matter) {
	m.Depth = matter.DepthOf(1, 2, 3, 6)
	m.Materials = append(m.Materials, matter.Material{Type: "personnel-file", Name: "人事档案", Medium: matter.Paper, Copies: 1, Need: matter.Required})
}

var fakeMatters = fakeCatalog{
	"990000000001": fakeMatter("990000000001", paperFile),
	"990000000002": fakeMatter("990000000002", func(m *matter.Matter) { paperFile(m); m.Postal = true }),
	"990000000003": fakeMatter("990000000003", func(m *matter.Matter) {
		m.Depth = matter.DepthOf(1, 2, 3, 4)
		m.Result = matter.Result{Name: "许可证", Type: routing.ResultLicence}
	}),
	"990000000004": fakeMatter("990000000004", func(m *matter.Matter) { m.Reach = matter.ReachNone }),
	"990000000005": fakeMatter("990000000005", func(m *matter.Matter) {
		m.Audience = []matter.Audience{matter.Enterprise}
		m.Levels = []matter.Tier{matter.TierProvince, matter.TierCity}
	}),
	"990000000006": fakeMatter("990000000006", func(m *matter.Matter) { m.Reach = matter.ReachNone }),
	"990000000007": fakeMatter("990000000007", func(m *matter.Matter) { m.Reach = matter.ReachProvince }),
	"990000000008": fakeMatter("990000000008", nil),
	"990000000009": fakeMatter("990000000009", func(m *matter.Matter) { m.Effective = matter.DateOf(2027, 1, 1) }),
	"990000000010": fakeMatter("990000000010", func(m *matter.Matter) { m.Depth = matter.DepthOf(1); m.Postal = true }),
}

// testRouter routes the fake catalog under testdata/agreements.
func testRouter(t testing.TB, opts ...routing.Option) *routing.Router {
	t.Helper()
	agr, err := routing.LoadAgreements(os.DirFS("testdata"))
	require.NoError(t, err)
	r, err := routing.NewRouter(fakeMatters, agr, nil, opts...)
	require.NoError(t, err)
	return r
}
