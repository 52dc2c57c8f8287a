package form_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
)

// The elements the demo forms use, with their JSON types.
var demoElements = map[string]string{
	"person.id_number": "string", "person.name": "string", "person.sex": "string", "person.birth_date": "string",
	"person.mobile": "string", "person.address": "string", "person.hukou_division": "string", "person.ethnicity": "string",
	"person.photo": "string", "person.bank_account": "string", "person.bank_name": "string",
	"enterprise.credit_code": "string", "enterprise.name": "string", "enterprise.contact_mobile": "string",
	"address.division": "string", "address.detail": "string",
	"retirement.date": "string", "retirement.category": "string", "retirement.early_type": "string",
	"insurance.contribution_years": "number", "insurance.first_insured_date": "string", "insurance.personal_number": "string",
	"housing_fund.account": "string", "card.number": "string", "card.bank": "string",
	"employment.unemployment_date": "string", "employment.employer_credit_code": "string",
	"postal.address": "string", "postal.recipient": "string", "postal.mobile": "string",
}

func TestBuiltinDictionary(t *testing.T) {
	d := form.Builtin()
	for id, typ := range demoElements {
		e, ok := d.Element(id)
		if !assert.True(t, ok, id) {
			continue
		}
		assert.Equal(t, typ, e.Type, id)
		assert.NotEmpty(t, e.Label.ZH, id)
		assert.NotEmpty(t, e.Label.EN, id)
	}
	sex, _ := d.Element("person.sex")
	assert.Equal(t, []any{"男", "女"}, sex.Enum)
	date, _ := d.Element("retirement.date")
	assert.Equal(t, "date", date.Format)
	id, _ := d.Element("person.id_number")
	assert.Equal(t, form.Sensitive, id.Class)
	assert.Len(t, d.Checks(), 4)
}

func TestDictionaryWithLeavesBuiltinAlone(t *testing.T) {
	custom := form.Element{ID: "person.social_card_pin", Label: form.Text{ZH: "密码", EN: "PIN"}, Type: "string", Class: form.Sensitive}
	d, err := form.Builtin().With(custom)
	require.NoError(t, err)
	_, ok := d.Element("person.social_card_pin")
	assert.True(t, ok)
	_, ok = form.Builtin().Element("person.social_card_pin")
	assert.False(t, ok, "Builtin must not change")

	// The returned Element is a copy.
	sex, _ := form.Builtin().Element("person.sex")
	sex.Enum[0] = "M"
	again, _ := form.Builtin().Element("person.sex")
	assert.Equal(t, "男", again.Enum[0])

	// Replacing a built-in element is allowed, in the new dictionary only.
	loose := form.Element{ID: "person.mobile", Label: form.Text{ZH: "电话", EN: "phone"}, Type: "string", Class: form.Personal}
	d2, err := form.Builtin().With(loose)
	require.NoError(t, err)
	m, _ := d2.Element("person.mobile")
	assert.Nil(t, m.Validate)
	m, _ = form.Builtin().Element("person.mobile")
	assert.NotNil(t, m.Validate)
}

func TestDictionaryRejects(t *testing.T) {
	for name, e := range map[string]form.Element{
		"bad id":       {ID: "Person", Label: form.Text{ZH: "x", EN: "x"}, Type: "string"},
		"no label":     {ID: "person.x", Type: "string"},
		"bad type":     {ID: "person.x", Label: form.Text{ZH: "x", EN: "x"}, Type: "text"},
		"enum vs type": {ID: "person.x", Label: form.Text{ZH: "x", EN: "x"}, Type: "integer", Enum: []any{"a"}},
	} {
		_, err := form.Builtin().With(e)
		assert.True(t, errors.Is(err, form.ErrInvalid), name)
	}
	_, err := form.Builtin().WithChecks(form.Check{Name: "Bad Name"})
	assert.True(t, errors.Is(err, form.ErrInvalid))
	_, err = form.Builtin().WithChecks(form.Check{Name: "needs-x", Params: []form.Param{{Name: "x", Element: "no.such"}}, Run: func(_ context.Context, _ *form.CheckInput) []form.Finding { return nil }})
	assert.True(t, errors.Is(err, form.ErrUnknownElement))
	_, err = form.Builtin().WithMessages(map[string]form.Text{"x": {ZH: "只有中文"}})
	assert.True(t, errors.Is(err, form.ErrInvalid))
}

