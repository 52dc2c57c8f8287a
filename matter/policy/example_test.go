package policy_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/policy"
)

// Example_register matches a register of enterprises against the demo
// policies, builds the payment list and explains one decision.
func Example_register() {
	catalog := os.DirFS("../../examples/catalog")
	set, err := policy.LoadFS(catalog, "policies")
	if err != nil {
		panic(err)
	}
	reg := set.Registry()

	// A small firm as the HRSS and tax registers know it.
	p := reg.NewProfile("91370102MA3C4XK10Q", "济南泉城示例科技有限公司")
	p.Account = policy.Account{Bank: "中国工商银行济南历下支行", Number: "1602001109000001"}
	_ = p.SetString("size", "small")
	_ = p.SetString("status", "operating")
	_ = p.SetBool("credit_blacklist", false)
	_ = p.SetYear("ui_paid_months", 2024, decimal.NewFromInt(12))
	_ = p.SetYear("ui_premiums", 2024, decimal.RequireFromString("12345.67"))
	_ = p.SetYear("layoffs", 2024, decimal.NewFromInt(1))
	for m := time.January; m <= time.December; m++ {
		_ = p.SetMonth("insured", 2024, m, decimal.NewFromInt(25))
	}
	_ = p.SetYear("graduates_hired", 2025, decimal.NewFromInt(2))
	// A firm whose register entries are still missing.
	q := reg.NewProfile("91370102MA3D1Y2134", "历下示例商贸有限公司")
	_ = q.SetString("status", "operating")

	ctx := context.Background()
	src := policy.NewMemorySource(p, q)
	day := matter.DateOf(2025, time.June, 30)
	wg, _ := set.Policy("SD-HRSS-WGFH") // 稳岗返还
	kg, _ := set.Policy("SD-HRSS-KGBZ") // 扩岗补助
	pols := []*policy.Policy{kg, wg}
	for r, err := range policy.Match(ctx, day, pols, src.Profiles(ctx)) {
		if err != nil {
			panic(err)
		}
		if r.Outcome != policy.NotEligible {
			fmt.Println(r.Profile.Name, r.Policy.Code, r.Outcome, r.Amount, r.Missing)
		}
	}

	_, pay, err := policy.Lists(day, policy.Match(ctx, day, pols, src.Profiles(ctx)), nil)
	if err != nil {
		panic(err)
	}
	fmt.Println("payments:", pay.Count, "total:", pay.Total, "reconciled:", pay.Reconcile())
	_ = pay.WriteCSV(os.Stdout)

	tr, _ := policy.Explain(wg, p, day) // ExampleExplain prints one whole
	fmt.Println(tr.Result.Outcome, tr.Parameters[1].Name, tr.Parameters[1].Value, "from", tr.Parameters[1].From)
	// Output:
	// 济南泉城示例科技有限公司 SD-HRSS-KGBZ eligible 4000.00 []
	// 济南泉城示例科技有限公司 SD-HRSS-WGFH eligible 7407.40 []
	// 历下示例商贸有限公司 SD-HRSS-KGBZ undecidable 0.00 [credit_blacklist graduates_hired[2025]]
	// 历下示例商贸有限公司 SD-HRSS-WGFH undecidable 0.00 [credit_blacklist insured[2024] layoffs[2024] size ui_paid_months[2024] ui_premiums[2024]]
	// payments: 2 total: 11407.40 reconciled: true
	// enterprise,name,bank,account,amount,policy,policy_name,commitment,signed,payable
	// 91370102MA3C4XK10Q,济南泉城示例科技有限公司,中国工商银行济南历下支行,1602001109000001,4000.00,SD-HRSS-KGBZ,一次性扩岗补助,not_required,,true
	// 91370102MA3C4XK10Q,济南泉城示例科技有限公司,中国工商银行济南历下支行,1602001109000001,7407.40,SD-HRSS-WGFH,失业保险稳岗返还,not_required,,true
	// eligible return_rate_sme 60% from 2023-01-01
}

