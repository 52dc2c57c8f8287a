package policy

// The fast evaluator: a checked tree is compiled once, at load, into
// closures that read a profile's typed arrays by index. Evaluation does no
// map look-up, no reflection and, for numbers that fit in int64 fractions,
// no allocation. The tracing interpreter (interp.go) is the reference: both
// must agree, which the tests check on every demo policy.

// frame is the state of one evaluation: a profile on a date, with the
// parameter values in force then and the memo of definitions.
type frame struct {
	p       *Profile
	today   int32
	year    rat
	params  []pval
	memo    []memo
	prog    *program
	statics []static
}

// memo caches a definition's value for the current profile.
type memo struct {
	state uint8 // 0 not computed, 1 known, 2 unknown
	v     val
}

type (
	boolFn func(*frame) tri
	numFn  func(*frame) (rat, bool)
	valFn  func(*frame) (val, bool) // strings, enums and dates
)

// compiled is one compiled expression of any type.
type compiled struct {
	b boolFn
	n numFn
	v valFn
}

// program is a policy compiled for evaluation.
type program struct {
	defs   []compiled
	elig   []boolFn
	excl   []boolFn
	amount numFn
	// statics are the number sub-expressions that depend only on the day
	// and the parameters, such as year - 1: computed once per day into
	// frame.statics rather than once per profile.
	statics []numFn
}

// static is a hoisted value.
type static struct {
	v  rat
	ok bool
}

// isStatic reports whether t depends on nothing but literals, the day and
// parameters.
func isStatic(t *tnode) bool {
	switch t.op {
	case opAttr, opDef, opTag, opKnown, opYearIdx, opMonthIdx, opMean, opTotal:
		return false
	}
	for _, a := range t.args {
		if !isStatic(a) {
			return false
		}
	}
	return true
}

// setStatics computes the hoisted values for the frame's day.
func (f *frame) setStatics() {
	f.statics = make([]static, len(f.prog.statics))
	// A static nested in another is registered after it: compute the
	// inner ones first.
	for k := len(f.prog.statics) - 1; k >= 0; k-- {
		f.statics[k].v, f.statics[k].ok = f.prog.statics[k](f)
	}
}

func (pg *program) compileAny(t *tnode) compiled {
	switch t.typ.t {
	case TypeBool:
		return compiled{b: pg.compileBool(t)}
	case TypeNumber:
		return compiled{n: pg.compileNum(t)}
	}
	return compiled{v: pg.compileVal(t)}
}

// memoized evaluates definition i once per frame.
func (f *frame) def(i int) (val, bool) {
	m := &f.memo[i]
	switch m.state {
	case 1:
		return m.v, true
	case 2:
		return val{}, false
	}
	c := f.prog.defs[i]
	var v val
	ok := true
	switch {
	case c.b != nil:
		tv := c.b(f)
		ok = tv != triUnknown
		if tv == triTrue {
			v.i = 1
		}
	case c.n != nil:
		v.r, ok = c.n(f)
	default:
		v, ok = c.v(f)
	}
	m.v, m.state = v, 2
	if ok {
		m.state = 1
	}
	return v, ok
}

