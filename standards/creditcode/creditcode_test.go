package creditcode_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// Every literal below had its check characters computed by this package and,
// independently, by a separate Python implementation of GB 32100 and
// GB 11714.

// outcome is what Parse must do with an input.
type outcome int

const (
	valid        outcome = iota // code, nil error
	warnChecksum                // code, ErrChecksum only
	warnKind                    // code, ErrUnknownKind only
	warnBoth                    // code, ErrChecksum and ErrUnknownKind
	hard                        // zero code, ErrInvalid only
)

var parseTests = []struct {
	name string
	in   string
	want creditcode.Code // for valid and warning outcomes
	out  outcome
	msg  string // substring of the error message, if set
}{
	{"standard example", "9144030071526726XG", "9144030071526726XG", valid, ""},
	{"enterprise in Jinan", "91370100MA3C4P7R91", "91370100MA3C4P7R91", valid, ""},
	{"enterprise in Qingdao, org check X", "9137020026462882XW", "9137020026462882XW", valid, ""},
	{"public institution, Shandong", "12370000495570688Y", "12370000495570688Y", valid, ""},
	{"government organ, Shandong", "113700000041860921", "113700000041860921", valid, ""},
	{"social organisation, Shandong", "51370000MJD6012A6U", "51370000MJD6012A6U", valid, ""},
	{"private non-enterprise unit, Jinan", "52370100MJE3017K9B", "52370100MJE3017K9B", valid, ""},
	{"individual business in retired 371202", "92371202593024779A", "92371202593024779A", valid, ""},
	{"retired division 371200", "91371200724185098E", "91371200724185098E", valid, ""},
	{"farmers' cooperative", "93370103061815326P", "93370103061815326P", valid, ""},
	{"military public institution", "A1370000MB1958D379", "A1370000MB1958D379", valid, ""},
	{"village collective", "N2370181N30451766C", "N2370181N30451766C", valid, ""},
	{"registry Y", "Y1370000MA3D5K1P79", "Y1370000MA3D5K1P79", valid, ""},

	{"lower case", "91370100ma3c4p7r91", "91370100MA3C4P7R91", valid, ""},
	{"lower-case x", "9144030071526726xg", "9144030071526726XG", valid, ""},
	{"full width with ideographic spaces", "\u3000９１３７０１００ＭＡ３Ｃ４Ｐ７Ｒ９１\u3000", "91370100MA3C4P7R91", valid, ""},
	{"full-width lower case", "９１３７０１００ｍａ３ｃ４ｐ７ｒ９１", "91370100MA3C4P7R91", valid, ""},
	{"surrounding spaces", " \t9144030071526726XG\r\n", "9144030071526726XG", valid, ""},

	{"empty", "", "", hard, "want 18 characters, have 0"},
	{"only space", "   ", "", hard, "have 0"},
	{"17 characters", "9144030071526726X", "", hard, "have 17"},
	{"19 characters", "9144030071526726XG0", "", hard, "have 19"},
	{"inner space", "914403007152 6726XG", "", hard, "have 19"},
	{"Chinese character", "9144030071526726X中", "", hard, "position 18 is '中'"},
	{"I at position 1", "I144030071526726XG", "", hard, "position 1 is 'I'"},
	{"S at position 2", "9S44030071526726XG", "", hard, "position 2 is 'S'"},
	{"O at position 10", "91370100MO3C4P7R91", "", hard, "position 10 is 'O'"},
	{"lower-case v at position 12", "91370100MA3v4P7R91", "", hard, "position 12 is 'v'"},
	{"Z at position 18", "9144030071526726XZ", "", hard, "position 18 is 'Z'"},
	{"punctuation", "91370100-MA3C4P7R9", "", hard, "position 9 is '-'"},
	{"letter in division", "91A70100MA3C4P7R91", "", hard, "position 3 is 'A'"},
	{"no province 99", "91990100MA3C4P7R9H", "", hard, "positions 3-8"},
	{"position 17 a letter other than X", "91370100MA3C4P7RA1", "", hard, "position 17 is 'A'"},
	{"org check fails", "91370000163045221E", "", hard, "position 17 is '1', want 'X'"},
	{"org check fails, 18th right", "91370100MA3C4P7R81", "", hard, "want '9'"},

	{"18th character wrong", "91370100MA3C4P7R9A", "91370100MA3C4P7R9A", warnChecksum, "position 18 is 'A', want '1'"},
	{"18th character wrong, lower case", "9144030071526726xa", "9144030071526726XA", warnChecksum, "want 'G'"},
	{"unknown kind 95", "95370100MA3C4P7R9L", "95370100MA3C4P7R9L", warnKind, `registry '9' with kind '5'`},
	{"unknown registry B", "B1370100MA3C4P7R9Y", "B1370100MA3C4P7R9Y", warnKind, `registry 'B'`},
	{"unknown kind and 18th wrong", "95370100MA3C4P7R9M", "95370100MA3C4P7R9M", warnBoth, "want 'L'"},
}

