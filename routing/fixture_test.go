package routing_test

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
	"github.com/onething-gov/onething/standards/division"
)

// The real demo catalog must satisfy the router's interface.
var _ routing.Catalog = (*matter.Catalog)(nil)

// demoFS is the demo catalog root, read from disk: tests never import
// package examples.
var demoFS = os.DirFS("../examples/catalog")

// demo loads the demo catalog and agreements once.
var demo = sync.OnceValues(func() (*matter.Catalog, error) { return matter.LoadFS(demoFS) })

var demoAgreements = sync.OnceValues(func() (*routing.Agreements, error) { return routing.LoadAgreements(demoFS) })

// demoRouter returns a router over the demo catalog and agreements with the
// national 2024–2026 calendar.
func demoRouter(t testing.TB, opts ...routing.Option) *routing.Router {
	t.Helper()
	cat, err := demo()
	require.NoError(t, err, "demo catalog")
	agr, err := demoAgreements()
	require.NoError(t, err, "demo agreements")
	r, err := routing.NewRouter(cat, agr, nil, opts...)
	require.NoError(t, err)
	return r
}

// on returns 10:00 China Standard Time on the given day.
func on(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, matter.CST) }

// date parses "2006-01-02" as midnight CST, the form of every route date.
func date(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.ParseInLocation(time.DateOnly, s, matter.CST)
	require.NoError(t, err)
	return v
}

// Demo matter codes (基本编码) used by the tests.
const (
	mRetirementQualification = "370015001000" // 参保人员达到法定退休年龄领取基本养老保险待遇资格确认
	mDeemedYears             = "370015002000" // 基本养老保险视同缴费年限认定 (negative list, paper file)
	mPensionAward            = "370015005000" // 新增退休人员养老保险待遇核定发放
	mCertification           = "370015008000" // 领取养老保险待遇资格认证
	mTransfer                = "370015009000" // 基本养老保险关系转移接续
	mRecordPrint             = "370015010000" // 个人权益记录查询打印 (e-licence)
	mFlexibleEnrolment       = "370015012000" // 灵活就业人员参保登记
	mCardApply               = "370015020000" // 社会保障卡申领 (negative list, card by post)
	mCardReplace             = "370015023000" // 社会保障卡补领、换领
	mCardInfoChange          = "370015024000" // 社会保障卡信息变更 (depth 1–3 only)
	mUnemploymentRegister    = "370015030000" // 失业登记 (全省通办, 即办)
	mUnemploymentBenefit     = "370015031000" // 失业保险金申领
	mHardToEmploy            = "370015033000" // 就业困难人员认定 (10 working days)
)

// Divisions used by the tests.
const (
	jinan     division.Code = "370100" // 济南市
	lixia     division.Code = "370102" // 济南市历下区
	qingdao   division.Code = "370200" // 青岛市
	linyi     division.Code = "371300" // 临沂市
	heze      division.Code = "371700" // 菏泽市
	zhengzhou division.Code = "410100" // 郑州市
	xian      division.Code = "610100" // 西安市
	chaoyang  division.Code = "110105" // 北京市朝阳区
	heping    division.Code = "120101" // 天津市和平区
	huangpu   division.Code = "310101" // 上海市黄浦区
	xihu      division.Code = "330106" // 杭州市西湖区
	xuzhou    division.Code = "320300" // 徐州市
)

// resident is a person with a 户籍 and, optionally, an insurance history.
func resident(dom division.Code, hist ...routing.Insured) routing.Applicant {
	return routing.Applicant{Audience: matter.Person, Domicile: dom, Insurance: hist}
}

// years is n years of contributions at d.
func years(d division.Code, n int) routing.Insured {
	return routing.Insured{Division: d, Months: 12 * n}
}
