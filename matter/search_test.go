package matter_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
)

// searchCatalog is the testdata catalog plus county variants of 失业保险金申领
// named after places whose first character has two readings.
func searchCatalog(t *testing.T, names ...string) *matter.Catalog {
	t.Helper()
	cs := catLoad(t).Contents()
	var base *matter.Matter
	for _, m := range cs.Matters {
		if m.Code == unemployment {
			base = m
		}
	}
	require.NotNil(t, base)
	for i, name := range names {
		m := base.Clone()
		m.Code = fmt.Sprintf("3799%08d", i)
		m.Name = name
		m.Tags = nil
		cs.Matters = append(cs.Matters, m)
	}
	c, err := matter.Build(cs)
	require.NoError(t, err)
	return c
}

func hitNames(hs []matter.Hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Name)
	}
	return out
}

func TestSearchRanking(t *testing.T) {
	c := searchCatalog(t, "失业保险金申领（补领）", "长清区失业保险金申领", "失业保险关系转移接续")
	hs := c.Search("失业保险金申领", 0)
	assert.Equal(t, []string{"失业保险金申领", "失业保险金申领（补领）", "长清区失业保险金申领"}, hitNames(hs))
	assert.Equal(t, []int{matter.ScoreExactName, matter.ScoreNamePrefix, matter.ScoreNameSubstring}, []int{hs[0].Score, hs[1].Score, hs[2].Score})
	assert.Equal(t, unemployment, hs[0].Code)
	assert.Equal(t, "370000", string(hs[0].Division))

	// Name matches before legal basis, tags and item names.
	hs = c.Search("养老", 0)
	require.NotEmpty(t, hs)
	assert.Equal(t, matter.ScoreNameSubstring, hs[0].Score)
	last := hs[len(hs)-1]
	assert.Equal(t, matter.ScoreText, last.Score, "the tag 养老 of 特殊工种提前退休核准")
	for i := 1; i < len(hs); i++ {
		assert.GreaterOrEqual(t, hs[i-1].Score, hs[i].Score)
	}

	// Bundles are found too.
	hs = c.Search("退休一件事", 5)
	require.NotEmpty(t, hs)
	assert.Equal(t, matter.Hit{Code: retireBundle, Name: "退休一件事", Bundle: true, Division: "370000", Score: matter.ScoreExactName}, hs[0])

	// The legal basis is searchable.
	hs = c.Search("失业保险条例", 0)
	assert.Contains(t, hitNames(hs), "失业保险金申领")
	assert.Equal(t, matter.ScoreText, hs[0].Score)

	assert.Len(t, c.Search("失业", 2), 2)
}

// TestSearchPinyinOrder: ties are in pinyin order of the names, with the
// place names 长清 (cháng), 单县 (shàn), 莘县 (shēn) and 东阿 (ē) read as
// places, not as zhǎng, dān, xīn and ā.
func TestSearchPinyinOrder(t *testing.T) {
	c := searchCatalog(t,
		"章丘区失业保险金申领", // zhāng
		"长清区失业保险金申领", // cháng, not zhǎng
		"单县失业保险金申领",  // shàn, not dān
		"德州市失业保险金申领", // dé
		"莘县失业保险金申领",  // shēn
		"东营市失业保险金申领", // dōng yíng
		"东阿县失业保险金申领", // dōng ē
		"临朐县失业保险金申领", // lín qú
		"临沂市失业保险金申领", // lín yí
		"乐陵市失业保险金申领", // lè
	)
	hs := c.Search("失业保险金申领", 0)
	require.NotEmpty(t, hs)
	assert.Equal(t, []string{
		"失业保险金申领",
		"长清区失业保险金申领",
		"德州市失业保险金申领",
		"东阿县失业保险金申领",
		"东营市失业保险金申领",
		"乐陵市失业保险金申领",
		"临朐县失业保险金申领",
		"临沂市失业保险金申领",
		"单县失业保险金申领",
		"莘县失业保险金申领",
		"章丘区失业保险金申领",
	}, hitNames(hs))
}

func TestSearchFolding(t *testing.T) {
	c := searchCatalog(t, "社会保障卡(第三代)申领", "ETC社保卡联名卡申领", "12333热线政策咨询")
	assert.Equal(t, []string{"社会保障卡(第三代)申领"}, hitNames(c.Search("（第三代）", 0)), "full-width parentheses")
	assert.Equal(t, []string{"ETC社保卡联名卡申领"}, hitNames(c.Search("ＥＴＣ", 0)), "full-width letters")
	assert.Equal(t, []string{"ETC社保卡联名卡申领"}, hitNames(c.Search("etc社保", 0)), "case")
	assert.Equal(t, []string{"12333热线政策咨询"}, hitNames(c.Search("１２３３３", 0)), "full-width digits")
	assert.Equal(t, []string{"12333热线政策咨询"}, hitNames(c.Search("　12333　", 0)), "ideographic spaces trimmed")
	hs := c.Search("HIGH-FREQUENCY", 0)
	assert.Contains(t, hitNames(hs), "失业保险金申领", "tags, case-folded")
}

func TestSearchNothing(t *testing.T) {
	c := catLoad(t)
	assert.Nil(t, c.Search("", 10))
	assert.Nil(t, c.Search("   ", 10))
	assert.Nil(t, c.Search("　", 10))
	assert.Empty(t, c.Search("不动产登记", 10))
	assert.Empty(t, c.Search("x", 10))
}
