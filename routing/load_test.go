package routing_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
	"github.com/onething-gov/onething/standards/division"
)

func TestLoadDemoAgreements(t *testing.T) {
	a, err := demoAgreements()
	require.NoError(t, err)

	var ids []string
	for _, r := range a.Regions() {
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{"jingjinji", "yangtze-delta", "yellow-river", "huaihe"}, ids)
	jjj, ok := a.Region("jingjinji")
	require.True(t, ok)
	assert.Equal(t, []division.Code{"110000", "120000", "130000"}, jjj.Members)
	assert.True(t, jjj.Contains("130102"))
	assert.False(t, jjj.Contains("370100"))
	huaihe, _ := a.Region("huaihe")
	assert.True(t, huaihe.Unconfirmed, "淮河生态经济带 membership is marked unconfirmed")
	for _, c := range []division.Code{"370400", "370800", "371300", "371700"} {
		assert.True(t, huaihe.Contains(c), c)
	}
	assert.False(t, huaihe.Contains(jinan))
	yr, _ := a.Region("yellow-river")
	assert.Len(t, yr.Members, 9)

	ids = nil
	for _, ag := range a.List() {
		ids = append(ids, ag.ID)
		assert.True(t, ag.Demo, "%s is labelled demo", ag.ID)
		assert.NotEmpty(t, ag.Partners, "%s: partners default to the scope", ag.ID)
		for _, r := range ag.Recognition {
			assert.NotEmpty(t, r.IssuedIn, "%s: recognition places default to the partners", ag.ID)
		}
	}
	assert.Equal(t, []string{"sd-province-hrss", "huaihe-hrss", "jingjinji-hrss", "yangtze-delta-hrss", "yellow-river-hrss"}, ids)

	sd, ok := a.Agreement("sd-province-hrss")
	require.True(t, ok)
	assert.Equal(t, []division.Code{"370000"}, sd.Partners)
	assert.True(t, sd.Covers(linyi, jinan))
	assert.False(t, sd.Covers(linyi, zhengzhou))
	assert.True(t, sd.Allows(mUnemploymentRegister, routing.Proxy))
	assert.False(t, sd.Allows(mCardApply, routing.Online), "社保卡申领 is listed for proxy only")
	assert.True(t, sd.InForceOn(matter.DateOf(2026, 2, 13)))

	b, ok := a.Jurisdiction(mPensionAward)
	require.True(t, ok)
	assert.Equal(t, []routing.Basis{routing.BasisBenefitPlace}, b)
	assert.Len(t, a.For(mUnemploymentBenefit), 5)
	assert.Len(t, a.Jurisdictions(), 9)
}

// Every matter the demo agreements list exists in the demo catalog and
// reaches as far as the agreement: a province-wide list needs 全省通办 or
// more, a regional one 跨省通办 or 全国通办.
func TestDemoAgreementsMatchCatalog(t *testing.T) {
	cat, err := demo()
	require.NoError(t, err)
	a, err := demoAgreements()
	require.NoError(t, err)
	for _, ag := range a.List() {
		for _, l := range ag.Matters {
			m, ok := cat.Matter(l.Code)
			if !assert.True(t, ok, "%s lists %s, not in the catalog", ag.ID, l.Code) {
				continue
			}
			if l.Name != "" {
				assert.Equal(t, m.Name, l.Name, "%s: name of %s", ag.ID, l.Code)
			}
			switch {
			case ag.Region != "":
				assert.Contains(t, []matter.Reach{matter.ReachCrossProvince, matter.ReachNational}, m.Reach, "%s: reach of %s", ag.ID, l.Code)
			default:
				assert.NotContains(t, []matter.Reach{matter.ReachNone, matter.ReachCity}, m.Reach, "%s: reach of %s", ag.ID, l.Code)
			}
		}
	}
	for _, j := range a.Jurisdictions() {
		m, ok := cat.Matter(j.Matter)
		if assert.True(t, ok, "jurisdiction rule for %s, not in the catalog", j.Matter) {
			assert.Equal(t, m.Name, j.Name)
		}
	}
}

