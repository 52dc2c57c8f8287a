package form

// builtinElements are the data elements of the built-in dictionary: the
// common HRSS elements the Shandong demo forms use.
func builtinElements() []Element {
	str := func(id, zh, en string, class Sensitivity, v Validator, m Masker, code bool) Element {
		return Element{ID: id, Label: Text{zh, en}, Type: "string", Class: class, Validate: v, Mask: m, Code: code}
	}
	date := func(id, zh, en string, class Sensitivity, m Masker) Element {
		return Element{ID: id, Label: Text{zh, en}, Type: "string", Format: "date", Class: class, Validate: Date, Mask: m, Code: true}
	}
	enum := func(id, zh, en string, values ...any) Element {
		return Element{ID: id, Label: Text{zh, en}, Type: "string", Enum: values, Class: Public}
	}
	return []Element{
		str("person.id_number", "公民身份号码", "citizen ID number", Sensitive, CitizenID, MaskCitizenID, true),
		str("person.name", "姓名", "name", Personal, nil, MaskName, false),
		{ID: "person.sex", Label: Text{"性别", "sex"}, Type: "string", Enum: []any{"男", "女"}, Class: Personal},
		date("person.birth_date", "出生日期", "date of birth", Personal, MaskDate),
		str("person.mobile", "手机号码", "mobile number", Personal, Mobile, MaskMobile, true),
		str("person.address", "住址", "address", Personal, nil, MaskAddress, false),
		str("person.hukou_division", "户籍所在地行政区划代码", "division code of household registration (户籍)", Public, DivisionCode, nil, true),
		str("person.ethnicity", "民族", "ethnicity", Sensitive, nil, nil, false),
		str("person.photo", "照片", "photo", Sensitive, Photo, MaskAll, false),
		str("person.bank_account", "银行账号", "bank account number", Sensitive, BankCard, MaskAccount, true),
		str("person.bank_name", "开户银行", "bank", Public, nil, nil, false),
		str("enterprise.credit_code", "统一社会信用代码", "unified social credit code", Public, CreditCode, nil, true),
		str("enterprise.name", "单位名称", "organisation name", Public, nil, nil, false),
		str("enterprise.contact_mobile", "单位联系人手机号码", "organisation contact's mobile number", Personal, Mobile, MaskMobile, true),
		str("address.division", "地址所在行政区划代码", "division code of the address", Public, DivisionCode, nil, true),
		str("address.detail", "详细地址", "street address", Personal, nil, MaskAddress, false),
		date("retirement.date", "退休日期", "retirement date", Public, nil),
		enum("retirement.category", "退休人员类别", "retirement category", "male", "female_worker", "female_cadre"),
		enum("retirement.early_type", "退休类型", "kind of retirement", "normal", "special_work", "illness", "flexible"),
		{ID: "insurance.contribution_years", Label: Text{"累计缴费年限", "contribution years"}, Type: "number", Class: Public},
		date("insurance.first_insured_date", "首次参保日期", "date first insured", Public, nil),
		str("insurance.personal_number", "个人社会保障号码", "social security number", Sensitive, CitizenID, MaskCitizenID, true),
		str("housing_fund.account", "住房公积金个人账号", "housing fund account", Sensitive, AccountNumber, MaskAccount, true),
		str("card.number", "社会保障卡卡号", "social security card number", Sensitive, SocialSecurityCardNumber, MaskAccount, true),
		str("card.bank", "社会保障卡服务银行", "social security card bank", Public, nil, nil, false),
		date("employment.unemployment_date", "失业日期", "date of unemployment", Public, nil),
		str("employment.employer_credit_code", "用人单位统一社会信用代码", "employer's unified social credit code", Public, CreditCode, nil, true),
		str("postal.address", "邮寄地址", "postal address", Personal, nil, MaskAddress, false),
		str("postal.recipient", "收件人", "recipient", Personal, nil, MaskName, false),
		str("postal.mobile", "收件人手机号码", "recipient's mobile number", Personal, Mobile, MaskMobile, true),
	}
}
