package policy

import (
	"fmt"
	"slices"

	"github.com/onething-gov/onething/matter"
)

// Mode is how a policy's benefit reaches an enterprise.
type Mode string

// The modes.
const (
	// Exempt is 免申即享: no application; the eligible are found from data,
	// notified and paid directly (直达), after a commitment where required.
	Exempt Mode = "exempt"
	// Fast is 快申快享: the eligible are notified and apply with a short
	// form; payment is due within 60 working days of a complete application.
	Fast Mode = "fast"
)

// Names returns the Chinese and English names of the mode.
func (m Mode) Names() (zh, en string) {
	if m == Fast {
		return "快申快享", "fast application"
	}
	return "免申即享", "without application"
}

// Basis is a document a policy rests on (政策依据).
type Basis struct {
	Title string `json:"title"`
	// Number is the document number, such as 人社部发〔2023〕19号.
	Number string      `json:"number,omitempty"`
	Date   matter.Date `json:"date,omitzero"`
	URL    string      `json:"url,omitempty"`
}

// Period is a span of days, both ends included; a zero To is open-ended.
type Period struct {
	From matter.Date `json:"from"`
	To   matter.Date `json:"to,omitzero"`
}

// Contains reports whether day lies in the period.
func (p Period) Contains(day matter.Date) bool {
	return !day.Before(p.From) && (p.To.IsZero() || !day.After(p.To))
}

// Issuer is the body that issued a policy.
type Issuer struct {
	Name string `json:"name"`
	// Division is the GB/T 2260 code of the issuer's jurisdiction, such as
	// 370000 for Shandong or 100000 for a national body.
	Division string `json:"division,omitempty"`
}

// Clause is one named condition of a policy: an eligibility condition, or
// an exclusion such as the credit blacklist.
type Clause struct {
	// ID names the clause in results and scenario files.
	ID string `json:"id"`
	// ZH and EN state the condition as the policy document does.
	ZH string `json:"zh"`
	EN string `json:"en"`
	// When is the condition, an expression of type bool.
	When string `json:"when"`
	t    *tnode
}

// Definition is a named intermediate value of a policy, such as the layoff
// rate, computed once per enterprise and shown in traces.
type Definition struct {
	Name string `json:"name"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
	Expr string `json:"expr"`
	typ  vtype
	t    *tnode
}

// Formula is the amount of a policy's benefit in yuan, an expression of type
// number. Arithmetic is exact; the result is rounded once, half up to the
// fen (0.01 yuan).
type Formula struct {
	Expr string `json:"formula"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
	t    *tnode
}

// Policy is an enterprise-support policy (惠企政策) broken down into data
// (标准化、数字化、标签化): who issued it on what basis, when it is in force,
// who is eligible, who is excluded, and how much is paid.
type Policy struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEN string `json:"name_en"`
	Issuer Issuer `json:"issuer"`
	// LegalBasis lists the documents the policy rests on.
	LegalBasis []Basis `json:"legal_basis"`
	// Effective is when the policy is in force; evaluated on a day outside
	// it, the policy gives NotEligible with reason "not_in_force".
	Effective Period `json:"effective"`
	Mode      Mode   `json:"mode"`
	// Commitment reports whether an enterprise must sign a commitment
	// (告知承诺) before it is paid.
	Commitment bool `json:"commitment"`
	// Issued is the day the policy was issued (印发); Published the day it
	// was published to enterprises (公开), zero while it is not. Publication
	// is due within 7 working days of issue.
	Issued    matter.Date `json:"issued"`
	Published matter.Date `json:"published,omitzero"`
	// Parameters are the policy's own dated parameters, beside the shared
	// ones of parameters.json.
	Parameters  []*Parameter `json:"parameters,omitempty"`
	Definitions []Definition `json:"definitions,omitempty"`
	// Eligibility lists the conditions, all of which must hold.
	Eligibility []Clause `json:"eligibility"`
	// Exclusions list the conditions any one of which excludes.
	Exclusions []Clause `json:"exclusions,omitempty"`
	Amount     Formula  `json:"amount"`
	// Demo marks a policy whose values are illustrative; Note says which.
	Demo bool   `json:"demo,omitempty"`
	Note string `json:"note,omitempty"`

	// File is the file the policy was loaded from, relative to the folder.
	File  string `json:"-"`
	scope *scope
	prog  *program
}

// InForce reports whether the policy is in force on day.
func (p *Policy) InForce(day matter.Date) bool { return p.Effective.Contains(day) }

// Attributes returns the names of the profile attributes the policy reads,
// in registry order: the data an enterprise's profile needs for a decision.
func (p *Policy) Attributes() []string {
	var out []string
	for _, a := range p.scope.reg.attrs {
		if p.scope.used[a.Name] {
			out = append(out, a.Name)
		}
	}
	return out
}

