package citizenid_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/division"
)

// Check characters below were computed once, independently of this package.
func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // canonical form; "" when Parse must fail
		err  error  // the sentinel the error must wrap besides ErrInvalid
		msg  string // a part of the error message
	}{
		{name: "standard's example", in: "11010519491231002X", want: "11010519491231002X"},
		{name: "济南历下区 male", in: "370102199003071238", want: "370102199003071238"},
		{name: "济南莱芜区 female", in: "370116198511150040", want: "370116198511150040"},
		{name: "retired region 371202 莱城区", in: "371202198805120013", want: "371202198805120013"},
		{name: "29 February in leap year 1996", in: "370283199602290022", want: "370283199602290022"},
		{name: "29 February in leap year 2000", in: "370102200002290012", want: "370102200002290012"},
		{name: "year 1800", in: "37010218000101001X", want: "37010218000101001X"},
		{name: "lower-case x", in: "11010519491231002x", want: "11010519491231002X"},
		{name: "full-width", in: "１１０１０５１９４９１２３１００２Ｘ", want: "11010519491231002X"},
		{name: "full-width lower-case x", in: "１１０１０５１９４９１２３１００２ｘ", want: "11010519491231002X"},
		{name: "spaces", in: " \t11010519491231002X\r\n", want: "11010519491231002X"},
		{name: "ideographic space", in: "\u300011010519491231002X\u3000", want: "11010519491231002X"},
		{name: "港 residence permit 810000", in: "810000199001010019", want: "810000199001010019"},
		{name: "澳 residence permit 820000", in: "820000200001010032", want: "820000200001010032"},
		{name: "台 residence permit 830000", in: "830000198506150024", want: "830000198506150024"},

		{name: "empty", in: "", msg: "empty"},
		{name: "only space", in: " \u3000\t", msg: "empty"},
		{name: "15-digit first generation", in: "370102900307123", msg: "length is 15, want 18 (15-digit first-generation numbers are not accepted)"},
		{name: "17 digits", in: "37010219900307123", msg: "length is 17, want 18"},
		{name: "19 digits", in: "3701021990030712380", msg: "length is 19, want 18"},
		{name: "17 characters with a wide one", in: "3701021990030712中", msg: "length is 17, want 18"},
		{name: "letter in the middle", in: "3701021990A3071238", msg: "character 11 is not a digit"},
		{name: "Han character in the middle", in: "3701021990中3071238", msg: "character 11 is not a digit"},
		{name: "X not last", in: "3701021990030712X8", msg: "character 17 is not a digit"},
		{name: "last is Y", in: "37010219900307123Y", msg: "character 18 is not a digit or X"},
		{name: "last is Han", in: "37010219900307123中", msg: "character 18 is not a digit or X"},
		{name: "sign", in: "+70102199003071238", msg: "character 1 is not a digit"},
		{name: "province 99", in: "990102199003071233", msg: "characters 1–2: 99 is not a province"},
		{name: "province 00", in: "000102199003071234", msg: "00 is not a province"},
		{name: "30 February", in: "370102199902300014", msg: "characters 7–14 are not a calendar date"},
		{name: "29 February 1900", in: "370102190002290016", msg: "not a calendar date"},
		{name: "29 February 2001", in: "37010220010229001X", msg: "not a calendar date"},
		{name: "month 13", in: "370102199913010012", msg: "not a calendar date"},
		{name: "day 0", in: "37010219990100001X", msg: "not a calendar date"},
		{name: "year 1799", in: "370102179912310015", msg: "birth year is before 1800"},
		{name: "born in 2099", in: "370102209901010011", msg: "birth date is in the future"},
		{name: "check character wrong", in: "370102199003071239", err: citizenid.ErrChecksum, msg: "check character is 9, want 8"},
		{name: "check character should be X", in: "110105194912310023", err: citizenid.ErrChecksum, msg: "check character is 3, want X"},
		{name: "x where a digit is due", in: "37010219900307123x", err: citizenid.ErrChecksum, msg: "check character is X, want 8"},
		{name: "two digits swapped", in: "370102199003071328", err: citizenid.ErrChecksum, msg: "want"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := citizenid.Parse(tt.in)
			if tt.want != "" {
				require.NoError(t, err)
				assert.Equal(t, tt.want, got.String())
				assert.False(t, got.IsZero())
				return
			}
			require.Error(t, err)
			assert.True(t, got.IsZero(), "failed Parse returned %v", got.Masked())
			assert.ErrorIs(t, err, citizenid.ErrInvalid)
			if tt.err != nil {
				assert.ErrorIs(t, err, tt.err)
			} else {
				assert.NotErrorIs(t, err, citizenid.ErrChecksum)
			}
			assert.Contains(t, err.Error(), tt.msg)
			if in := strings.TrimSpace(tt.in); utf8.RuneCountInString(in) > 8 {
				assert.NotContains(t, err.Error(), in, "error echoes the input")
			}
			if len(tt.in) == 18 {
				assert.NotContains(t, err.Error(), tt.in[6:14], "error shows the birth date")
			}
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	_, err := citizenid.Parse("110105194912310023")
	require.Error(t, err)
	assert.Equal(t, `citizenid: "110105********0023": invalid citizen ID number: checksum mismatch: check character is 3, want X`, err.Error())

	_, err = citizenid.Parse("370102900307123")
	require.Error(t, err)
	assert.Equal(t, `citizenid: "3701********123": invalid citizen ID number: length is 15, want 18 (15-digit first-generation numbers are not accepted)`, err.Error())
}

func TestIDFields(t *testing.T) {
	tests := []struct {
		in     string
		region division.Code
		birth  string
		sex    citizenid.Sex
		masked string
	}{
		{"11010519491231002X", "110105", "1949-12-31", citizenid.Female, "110105********002X"},
		{"370102199003071238", "370102", "1990-03-07", citizenid.Male, "370102********1238"},
		{"370116198511150040", "370116", "1985-11-15", citizenid.Female, "370116********0040"},
		{"371202198805120013", "371202", "1988-05-12", citizenid.Male, "371202********0013"},
		{"830000198506150024", "830000", "1985-06-15", citizenid.Female, "830000********0024"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			id, err := citizenid.Parse(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.region, id.Region())
			assert.Equal(t, tt.birth, id.Birth().Format(time.DateOnly))
			_, offset := id.Birth().Zone()
			assert.Equal(t, 8*3600, offset, "Birth is not in UTC+8")
			assert.Zero(t, id.Birth().Hour())
			assert.Equal(t, tt.sex, id.Sex())
			assert.Equal(t, tt.masked, id.Masked())
		})
	}
}

