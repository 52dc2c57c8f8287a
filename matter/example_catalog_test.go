package matter_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/division"
)

func ExampleLoadFS() {
	cat, err := matter.LoadFS(os.DirFS("testdata/catalog"))
	var ve *matter.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p.File, p.Pointer, p.ZH)
		}
		return
	}
	m, _ := cat.Matter("370112001000")
	fmt.Println(cat.Len(), "matters;", m.Name, m.PromisedLimit, "全程网办:", m.Depth.FullyOnline())
	for _, o := range cat.OutletsNear("370113", "370000YJS001") {
		fmt.Println(o.Name)
	}
	// Output:
	// 7 matters; 失业保险金申领 5个工作日 全程网办: true
	// 济南市政务服务中心
	// 山东省政务服务中心
}

func ExampleCatalog_Search() {
	cat, err := matter.LoadFS(os.DirFS("testdata/catalog"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, h := range cat.Search("退休", 3) {
		fmt.Println(h.Score, h.Code, h.Name)
	}
	// Output:
	// 3 370000YJS001 退休一件事
	// 2 370107002000 参保人员达到法定退休年龄领取基本养老保险待遇资格确认
	// 2 370101003000 特殊工种提前退休核准
}

func ExampleCatalog_Resolve() {
	cat, err := matter.LoadFS(os.DirFS("testdata/catalog"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []division.Code{"370000", "370102", "370113"} {
		m, err := cat.Resolve("370112001000", d)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(d, m.Body.Name, m.PromisedLimit)
	}
	// Output:
	// 370000 山东省人力资源和社会保障厅 5个工作日
	// 370102 济南市人力资源和社会保障局 3个工作日
	// 370113 济南市长清区人力资源和社会保障局 2个工作日
}
