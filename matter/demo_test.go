package matter_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

// TestDemoRetirementEfficiency checks the demo 退休一件事 against hand
// calculation from examples/catalog/matters (promised limits in working days):
//
//	step 1: 资格确认 15 ∥ 户籍信息确认 即办 0          → 15
//	step 2: 视同缴费年限认定 15 ∥ 待遇核定发放 10        → 15
//	step 3: 医保视同缴费年限核定 10                    → 10
//
// Before: 15+0+15+10+10 = 50 days, 5 forms, materials 2+1+3+3+2 = 11, one
// visit (视同缴费年限认定 is not fully online). After: 40 days, 1 form,
// distinct materials 身份证, 委托书, 档案, 退休证明, 社保卡 = 5, still one
// visit, at one window.
func TestDemoRetirementEfficiency(t *testing.T) {
	cat, err := matter.LoadFS(os.DirFS("../examples/catalog"))
	require.NoError(t, err)
	b, ok := cat.Bundle("SD-YJS-TX")
	require.True(t, ok)
	lookup := func(code string) (*matter.Matter, error) { return cat.Resolve(code, "370000") }

	e, err := b.Efficiency(b.Default(), lookup)
	require.NoError(t, err)
	assert.Equal(t, matter.Figures{Forms: 5, Materials: 11, Steps: 5, Visits: 1, Days: 50}, e.Before)
	assert.Equal(t, matter.Figures{Forms: 1, Materials: 5, Steps: 1, Visits: 1, Days: 40}, e.After)

	// In 莱芜区 the county list shortens 资格确认 to 5 working days on top of
	// 济南's lists (视同缴费 10, 待遇核定 7, 医保 5): 5 + max(10,7) + 5 = 20.
	local := func(code string) (*matter.Matter, error) { return cat.Resolve(code, division.Code("370116")) }
	e, err = b.Efficiency(b.Default(), local)
	require.NoError(t, err)
	assert.Equal(t, 20, e.After.Days)

	// 特殊工种提前退休 (20 days, one visit) with the housing fund (即办):
	// step 1 = 20, step 2 = 15, step 3 = max(10, 0) = 10 → 45.
	sel, err := b.Select(matter.Choices{OneOf: map[string]string{"retirement-basis": "370015003000"}, Include: []string{"370021001000"}})
	require.NoError(t, err)
	e, err = b.Efficiency(sel, lookup)
	require.NoError(t, err)
	assert.Equal(t, 45, e.After.Days)
	assert.Equal(t, 20+0+15+10+10+0, e.Before.Days)
}

// Example_retirementBundle walks one applicant's 退休一件事: the choices fix
// the members, and the efficiency view compares applying one by one with
// the bundle. In 济南 the city's lists shorten the limits: 资格确认 10,
// 视同缴费 10, 待遇核定 7, 医保 5, so before 10+0+10+7+5+0 = 32 days and
// after max(10,0)+max(10,7)+max(5,0) = 25.
func Example_retirementBundle() {
	cat, err := matter.LoadFS(os.DirFS("../examples/catalog"))
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := cat.Bundle("SD-YJS-TX")
	sel, err := b.Select(matter.Choices{Include: []string{"370021001000"}}) // has a housing fund account
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, step := range sel.Steps {
		for _, code := range step {
			m, _ := cat.Matter(code)
			fmt.Println(i+1, m.Name)
		}
	}
	e, err := b.Efficiency(sel, func(code string) (*matter.Matter, error) { return cat.Resolve(code, "370100") })
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("forms %d→%d, materials %d→%d, days %d→%d\n",
		e.Before.Forms, e.After.Forms, e.Before.Materials, e.After.Materials, e.Before.Days, e.After.Days)
	// Output:
	// 1 参保人员达到法定退休年龄领取基本养老保险待遇资格确认
	// 1 户籍信息确认
	// 2 基本养老保险视同缴费年限认定
	// 2 新增退休人员养老保险待遇核定发放
	// 3 基本医疗保险视同缴费年限核定
	// 3 离休、退休提取住房公积金
	// forms 6→1, materials 14→5, days 32→25
}
