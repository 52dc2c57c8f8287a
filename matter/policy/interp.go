package policy

import (
	"fmt"
	"slices"
	"strconv"
)

// Step is one evaluated sub-expression of a trace: its source text, the
// value it had, and the steps below it. Steps of a literal are left out.
type Step struct {
	// Expr is the source text of the sub-expression.
	Expr string `json:"expr"`
	// Value is the value as a clerk reads it, or "unknown".
	Value string `json:"value"`
	// Name is set on a leaf that reads an attribute, a parameter or a
	// definition, with Kind "attribute", "parameter" or "definition".
	Name string `json:"name,omitempty"`
	Kind string `json:"kind,omitempty"`
	// Missing lists what made an unknown value unknown: attributes, or
	// points of a series such as "ui_premiums[2024]".
	Missing []string `json:"missing,omitempty"`
	// Fault says why a value could not be computed, such as a division by
	// zero.
	Fault string `json:"fault,omitempty"`
	Steps []Step `json:"steps,omitempty"`
}

// interp is the tracing interpreter: the reference semantics of the
// language, slow and explicit. It records every value it computes.
type interp struct {
	// lite skips what only a reader needs (values as text, sub-steps), for
	// naming the missing data of an undecidable pair in a batch.
	lite   bool
	f      *frame
	pol    *Policy
	params map[string]ParamUse
	defs   []*Step // evaluated definitions, by index
	dvals  []struct {
		v     val
		known bool
	}
}

// ParamUse records the value of a parameter a trace used.
type ParamUse struct {
	Name  string      `json:"name"`
	ZH    string      `json:"zh"`
	EN    string      `json:"en"`
	Value string      `json:"value"`
	From  string      `json:"from"`
	Basis string      `json:"basis,omitempty"`
	Demo  bool        `json:"demo,omitempty"`
	entry *DatedValue // nil when no value is in force
}

func newInterp(f *frame, pol *Policy) *interp {
	return &interp{f: f, pol: pol, params: map[string]ParamUse{},
		defs: make([]*Step, len(pol.Definitions)),
		dvals: make([]struct {
			v     val
			known bool
		}, len(pol.Definitions))}
}

// reset forgets the definitions evaluated for the previous profile.
func (in *interp) reset() {
	clear(in.defs)
	clear(in.dvals)
}

// format renders a value of type t.
func (in *interp) format(t *tnode, v val, known bool) string {
	if !known {
		return "unknown"
	}
	switch t.typ.t {
	case TypeBool:
		return strconv.FormatBool(v.i == 1)
	case TypeNumber:
		return v.r.String()
	case TypeDate:
		return dateOfDay(v.i).String()
	case TypeEnum:
		return strconv.Quote(in.f.p.reg.attrs[t.typ.enum].Values[v.i])
	}
	return strconv.Quote(v.s)
}