func TestLoadAgreementsProblems(t *testing.T) {
	const region = `{"regions": [{"id": "r", "name": "区", "members": ["110000", "120000"], "source": "s"}]}`
	agreement := func(body string) string {
		return `{"agreements": [{"id": "a", "name": "协议", "modes": ["proxy"], "matters": [{"code": "370015030000"}], "effective": "2026-01-01", "source": "s", ` + body + `}]}`
	}
	cases := []struct {
		name    string
		files   map[string]string
		file    string
		pointer string
		en      string
	}{
		{"syntax error with line and column", map[string]string{"x.json": "{\n  \"regions\": [,]\n}"}, "agreements/x.json", "", "line 2, column 15"},
		{"empty file", map[string]string{"x.json": ""}, "agreements/x.json", "", "empty file"},
		{"trailing data", map[string]string{"x.json": "{} {}"}, "agreements/x.json", "", "unexpected data"},
		{"unknown top-level field", map[string]string{"x.json": `{"agreement": []}`}, "agreements/x.json", "/agreement", "unknown property"},
		{"unknown field in a region", map[string]string{"x.json": `{"regions": [{"id": "r", "name": "区", "members": ["110000"], "source": "s", "colour": "red"}]}`}, "agreements/x.json", "/regions/0/colour", "unknown property"},
		{"missing source", map[string]string{"x.json": `{"regions": [{"id": "r", "name": "区", "members": ["110000"]}]}`}, "agreements/x.json", "/regions/0/source", "missing property"},
		{"bad mode", map[string]string{"r.json": region, "x.json": `{"agreements": [{"id": "a", "name": "协议", "region": "r", "modes": ["local"], "matters": [{"code": "370015030000"}], "effective": "2026-01-01", "source": "s"}]}`}, "agreements/x.json", "/agreements/0/modes/0", "must be one of"},
		{"bad date", map[string]string{"r.json": region, "x.json": agreement(`"region": "r", "expires": "2026-02-30"`)}, "agreements/x.json", "/agreements/0/expires", "date"},
		{"bad division code", map[string]string{"x.json": `{"regions": [{"id": "r", "name": "区", "members": ["990000"], "source": "s"}]}`}, "agreements/x.json", "/regions/0/members/0", "division-code"},
		{"both region and division", map[string]string{"r.json": region, "x.json": agreement(`"region": "r", "division": "370000"`)}, "agreements/x.json", "/agreements/0/division", "not allowed here"},
		{"neither region nor division", map[string]string{"x.json": agreement(`"note": ""`)}, "agreements/x.json", "/agreements/0/division", "missing property"},
		{"unknown region", map[string]string{"x.json": agreement(`"region": "nowhere"`)}, "agreements/x.json", "/agreements/0/region", `no region "nowhere"`},
		{"partner outside the region", map[string]string{"r.json": region, "x.json": agreement(`"region": "r", "partners": ["110000", "370100"]`)}, "agreements/x.json", "/agreements/0/partners/1", "outside the agreement's region r"},
		{"partner within another", map[string]string{"x.json": agreement(`"division": "370000", "partners": ["370100", "370102"]`)}, "agreements/x.json", "/agreements/0/partners/1", "already within 370100"},
		{"retired division", map[string]string{"x.json": agreement(`"division": "371200"`)}, "agreements/x.json", "/agreements/0/division/0", "retired"},
		{"county as the scope", map[string]string{"x.json": agreement(`"division": "370102"`)}, "agreements/x.json", "/agreements/0/division", "not a province or a city"},
		{"expires before effective", map[string]string{"x.json": agreement(`"division": "370000", "expires": "2025-01-01"`)}, "agreements/x.json", "/agreements/0/expires", "must be after effective"},
		{"matter listed twice", map[string]string{"x.json": `{"agreements": [{"id": "a", "name": "协议", "division": "370000", "modes": ["proxy"], "matters": [{"code": "370015030000"}, {"code": "370015030000"}], "effective": "2026-01-01", "source": "s"}]}`}, "agreements/x.json", "/agreements/0/matters/1/code", "repeats /matters/0"},
		{"recognition outside the partners", map[string]string{"x.json": agreement(`"division": "370000", "recognition": [{"type": "resident-id-card", "name": "身份证", "kind": "e_licence", "accepted_in": ["110000"]}]`)}, "agreements/x.json", "/agreements/0/recognition/0/accepted_in/0", "not within the partners"},
		{"duplicate agreement id across files", map[string]string{"x.json": agreement(`"division": "370000"`), "y.json": agreement(`"division": "370000"`)}, "agreements/y.json", "/agreements/0/id", "repeats agreements/x.json#/agreements/0"},
		{"duplicate jurisdiction", map[string]string{"x.json": `{"jurisdiction": [{"matter": "370015030000", "basis": ["domicile"], "source": "s"}, {"matter": "370015030000", "basis": ["insured"], "source": "s"}]}`}, "agreements/x.json", "/jurisdiction/1/matter", "already has a jurisdiction rule"},
		{"unknown basis", map[string]string{"x.json": `{"jurisdiction": [{"matter": "370015030000", "basis": ["birthplace"], "source": "s"}]}`}, "agreements/x.json", "/jurisdiction/0/basis/0", "must be one of"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, body := range c.files {
				fsys["agreements/"+name] = &fstest.MapFile{Data: []byte(body)}
			}
			_, err := routing.LoadAgreements(fsys)
			require.Error(t, err)
			assert.ErrorIs(t, err, routing.ErrInvalid)
			var le *routing.LoadError
			require.ErrorAs(t, err, &le)
			found := false
			for _, p := range le.Problems {
				if p.File == c.file && p.Pointer == c.pointer && strings.Contains(p.EN, c.en) {
					found = true
					assert.NotEmpty(t, p.ZH)
				}
			}
			assert.True(t, found, "want a problem at %s#%s containing %q; got %v", c.file, c.pointer, c.en, err)
		})
	}
}

