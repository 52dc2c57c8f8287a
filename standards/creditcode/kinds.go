package creditcode

// KindInfo names a registry and kind pair (登记管理部门 and 机构类别) of the
// GB 32100 table in Chinese and English.
type KindInfo struct {
	RegistryZH string // 登记管理部门, e.g. "民政"
	RegistryEN string // e.g. "civil affairs"
	KindZH     string // 机构类别, e.g. "社会团体"
	KindEN     string // e.g. "social organisation"
}

type kindName struct {
	code   byte
	zh, en string
}

type registryName struct {
	kindName
	kinds []kindName
}

// registries is the GB 32100 table of registries and kinds, registries A
// (military) and N (agriculture) included. It is the one place to change when
// the table is amended.
var registries = []registryName{
	{kindName{'1', "机构编制", "institutional establishment"}, []kindName{
		{'1', "机关", "government organ"},
		{'2', "事业单位", "public institution"},
		{'3', "中央编办直接管理机构编制的群众团体", "mass organisation under the central establishment office"},
		{'9', "其他", "other"},
	}},
	{kindName{'2', "外交", "foreign affairs"}, []kindName{
		{'1', "外国常驻新闻机构", "resident foreign news agency"},
		{'9', "其他", "other"},
	}},
	{kindName{'3', "司法行政", "judicial administration"}, []kindName{
		{'1', "律师执业机构", "law firm"},
		{'2', "公证处", "notary office"},
		{'3', "基层法律服务所", "grassroots legal service office"},
		{'4', "司法鉴定机构", "forensic appraisal institution"},
		{'5', "仲裁委员会", "arbitration commission"},
		{'9', "其他", "other"},
	}},
	{kindName{'4', "文化", "culture"}, []kindName{
		{'1', "外国在华文化中心", "foreign cultural centre in China"},
		{'9', "其他", "other"},
	}},
	{kindName{'5', "民政", "civil affairs"}, []kindName{
		{'1', "社会团体", "social organisation"},
		{'2', "民办非企业单位", "private non-enterprise unit"},
		{'3', "基金会", "foundation"},
		{'9', "其他", "other"},
	}},
	{kindName{'6', "旅游", "tourism"}, []kindName{
		{'1', "外国旅游部门常驻代表机构", "resident office of a foreign tourism authority"},
		{'2', "港澳台地区旅游部门常驻内地代表机构", "resident office of a Hong Kong/Macao/Taiwan tourism authority"},
		{'9', "其他", "other"},
	}},
	{kindName{'7', "宗教", "religion"}, []kindName{
		{'1', "宗教活动场所", "venue for religious activities"},
		{'2', "宗教院校", "religious school"},
		{'9', "其他", "other"},
	}},
	{kindName{'8', "工会", "trade union"}, []kindName{
		{'1', "基层工会", "grassroots union"},
		{'9', "其他", "other"},
	}},
	{kindName{'9', "工商/市场监管", "market regulation"}, []kindName{
		{'1', "企业", "enterprise"},
		{'2', "个体工商户", "individual business"},
		{'3', "农民专业合作社", "farmers' cooperative"},
	}},
	{kindName{'A', "中央军委改革和编制办公室", "CMC reform and establishment office"}, []kindName{
		{'1', "军队事业单位", "military public institution"},
		{'9', "其他", "other"},
	}},
	{kindName{'N', "农业", "agriculture"}, []kindName{
		{'1', "组级", "group-level"},
		{'2', "村级", "village-level"},
		{'3', "乡镇级集体经济组织", "township-level collective economic organisation"},
		{'9', "其他", "other"},
	}},
	{kindName{'Y', "其他", "other"}, []kindName{
		{'1', "其他", "other"},
	}},
}

// describe looks up a pair. For a known registry with an unknown kind it
// fills the registry names and reports false.
func describe(registry, kind byte) (KindInfo, bool) {
	for _, r := range registries {
		if r.code != registry {
			continue
		}
		info := KindInfo{RegistryZH: r.zh, RegistryEN: r.en}
		for _, k := range r.kinds {
			if k.code == kind {
				info.KindZH, info.KindEN = k.zh, k.en
				return info, true
			}
		}
		return info, false
	}
	return KindInfo{}, false
}

// Describe names c's registry and kind. It reports false when the pair is
// not in the GB 32100 table (the ErrUnknownKind warning of Parse); the
// registry names are still filled when the registry alone is known. The zero
// Code gives the zero KindInfo and false.
func (c Code) Describe() (KindInfo, bool) {
	if len(c) != 18 {
		return KindInfo{}, false
	}
	return describe(c[0], c[1])
}
