package matter

import (
	"slices"

	"github.com/onething-gov/onething/standards/division"
)

// Outlet is a place where applications are received (只进一门): a hall, a
// township or village station, or a partner outlet such as a bank branch or
// post office.
type Outlet struct {
	ID       string        `json:"id"`
	Name     string        `json:"name"`
	Kind     OutletKind    `json:"kind"`
	Division division.Code `json:"division"`
	Address  string        `json:"address"`
	Hours    string        `json:"hours"`
	Phone    string        `json:"phone,omitempty"`
	// Comprehensive marks a 综合窗口: one window that accepts everything the
	// outlet accepts.
	Comprehensive bool `json:"comprehensive"`
	// Matters and Bundles are the codes the outlet accepts.
	Matters []string `json:"matters,omitempty"`
	Bundles []string `json:"bundles,omitempty"`
}

// OutletKind is the kind of outlet.
type OutletKind string

// The outlet kinds.
const (
	ProvincialHall OutletKind = "provincial_hall" // 省级政务服务中心
	CityHall       OutletKind = "city_hall"       // 市级政务服务中心
	CountyHall     OutletKind = "county_hall"     // 县级政务服务中心
	TownshipCentre OutletKind = "township"        // 乡镇（街道）便民服务中心
	VillageStation OutletKind = "village"         // 村（社区）便民服务站
	BankBranch     OutletKind = "bank"            // 合作银行网点
	PostOffice     OutletKind = "post_office"     // 邮政网点
)

// Accepts reports whether the outlet accepts the matter or bundle code.
func (o *Outlet) Accepts(code string) bool {
	return slices.Contains(o.Matters, code) || slices.Contains(o.Bundles, code)
}