// Every problem of every file is reported, not just the first.
func TestLoadAgreementsCollectsAll(t *testing.T) {
	fsys := fstest.MapFS{
		"agreements/a.json": {Data: []byte(`{"regions": [{"id": "r", "name": "区", "members": ["110000"], "source": "s", "x": 1}]}`)},
		"agreements/b.json": {Data: []byte(`{"jurisdiction": [{"matter": "370015030000", "basis": [], "source": "s"}]}`)},
	}
	_, err := routing.LoadAgreements(fsys)
	var le *routing.LoadError
	require.ErrorAs(t, err, &le)
	files := map[string]bool{}
	for _, p := range le.Problems {
		files[p.File] = true
	}
	assert.Equal(t, map[string]bool{"agreements/a.json": true, "agreements/b.json": true}, files)
	assert.Contains(t, err.Error(), "2 problems")
}

func TestLoadAgreementsNoFolder(t *testing.T) {
	_, err := routing.LoadAgreements(fstest.MapFS{"matters/x.json": {Data: []byte("[]")}})
	assert.True(t, errors.Is(err, fs.ErrNotExist), "%v", err)
}

func TestSchemas(t *testing.T) {
	b, err := fs.ReadFile(routing.Schemas(), "agreements.json")
	require.NoError(t, err)
	assert.Contains(t, string(b), routing.SchemaURL)
}

// Values returned by Agreements are copies: changing them changes nothing.
func TestAgreementsReturnCopies(t *testing.T) {
	a, err := demoAgreements()
	require.NoError(t, err)
	ag, _ := a.Agreement("sd-province-hrss")
	ag.Partners[0] = "110000"
	ag.Matters[0].Code = "x"
	r, _ := a.Region("jingjinji")
	r.Members[0] = "370000"
	again, _ := a.Agreement("sd-province-hrss")
	assert.Equal(t, division.Code("370000"), again.Partners[0])
	assert.Equal(t, mRetirementQualification, again.Matters[0].Code)
	r2, _ := a.Region("jingjinji")
	assert.Equal(t, division.Code("110000"), r2.Members[0])
}
