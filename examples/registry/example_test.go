package registry_test

import (
	"context"
	"fmt"
	"io/fs"
	"slices"

	"github.com/onething-gov/onething/examples/catalog"
	"github.com/onething-gov/onething/examples/registry"
	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
)

// The demo registries pre-fill the 社会保障卡 bundle for 王建国, as the
// reference server does in development mode.
func Example() {
	cat, err := matter.LoadFS(catalog.FS)
	if err != nil {
		panic(err)
	}
	forms, _ := fs.Sub(catalog.FS, "forms")
	lib, err := (&form.Loader{Matters: slices.Collect(cat.Matters())}).Load(forms)
	if err != nil {
		panic(err)
	}
	b, _ := cat.Bundle("SD-YJS-SBK")
	sel, _ := b.Select(matter.Choices{})
	m, _ := lib.Merge(sel)
	id, _ := citizenid.Parse("370102196501151237")
	p := form.Prefill(context.Background(), m, form.Subject{Person: id}, registry.Sources(registry.Demo())...)
	for _, f := range p.Fields {
		e, _ := m.Dictionary().Element(f.Element)
		fmt.Printf("%s: %s (%s, %s)\n", e.Label.ZH, e.MaskValue(f.Value.Value), f.Value.Source, f.Value.Trust)
	}
	for _, w := range p.Waived {
		fmt.Println("免提交:", w.Name)
	}
	// Output:
	// 公民身份号码: 370102********1237 (公安人口库, A)
	// 姓名: 王** (公安人口库, A)
	// 手机号码: 139****0001 (社保经办系统, C)
	// 性别: * (公安人口库, A)
	// 民族: **** (公安人口库, A)
	// 出生日期: 1965-**-** (公安人口库, A)
	// 社会保障卡服务银行: 中国建设银行 (社保经办系统, A)
	// 社会保障卡卡号: K370*0001 (社保经办系统, A)
	// 免提交: 居民身份证
	// 免提交: 社会保障卡（实体卡或电子社保卡）
}
