package matter

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/standards/division"
)

// Matter is a service matter (政务服务事项) as its implementation list
// (实施清单) describes it, with every element of GB/T 39554.1-2020.
//
// Codes are validated opaque strings: the segment layout of 基本编码 and
// 实施编码 varies by province.
type Matter struct {
	// Code is the 基本编码, 12 characters, shared by every implementation of
	// the matter across the country.
	Code string `json:"code"`
	// ImplementationCode is the 实施编码: the implementing body's credit code
	// followed by the matter's own segments.
	ImplementationCode string `json:"implementation_code,omitempty"`
	// Items are the 业务办理项, the finest unit a clerk handles (新设, 变更,
	// 延续, 注销).
	Items []Item `json:"items,omitempty"`

	Name string `json:"name"`
	Kind Kind   `json:"kind"`
	// Body is the implementing body (实施主体).
	Body       Department `json:"body"`
	LegalBasis []string   `json:"legal_basis"`
	// Levels are the tiers that exercise the matter (行使层级).
	Levels []Tier `json:"levels,omitempty"`
	// Audience is who may apply (服务对象).
	Audience []Audience `json:"audience"`
	// Conditions are the acceptance conditions (受理条件).
	Conditions []string `json:"conditions,omitempty"`
	// Process is the handling procedure (办理流程), in order.
	Process []ProcessStep `json:"process,omitempty"`
	// Forms of handling (办理形式).
	Forms []HandlingForm `json:"forms,omitempty"`

	// StatutoryLimit is the 法定办结时限; PromisedLimit the 承诺办结时限, which
	// may not exceed it. A zero PromisedLimit means 即办 (handled at once).
	StatutoryLimit TimeLimit `json:"statutory_limit"`
	PromisedLimit  TimeLimit `json:"promised_limit"`
	// Handling is 即办件 or 承诺件.
	Handling Handling `json:"handling"`

	Fee Fee `json:"fee"`
	// Visits is the number of trips to the site (到办事现场次数).
	Visits int `json:"visits"`
	// OnSiteReason explains why a visit is needed (必须现场办理原因); required
	// when Visits > 0.
	OnSiteReason string `json:"on_site_reason,omitempty"`
	// Places where the matter is handled, with hours (办理地点, 办理时间).
	Places   []Place  `json:"places,omitempty"`
	Contacts Contacts `json:"contacts"`
	// Reach is the 通办范围.
	Reach Reach `json:"reach"`
	// Depth is the 网上办理深度, a set of the seven steps.
	Depth Depth `json:"depth"`
	// Postal reports whether applications and results may travel by post
	// (是否支持物流快递).
	Postal bool `json:"postal"`

	Materials []Material `json:"materials,omitempty"`
	Result    Result     `json:"result"`
	// Form is the $id of the JSON Schema form the applicant fills in; package
	// form loads and interprets it.
	Form string `json:"form,omitempty"`
	// Tags mark matters for search and policy: "high-frequency", "免申即享", …
	Tags []string `json:"tags,omitempty"`

	// Version counts the stored revisions of the matter, from 1.
	Version int `json:"version"`
	// Effective is the first day the matter applies; Expires, if set, the
	// first day it no longer does.
	Effective Date `json:"effective"`
	Expires   Date `json:"expires,omitzero"`
}

// HasTag reports whether the matter carries tag t.
func (m *Matter) HasTag(t string) bool { return slices.Contains(m.Tags, t) }

// InForceOn reports whether the matter applies on day d.
func (m *Matter) InForceOn(d Date) bool {
	if !m.Effective.IsZero() && d.Before(m.Effective) {
		return false
	}
	return m.Expires.IsZero() || d.Before(m.Expires)
}

// Clone returns a deep copy, so that a caller may change it without touching
// a catalog or a store.
func (m *Matter) Clone() *Matter {
	c := *m
	c.Items = slices.Clone(m.Items)
	c.LegalBasis = slices.Clone(m.LegalBasis)
	c.Levels = slices.Clone(m.Levels)
	c.Audience = slices.Clone(m.Audience)
	c.Conditions = slices.Clone(m.Conditions)
	c.Process = slices.Clone(m.Process)
	c.Forms = slices.Clone(m.Forms)
	c.Places = slices.Clone(m.Places)
	c.Materials = make([]Material, len(m.Materials))
	for i, mat := range m.Materials {
		mat.Trust = slices.Clone(mat.Trust)
		c.Materials[i] = mat
	}
	if m.Materials == nil {
		c.Materials = nil
	}
	c.Tags = slices.Clone(m.Tags)
	return &c
}