func (pg *program) compileBool(t *tnode) boolFn {
	switch t.op {
	case opLit:
		v := triOf(t.lit.i == 1)
		return func(*frame) tri { return v }
	case opAttr:
		i := t.idx
		return func(f *frame) tri {
			if !f.p.isKnown(i) {
				return triUnknown
			}
			return triOf(f.p.ints[f.p.reg.slot[i]] == 1)
		}
	case opParam:
		i := t.idx
		return func(f *frame) tri { return triOf(f.params[i].b) }
	case opDef:
		i := t.idx
		return func(f *frame) tri {
			v, ok := f.def(i)
			if !ok {
				return triUnknown
			}
			return triOf(v.i == 1)
		}
	case opNot:
		x := pg.compileBool(t.args[0])
		return func(f *frame) tri { return x(f).not() }
	case opAnd:
		x, y := pg.compileBool(t.args[0]), pg.compileBool(t.args[1])
		return func(f *frame) tri {
			a := x(f)
			if a == triFalse {
				return triFalse
			}
			return a.and(y(f))
		}
	case opOr:
		x, y := pg.compileBool(t.args[0]), pg.compileBool(t.args[1])
		return func(f *frame) tri {
			a := x(f)
			if a == triTrue {
				return triTrue
			}
			return a.or(y(f))
		}
	case opTag:
		i := t.idx
		return func(f *frame) tri { return triOf(f.p.hasTag(i)) }
	case opKnown:
		i := t.idx
		return func(f *frame) tri { return triOf(f.p.isKnown(i)) }
	case opIf:
		c, x, y := pg.compileBool(t.args[0]), pg.compileBool(t.args[1]), pg.compileBool(t.args[2])
		return func(f *frame) tri {
			switch c(f) {
			case triTrue:
				return x(f)
			case triFalse:
				return y(f)
			}
			return triUnknown
		}
	case opStartsWith:
		x, y := pg.compileVal(t.args[0]), pg.compileVal(t.args[1])
		return func(f *frame) tri {
			a, ok1 := x(f)
			b, ok2 := y(f)
			if !ok1 || !ok2 {
				return triUnknown
			}
			return triOf(len(a.s) >= len(b.s) && a.s[:len(b.s)] == b.s)
		}
	case opEq, opNe, opLt, opLe, opGt, opGe:
		return pg.compileCmp(t)
	case opIn:
		return pg.compileIn(t)
	case opBetween:
		x := t.args[0]
		lo := &tnode{op: opLe, typ: tBool, args: []*tnode{t.args[1], x}}
		hi := &tnode{op: opLe, typ: tBool, args: []*tnode{x, t.args[2]}}
		a, b := pg.compileCmp(lo), pg.compileCmp(hi)
		if t.not {
			return func(f *frame) tri { return a(f).and(b(f)).not() }
		}
		return func(f *frame) tri { return a(f).and(b(f)) }
	}
	panic("policy: compileBool: unexpected op")
}

// cmpResult turns a three-way comparison into the truth of op.
func cmpResult(op opcode, c int) bool {
	switch op {
	case opEq:
		return c == 0
	case opNe:
		return c != 0
	case opLt:
		return c < 0
	case opLe:
		return c <= 0
	case opGt:
		return c > 0
	}
	return c >= 0
}

// valCmp compares two values of type t; strings and enums only for
// equality (0 or 1).
func valCmp(t vtype, a, b val) int {
	switch t.t {
	case TypeString:
		if a.s == b.s {
			return 0
		}
		return 1
	case TypeDate, TypeEnum, TypeBool:
		switch {
		case a.i < b.i:
			return -1
		case a.i > b.i:
			return 1
		}
		return 0
	}
	return a.r.cmp(b.r)
}

func (pg *program) compileCmp(t *tnode) boolFn {
	op := t.op
	x, y := t.args[0], t.args[1]
	switch x.typ.t {
	case TypeNumber:
		a, b := pg.compileNum(x), pg.compileNum(y)
		if y.op == opLit { // the common case: attribute against a constant
			k := y.lit.r
			return func(f *frame) tri {
				u, ok := a(f)
				if !ok {
					return triUnknown
				}
				return triOf(cmpResult(op, u.cmp(k)))
			}
		}
		return func(f *frame) tri {
			u, ok1 := a(f)
			if !ok1 {
				return triUnknown
			}
			v, ok2 := b(f)
			if !ok2 {
				return triUnknown
			}
			return triOf(cmpResult(op, u.cmp(v)))
		}
	case TypeBool:
		a, b := pg.compileBool(x), pg.compileBool(y)
		return func(f *frame) tri {
			u, v := a(f), b(f)
			if u == triUnknown || v == triUnknown {
				return triUnknown
			}
			return triOf(cmpResult(op, int(u)-int(v)))
		}
	}
	a, b := pg.compileVal(x), pg.compileVal(y)
	typ := x.typ
	return func(f *frame) tri {
		u, ok1 := a(f)
		if !ok1 {
			return triUnknown
		}
		v, ok2 := b(f)
		if !ok2 {
			return triUnknown
		}
		return triOf(cmpResult(op, valCmp(typ, u, v)))
	}
}

