package division_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/standards/division"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want division.Code
		err  bool
	}{
		{"county", "370116", "370116", false},
		{"spaces", "  370116\t", "370116", false},
		{"full-width digits", "３７０１１６", "370116", false},
		{"full-width space", "\u3000110105", "110105", false},
		{"province", "370000", "370000", false},
		{"hong kong", "810000", "810000", false},
		{"retired city", "371200", "371200", false},
		{"code not in table but real province", "370199", "370199", false},
		{"empty", "", "", true},
		{"five digits", "37011", "", true},
		{"seven digits", "3701160", "", true},
		{"letter", "37011X", "", true},
		{"no such province", "990000", "", true},
		{"province 00", "000000", "", true},
		{"sign", "-37011", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := division.Parse(tt.in)
			if tt.err {
				require.Error(t, err)
				assert.True(t, errors.Is(err, division.ErrInvalid), "error %v does not wrap ErrInvalid", err)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestHierarchy(t *testing.T) {
	tests := []struct {
		code         division.Code
		level        division.Level
		parent, city division.Code
		province     division.Code
	}{
		{"110105", division.County, "110000", "110000", "110000"}, // 朝阳区, a district of a municipality
		{"110000", division.Province, "", "110000", "110000"},
		{"500229", division.County, "500000", "500000", "500000"}, // 城口县 under the pseudo entry 县
		{"429004", division.County, "420000", "420000", "420000"}, // 仙桃市, 省直辖县级
		{"469001", division.County, "460000", "460000", "460000"}, // 五指山市
		{"419001", division.County, "410000", "410000", "410000"}, // 济源市
		{"370116", division.County, "370100", "370100", "370000"}, // 莱芜区
		{"370100", division.City, "370000", "370100", "370000"},
		{"371700", division.City, "370000", "371700", "370000"},   // 菏泽市
		{"441900", division.City, "440000", "441900", "440000"},   // 东莞市, no counties
		{"370171", division.Zone, "370100", "370100", "370000"},   // 济南高新区
		{"371202", division.County, "371200", "371200", "370000"}, // retired 莱城区 under retired 莱芜市
		{"370000", division.Province, "", "370000", "370000"},
		{"X", division.LevelUnknown, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(string(tt.code), func(t *testing.T) {
			assert.Equal(t, tt.level, tt.code.Level(), "Level")
			assert.Equal(t, tt.parent, tt.code.Parent(), "Parent")
			assert.Equal(t, tt.city, tt.code.City(), "City")
			assert.Equal(t, tt.province, tt.code.Province(), "Province")
		})
	}
}

func TestContains(t *testing.T) {
	tests := []struct {
		outer, inner division.Code
		want         bool
	}{
		{"370000", "370116", true},
		{"370100", "370116", true},
		{"370116", "370116", true},
		{"370116", "370100", false},
		{"370200", "370116", false},
		{"110000", "110105", true},
		{"420000", "429004", true},
		{"420100", "429004", false},
		{"370100", "370171", true},  // a zone lies in its city
		{"370171", "370116", false}, // but contains nothing
		{"370000", "371202", true},  // retired codes still nest
		{"370100", "371202", false}, // 莱城区 was in 莱芜市, not 济南市
		{"", "370116", false},
		{"370000", "", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.outer.Contains(tt.inner), "%s.Contains(%s)", tt.outer, tt.inner)
	}
}

func TestLookup(t *testing.T) {
	d, ok := division.Lookup("370116")
	require.True(t, ok)
	assert.Equal(t, division.Division{Code: "370116", Name: "莱芜区", Level: division.County}, d)

	d, ok = division.Lookup("371200")
	require.True(t, ok)
	assert.Equal(t, "莱芜市", d.Name)
	assert.True(t, d.Retired)
	assert.Equal(t, []division.Code{"370116", "370117"}, d.Successors)

	// Successors are a copy: changing them does not change the table.
	d.Successors[0] = "999999"
	d, _ = division.Lookup("371200")
	assert.Equal(t, division.Code("370116"), d.Successors[0])

	d, ok = division.Lookup("370176")
	require.True(t, ok)
	assert.Equal(t, division.Zone, d.Level)
	assert.Equal(t, "济南高新技术产业开发区", d.Name)

	// The zone's statistical code before 2023 is known too, and retired.
	d, ok = division.Lookup("370171")
	require.True(t, ok)
	assert.Equal(t, division.Zone, d.Level)
	assert.True(t, d.Retired)
	assert.Equal(t, []division.Code{"370176"}, d.Successors)

	for _, pseudo := range []division.Code{"110100", "500200", "429000", "469000", "659000"} {
		_, ok := division.Lookup(pseudo)
		assert.False(t, ok, "pseudo entry %s must not be a division", pseudo)
	}
	_, ok = division.Lookup("370199")
	assert.False(t, ok)
}

func TestChildren(t *testing.T) {
	names := func(ds []division.Division) []string {
		var out []string
		for _, d := range ds {
			out = append(out, string(d.Code)+" "+d.Name)
		}
		return out
	}
	assert.Equal(t, []string{
		"370102 历下区", "370103 市中区", "370104 槐荫区", "370105 天桥区", "370112 历城区",
		"370113 长清区", "370114 章丘区", "370115 济阳区", "370116 莱芜区", "370117 钢城区",
		"370124 平阴县", "370126 商河县",
	}, names(division.Children("370100")), "济南 without zones or retired codes")

	cities := division.Children("370000")
	assert.Len(t, cities, 16, "Shandong has 16 cities")
	for _, c := range cities {
		assert.Equal(t, division.City, c.Level)
	}

	assert.Equal(t, []string{"371202 莱城区", "371203 钢城区"}, names(division.Children("371200")))
	assert.Equal(t, []string{"370176 济南高新技术产业开发区"}, names(division.Zones("370100")))

	hubei := names(division.Children("420000"))
	assert.Contains(t, hubei, "429004 仙桃市")
	assert.Contains(t, hubei, "420100 武汉市")

	assert.Len(t, division.Children("110000"), 16, "北京 has 16 districts")
	assert.Nil(t, division.Children("370199"))
}

// TestTableComplete checks the table against published totals: 31 mainland
// provinces and 333 prefecture-level units nationally; in Shandong 16 cities
// and 136 county-level units (58 districts, 26 county-level cities, 52
// counties). The statistics table's 2,851 county-level entries include four
// that are not counties in GB/T 2260 (西沙群岛, 南沙群岛, 中沙群岛的岛礁及其海域,
// 大柴旦行政委员会); they are kept so that codes in use still resolve.
func TestTableComplete(t *testing.T) {
	counts := map[division.Level]int{}
	mainland := 0
	for _, d := range division.All() {
		if d.Retired {
			assert.NotEmpty(t, d.Successors, "%s %s", d.Code, d.Name)
			continue
		}
		counts[d.Level]++
		if d.Level == division.Province && d.Code < "710000" {
			mainland++
		}
	}
	assert.Equal(t, 31, mainland)
	assert.Equal(t, 34, counts[division.Province])
	assert.Equal(t, 333, counts[division.City])
	assert.Equal(t, 2851, counts[division.County])

	shandong := map[string]int{}
	for _, city := range division.Children("370000") {
		for _, county := range division.Children(city.Code) {
			name := []rune(county.Name)
			shandong[string(name[len(name)-1])]++
		}
	}
	assert.Equal(t, map[string]int{"区": 58, "市": 26, "县": 52}, shandong)
	assert.Positive(t, counts[division.Zone])
}