func union(a, b []string) []string {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

// eval evaluates t in the source src.
func (in *interp) eval(src string, t *tnode) (val, bool, Step) {
	var st Step
	if !in.lite {
		st.Expr = src[t.start:t.end]
	}
	v, known := in.evalInto(src, t, &st)
	if !in.lite {
		st.Value = in.format(t, v, known)
		if t.op == opParam {
			par := in.pol.scope.plist[t.idx]
			if dv, ok := par.At(dateOfDay(in.f.today)); ok {
				st.Value = dv.format(par.Type) // a rate written with % keeps it
			}
		}
	}
	if known {
		st.Missing = nil
	}
	return v, known, st
}

// child evaluates a sub-expression and attaches its step, unless it is a
// literal.
func (in *interp) child(src string, t *tnode, st *Step) (val, bool) {
	v, known, cs := in.eval(src, t)
	if t.op != opLit && !in.lite {
		st.Steps = append(st.Steps, cs)
	}
	if !known {
		st.Missing = union(st.Missing, cs.Missing)
		if cs.Fault != "" && st.Fault == "" {
			st.Fault = cs.Fault
		}
	}
	return v, known
}

func boolVal(t tri) (val, bool) {
	switch t {
	case triTrue:
		return val{i: 1}, true
	case triFalse:
		return val{}, true
	}
	return val{}, false
}

func triVal(v val, known bool) tri {
	if !known {
		return triUnknown
	}
	return triOf(v.i == 1)
}

func (in *interp) evalInto(src string, t *tnode, st *Step) (val, bool) {
	f := in.f
	p := f.p
	switch t.op {
	case opLit:
		return t.lit, true
	case opAttr:
		a := p.reg.attrs[t.idx]
		st.Name, st.Kind = a.Name, "attribute"
		if !p.isKnown(t.idx) {
			st.Missing = []string{a.Name}
			return val{}, false
		}
		s := p.reg.slot[t.idx]
		switch a.Type.store() {
		case storeNum:
			return val{r: p.nums[s]}, true
		case storeStr:
			return val{s: p.strs[s]}, true
		}
		return val{i: p.ints[s]}, true
	case opParam:
		par := in.pol.scope.plist[t.idx]
		st.Name, st.Kind = par.Name, "parameter"
		in.useParam(par)
		pv := f.params[t.idx]
		return val{r: pv.r, s: pv.s, i: int32(triOf(pv.b))}, true
	case opDef:
		d := in.pol.Definitions[t.idx]
		st.Name, st.Kind = d.Name, "definition"
		if in.defs[t.idx] == nil {
			v, known, ds := in.eval(d.Expr, d.t)
			in.defs[t.idx] = &ds
			in.dvals[t.idx].v, in.dvals[t.idx].known = v, known
		}
		ds := in.defs[t.idx]
		st.Steps = append(st.Steps, *ds)
		st.Missing, st.Fault = ds.Missing, ds.Fault
		return in.dvals[t.idx].v, in.dvals[t.idx].known
	case opToday:
		return val{i: f.today}, true
	case opYear:
		return val{r: f.year}, true
	case opNot:
		x, k := in.child(src, t.args[0], st)
		return boolVal(triVal(x, k).not())
	case opAnd, opOr:
		x, kx := in.child(src, t.args[0], st)
		a := triVal(x, kx)
		if (t.op == opAnd && a == triFalse) || (t.op == opOr && a == triTrue) {
			return boolVal(a)
		}
		y, ky := in.child(src, t.args[1], st)
		b := triVal(y, ky)
		var r tri
		if t.op == opAnd {
			r = a.and(b)
		} else {
			r = a.or(b)
		}
		if r != triUnknown {
			st.Missing, st.Fault = nil, ""
		}
		return boolVal(r)
	case opEq, opNe, opLt, opLe, opGt, opGe:
		x, kx := in.child(src, t.args[0], st)
		y, ky := in.child(src, t.args[1], st)
		if !kx || !ky {
			return val{}, false
		}
		if t.args[0].typ.t == TypeBool {
			return boolVal(triOf(cmpResult(t.op, int(x.i)-int(y.i))))
		}
		return boolVal(triOf(cmpResult(t.op, valCmp(t.args[0].typ, x, y))))
	case opIn:
		x, kx := in.child(src, t.args[0], st)
		r := triFalse
		for _, e := range t.args[1:] {
			y, ky := in.child(src, e, st)
			switch {
			case !kx || !ky:
				r = r.or(triUnknown)
			case valCmp(t.args[0].typ, x, y) == 0:
				r = triTrue
			}
		}
		if r != triUnknown {
			st.Missing = nil
		}
		if t.not {
			r = r.not()
		}
		return boolVal(r)
	case opBetween:
		x, kx := in.child(src, t.args[0], st)
		lo, kl := in.child(src, t.args[1], st)
		hi, kh := in.child(src, t.args[2], st)
		a, b := triUnknown, triUnknown
		if kx && kl {
			a = triOf(valCmp(t.args[0].typ, lo, x) <= 0)
		}
		if kx && kh {
			b = triOf(valCmp(t.args[0].typ, x, hi) <= 0)
		}
		r := a.and(b)
		if r != triUnknown {
			st.Missing = nil
		}
		if t.not {
			r = r.not()
		}
		return boolVal(r)
	case opEnumStr:
		x, k := in.child(src, t.args[0], st)
		if !k {
			return val{}, false
		}
		return val{s: t.values[x.i]}, true
	case opNeg:
		x, k := in.child(src, t.args[0], st)
		return val{r: x.r.neg()}, k
	case opAdd, opSub, opMul, opDiv:
		x, kx := in.child(src, t.args[0], st)
		y, ky := in.child(src, t.args[1], st)
		if !kx || !ky {
			return val{}, false
		}
		r, ok := arith(t.op, x.r, y.r)
		if !ok {
			st.Fault = "division by zero"
		}
		return val{r: r}, ok
	case opMin, opMax:
		var best rat
		known := true
		for k, a := range t.args {
			x, kx := in.child(src, a, st)
			known = known && kx
			if kx && (k == 0 || (t.op == opMin && x.r.cmp(best) < 0) || (t.op == opMax && x.r.cmp(best) > 0)) {
				best = x.r
			}
		}
		return val{r: best}, known
	case opIf:
		c, kc := in.child(src, t.args[0], st)
		if !kc {
			return val{}, false
		}
		if c.i == 1 {
			return in.child(src, t.args[1], st)
		}
		return in.child(src, t.args[2], st)
	case opYearIdx, opMonthIdx, opMean, opTotal:
		return in.series(src, t, st)
	case opYearOf:
		d, k := in.child(src, t.args[0], st)
		return val{r: ratInt(yearOfDay(d.i))}, k
	case opDaysBetween:
		a, ka := in.child(src, t.args[0], st)
		b, kb := in.child(src, t.args[1], st)
		return val{r: ratInt(int64(b.i) - int64(a.i))}, ka && kb
	case opAddYears, opAddMonths:
		d, kd := in.child(src, t.args[0], st)
		n, kn := in.child(src, t.args[1], st)
		if !kd || !kn {
			return val{}, false
		}
		k := n.r
		if t.op == opAddYears {
			k = k.mul(ratInt(12))
		}
		day, ok := addMonths(d.i, k)
		if !ok {
			st.Fault = "the number of years or months must be a whole number"
		}
		return val{i: day}, ok
	case opTag:
		st.Name, st.Kind = p.reg.tags[t.idx].Name, "tag"
		return boolVal(triOf(p.hasTag(t.idx)))
	case opKnown:
		return boolVal(triOf(p.isKnown(t.idx)))
	case opStartsWith:
		a, ka := in.child(src, t.args[0], st)
		b, kb := in.child(src, t.args[1], st)
		if !ka || !kb {
			return val{}, false
		}
		return boolVal(triOf(len(a.s) >= len(b.s) && a.s[:len(b.s)] == b.s))
	}
	panic("policy: interp: unexpected op")
}

// series evaluates an index or an aggregate of a series attribute, naming
// the missing point or year.
func (in *interp) series(src string, t *tnode, st *Step) (val, bool) {
	p := in.f.p
	a := p.reg.attrs[t.idx]
	st.Name, st.Kind = a.Name, "attribute"
	var args []val
	for _, x := range t.args {
		v, k := in.child(src, x, st)
		if !k {
			return val{}, false
		}
		args = append(args, v)
	}
	s := seriesPoints(p.series[p.reg.slot[t.idx]])
	var r rat
	var ok bool
	switch t.op {
	case opYearIdx:
		r, ok = s.yearValue(args[0].r)
	case opMonthIdx:
		r, ok = monthAt(s, args[0].r, args[1].r)
	case opMean:
		r, ok = monthMean(s, args[0].r)
	case opTotal:
		r, ok = monthTotal(s, args[0].r)
	}
	if !ok {
		missing := fmt.Sprintf("%s[%s]", a.Name, args[0].r)
		if t.op == opMonthIdx {
			m, _ := args[1].r.int()
			missing = fmt.Sprintf("%s[%s-%02d]", a.Name, args[0].r, m)
		}
		st.Missing = []string{missing}
		if t.op == opMean || t.op == opTotal {
			y, _ := yearIndex(args[0].r)
			st.Fault = fmt.Sprintf("%s: %d of the 12 months of %d known", a.Name, monthsKnown(s, y), y)
		}
	}
	return val{r: r}, ok
}

type seriesPoints []point

func (s seriesPoints) yearValue(y rat) (rat, bool) {
	k, ok := yearIndex(y)
	if !ok {
		return rat{}, false
	}
	return findPoint(s, k)
}

func monthsKnown(s []point, year int32) int {
	n := 0
	for _, p := range s {
		if p.key/12 == year {
			n++
		}
	}
	return n
}

// useParam records a parameter's value in force.
func (in *interp) useParam(par *Parameter) {
	if in.lite {
		return
	}
	if _, ok := in.params[par.Name]; ok {
		return
	}
	u := ParamUse{Name: par.Name, ZH: par.ZH, EN: par.EN}
	if dv, ok := par.At(dateOfDay(in.f.today)); ok {
		u.Value, u.From, u.Basis, u.Demo = dv.format(par.Type), dv.From.String(), dv.Basis, dv.Demo
	} else {
		u.Value = "unknown"
	}
	in.params[par.Name] = u
}
