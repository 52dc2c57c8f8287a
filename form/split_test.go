package form_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
)

// splitsValid is the property: answers the merged schema accepts split into
// parts each member form accepts. It returns how many of n generated
// answers were accepted.
func splitsValid(t *testing.T, m *form.Merged, seed uint64, n int) int {
	t.Helper()
	g := &valueGen{r: rand.New(rand.NewPCG(seed, 7))}
	var doc map[string]any
	require.NoError(t, json.Unmarshal(m.Schema(), &doc))
	accepted := 0
	for i := range n {
		raw, err := json.Marshal(g.object(doc, 0, 0.6))
		require.NoError(t, err)
		a, err := form.DecodeAnswers(raw)
		require.NoError(t, err)
		if m.Validate(map[string]any(a)) != nil {
			continue
		}
		accepted++
		parts, err := form.Split(m, a)
		require.NoError(t, err)
		for _, f := range m.Forms() {
			part, err := form.DecodeAnswers(parts[f.MatterCode()])
			require.NoError(t, err)
			if err := f.Validate(map[string]any(part)); err != nil {
				t.Fatalf("answer %d accepted by the merged form, but its part for %s is not valid:\nanswer: %s\npart: %s\n%v", i, f.MatterCode(), raw, parts[f.MatterCode()], err)
			}
		}
	}
	return accepted
}

func TestSplitPropertyDemoBundles(t *testing.T) {
	lib := demoLibrary(t)
	cases := map[string]struct {
		bundle string
		c      matter.Choices
	}{
		"退休 qualification":  {retirementBundle, fullRetirement},
		"退休 special work":   {retirementBundle, matter.Choices{OneOf: map[string]string{"retirement-basis": specialWork}, Include: []string{fundWithdraw}}},
		"退休 illness":        {retirementBundle, matter.Choices{OneOf: map[string]string{"retirement-basis": illness}}},
		"退休 flexible":       {retirementBundle, matter.Choices{OneOf: map[string]string{"retirement-basis": flexible}, Include: []string{onlyChild}}},
		"社会保障卡 application": {cardBundle, matter.Choices{Include: []string{"370018011000", "370010001000", "370011001000", "370011002000"}}},
		"社会保障卡 replacement": {cardBundle, matter.Choices{OneOf: map[string]string{"card-issue": cardReplace}, Include: []string{"370010001000"}}},
		"社会保障卡 no options":  {cardBundle, matter.Choices{}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			m := demoMerged(t, lib, c.bundle, c.c)
			accepted := splitsValid(t, m, 1, 600)
			t.Logf("accepted %d", accepted)
			assert.Greater(t, accepted, 10, "too few generated answers were accepted to test anything")
		})
	}
}

func TestSplitPropertyGeneratedForms(t *testing.T) {
	merged, accepted := 0, 0
	for seed := range uint64(60) {
		forms := generateForms(t, seed)
		m, err := form.Merge(forms...)
		if err != nil {
			require.True(t, errors.Is(err, form.ErrConflict), "seed %d: %v", seed, err)
			continue
		}
		merged++
		accepted += splitsValid(t, m, seed, 60)
	}
	t.Logf("merged %d accepted %d", merged, accepted)
	assert.Greater(t, merged, 30)
	assert.Greater(t, accepted, 200)
}

func TestSplitShape(t *testing.T) {
	lib := testLibrary(t)
	emp, _ := lib.ForMatter("T1")
	sub, _ := lib.ForMatter("T2")
	m, err := form.Merge(emp, sub)
	require.NoError(t, err)
	a := form.Answers{
		"person.name": "王建国", "person.id_number": wangID, "person.mobile": "13905310001",
		"matters": map[string]any{"T2": map[string]any{"amount": json.Number("100")}, "T1": map[string]any{"remarks": "无"}},
	}
	parts, err := form.Split(m, a)
	require.NoError(t, err)
	assert.JSONEq(t, `{"applicant":{"name":"王建国","id":"`+wangID+`","contact":{"mobile":"13905310001"}},"remarks":"无"}`, string(parts["T1"]))
	assert.JSONEq(t, `{"id_number":"`+wangID+`","name":"王建国","mobile":"13905310001","amount":100}`, string(parts["T2"]))

	a["person.shoe_size"] = "42"
	a["matters"].(map[string]any)["T9"] = map[string]any{}
	_, err = form.Split(m, a)
	var fe *form.FieldError
	require.True(t, errors.As(err, &fe))
	assert.True(t, errors.Is(err, form.ErrInvalid))
	assert.Contains(t, err.Error(), "/matters/T9")
	assert.Contains(t, err.Error(), "/person.shoe_size")
}