// Item is a 业务办理项.
type Item struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Kind is the kind of power or service (事项类型) with its national code.
type Kind int

// The eleven kinds.
const (
	Licensing     Kind = 1  // 行政许可
	Penalty       Kind = 2  // 行政处罚
	Enforcement   Kind = 3  // 行政强制
	Levy          Kind = 4  // 行政征收
	Benefit       Kind = 5  // 行政给付
	Inspection    Kind = 6  // 行政检查
	Confirmation  Kind = 7  // 行政确认
	Award         Kind = 8  // 行政奖励
	Adjudication  Kind = 9  // 行政裁决
	OtherPower    Kind = 10 // 其他行政权力
	PublicService Kind = 20 // 公共服务
)

var kindNames = map[Kind][2]string{
	Licensing:     {"行政许可", "administrative licensing"},
	Penalty:       {"行政处罚", "administrative penalty"},
	Enforcement:   {"行政强制", "administrative enforcement"},
	Levy:          {"行政征收", "administrative levy"},
	Benefit:       {"行政给付", "administrative benefit"},
	Inspection:    {"行政检查", "administrative inspection"},
	Confirmation:  {"行政确认", "administrative confirmation"},
	Award:         {"行政奖励", "administrative award"},
	Adjudication:  {"行政裁决", "administrative adjudication"},
	OtherPower:    {"其他行政权力", "other administrative power"},
	PublicService: {"公共服务", "public service"},
}

// Valid reports whether k is one of the eleven kinds.
func (k Kind) Valid() bool { _, ok := kindNames[k]; return ok }

// Names returns the Chinese and English names of the kind.
func (k Kind) Names() (zh, en string) { n := kindNames[k]; return n[0], n[1] }