// ExampleExplain prints the clerk's explanation of one decision.
func ExampleExplain() {
	set, err := policy.LoadFS(os.DirFS("../../examples/catalog"), "policies")
	if err != nil {
		panic(err)
	}
	p, err := set.Registry().DecodeProfile([]byte(`{
	  "credit_code": "91370102MA3E7T5126", "name": "历下示例餐饮店有限公司",
	  "attributes": {"size": "micro", "status": "operating", "credit_blacklist": false,
	    "ui_paid_months": {"2023": 12}, "ui_premiums": {"2023": "3000"}, "layoffs": {"2023": 5},
	    "insured": {"2023-01": 25, "2023-02": 25, "2023-03": 25, "2023-04": 25, "2023-05": 25, "2023-06": 25,
	                "2023-07": 25, "2023-08": 25, "2023-09": 25, "2023-10": 25, "2023-11": 25, "2023-12": 25}}}`))
	if err != nil {
		panic(err)
	}
	wg, _ := set.Policy("SD-HRSS-WGFH")
	tr, err := policy.Explain(wg, p, matter.DateOf(2024, time.June, 30))
	if err != nil {
		panic(err)
	}
	fmt.Print(tr.Explain("zh"))
	// Output:
	// 政策：失业保险稳岗返还（SD-HRSS-WGFH，免申即享）
	// 企业：91370102MA3E7T5126 历下示例餐饮店有限公司
	// 评估日：2024-06-30
	// 结论：符合，金额 1800.00 元
	// 条件：
	//   ✓ 上年度足额缴纳失业保险费满12个月 — ui_paid_months[year - 1] >= 12：ui_paid_months[year - 1] = 12
	//   ✓ 上年度未裁员或裁员率不高于上年度全国城镇调查失业率控制目标；30人（含）以下的参保企业裁员率不高于参保职工总数20% — layoff_rate <= layoff_rate_target or (avg_insured <= small_firm_headcount and layoff_rate <= small_firm_layoff_rate)：layoff_rate = 0.2; layoff_rate_target = 5.5%; avg_insured = 25; small_firm_headcount = 30; small_firm_layoff_rate = 20%
	//   ✓ 企业处于存续状态 — status == "operating"：status = "operating"
	// 排除情形（成立即排除）：
	//   ✗ 列入严重失信主体名单 — credit_blacklist：credit_blacklist = false
	// 中间值：
	//   avg_insured 上年度月平均参保缴费人数 = mean(insured, year - 1) = 25
	//   layoff_rate 上年度裁员率 = layoffs[year - 1] / avg_insured = 0.2
	// 金额：企业及其职工上年度实际缴纳失业保险费 × 返还比例（大型企业、中小微企业不同） — ui_premiums[year - 1] * if(size == "large", return_rate_large, return_rate_sme) = 1800，其中 ui_premiums[year - 1] = 3000; size = "micro"; return_rate_sme = 60%，四舍五入到分：1800.00 元
	// 参数：
	//   layoff_rate_target 上年度全国城镇调查失业率控制目标 = 5.5%（自 2024-01-01 起，依据 2023年国务院政府工作报告：城镇调查失业率5.5%左右）
	//   return_rate_sme 中小微企业返还比例 = 60%（自 2023-01-01 起，依据 人社部发〔2023〕19号）
	//   small_firm_headcount 小规模参保企业人数上限（30人含以下） = 30（自 2022-01-01 起，依据 人社部发〔2022〕23号；人社部发〔2023〕19号）
	//   small_firm_layoff_rate 30人（含）以下参保企业裁员率上限 = 20%（自 2022-01-01 起，依据 人社部发〔2022〕23号；人社部发〔2023〕19号）
	// 数据：
	//   size 企业规模（划型） = "micro"（来源 statistics）
	//   status 经营状态（存续、停业、吊销、注销） = "operating"（来源 market_regulation）
	//   credit_blacklist 列入严重失信主体名单 = false（来源 credit）
	//   insured 失业保险参保缴费人数（按月） = 2023-01: 25; 2023-02: 25; 2023-03: 25; 2023-04: 25; 2023-05: 25; 2023-06: 25; 2023-07: 25; 2023-08: 25; 2023-09: 25; 2023-10: 25; 2023-11: 25; 2023-12: 25（来源 hrss）
	//   ui_paid_months 足额缴纳失业保险费月数（按年） = 2023: 12（来源 tax）
	//   ui_premiums 企业及其职工实际缴纳失业保险费（按年） = 2023: 3000（来源 tax）
	//   layoffs 裁员人数：新增领取失业保险金人数（按年） = 2023: 5（来源 hrss）
}