func TestAgeOn(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	pst := time.FixedZone("PST", -8*3600)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, cst) }
	tests := []struct {
		name string
		id   string
		day  time.Time
		want int
	}{
		{"day before birthday", "370102199003071238", day(2026, 3, 6), 35},
		{"on birthday", "370102199003071238", day(2026, 3, 7), 36},
		{"day after birthday", "370102199003071238", day(2026, 3, 8), 36},
		{"UTC evening is next day in China", "370102199003071238", time.Date(2026, 3, 6, 16, 0, 0, 0, time.UTC), 36},
		{"UTC afternoon is same day in China", "370102199003071238", time.Date(2026, 3, 6, 15, 59, 59, 0, time.UTC), 35},
		{"day of birth", "370102199003071238", day(1990, 3, 7), 0},
		{"before birth", "370102199003071238", day(1980, 1, 1), 0},
		{"leap-day birth, 28 Feb common year", "370283199602290022", day(2025, 2, 28), 28},
		{"leap-day birth, 1 Mar common year", "370283199602290022", day(2025, 3, 1), 29},
		{"leap-day birth, 28 Feb leap year", "370283199602290022", day(2024, 2, 28), 27},
		{"leap-day birth, 29 Feb leap year", "370283199602290022", day(2024, 2, 29), 28},
		{"leap-day birth, 28 Feb in California is 1 Mar in China", "370283199602290022", time.Date(2025, 2, 28, 9, 0, 0, 0, pst), 29},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := citizenid.Parse(tt.id)
			require.NoError(t, err)
			assert.Equal(t, tt.want, id.AgeOn(tt.day))
		})
	}
}

func TestZero(t *testing.T) {
	var id citizenid.ID
	assert.True(t, id.IsZero())
	assert.Empty(t, id.String())
	assert.Empty(t, id.Masked())
	assert.Empty(t, id.Region())
	assert.True(t, id.Birth().IsZero())
	assert.Equal(t, citizenid.Sex(0), id.Sex())
	assert.Zero(t, id.AgeOn(time.Now()))
	text, err := id.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, text)
}

