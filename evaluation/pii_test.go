package evaluation_test

import (
	"testing"

	"github.com/onething-gov/onething/evaluation"
)

func TestFindPII(t *testing.T) {
	cases := []struct {
		text string
		want []evaluation.PIIKind
	}{
		// Positive: real-format numbers of a third party.
		{"经核实，王某（身份证号370102198503120038）已于3月2日办理退休。", []evaluation.PIIKind{evaluation.PIICitizenID}},
		{"标准示例11010519491231002X为身份证号", []evaluation.PIIKind{evaluation.PIICitizenID}},
		{"请联系经办人李四，电话13905318888。", []evaluation.PIIKind{evaluation.PIIMobile}},
		{"用人单位负责人手机：17712345678，已约谈。", []evaluation.PIIKind{evaluation.PIIMobile}},
		{"工资已打入其银行卡6222021602012345676。", []evaluation.PIIKind{evaluation.PIIBankCard}},
		{"卡号6217001234567890122，电话15866668888", []evaluation.PIIKind{evaluation.PIIBankCard, evaluation.PIIMobile}},
		// Negative: order numbers, dates, hotlines, landlines, amounts.
		{"您反映的工单GD202601150041已办结。", nil},
		{"工单号202601150041，受理日期20260115。", nil},
		{"已于2026年1月15日、2026-01-20两次联系。", nil},
		{"如有疑问请拨打12333或0531-86915000咨询。", nil},
		{"补发金额12345.67元，社保编号37010219850312", nil},
		{"身份证号370102198503120039校验位错误", nil}, // bad check character
		{"卡号6222021602012345670不过Luhn", nil}, // Luhn fails
		{"电话12905318888不是手机号", nil},          // 12x is no mobile prefix
		{"号码139053188881超长", nil},            // 12 digits
		{"ABC13905318888", nil},              // letter touches
	}
	for _, c := range cases {
		got := evaluation.FindPII(c.text)
		var kinds []evaluation.PIIKind
		for _, m := range got {
			kinds = append(kinds, m.Kind)
			if m.Masked == "" || m.Masked == c.text[m.Start:m.End] {
				t.Errorf("%q: match not masked: %q", c.text, m.Masked)
			}
		}
		if len(kinds) != len(c.want) {
			t.Errorf("FindPII(%q) = %v, want %v", c.text, kinds, c.want)
			continue
		}
		for i := range kinds {
			if kinds[i] != c.want[i] {
				t.Errorf("FindPII(%q) = %v, want %v", c.text, kinds, c.want)
			}
		}
	}
}

func FuzzFindPII(f *testing.F) {
	f.Add("电话13905318888，身份证370102198503120038，卡6222021602012345676")
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range evaluation.FindPII(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("bad offsets %d..%d", m.Start, m.End)
			}
		}
	})
}