// Parameter returns a parameter the policy can use, its own or shared.
func (p *Policy) Parameter(name string) (*Parameter, bool) {
	i, ok := p.scope.params[name]
	if !ok {
		return nil, false
	}
	return p.scope.plist[i], true
}

// compile checks everything that the schema cannot: names, expressions,
// dates, parameter coverage. It records problems and, when there are none,
// builds the program.
func (p *Policy) compile(file string, reg *Registry, shared []*Parameter, ps *problems) {
	sc := &scope{reg: reg, params: map[string]int{}, defs: map[string]int{}, used: map[string]bool{}}
	p.scope = sc
	p.File = file
	start := len(*ps)
	for _, par := range shared {
		sc.params[par.Name] = len(sc.plist)
		sc.plist = append(sc.plist, par)
	}
	for i, par := range p.Parameters {
		ptr := fmt.Sprintf("/parameters/%d", i)
		par.check(file, ptr, ps)
		_, dup := sc.params[par.Name]
		switch {
		case reg.has(par.Name):
			ps.add(file, ptr+"/name", "parameter %q has the name of an attribute", par.Name)
		case dup:
			ps.add(file, ptr+"/name", "parameter %q is defined twice (or shadows a shared parameter)", par.Name)
		}
		sc.params[par.Name] = len(sc.plist)
		sc.plist = append(sc.plist, par)
	}
	for i := range p.Definitions {
		d := &p.Definitions[i]
		ptr := fmt.Sprintf("/definitions/%d", i)
		_, isParam := sc.params[d.Name]
		_, isDef := sc.defs[d.Name]
		switch {
		case !nameRE.MatchString(d.Name):
			ps.add(file, ptr+"/name", "definition name %q: want lower-case letters, digits and _", d.Name)
		case reg.has(d.Name) || isParam || isDef || contextNames[d.Name] || isFunc(d.Name):
			ps.add(file, ptr+"/name", "definition name %q is taken", d.Name)
		}
		t, errs := sc.checkSource(file, ptr+"/expr", d.Expr, 0)
		*ps = append(*ps, errs...)
		if t != nil {
			d.t, d.typ = t, t.typ
		}
		sc.defs[d.Name] = len(sc.dlist)
		sc.dlist = append(sc.dlist, d)
	}
	checkClauses := func(field string, cs []Clause) {
		var ids []string
		for i := range cs {
			c := &cs[i]
			ptr := fmt.Sprintf("/%s/%d", field, i)
			if slices.Contains(ids, c.ID) {
				ps.add(file, ptr+"/id", "clause id %q used twice", c.ID)
			}
			ids = append(ids, c.ID)
			t, errs := sc.checkSource(file, ptr+"/when", c.When, TypeBool)
			*ps = append(*ps, errs...)
			c.t = t
		}
	}
	checkClauses("eligibility", p.Eligibility)
	checkClauses("exclusions", p.Exclusions)
	t, errs := sc.checkSource(file, "/amount/formula", p.Amount.Expr, TypeNumber)
	*ps = append(*ps, errs...)
	p.Amount.t = t

	if p.Mode != Exempt && p.Mode != Fast {
		ps.add(file, "/mode", "mode must be exempt or fast")
	}
	if !p.Effective.To.IsZero() && p.Effective.To.Before(p.Effective.From) {
		ps.add(file, "/effective/to", "the period ends before it begins")
	}
	if !p.Published.IsZero() && p.Published.Before(p.Issued) {
		ps.add(file, "/published", "published before it was issued")
	}
	for i, par := range sc.plist {
		if !sc.used[par.Name] || len(par.Values) == 0 {
			continue
		}
		if _, ok := par.At(p.Effective.From); !ok {
			ptr := "/effective/from"
			if i >= len(shared) {
				ptr = fmt.Sprintf("/parameters/%d/values", i-len(shared))
			}
			ps.add(file, ptr, "parameter %q has no value on %s, when the policy comes into force", par.Name, p.Effective.From)
		}
	}
	if len(*ps) > start {
		return
	}
	prog := &program{}
	prog.amount = prog.compileNum(p.Amount.t)
	for _, d := range p.Definitions {
		prog.defs = append(prog.defs, prog.compileAny(d.t))
	}
	for _, c := range p.Eligibility {
		prog.elig = append(prog.elig, prog.compileBool(c.t))
	}
	for _, c := range p.Exclusions {
		prog.excl = append(prog.excl, prog.compileBool(c.t))
	}
	p.prog = prog
}

// paramsAt resolves every parameter of the policy's scope on day.
func (p *Policy) paramsAt(day matter.Date) []pval {
	out := make([]pval, len(p.scope.plist))
	for i, par := range p.scope.plist {
		if dv, ok := par.At(day); ok {
			out[i] = dv.v
		}
	}
	return out
}
