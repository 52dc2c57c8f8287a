package mattertest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
)

func TestFixturesAreValid(t *testing.T) {
	for _, d := range []matter.Department{shandongHRSS, jinanHRSS, laiwuHRSS, qingdaoHRSS, hezeHRSS} {
		c, err := creditcode.Parse(d.CreditCode.String())
		assert.NoError(t, err, d.Name)
		assert.Equal(t, d.Division, c.Region(), "%s: the credit code was issued where the body sits", d.Name)
	}
	f := newFixtures()
	assert.Len(t, f.code(1), 12)
	assert.Less(t, f.code(3), f.code(12))
	for _, m := range []*matter.Matter{
		f.unemployment(f.code(1), jinanHRSS),
		f.registration(f.code(2), qingdaoHRSS),
		f.employmentCard(f.code(3), laiwuHRSS),
	} {
		assert.NoError(t, m.Validate(), m.Name)
	}
	base := f.unemployment(f.code(1), jinanHRSS)
	assert.NoError(t, f.overlay(base.Code, laiwu, laiwuHRSS).Check(base))
	for range 100 {
		p := person("张伟", lixia)
		id, err := citizenid.Parse(p.SubjectID)
		require.NoError(t, err)
		assert.Equal(t, lixia, id.Region())
	}
	assert.NotEqual(t, newFixtures().ns, newFixtures().ns)
}

func TestCasesAreNamed(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range cases {
		assert.NotEmpty(t, c.rule, c.name)
		assert.NotNil(t, c.run, c.name)
		assert.False(t, seen[c.name], "case %s twice", c.name)
		assert.False(t, strings.ContainsAny(c.name, " /:"), "case %s: a subtest name without space, slash or colon", c.name)
		seen[c.name] = true
	}
}
