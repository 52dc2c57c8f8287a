package standards_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards"
	"github.com/onething-gov/onething/standards/division"
)

// genDivisions are the places a generated matter is implemented in besides
// the province's base list: Shandong's 16 cities and three districts.
var genDivisions = []division.Code{"370100", "370102", "370116", "370200", "370211", "370300", "370400", "370500",
	"370600", "370700", "370800", "370900", "371000", "371100", "371300", "371400", "371500", "371600", "371700"}

var genKinds = []matter.Kind{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20}

// generate makes a reproducible system of nStandards standards (some with
// two editions, some withdrawn, some with a draft) and the implementations
// of nMatters matters in the base list and perDivision-1 divisions each.
// Scopes mix codes, tags and kinds as a real system does, so that a matter
// falls under a handful of standards.
func generate(nMatters, perDivision, nStandards int) (*standards.System, []standards.Implementation) {
	r := rand.New(rand.NewPCG(7, 2026))
	tags := make([]string, 60)
	for i := range tags {
		tags[i] = fmt.Sprintf("tag-%02d", i)
	}
	materials := make([]string, 30)
	for i := range materials {
		materials[i] = fmt.Sprintf("material-%02d", i)
	}
	codes := make([]string, nMatters)
	var impls []standards.Implementation
	for i := range nMatters {
		codes[i] = fmt.Sprintf("37%010d", i)
		m := genMatter(r, codes[i], tags, materials)
		impls = append(impls, standards.Implementation{Matter: m})
		for _, d := range genDivisions[:perDivision-1] {
			local := m
			if r.IntN(3) == 0 { // a third of the lists localise something
				local = m.Clone()
				local.PromisedLimit = matter.TimeLimit{Value: r.IntN(m.PromisedLimit.Value + 1)}
				local.Places = []matter.Place{{Name: string(d) + "政务服务中心", Hours: "9:00—17:00"}}
				if r.IntN(20) == 0 {
					local.Places[0].Hours = "" // a list that forgot the hours
				}
			}
			impls = append(impls, standards.Implementation{Division: d, Matter: local})
		}
	}
	var stds []*standards.Standard
	for i := range nStandards {
		id := fmt.Sprintf("DB37/T %d", 1000+i)
		s := &standards.Standard{Identifier: id, Version: "2024", Title: "生成的标准", Category: "201",
			Status: standards.Published, Effective: day(2024, 1, 1), Scope: genScope(r, i, codes, tags),
			Requirements: genRequirements(r, materials)}
		switch {
		case i%4 == 0: // an older edition it superseded
			old := &standards.Standard{Identifier: id, Version: "2022", Title: "生成的标准（旧版）", Category: "201",
				Status: standards.Superseded, Effective: day(2022, 1, 1), Scope: genScope(r, i, codes, tags),
				Requirements: genRequirements(r, materials)}
			stds = append(stds, old)
		case i%25 == 1:
			s.Status, s.Withdrawn = standards.Withdrawn, day(2025, 1, 1)
		case i%20 == 2:
			draft := &standards.Standard{Identifier: id, Version: "2026", Title: "生成的标准（草案）", Category: "201",
				Status: standards.Draft, Effective: day(2026, 1, 1), Scope: genScope(r, i, codes, tags)}
			stds = append(stds, draft)
		}
		stds = append(stds, s)
	}
	sys, err := standards.NewSystem(testTree(), stds)
	if err != nil {
		panic(err)
	}
	return sys, impls
}

