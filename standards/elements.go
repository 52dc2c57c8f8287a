package standards

import (
	"slices"
	"strings"

	"github.com/onething-gov/onething/matter"
)

// element is a matter element a RuleRequired requirement can name.
type element struct {
	zh      string
	present func(m *matter.Matter) bool
}

func nonBlank(s string) bool { return strings.TrimSpace(s) != "" }

// elements maps an element's name — its JSON field name in a matter,
// nested fields joined by "/" — to its Chinese name and its presence test.
// Time limits, visits, depth, fee and postal always have a value, so they
// are checked by their own rules rather than by presence.
var elements = map[string]element{
	"implementation_code": {"实施编码", func(m *matter.Matter) bool { return nonBlank(m.ImplementationCode) }},
	"items":               {"业务办理项", func(m *matter.Matter) bool { return len(m.Items) > 0 }},
	"body/name":           {"实施主体名称", func(m *matter.Matter) bool { return nonBlank(m.Body.Name) }},
	"legal_basis":         {"设定依据", func(m *matter.Matter) bool { return len(m.LegalBasis) > 0 }},
	"levels":              {"行使层级", func(m *matter.Matter) bool { return len(m.Levels) > 0 }},
	"audience":            {"服务对象", func(m *matter.Matter) bool { return len(m.Audience) > 0 }},
	"conditions":          {"受理条件", func(m *matter.Matter) bool { return len(m.Conditions) > 0 }},
	"process":             {"办理流程", func(m *matter.Matter) bool { return len(m.Process) > 0 }},
	"forms":               {"办理形式", func(m *matter.Matter) bool { return len(m.Forms) > 0 }},
	"handling":            {"办件类型", func(m *matter.Matter) bool { return m.Handling != "" }},
	"on_site_reason":      {"必须现场办理原因", func(m *matter.Matter) bool { return nonBlank(m.OnSiteReason) }},
	"places":              {"办理地点", func(m *matter.Matter) bool { return len(m.Places) > 0 }},
	"contacts/consult":    {"咨询方式", func(m *matter.Matter) bool { return nonBlank(m.Contacts.Consult) }},
	"contacts/complaint":  {"监督投诉方式", func(m *matter.Matter) bool { return nonBlank(m.Contacts.Complaint) }},
	"reach":               {"通办范围", func(m *matter.Matter) bool { return m.Reach != "" }},
	"fee/basis":           {"收费依据", func(m *matter.Matter) bool { return nonBlank(m.Fee.Basis) }},
	"materials":           {"申请材料", func(m *matter.Matter) bool { return len(m.Materials) > 0 }},
	"result/name":         {"办理结果名称", func(m *matter.Matter) bool { return nonBlank(m.Result.Name) }},
	"result/type":         {"办理结果类型", func(m *matter.Matter) bool { return nonBlank(m.Result.Type) }},
	"form":                {"申请表单", func(m *matter.Matter) bool { return nonBlank(m.Form) }},
}

// Elements lists, sorted, the element names a RuleRequired requirement may
// name: the JSON field names of matter.Matter, nested ones joined by "/"
// ("contacts/consult").
func Elements() []string {
	out := make([]string, 0, len(elements))
	for name := range elements {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}