func (pg *program) compileIn(t *tnode) boolFn {
	x := t.args[0]
	not := t.not
	fin := func(r tri) tri {
		if not {
			return r.not()
		}
		return r
	}
	// Enum against literals: a bit set of the allowed indexes.
	if x.typ.t == TypeEnum {
		allLit := true
		var set uint64
		for _, e := range t.args[1:] {
			if e.op != opLit || e.lit.i >= 64 {
				allLit = false
				break
			}
			set |= 1 << e.lit.i
		}
		if allLit && x.op == opAttr {
			i := x.idx
			return func(f *frame) tri {
				if !f.p.isKnown(i) {
					return triUnknown
				}
				return fin(triOf(set&(1<<f.p.ints[f.p.reg.slot[i]]) != 0))
			}
		}
	}
	elems := make([]boolFn, len(t.args)-1)
	for k, e := range t.args[1:] {
		elems[k] = pg.compileCmp(&tnode{op: opEq, typ: tBool, args: []*tnode{x, e}})
	}
	return func(f *frame) tri {
		r := triFalse
		for _, e := range elems {
			r = r.or(e(f))
			if r == triTrue {
				break
			}
		}
		return fin(r)
	}
}

func (pg *program) compileNum(t *tnode) numFn {
	if t.op != opLit && t.op != opParam && t.op != opYear && isStatic(t) {
		k := len(pg.statics)
		pg.statics = append(pg.statics, nil)
		pg.statics[k] = pg.compileNumRaw(t)
		return func(f *frame) (rat, bool) { s := &f.statics[k]; return s.v, s.ok }
	}
	return pg.compileNumRaw(t)
}

func (pg *program) compileNumRaw(t *tnode) numFn {
	switch t.op {
	case opLit:
		v := t.lit.r
		return func(*frame) (rat, bool) { return v, true }
	case opAttr:
		i := t.idx
		return func(f *frame) (rat, bool) {
			if !f.p.isKnown(i) {
				return rat{}, false
			}
			return f.p.nums[f.p.reg.slot[i]], true
		}
	case opParam:
		i := t.idx
		return func(f *frame) (rat, bool) { return f.params[i].r, true }
	case opDef:
		i := t.idx
		return func(f *frame) (rat, bool) { v, ok := f.def(i); return v.r, ok }
	case opYear:
		return func(f *frame) (rat, bool) { return f.year, true }
	case opNeg:
		x := pg.compileNum(t.args[0])
		return func(f *frame) (rat, bool) { v, ok := x(f); return v.neg(), ok }
	case opAdd, opSub, opMul, opDiv:
		return pg.compileArith(t)
	case opMin, opMax:
		args := make([]numFn, len(t.args))
		for k, a := range t.args {
			args[k] = pg.compileNum(a)
		}
		want := -1
		if t.op == opMax {
			want = 1
		}
		return func(f *frame) (rat, bool) {
			best, ok := args[0](f)
			if !ok {
				return rat{}, false
			}
			for _, a := range args[1:] {
				v, ok := a(f)
				if !ok {
					return rat{}, false
				}
				if v.cmp(best) == want {
					best = v
				}
			}
			return best, true
		}
	case opIf:
		c, x, y := pg.compileBool(t.args[0]), pg.compileNum(t.args[1]), pg.compileNum(t.args[2])
		return func(f *frame) (rat, bool) {
			switch c(f) {
			case triTrue:
				return x(f)
			case triFalse:
				return y(f)
			}
			return rat{}, false
		}
	case opYearIdx:
		i, y := t.idx, pg.compileNum(t.args[0])
		return func(f *frame) (rat, bool) {
			if !f.p.isKnown(i) {
				return rat{}, false
			}
			yr, ok := y(f)
			if !ok {
				return rat{}, false
			}
			k, ok := yearIndex(yr)
			if !ok {
				return rat{}, false
			}
			return findPoint(f.p.series[f.p.reg.slot[i]], k)
		}
	case opMonthIdx:
		i, y, m := t.idx, pg.compileNum(t.args[0]), pg.compileNum(t.args[1])
		return func(f *frame) (rat, bool) {
			if !f.p.isKnown(i) {
				return rat{}, false
			}
			yr, ok1 := y(f)
			mo, ok2 := m(f)
			if !ok1 || !ok2 {
				return rat{}, false
			}
			return monthAt(f.p.series[f.p.reg.slot[i]], yr, mo)
		}
	case opMean, opTotal:
		i, y := t.idx, pg.compileNum(t.args[0])
		agg := monthTotal
		if t.op == opMean {
			agg = monthMean
		}
		return func(f *frame) (rat, bool) {
			if !f.p.isKnown(i) {
				return rat{}, false
			}
			yr, ok := y(f)
			if !ok {
				return rat{}, false
			}
			return agg(f.p.series[f.p.reg.slot[i]], yr)
		}
	case opYearOf:
		d := pg.compileVal(t.args[0])
		return func(f *frame) (rat, bool) {
			v, ok := d(f)
			if !ok {
				return rat{}, false
			}
			return ratInt(yearOfDay(v.i)), true
		}
	case opDaysBetween:
		a, b := pg.compileVal(t.args[0]), pg.compileVal(t.args[1])
		return func(f *frame) (rat, bool) {
			u, ok1 := a(f)
			v, ok2 := b(f)
			if !ok1 || !ok2 {
				return rat{}, false
			}
			return ratInt(int64(v.i) - int64(u.i)), true
		}
	}
	panic("policy: compileNum: unexpected op")
}

