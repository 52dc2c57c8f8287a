package matter

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// A realistic large catalog for benchmarks and memory tests: real HRSS
// (人社) matter names × the 16 Shandong cities and their counties × item
// variants, each implemented by the place's HRSS bureau.

var genNames = []string{
	"失业保险金申领", "职工参保登记", "城乡居民基本养老保险参保登记", "社会保障卡申领",
	"社会保障卡挂失", "社会保障卡补换", "就业创业证申领", "失业登记",
	"企业职工基本养老保险关系转移接续", "工伤认定申请", "劳动能力鉴定申请", "职业技能等级证书查询",
	"高校毕业生就业见习补贴申领", "一次性创业补贴申领", "失业保险稳岗返还", "技能提升补贴申领",
	"个人权益记录查询打印", "养老保险待遇领取资格认证", "丧葬补助金和抚恤金申领", "失业保险关系转移接续",
	"人力资源服务许可", "劳务派遣经营许可", "特殊工种提前退休核准", "基本养老保险视同缴费年限认定",
	"新增退休人员养老保险待遇核定发放", "参保单位注销", "参保单位信息变更", "灵活就业人员参保登记",
	"工伤保险待遇核定支付", "职业培训补贴申领", "就业困难人员认定", "创业担保贷款申请",
	"企业年金方案备案", "劳动人事争议仲裁申请", "拖欠农民工工资投诉", "专业技术人员职称评审",
}

var genVariants = []string{
	"", "（新设）", "（变更）", "（延续）", "（注销）", "（补办）", "（个人）", "（单位）",
	"（线上）", "（窗口）", "（代办）", "（异地）", "（港澳台）", "（外籍）", "（首次）", "（再次）", "（集中）",
}

// genPlace is a city or county with its HRSS bureau.
type genPlace struct {
	code division.Code
	name string
	dept Department
}

func genPlaces() []genPlace {
	var out []genPlace
	cities := division.Children("370000")
	for _, c := range cities {
		out = append(out, genPlace{code: c.Code, name: c.Name})
		for _, k := range division.Children(c.Code) {
			out = append(out, genPlace{code: k.Code, name: k.Name})
		}
	}
	for i := range out {
		org8 := fmt.Sprintf("00%06d", 430000+i*17)
		oc, err := creditcode.OrgCheckChar(org8)
		if err != nil {
			panic(err)
		}
		first17 := "11" + string(out[i].code) + org8 + string(oc)
		ch, err := creditcode.CheckChar(first17)
		if err != nil {
			panic(err)
		}
		cc, err := creditcode.Parse(first17 + string(ch))
		if err != nil {
			panic(err)
		}
		out[i].dept = Department{CreditCode: cc, Name: out[i].name + "人力资源和社会保障局", Division: out[i].code}
	}
	return out
}

// genMatters returns n valid matters.
func genMatters(n int) []*Matter {
	places := genPlaces()
	out := make([]*Matter, 0, n)
	for i := 0; len(out) < n; i++ {
		v := genVariants[i%len(genVariants)]
		name := genNames[(i/len(genVariants))%len(genNames)]
		p := places[(i/(len(genVariants)*len(genNames)))%len(places)]
		round := i / (len(genVariants) * len(genNames) * len(places))
		if round > 0 {
			v += fmt.Sprintf("（第%d批）", round+1)
		}
		m := &Matter{
			Code:           fmt.Sprintf("%s%06d", p.code, i%1000000),
			Name:           p.name + name + v,
			Kind:           []Kind{Benefit, Confirmation, PublicService, Licensing}[i%4],
			Body:           p.dept,
			LegalBasis:     []string{"《中华人民共和国社会保险法》第" + []string{"十六", "四十五", "五十七", "三十六"}[i%4] + "条"},
			Audience:       []Audience{Person},
			Conditions:     []string{"在本市参加社会保险"},
			Forms:          []HandlingForm{AtWindow, Online},
			StatutoryLimit: TimeLimit{Value: 20},
			PromisedLimit:  TimeLimit{Value: 5 + i%10},
			Handling:       Promised,
			Contacts:       Contacts{Consult: "12333", Complaint: "12345"},
			Reach:          ReachProvince,
			Depth:          DepthOf(1, 2, 3, 4, 5, 6),
			Materials: []Material{
				{Type: "resident-id-card", Name: "居民身份证", Source: "政府部门核发", Medium: Either, Need: Required, Trust: []Trust{TrustA}},
				{Type: "application-form", Name: "申请表", Source: "申请人自备", Medium: Either, Need: Required, Trust: []Trust{TrustD}},
			},
			Result:    Result{Name: name + "结果", Type: "其他"},
			Tags:      []string{"人社"},
			Version:   1,
			Effective: DateOf(2025, 1, 1),
		}
		m.ImplementationCode = p.dept.CreditCode.String() + m.Code
		if i%7 == 0 {
			m.Tags = append(m.Tags, "high-frequency")
		}
		out = append(out, m)
	}
	return out
}

// writeGenCatalog writes n generated matters as one file
// dir/matters/gen.json, entry by entry, and returns the file's size.
func writeGenCatalog(dir string, n int) (int64, error) {
	if err := os.MkdirAll(filepath.Join(dir, "matters"), 0o755); err != nil {
		return 0, err
	}
	f, err := os.Create(filepath.Join(dir, "matters", "gen.json"))
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	w.WriteString("[\n")
	for i, m := range genMatters(n) {
		if i > 0 {
			w.WriteString(",\n")
		}
		b, err := json.Marshal(m)
		if err != nil {
			f.Close()
			return 0, err
		}
		w.Write(b)
	}
	w.WriteString("\n]\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, err
	}
	return st.Size(), f.Close()
}

// genQueries is a realistic mix: exact names, place names, fragments, a
// single character, full-width input, a legal basis and a miss.
var genQueries = []string{
	"失业保险金申领", "社会保障卡", "济南市", "长清区", "补贴", "养老", "参保登记",
	"莘县技能提升补贴申领", "工伤认定申请（变更）", "劳动", "证", "许可", "ＡＢＣ",
	"社会保险法", "单县", "第2批", "high-frequency", "职称评审（外籍）",
}

// linearSearch is the baseline of Search: the same entries, ranks and
// order, found by scanning every entry with strings.Contains.
func linearSearch(ix *searchIndex, q string, limit int) []Hit {
	q = strings.TrimSpace(foldText(q))
	if q == "" {
		return nil
	}
	type scored struct {
		id    int
		score int
	}
	var found []scored
	for id := range ix.entries {
		e := &ix.entries[id]
		s := 0
		switch {
		case e.norm == q:
			s = ScoreExactName
		case strings.HasPrefix(e.norm, q):
			s = ScoreNamePrefix
		case strings.Contains(e.norm, q):
			s = ScoreNameSubstring
		case slices.ContainsFunc(e.texts, func(t string) bool { return strings.Contains(t, q) }):
			s = ScoreText
		}
		if s > 0 {
			found = append(found, scored{id, s})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return b.score - a.score })
	if limit > 0 && len(found) > limit {
		found = found[:limit]
	}
	var out []Hit
	for _, f := range found {
		e := &ix.entries[f.id]
		out = append(out, Hit{Code: e.code, Name: e.name, Bundle: e.bundle, Division: e.div, Score: f.score})
	}
	return out
}