func TestComparable(t *testing.T) {
	inputs := []string{"11010519491231002X", "11010519491231002x", " １１０１０５１９４９１２３１００２Ｘ ", "370102199003071238"}
	seen := map[citizenid.ID]int{}
	for _, in := range inputs {
		id, err := citizenid.Parse(in)
		require.NoError(t, err)
		seen[id]++
	}
	assert.Len(t, seen, 2)
	a, _ := citizenid.Parse("11010519491231002x")
	b, _ := citizenid.Parse("11010519491231002X")
	assert.True(t, a == b)
}

func TestJSON(t *testing.T) {
	type applicant struct {
		ID citizenid.ID `json:"id"`
	}
	out, err := json.Marshal(applicant{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":""}`, string(out))

	var a applicant
	require.NoError(t, json.Unmarshal([]byte(`{"id":"11010519491231002x"}`), &a))
	assert.Equal(t, "11010519491231002X", a.ID.String())
	out, err = json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"11010519491231002X"}`, string(out))

	require.NoError(t, json.Unmarshal([]byte(`{"id":""}`), &a))
	assert.True(t, a.ID.IsZero(), "empty text should decode to the zero ID")

	err = json.Unmarshal([]byte(`{"id":"110105194912310023"}`), &a)
	assert.ErrorIs(t, err, citizenid.ErrChecksum)
	assert.ErrorIs(t, err, citizenid.ErrInvalid)
}

func TestCheckChar(t *testing.T) {
	tests := []struct {
		in   string
		want byte
	}{
		{"11010519491231002", 'X'},
		{"37010219900307123", '8'},
		{"37011619851115004", '0'},
		{"81000019900101001", '9'},
		{"37010219900307124", '6'},
	}
	for _, tt := range tests {
		got, err := citizenid.CheckChar(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, string(tt.want), string(got), tt.in)
	}
	for _, bad := range []string{"", "1101051949123100", "11010519491231002X", "1101051949123100X", "１１０１０５１９４９１２３１００２"} {
		_, err := citizenid.CheckChar(bad)
		assert.ErrorIs(t, err, citizenid.ErrInvalid, "%q", bad)
	}
}

func TestSexString(t *testing.T) {
	assert.Equal(t, "male", citizenid.Male.String())
	assert.Equal(t, "female", citizenid.Female.String())
	assert.Equal(t, "Sex(0)", citizenid.Sex(0).String())
}

func TestLogValueIsMasked(t *testing.T) {
	id, err := citizenid.Parse("11010519491231002X")
	require.NoError(t, err)
	var buf bytes.Buffer
	slog.New(slog.NewTextHandler(&buf, nil)).Info("intake", "id", id)
	assert.Contains(t, buf.String(), "id=110105********002X")
	assert.NotContains(t, buf.String(), "19491231")
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"11010519491231002X", "11010519491231002x", "370102199003071238", "371202198805120013",
		"830000198506150024", "１１０１０５１９４９１２３１００２Ｘ", "\u300011010519491231002X ",
		"370102900307123", "370102199902300014", "110105194912310023", "", "中",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := citizenid.Parse(s)
		if err != nil {
			if !errors.Is(err, citizenid.ErrInvalid) {
				t.Fatalf("Parse(%q) error %v does not wrap ErrInvalid", s, err)
			}
			if !id.IsZero() {
				t.Fatalf("Parse(%q) failed but returned %v", s, id.Masked())
			}
			return
		}
		str := id.String()
		if len(str) != 18 {
			t.Fatalf("Parse(%q).String() = %q, not 18 bytes", s, str)
		}
		again, err := citizenid.Parse(str)
		if err != nil || again != id {
			t.Fatalf("Parse(%q) does not round-trip: %v", str, err)
		}
		m := id.Masked()
		if len(m) != 18 || m[:6] != str[:6] || m[6:14] != "********" || m[14:] != str[14:] {
			t.Fatalf("Masked() = %q for %q", m, str)
		}
		if c, err := citizenid.CheckChar(str[:17]); err != nil || c != str[17] {
			t.Fatalf("CheckChar(%q) = %c, %v; String ends %c", str[:17], c, err, str[17])
		}
	})
}
