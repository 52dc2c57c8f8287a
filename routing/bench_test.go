package routing_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/routing"
)

// benchRequests are one of each kind of route over the demo data.
func benchRequests() []routing.Request {
	return []routing.Request{
		{Matter: mUnemploymentRegister, Applicant: resident(jinan), Division: linyi, Channel: matter.Window, At: on(2026, 3, 2)},
		{Matter: mHardToEmploy, Applicant: resident(lixia), Division: lixia, Channel: matter.Window, At: on(2026, 3, 2)},
		{Matter: mTransfer, Applicant: resident(jinan, years(zhengzhou, 8), years(jinan, 3)), Division: jinan, Channel: matter.Window, At: on(2026, 3, 2)},
		{Matter: mCertification, Applicant: resident(jinan, years(jinan, 30)), Division: xian, Channel: matter.MiniProgram, At: on(2026, 3, 2)},
		{Matter: mPensionAward, Applicant: resident(heze, years(qingdao, 12), years(jinan, 3)), Division: jinan, Channel: matter.Window, At: on(2026, 5, 6)},
		{Matter: mCardReplace, Applicant: resident(chaoyang, years(chaoyang, 6)), Division: heping, Channel: matter.Window, At: on(2026, 3, 2)},
		{Matter: mUnemploymentBenefit, Applicant: resident(xihu, years(huangpu, 4)), Division: xihu, Channel: matter.Window, At: on(2026, 3, 2)},
		{Matter: mRecordPrint, Applicant: resident(lixia), Division: lixia, Channel: matter.App, At: on(2026, 3, 2)},
	}
}

func benchRouter(b *testing.B, shared bool) (*routing.Router, []routing.Request) {
	cat, err := demo()
	if err != nil {
		b.Fatal(err)
	}
	agr, err := demoAgreements()
	if err != nil {
		b.Fatal(err)
	}
	var c routing.Catalog = cat
	if shared {
		c = routing.Memoize(cat)
	}
	r, err := routing.NewRouter(c, agr, nil)
	if err != nil {
		b.Fatal(err)
	}
	reqs := benchRequests()
	for _, q := range reqs { // warm the snapshot; check every request routes
		if _, err := r.Route(context.Background(), q); err != nil {
			b.Fatal(err)
		}
	}
	return r, reqs
}

var sinkMode routing.Mode

// BenchmarkRoute routes a mix of local, online, proxy and joint requests
// with the demo agreements over a sharing catalog: the router's own cost.
func BenchmarkRoute(b *testing.B) {
	r, reqs := benchRouter(b, true)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		rt, err := r.Route(ctx, reqs[i%len(reqs)])
		if err != nil {
			b.Fatal(err)
		}
		sinkMode = rt.Mode
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "routes/s")
}

// BenchmarkRouteParallel is BenchmarkRoute on every core at once.
func BenchmarkRouteParallel(b *testing.B) {
	r, reqs := benchRouter(b, true)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := r.Route(ctx, reqs[i%len(reqs)]); err != nil {
				panic(err)
			}
			i++
		}
	})
}

// BenchmarkRouteMatterCatalog routes over *matter.Catalog itself, whose
// Resolve returns a fresh copy of the matter on every call.
func BenchmarkRouteMatterCatalog(b *testing.B) {
	r, reqs := benchRouter(b, false)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		rt, err := r.Route(ctx, reqs[i%len(reqs)])
		if err != nil {
			b.Fatal(err)
		}
		sinkMode = rt.Mode
		i++
	}
}

// BenchmarkRouteExplain is the baseline that builds the explanation, the
// duties and the recognised materials on every route, as a router that
// returned them as plain fields would.
func BenchmarkRouteExplain(b *testing.B) {
	r, reqs := benchRouter(b, true)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		rt, err := r.Route(ctx, reqs[i%len(reqs)])
		if err != nil {
			b.Fatal(err)
		}
		if len(rt.Explain()) == 0 || len(rt.Duties()) == 0 {
			b.Fatal("empty")
		}
		_ = rt.Recognised()
		i++
	}
}

// Example figures for the README: the per-kind cost.
func BenchmarkRouteByKind(b *testing.B) {
	r, reqs := benchRouter(b, true)
	ctx := context.Background()
	for _, q := range reqs {
		rt, _ := r.Route(ctx, q)
		b.Run(fmt.Sprintf("%s-%s", rt.Mode, q.Matter), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := r.Route(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