func (pg *program) compileArith(t *tnode) numFn {
	x, y := pg.compileNum(t.args[0]), pg.compileNum(t.args[1])
	op := t.op
	return func(f *frame) (rat, bool) {
		a, ok := x(f)
		if !ok {
			return rat{}, false
		}
		b, ok := y(f)
		if !ok {
			return rat{}, false
		}
		return arith(op, a, b)
	}
}

// arith applies + - * /; division by zero is unknown.
func arith(op opcode, a, b rat) (rat, bool) {
	switch op {
	case opAdd:
		return a.add(b), true
	case opSub:
		return a.sub(b), true
	case opMul:
		return a.mul(b), true
	}
	return a.quo(b)
}

func (pg *program) compileVal(t *tnode) valFn {
	switch t.op {
	case opLit:
		v := t.lit
		return func(*frame) (val, bool) { return v, true }
	case opAttr:
		i := t.idx
		if t.typ.t == TypeString {
			return func(f *frame) (val, bool) {
				if !f.p.isKnown(i) {
					return val{}, false
				}
				return val{s: f.p.strs[f.p.reg.slot[i]]}, true
			}
		}
		return func(f *frame) (val, bool) {
			if !f.p.isKnown(i) {
				return val{}, false
			}
			return val{i: f.p.ints[f.p.reg.slot[i]]}, true
		}
	case opParam:
		i := t.idx
		return func(f *frame) (val, bool) { return val{s: f.params[i].s}, true }
	case opDef:
		i := t.idx
		return func(f *frame) (val, bool) { return f.def(i) }
	case opToday:
		return func(f *frame) (val, bool) { return val{i: f.today}, true }
	case opEnumStr:
		x := pg.compileVal(t.args[0])
		values := t.values
		return func(f *frame) (val, bool) {
			v, ok := x(f)
			if !ok {
				return val{}, false
			}
			return val{s: values[v.i]}, true
		}
	case opIf:
		c, x, y := pg.compileBool(t.args[0]), pg.compileVal(t.args[1]), pg.compileVal(t.args[2])
		return func(f *frame) (val, bool) {
			switch c(f) {
			case triTrue:
				return x(f)
			case triFalse:
				return y(f)
			}
			return val{}, false
		}
	case opAddYears, opAddMonths:
		d, n := pg.compileVal(t.args[0]), pg.compileNum(t.args[1])
		twelve := t.op == opAddYears
		return func(f *frame) (val, bool) {
			v, ok1 := d(f)
			k, ok2 := n(f)
			if !ok1 || !ok2 {
				return val{}, false
			}
			if twelve {
				k = k.mul(ratInt(12))
			}
			day, ok := addMonths(v.i, k)
			return val{i: day}, ok
		}
	}
	panic("policy: compileVal: unexpected op")
}