// generateForms makes 2–4 random forms of matters G0, G1, …: fields bound to
// a few elements with random constraints, unbound fields, optional and
// required nested objects, if/then and dependentRequired.
func generateForms(t *testing.T, seed uint64) []*form.Form {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 99))
	n := 2 + r.IntN(3)
	var out []*form.Form
	for i := range n {
		id := fmt.Sprintf("https://gen.invalid/%d/%d.json", seed, i)
		body := generateForm(r, id)
		f, err := form.ParseForm(id, []byte(body), testMatter(fmt.Sprintf("G%d", i), id), nil)
		require.NoError(t, err, "seed %d form %d: %s", seed, i, body)
		out = append(out, f)
	}
	return out
}

var genElements = []struct{ id, schema string }{
	{"person.name", `"type":"string","minLength":%d,"maxLength":%d`},
	{"person.mobile", `"type":"string","pattern":"^1[3-9]\\d{9}$"`},
	{"person.id_number", `"type":"string","pattern":"^[0-9]{17}[0-9X]$"`},
	{"person.sex", `"type":"string","enum":%s`},
	{"insurance.contribution_years", `"type":"number","minimum":%d,"maximum":%d`},
	{"retirement.early_type", `"type":"string","enum":%s`},
	{"person.hukou_division", `"type":"string","pattern":"^\\d{6}$"`},
	{"retirement.date", `"type":"string","format":"date"`},
}

func generateForm(r *rand.Rand, id string) string {
	var props []string
	var names []string
	var enums []string // unbound enum fields at the root, for conditions
	var req []string
	nField := 0
	root := true
	field := func() (string, string) {
		nField++
		name := fmt.Sprintf("f%d", nField)
		if r.IntN(3) > 0 {
			e := genElements[r.IntN(len(genElements))]
			s := e.schema
			switch strings.Count(s, "%") {
			case 1:
				opts := map[string][]string{"person.sex": {`["男","女"]`, `["男"]`, `["女"]`}, "retirement.early_type": {`["normal","flexible"]`, `["normal"]`, `["normal","special_work","illness","flexible"]`}}[e.id]
				s = fmt.Sprintf(s, opts[r.IntN(len(opts))])
			case 2:
				lo := r.IntN(5)
				s = fmt.Sprintf(s, lo, lo+r.IntN(30))
			}
			return name, fmt.Sprintf(`{%s,"x-element":%q}`, s, e.id)
		}
		switch r.IntN(4) {
		case 0:
			if root {
				enums = append(enums, name)
			}
			return name, `{"type":"string","enum":["a","b","c"]}`
		case 1:
			return name, `{"type":"integer","minimum":0,"maximum":9}`
		case 2:
			return name, `{"type":"array","items":{"type":"string","maxLength":3},"maxItems":2}`
		}
		return name, `{"type":"string","maxLength":5}`
	}
	for range 2 + r.IntN(5) {
		name, s := field()
		props = append(props, fmt.Sprintf("%q:%s", name, s))
		names = append(names, name)
		if r.IntN(2) == 0 {
			req = append(req, name)
		}
	}
	if r.IntN(2) == 0 { // a nested object, optional or required, with a required field
		root = false
		var inner []string
		var innerReq []string
		for range 1 + r.IntN(3) {
			name, s := field()
			inner = append(inner, fmt.Sprintf("%q:%s", name, s))
			if r.IntN(2) == 0 {
				innerReq = append(innerReq, fmt.Sprintf("%q", name))
			}
		}
		obj := fmt.Sprintf(`{"type":"object","properties":{%s},"required":[%s]}`, strings.Join(inner, ","), strings.Join(innerReq, ","))
		props = append(props, `"box":`+obj)
		if r.IntN(2) == 0 {
			req = append(req, "box")
		}
	}
	var extra []string
	if len(enums) > 0 && len(names) > 1 {
		then := names[r.IntN(len(names))]
		extra = append(extra, fmt.Sprintf(`"if":{"properties":{%q:{"const":"a"}},"required":[%q]},"then":{"required":[%q]}`, enums[0], enums[0], then))
	}
	if len(names) > 2 && r.IntN(2) == 0 {
		extra = append(extra, fmt.Sprintf(`"dependentRequired":{%q:[%q]}`, names[0], names[1]))
	}
	quoted := make([]string, len(req))
	for i, q := range req {
		quoted[i] = fmt.Sprintf("%q", q)
	}
	body := fmt.Sprintf(`{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":%q,"title":"生成","type":"object","properties":{%s},"required":[%s]`,
		id, strings.Join(props, ","), strings.Join(slices.Compact(quoted), ","))
	for _, e := range extra {
		body += "," + e
	}
	return body + "}"
}