// String returns the Chinese name, or the number for an unknown kind.
func (k Kind) String() string {
	if n, ok := kindNames[k]; ok {
		return n[0]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Tier is a level of government that exercises a matter (行使层级).
type Tier string

// The tiers.
const (
	TierNational Tier = "national" // 国家级
	TierProvince Tier = "province" // 省级
	TierCity     Tier = "city"     // 市级
	TierCounty   Tier = "county"   // 县级
	TierTownship Tier = "township" // 乡级 (街道)
	TierVillage  Tier = "village"  // 村级 (社区)
)

// Audience is a class of applicant (服务对象).
type Audience string

// The audiences.
const (
	Person       Audience = "person"         // 自然人
	Enterprise   Audience = "enterprise"     // 企业法人
	Institution  Audience = "institution"    // 事业单位法人
	Organisation Audience = "organisation"   // 社会组织法人
	Unincorp     Audience = "unincorporated" // 非法人企业
	Government   Audience = "government"     // 行政机关
	OtherBody    Audience = "other"          // 其他组织
)

// ProcessStep is one step of the handling procedure.
type ProcessStep struct {
	Name        string `json:"name"` // 受理, 审核, 决定, 送达 …
	Description string `json:"description,omitempty"`
}

// HandlingForm is a way a matter may be applied for (办理形式).
type HandlingForm string

// The handling forms.
const (
	AtWindow HandlingForm = "window" // 窗口办理
	Online   HandlingForm = "online" // 网上办理
	ByPost   HandlingForm = "post"   // 快递申请
)

// Unit is the unit of a TimeLimit.
type Unit string

// The units. A time limit without a unit is in working days.
const (
	WorkingDays Unit = "working_days" // 工作日
	NaturalDays Unit = "natural_days" // 自然日
	Hours       Unit = "hours"
	Minutes     Unit = "minutes"
)

// TimeLimit is a handling time limit (办结时限). The zero value is 即办: no
// time at all.
type TimeLimit struct {
	Value int  `json:"value"`
	Unit  Unit `json:"unit,omitempty"`
}

// unit returns the limit's unit, working days by default.
func (t TimeLimit) unit() Unit {
	if t.Unit == "" {
		return WorkingDays
	}
	return t.Unit
}

// Immediate reports whether the limit is 即办 (zero).
func (t TimeLimit) Immediate() bool { return t.Value == 0 }

// WorkingDays converts the limit to whole working days, the unit of plan
// arithmetic: natural days × 5/7 rounded up; any hours or minutes count as
// one working day; 即办 counts 0.
func (t TimeLimit) WorkingDays() int {
	if t.Value <= 0 {
		return 0
	}
	switch t.unit() {
	case NaturalDays:
		return (t.Value*5 + 6) / 7
	case Hours, Minutes:
		return 1
	default:
		return t.Value
	}
}

// String renders the limit in Chinese, e.g. "20个工作日", "即办".
func (t TimeLimit) String() string {
	if t.Immediate() {
		return "即办"
	}
	switch t.unit() {
	case NaturalDays:
		return fmt.Sprintf("%d日", t.Value)
	case Hours:
		return fmt.Sprintf("%d小时", t.Value)
	case Minutes:
		return fmt.Sprintf("%d分钟", t.Value)
	default:
		return fmt.Sprintf("%d个工作日", t.Value)
	}
}

// minutes returns the limit in minutes for comparison, taking a working day
// as 8 hours and a natural day as 5/7 of a working day.
func (t TimeLimit) minutes() int {
	switch t.unit() {
	case NaturalDays:
		return t.Value * 8 * 60 * 5 / 7
	case Hours:
		return t.Value * 60
	case Minutes:
		return t.Value
	default:
		return t.Value * 8 * 60
	}
}

// Handling is the 办件类型.
type Handling string

// The handling types.
const (
	Immediate Handling = "immediate" // 即办件
	Promised  Handling = "promised"  // 承诺件
)

// Fee says whether the matter charges, how much and on what basis.
type Fee struct {
	Charged bool            `json:"charged"`
	Amount  decimal.Decimal `json:"amount,omitzero"`
	// Basis is the legal basis of the charge (收费依据); required when Charged.
	Basis string `json:"basis,omitempty"`
}

// Place is where and when the matter is handled.
type Place struct {
	Name     string        `json:"name"`
	Address  string        `json:"address,omitempty"`
	Division division.Code `json:"division,omitempty"`
	Hours    string        `json:"hours,omitempty"`  // 办理时间
	Window   string        `json:"window,omitempty"` // 窗口
}

// Contacts are the consultation and complaint channels (咨询方式, 监督投诉方式).
type Contacts struct {
	Consult   string `json:"consult,omitempty"`
	Complaint string `json:"complaint,omitempty"`
}

// Reach is how far a matter is handled across places (通办范围).
type Reach string

// The reaches, from none to national.
const (
	ReachNone          Reach = "none"           // 不通办
	ReachCity          Reach = "city"           // 全市通办
	ReachProvince      Reach = "province"       // 全省通办
	ReachCrossProvince Reach = "cross_province" // 跨省通办
	ReachNational      Reach = "national"       // 全国通办
)

// Result is what the applicant receives (办理结果).
type Result struct {
	Name string `json:"name"`
	// Type is 证照, 批文, 其他 …
	Type string `json:"type,omitempty"`
}

// Material is a document the applicant supplies (申请材料).
type Material struct {
	// Type identifies the document across matters, so that one 居民身份证
	// serves a whole bundle: e.g. "resident-id-card".
	Type string `json:"type"`
	Name string `json:"name"`
	// Source is where the document comes from (材料来源): 申请人自备,
	// 政府部门核发, …
	Source string         `json:"source,omitempty"`
	Medium MaterialMedium `json:"medium,omitempty"`
	// Copies is the number of paper copies (纸质材料份数).
	Copies int `json:"copies,omitempty"`
	// Need is required, conditional or optional; Condition says when a
	// conditional material is needed.
	Need      Need   `json:"need"`
	Condition string `json:"condition,omitempty"`
	// Trust lists the evidence trust levels accepted (A–D).
	Trust []Trust `json:"trust,omitempty"`
	Spec  string  `json:"spec,omitempty"` // 材料规格
}

// MaterialMedium is paper, electronic or either.
type MaterialMedium string

// The media.
const (
	Paper      MaterialMedium = "paper"
	Electronic MaterialMedium = "electronic"
	Either     MaterialMedium = "either"
)

// Need says whether a material must be supplied.
type Need string

// The needs.
const (
	Required    Need = "required"
	Conditional Need = "conditional"
	Optional    Need = "optional"
)

// Trust is an evidence trust level (国办函〔2016〕108号).
type Trust string

// The trust levels.
const (
	TrustA Trust = "A" // issued by the implementing body, usable directly
	TrustB Trust = "B" // verified by window staff
	TrustC Trust = "C" // uploaded by the user, original to be checked
	TrustD Trust = "D" // made by the user under commitment (告知承诺)
)
