package form_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
)

// The demo catalog, read from disk as library tests do.
const catalogDir = "../examples/catalog"

var demoOnce = sync.OnceValues(func() (*matter.Catalog, error) { return matter.LoadFS(os.DirFS(catalogDir)) })

func demoCatalog(t testing.TB) *matter.Catalog {
	t.Helper()
	cat, err := demoOnce()
	require.NoError(t, err)
	return cat
}

// demoForms returns the demo catalog's forms folder, read from disk.
func demoForms(t testing.TB) fs.FS {
	t.Helper()
	src, err := fs.Sub(os.DirFS(catalogDir), "forms")
	require.NoError(t, err)
	return src
}

func demoLibrary(t testing.TB) *form.Library {
	t.Helper()
	cat := demoCatalog(t)
	lib, err := (&form.Loader{Matters: slices.Collect(cat.Matters())}).Load(demoForms(t))
	require.NoError(t, err)
	return lib
}

// Member codes of the demo bundles.
const (
	retirementBundle = "SD-YJS-TX"
	cardBundle       = "SD-YJS-SBK"

	qualification = "370015001000" // 参保人员达到法定退休年龄领取基本养老保险待遇资格确认
	specialWork   = "370015003000" // 特殊工种提前退休核准
	illness       = "370015004000" // 因病提前退休
	flexible      = "370015006000" // 弹性提前退休
	hukou         = "370003001000" // 户籍信息确认
	deemed        = "370015002000" // 视同缴费年限认定
	pensionAward  = "370015005000" // 待遇核定发放
	medical       = "370018001000" // 医保视同缴费年限核定
	fundWithdraw  = "370021001000" // 退休提取住房公积金
	onlyChild     = "370013001000" // 独生子女父母奖励金

	cardApply   = "370015020000"
	cardReplace = "370015023000"
)

func demoMerged(t testing.TB, lib *form.Library, bundle string, c matter.Choices) *form.Merged {
	t.Helper()
	b, ok := demoCatalog(t).Bundle(bundle)
	require.True(t, ok, bundle)
	sel, err := b.Select(c)
	require.NoError(t, err)
	m, err := lib.Merge(sel)
	require.NoError(t, err)
	return m
}

// fullRetirement is the 退休 selection with both optional members.
var fullRetirement = matter.Choices{Include: []string{fundWithdraw, onlyChild}}

func mustID(t testing.TB, s string) citizenid.ID {
	t.Helper()
	id, err := citizenid.Parse(s)
	require.NoError(t, err)
	return id
}

// A fixed review day, so that tests do not depend on the clock.
var reviewDay = time.Date(2025, 1, 15, 10, 0, 0, 0, matter.CST)

// 王建国, born 1965-01, male: may retire in 2025-02.
const wangID = "370102196501151237"

// fakeRegistries are test doubles of the registries for 王建国 and 张伟:
// a civil registry (A), a social insurance record (A, category B, mobile
// C) and an e-licence library.
func fakeRegistries(t testing.TB) (civil, insurance, licences *form.MemorySource) {
	t.Helper()
	civil = form.NewMemorySource("公安人口库")
	insurance = form.NewMemorySource("社保经办系统")
	licences = form.NewMemorySource("电子证照库")
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, matter.CST)
	later := time.Date(2025, 1, 10, 0, 0, 0, 0, matter.CST)
	set := func(s *form.MemorySource, id, el string, v any, trust matter.Trust, when time.Time) {
		require.NoError(t, s.Set(form.Subject{Person: mustID(t, id)}, form.Value{Element: el, Value: v, Trust: trust, Time: when}))
	}
	for _, p := range []struct{ id, name, sex, hukou, addr, mobile, cat, years, account string }{
		{wangID, "王建国", "男", "370102", "山东省济南市历下区泉城路1号", "13905310001", "male", "38.5", "6217002160001234560"},
		{"370116196505081350", "张伟", "男", "370116", "山东省济南市莱芜区凤城街道鲁中大街8号", "13706340003", "male", "12", "6216614300012345672"},
	} {
		id := mustID(t, p.id)
		set(civil, p.id, "person.id_number", id.String(), matter.TrustA, at)
		set(civil, p.id, "person.name", p.name, matter.TrustA, at)
		set(civil, p.id, "person.sex", p.sex, matter.TrustA, at)
		set(civil, p.id, "person.birth_date", id.Birth().Format(time.DateOnly), matter.TrustA, at)
		set(civil, p.id, "person.hukou_division", p.hukou, matter.TrustA, at)
		set(civil, p.id, "person.address", p.addr, matter.TrustA, at)
		set(insurance, p.id, "person.mobile", p.mobile, matter.TrustC, later)
		set(insurance, p.id, "retirement.category", p.cat, matter.TrustB, later)
		set(insurance, p.id, "insurance.contribution_years", json.Number(p.years), matter.TrustA, later)
		set(insurance, p.id, "person.bank_account", p.account, matter.TrustA, later)
		set(insurance, p.id, "person.bank_name", "中国建设银行济南分行", matter.TrustA, later)
		set(insurance, p.id, "insurance.personal_number", id.String(), matter.TrustA, later)
		set(insurance, p.id, "insurance.first_insured_date", "1986-07-01", matter.TrustA, later)
		set(insurance, p.id, "person.address", "山东省济南市某区某路99号", matter.TrustC, later) // newer but weaker
		require.NoError(t, licences.AddDocument(form.Subject{Person: id}, form.Document{Type: "resident-id-card", Name: "居民身份证", Trust: matter.TrustA, Issued: at}))
	}
	return civil, insurance, licences
}

// containsAny reports whether s contains any of subs.
func containsAny(s string, subs ...string) bool {
	return slices.ContainsFunc(subs, func(x string) bool { return strings.Contains(s, x) })
}