func TestParse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := creditcode.Parse(tt.in)
			if tt.msg != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.msg)
			}
			if tt.out == valid {
				require.NoError(t, err)
				assert.Equal(t, tt.want, got)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, creditcode.ErrInvalid)
			assert.Equal(t, tt.out == warnChecksum || tt.out == warnBoth, errors.Is(err, creditcode.ErrChecksum), "ErrChecksum in %v", err)
			assert.Equal(t, tt.out == warnKind || tt.out == warnBoth, errors.Is(err, creditcode.ErrUnknownKind), "ErrUnknownKind in %v", err)
			if tt.out == hard {
				assert.True(t, got.IsZero(), "got %q", got)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseWrapsDivisionError(t *testing.T) {
	_, err := creditcode.Parse("91990100MA3C4P7R9H")
	assert.ErrorIs(t, err, division.ErrInvalid)
}

func TestCodeParts(t *testing.T) {
	c, err := creditcode.Parse("9144030071526726XG")
	require.NoError(t, err)
	assert.Equal(t, "9144030071526726XG", c.String())
	assert.Equal(t, byte('9'), c.Registry())
	assert.Equal(t, byte('1'), c.Kind())
	assert.Equal(t, division.Code("440300"), c.Region())
	assert.Equal(t, "71526726X", c.OrgCode())
	assert.False(t, c.IsZero())

	var zero creditcode.Code
	assert.True(t, zero.IsZero())
	assert.Equal(t, "", zero.String())
	assert.Equal(t, byte(0), zero.Registry())
	assert.Equal(t, byte(0), zero.Kind())
	assert.Equal(t, division.Code(""), zero.Region())
	assert.Equal(t, "", zero.OrgCode())
	info, ok := zero.Describe()
	assert.False(t, ok)
	assert.Equal(t, creditcode.KindInfo{}, info)
}

func TestCodeIsMapKey(t *testing.T) {
	a, err := creditcode.Parse("91370100ma3c4p7r91")
	require.NoError(t, err)
	b, err := creditcode.Parse("91370100MA3C4P7R91")
	require.NoError(t, err)
	m := map[creditcode.Code]int{a: 1}
	m[b]++
	assert.Equal(t, map[creditcode.Code]int{"91370100MA3C4P7R91": 2}, m)
}

func TestDescribe(t *testing.T) {
	tests := []struct {
		code creditcode.Code
		want creditcode.KindInfo
		ok   bool
	}{
		{"91370100MA3C4P7R91", creditcode.KindInfo{"工商/市场监管", "market regulation", "企业", "enterprise"}, true},
		{"12370000495570688Y", creditcode.KindInfo{"机构编制", "institutional establishment", "事业单位", "public institution"}, true},
		{"51370000MJD6012A6U", creditcode.KindInfo{"民政", "civil affairs", "社会团体", "social organisation"}, true},
		{"N2370181N30451766C", creditcode.KindInfo{"农业", "agriculture", "村级", "village-level"}, true},
		{"Y1370000MA3D5K1P79", creditcode.KindInfo{"其他", "other", "其他", "other"}, true},
		{"95370100MA3C4P7R9L", creditcode.KindInfo{RegistryZH: "工商/市场监管", RegistryEN: "market regulation"}, false},
		{"B1370100MA3C4P7R9Y", creditcode.KindInfo{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.code.String(), func(t *testing.T) {
			got, ok := tt.code.Describe()
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCheckChar(t *testing.T) {
	for _, code := range []string{"9144030071526726XG", "91370100MA3C4P7R91", "12370000495570688Y", "113700000041860921", "9137020026462882XW"} {
		got, err := creditcode.CheckChar(code[:17])
		require.NoError(t, err)
		assert.Equal(t, code[17], got, code)
		org, err := creditcode.OrgCheckChar(code[8:16])
		require.NoError(t, err)
		assert.Equal(t, code[16], org, code)
	}
	for _, bad := range []string{"", "9144030071526726", "914403007152672xX", "914403007152672IX"} {
		_, err := creditcode.CheckChar(bad)
		assert.ErrorIs(t, err, creditcode.ErrInvalid, "%q", bad)
	}
	// GB 11714 values every letter, I and O included.
	got, err := creditcode.OrgCheckChar("IOSVZ123")
	require.NoError(t, err)
	assert.Equal(t, byte('9'), got) // I=18 O=24 S=28 V=31 Z=35: S = 981, 981 mod 11 = 2, 11 − 2 = 9
	for _, bad := range []string{"", "7152672", "7152672a", "715267-6"} {
		_, err := creditcode.OrgCheckChar(bad)
		assert.ErrorIs(t, err, creditcode.ErrInvalid, "%q", bad)
	}
}

func TestText(t *testing.T) {
	c, err := creditcode.Parse("9144030071526726XG")
	require.NoError(t, err)
	text, err := c.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "9144030071526726XG", string(text))

	var got creditcode.Code
	require.NoError(t, got.UnmarshalText([]byte(" 9144030071526726xg")))
	assert.Equal(t, c, got)

	assert.ErrorIs(t, got.UnmarshalText([]byte("91370100MA3C4P7R9A")), creditcode.ErrChecksum, "warning codes are refused")
	assert.ErrorIs(t, got.UnmarshalText([]byte("95370100MA3C4P7R9L")), creditcode.ErrUnknownKind)
	assert.Equal(t, c, got, "a failed UnmarshalText leaves the code unchanged")

	require.NoError(t, got.UnmarshalText(nil))
	assert.True(t, got.IsZero())
	text, err = got.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
}