func TestMessages(t *testing.T) {
	d, err := form.Builtin().WithMessages(map[string]form.Text{"city.note": {ZH: "请携带%[1]s原件", EN: "bring the original %[1]s"}})
	require.NoError(t, err)
	m := d.Message("city.note", form.Text{ZH: "户口簿", EN: "household register"})
	assert.Equal(t, "请携带户口簿原件", m.ZH)
	assert.Equal(t, "bring the original household register", m.EN)
	assert.Equal(t, "请填写姓名", form.Builtin().Message("schema.required", form.Text{ZH: "姓名", EN: "name"}).ZH)
	assert.Contains(t, form.Builtin().Message("no.such.code", 1).EN, "no.such.code")
}

func TestValidators(t *testing.T) {
	cases := []struct {
		name string
		v    form.Validator
		in   any
		code string // "" for valid
		sev  form.Severity
	}{
		{"citizen id", form.CitizenID, "11010519491231002X", "", ""},
		{"citizen id lower x", form.CitizenID, "11010519491231002x", "", ""},
		{"citizen id checksum", form.CitizenID, "110105194912310021", "element.citizen_id.checksum", form.Error},
		{"citizen id short", form.CitizenID, "1101051949", "element.citizen_id.invalid", form.Error},
		{"credit code", form.CreditCode, "9144030071526726XG", "", ""},
		{"credit code checksum warns", form.CreditCode, "9144030071526726XH", "element.credit_code.checksum", form.Warning},
		{"credit code garbage", form.CreditCode, "ABC", "element.credit_code.invalid", form.Error},
		{"division", form.DivisionCode, "370102", "", ""},
		{"division retired warns", form.DivisionCode, "371200", "element.division.retired", form.Warning},
		{"division unknown warns", form.DivisionCode, "379999", "element.division.unknown", form.Warning},
		{"division bad", form.DivisionCode, "99", "element.division.invalid", form.Error},
		{"mobile", form.Mobile, "13905310001", "", ""},
		{"mobile second digit", form.Mobile, "12905310001", "element.mobile.invalid", form.Error},
		{"mobile short", form.Mobile, "1390531000", "element.mobile.invalid", form.Error},
		{"bank card", form.BankCard, "6217002160001234560", "", ""},
		{"bank card luhn", form.BankCard, "6217002160001234561", "element.bank_card.checksum", form.Error},
		{"bank card letters", form.BankCard, "6217A02160001234560", "element.bank_card.invalid", form.Error},
		{"date", form.Date, "2025-02-28", "", ""},
		{"date not real", form.Date, "2025-02-30", "element.date.invalid", form.Error},
		{"account", form.AccountNumber, "370100123456", "", ""},
		{"account short", form.AccountNumber, "1234", "element.account.invalid", form.Error},
		{"card number", form.SocialSecurityCardNumber, "K37010001", "", ""},
		{"card number lower", form.SocialSecurityCardNumber, "k37010001", "element.card_number.invalid", form.Error},
		{"photo", form.Photo, "/9j/4AAQSkZJRgABAQ==", "", ""},
		{"photo png", form.Photo, "iVBORw0KGgoAAAANSUhEUg==", "element.photo.invalid", form.Error},
		{"wrong type is the schema's business", form.CitizenID, 42, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := c.v(c.in)
			if c.code == "" {
				assert.Nil(t, f)
				return
			}
			require.NotNil(t, f)
			assert.Equal(t, c.code, f.Code)
			assert.Equal(t, c.sev, f.Severity)
		})
	}
}

func TestMasks(t *testing.T) {
	assert.Equal(t, "370102********1237", form.MaskCitizenID("370102196501151237"))
	assert.Equal(t, "139****0001", form.MaskMobile("13905310001"))
	assert.Equal(t, "6217***********4560", form.MaskAccount("6217002160001234560"))
	assert.Equal(t, "王**", form.MaskName("王建国"))
	assert.Equal(t, "山东省济南市****", form.MaskAddress("山东省济南市历下区泉城路1号"))
	assert.Equal(t, "1965-**-**", form.MaskDate("1965-01-15"))
	assert.Equal(t, "*", form.MaskName("王"))
	name, _ := form.Builtin().Element("person.name")
	assert.Equal(t, "王**", name.MaskValue("王建国"))
	div, _ := form.Builtin().Element("person.hukou_division")
	assert.Equal(t, "370102", div.MaskValue("370102"), "public values are not masked")
	eth, _ := form.Builtin().Element("person.ethnicity")
	assert.Equal(t, "****", eth.MaskValue("回族"))
}
