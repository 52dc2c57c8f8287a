package form

// builtinMessages are the zh-Hans and en templates of every code the package
// reports, keyed by code. Element codes take the field's label as %[1]s and
// the masked value as %[2]s; schema codes take the label as %[1]s.
var builtinMessages = map[string]Text{
	// JSON Schema.
	"schema.required":              {"请填写%[1]s", "%[1]s is required"},
	"schema.type":                  {"%[1]s应为%[2]s", "%[1]s must be %[2]s"},
	"schema.enum":                  {"%[1]s应为以下之一：%[2]s", "%[1]s must be one of: %[2]s"},
	"schema.const":                 {"%[1]s应为%[2]s", "%[1]s must be %[2]s"},
	"schema.format":                {"%[1]s不是有效的%[2]s", "%[1]s is not a valid %[2]s"},
	"schema.pattern":               {"%[1]s格式不正确", "%[1]s is not in the required format"},
	"schema.min_length":            {"%[1]s至少应有%[2]d个字符", "%[1]s needs at least %[2]d characters"},
	"schema.max_length":            {"%[1]s至多%[2]d个字符", "%[1]s may have at most %[2]d characters"},
	"schema.minimum":               {"%[1]s不得小于%[2]s", "%[1]s must be at least %[2]s"},
	"schema.maximum":               {"%[1]s不得大于%[2]s", "%[1]s must be at most %[2]s"},
	"schema.exclusive_minimum":     {"%[1]s应大于%[2]s", "%[1]s must be more than %[2]s"},
	"schema.exclusive_maximum":     {"%[1]s应小于%[2]s", "%[1]s must be less than %[2]s"},
	"schema.multiple_of":           {"%[1]s应为%[2]s的整数倍", "%[1]s must be a multiple of %[2]s"},
	"schema.min_items":             {"%[1]s至少应有%[2]d项", "%[1]s needs at least %[2]d items"},
	"schema.max_items":             {"%[1]s至多%[2]d项", "%[1]s may have at most %[2]d items"},
	"schema.unique_items":          {"%[1]s有重复项", "%[1]s has duplicate items"},
	"schema.additional_properties": {"%[1]s不是本表的字段", "%[1]s is not a field of this form"},
	"schema.false":                 {"%[1]s此处不应填写", "%[1]s must not be given here"},
	"schema.any_of":                {"%[1]s不满足任何一种可选的填写要求", "%[1]s meets none of the alternatives"},
	"schema.one_of":                {"%[1]s须恰好满足一种填写要求", "%[1]s must meet exactly one of the alternatives"},
	"schema.not":                   {"%[1]s的填写组合不被允许", "%[1]s is a combination that is not allowed"},
	"schema.invalid":               {"%[1]s不符合要求：%[2]s", "%[1]s is not valid: %[2]s"},

	// Data element validators.
	"element.citizen_id.invalid":   {"%[1]s %[2]s 不是有效的公民身份号码", "%[1]s %[2]s is not a valid citizen ID number"},
	"element.citizen_id.checksum":  {"%[1]s %[2]s 校验码错误，请核对", "%[1]s %[2]s has a wrong check character"},
	"element.credit_code.invalid":  {"%[1]s %[2]s 不是有效的统一社会信用代码", "%[1]s %[2]s is not a valid unified social credit code"},
	"element.credit_code.checksum": {"%[1]s %[2]s 校验码不符，可能是早期试点代码，请核实", "%[1]s %[2]s has a wrong check character (an early pilot code?); please verify"},
	"element.credit_code.unknown_kind": {"%[1]s %[2]s 的登记管理部门和机构类别不在标准代码表中，请核实",
		"%[1]s %[2]s has a registry and kind outside the GB 32100 table; please verify"},
	"element.division.invalid":  {"%[1]s %[2]s 不是有效的行政区划代码", "%[1]s %[2]s is not a valid division code"},
	"element.division.unknown":  {"%[1]s %[2]s 不在行政区划代码表中，请核实", "%[1]s %[2]s is not in the division table; please verify"},
	"element.division.retired":  {"%[1]s %[2]s 是已撤销的行政区划代码，请填写现行代码", "%[1]s %[2]s is a retired division code; give the current one"},
	"element.mobile.invalid":    {"%[1]s %[2]s 不是有效的手机号码", "%[1]s %[2]s is not a valid mobile number"},
	"element.bank_card.invalid": {"%[1]s %[2]s 不是有效的银行卡号（12至19位数字）", "%[1]s %[2]s is not a bank card number (12 to 19 digits)"},
	"element.bank_card.checksum": {"%[1]s %[2]s 校验位错误，请核对银行卡号",
		"%[1]s %[2]s fails the card number check digit; please check it"},
	"element.account.invalid":     {"%[1]s %[2]s 不是有效的账号（8至20位数字）", "%[1]s %[2]s is not an account number (8 to 20 digits)"},
	"element.card_number.invalid": {"%[1]s %[2]s 不是有效的社会保障卡卡号（9位字母或数字）", "%[1]s %[2]s is not a social security card number (9 letters or digits)"},
	"element.date.invalid":        {"%[1]s %[2]s 不是有效的日期（YYYY-MM-DD）", "%[1]s %[2]s is not a valid date (YYYY-MM-DD)"},
	"element.photo.invalid":       {"%[1]s不是有效的JPEG照片", "%[1]s is not a valid JPEG photo"},
	"element.invalid":             {"%[1]s %[2]s 不符合要求", "%[1]s %[2]s is not valid"},

	// Pre-fill and review.
	"prefill.subject_mismatch": {"%[1]s %[2]s 与预填信息所属的申请人不一致，预填的信息不能作为核验依据",
		"%[1]s %[2]s is not the applicant the pre-filled data belong to; they cannot support the review"},
	"review.incomplete": {"预审未完成：%[1]s", "pre-review did not finish: %[1]s"},

	// Automatic approval (自动审批).
	"approval.ok": {"预审通过且无警告，%[1]s均来自可信数据源，可自动审批",
		"pre-review passed with no warnings and %[1]s came from trusted sources: approvable without a clerk"},
	"approval.verdict":   {"预审结论为“%[1]s”，须人工审核", "the pre-review verdict is %[1]s: a clerk must decide"},
	"approval.untrusted": {"%[1]s来自%[2]s（%[3]s级），不是可信数据源（A级或B级）", "%[1]s came from %[2]s at trust %[3]s, not a trusted source (A or B)"},
	"approval.entered":   {"%[1]s由申请人填写，未经可信数据源核验", "%[1]s was entered by the applicant, not taken from a trusted source"},
	"approval.changed":   {"%[1]s与%[2]s提供的数据不一致（已被修改）", "%[1]s differs from what %[2]s supplied (it was changed)"},
	"approval.missing":   {"未提供%[1]s", "%[1]s is not given"},
}

// verdictText names the verdicts in both languages.
var verdictText = map[Verdict]Text{
	Pass:             {"通过", "pass"},
	PassWithWarnings: {"通过（有警告）", "pass with warnings"},
	Fail:             {"不通过", "fail"},
}

// typeText names the JSON types in both languages.
var typeText = map[string]Text{
	"string":  {"文本", "text"},
	"integer": {"整数", "a whole number"},
	"number":  {"数字", "a number"},
	"boolean": {"是或否", "yes or no"},
	"object":  {"对象", "an object"},
	"array":   {"列表", "a list"},
	"null":    {"空值", "null"},
}

// formatText names the formats in both languages.
var formatText = map[string]Text{
	"date":      {"日期（YYYY-MM-DD）", "date (YYYY-MM-DD)"},
	"date-time": {"日期时间", "date and time"},
	"email":     {"电子邮箱", "e-mail address"},
	"uri":       {"网址", "URI"},
}