// genMatter makes a matter that, like most real ones, meets what the
// generated standards ask, but for six matters in 100 and one local list in
// 60.
func genMatter(r *rand.Rand, code string, tags, materials []string) *matter.Matter {
	m := conforming()
	m.Code, m.Name = code, "生成的事项 "+code
	m.Kind = genKinds[r.IntN(len(genKinds))]
	m.Tags = nil
	for range r.IntN(4) {
		m.Tags = append(m.Tags, tags[r.IntN(len(tags))])
	}
	if r.IntN(5) == 0 {
		m.Tags = append(m.Tags, standards.HighFrequencyTag)
	}
	m.PromisedLimit = matter.TimeLimit{Value: r.IntN(8)}
	m.StatutoryLimit = matter.TimeLimit{Value: 10 + r.IntN(6), Unit: []matter.Unit{matter.WorkingDays, matter.NaturalDays}[r.IntN(2)]}
	m.Materials = nil
	for j := range 1 + r.IntN(3) {
		m.Materials = append(m.Materials, matter.Material{Type: materials[j*2+r.IntN(2)], Name: "材料", Need: matter.Required})
	}
	m.Reach = []matter.Reach{matter.ReachCrossProvince, matter.ReachNational}[r.IntN(2)]
	// Six matters in 100 break something the standards commonly ask.
	switch r.IntN(100) {
	case 0:
		m.Fee = matter.Fee{Charged: true, Amount: decimal.NewFromInt(int64(1 + r.IntN(200))), Basis: "收费依据"}
	case 1:
		m.Visits, m.OnSiteReason = 2, "核验原件"
	case 2:
		m.Depth = matter.DepthOf(1, 2, 6)
	case 3:
		m.PromisedLimit = matter.TimeLimit{Value: 40}
	case 4:
		m.Contacts.Consult = ""
	case 5:
		m.Postal = false
	}
	return m
}

func genScope(r *rand.Rand, i int, codes, tags []string) standards.Scope {
	var s standards.Scope
	switch i % 10 {
	case 0, 1, 2, 3, 4, 5:
		for range 10 + r.IntN(41) {
			s.Matters = append(s.Matters, codes[r.IntN(len(codes))])
		}
	case 6, 7, 8:
		for range 1 + r.IntN(3) {
			s.Tags = append(s.Tags, tags[r.IntN(len(tags))])
		}
		if r.IntN(3) == 0 {
			s.Kinds = []matter.Kind{genKinds[r.IntN(len(genKinds))], genKinds[r.IntN(len(genKinds))]}
		}
	default:
		s.Kinds = []matter.Kind{genKinds[r.IntN(len(genKinds))]}
	}
	if r.IntN(5) == 0 {
		s.Exclude = []string{codes[r.IntN(len(codes))]}
	}
	s.Matters, s.Tags, s.Kinds = dedupe(s.Matters), dedupe(s.Tags), dedupe(s.Kinds)
	return s
}

func genRequirements(r *rand.Rand, materials []string) []standards.Requirement {
	rules := standards.Rules()
	var out []standards.Requirement
	for j := range 3 + r.IntN(6) {
		q := standards.Requirement{Clause: fmt.Sprintf("5.%d", j+1), Rule: rules[r.IntN(len(rules))]}
		if r.IntN(4) == 0 {
			q.Severity = standards.SeverityWarning
		}
		switch q.Rule {
		case standards.RuleRequired:
			q.Elements = []string{"contacts/consult", "places"}
		case standards.RulePromisedLimitMax:
			q.Max = intp(8 + r.IntN(20))
		case standards.RuleStatutoryLimitMax:
			q.Max = intp(15 + r.IntN(20))
		case standards.RuleVisitsMax:
			q.Max = intp(1)
		case standards.RuleMaterialsMax:
			q.Max = intp(3 + r.IntN(3))
		case standards.RuleDepthMin:
			q.Steps = matter.DepthOf(1, 2, 3)
			q.FullyOnline = r.IntN(4) == 0
		case standards.RuleMaterialsWithin:
			q.Types = dedupe(materials[:8+r.IntN(22)])
		case standards.RuleReachMin:
			q.Reach = []matter.Reach{matter.ReachCity, matter.ReachProvince, matter.ReachCrossProvince}[r.IntN(3)]
		case standards.RuleFormsInclude:
			q.Forms = []matter.HandlingForm{matter.Online}
		}
		out = append(out, q)
	}
	return out
}

func dedupe[T comparable](s []T) []T {
	seen := map[T]bool{}
	var out []T
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
