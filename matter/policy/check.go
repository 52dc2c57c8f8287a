package policy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/matter/policy/expr"
)

// vtype is the type of an expression: TypeNumber, TypeString, TypeEnum (of
// the attribute enum), TypeDate or TypeBool.
type vtype struct {
	t    Type
	enum int // attribute index, for TypeEnum
}

// opcode is the operation of a typed node.
type opcode uint8

const (
	opLit opcode = iota + 1
	opAttr
	opParam
	opDef
	opToday
	opYear
	opAnd
	opOr
	opNot
	opEq
	opNe
	opLt
	opLe
	opGt
	opGe
	opAdd
	opSub
	opMul
	opDiv
	opNeg
	opIn
	opBetween
	opEnumStr // an enum read as its string
	opMin
	opMax
	opIf
	opMean
	opTotal
	opYearIdx
	opMonthIdx
	opYearOf
	opAddYears
	opAddMonths
	opDaysBetween
	opTag
	opKnown
	opStartsWith
)

// tnode is a type-checked expression node.
type tnode struct {
	op         opcode
	typ        vtype
	start, end int
	args       []*tnode
	not        bool     // for in and between
	idx        int      // attribute, parameter, definition or tag index
	lit        val      // for opLit
	values     []string // for opEnumStr: the enum's values
}

// val is a value of any expression type: a number in r, a string in s, an
// enum index, a date (days since 1970-01-01) or a bool (0 or 1) in i.
type val struct {
	r rat
	s string
	i int32
}

// scope is what names mean while checking a policy.
type scope struct {
	reg    *Registry
	params map[string]int
	plist  []*Parameter
	defs   map[string]int
	dlist  []*Definition
	used   map[string]bool // attributes and parameters referenced
}

// checkError is a type error at a byte offset of the source.
type checkError struct {
	offset int
	msg    string
}

type checker struct {
	sc   *scope
	errs []checkError
}

func (c *checker) errorf(n expr.Node, format string, args ...any) {
	s, _ := n.Span()
	c.errs = append(c.errs, checkError{s, fmt.Sprintf(format, args...)})
}

// funcs are the built-in functions; isFunc reserves their names.
var funcs = map[string]opcode{
	"min": opMin, "max": opMax, "if": opIf, "mean": opMean, "total": opTotal,
	"date": opLit, "year_of": opYearOf, "add_years": opAddYears, "add_months": opAddMonths,
	"days_between": opDaysBetween, "tag": opTag, "known": opKnown, "starts_with": opStartsWith,
}

func isFunc(name string) bool { _, ok := funcs[name]; return ok }

// String names the type.
func (t vtype) String() string {
	return t.t.String()
}

var (
	tBool = vtype{t: TypeBool}
	tNum  = vtype{t: TypeNumber}
	tStr  = vtype{t: TypeString}
	tDate = vtype{t: TypeDate}
)

// check type-checks n; a nil result means errors were recorded.
func (c *checker) check(n expr.Node) *tnode {
	s, e := n.Span()
	t := &tnode{start: s, end: e}
	switch n := n.(type) {
	case *expr.Paren:
		x := c.check(n.X)
		if x != nil {
			x.start, x.end = s, e
		}
		return x
	case *expr.Number:
		d, err := parseDecimal(n.Text)
		if err != nil {
			c.errorf(n, "number %.20s… out of range (at most %d digits)", n.Text, maxDigits)
			return nil
		}
		t.op, t.typ, t.lit.r = opLit, tNum, ratDecimal(d)
		if n.Percent {
			t.lit.r, _ = t.lit.r.quo(ratInt(100))
		}
	case *expr.String:
		t.op, t.typ, t.lit.s = opLit, tStr, n.Value
	case *expr.Bool:
		t.op, t.typ = opLit, tBool
		if n.Value {
			t.lit.i = 1
		}
	case *expr.Ident:
		return c.ident(n, t)
	case *expr.List:
		c.errorf(n, "a list may only follow in")
		return nil
	case *expr.Unary:
		x := c.check(n.X)
		if x == nil {
			return nil
		}
		t.args = []*tnode{x}
		if n.Op == expr.OpNot {
			t.op, t.typ = opNot, tBool
			if x.typ.t != TypeBool {
				c.errorf(n.X, "not needs a bool, not a %s", x.typ)
				return nil
			}
		} else {
			t.op, t.typ = opNeg, tNum
			if x.typ.t != TypeNumber {
				c.errorf(n.X, "- needs a number, not a %s", x.typ)
				return nil
			}
		}
	case *expr.Binary:
		return c.binary(n, t)
	case *expr.In:
		x := c.check(n.X)
		if x == nil {
			return nil
		}
		t.op, t.typ, t.not = opIn, tBool, n.Not
		t.args = []*tnode{x}
		if len(n.List.Elems) == 0 {
			c.errorf(n.List, "in needs at least one value")
			return nil
		}
		for _, el := range n.List.Elems {
			y := c.check(el)
			if y == nil {
				continue
			}
			switch {
			case x.typ.t == TypeEnum && y.typ.t == TypeString && y.op == opLit:
				if y2, ok := c.enumLit(x.typ, y, el); ok {
					t.args = append(t.args, y2)
				}
			case x.typ.t == TypeEnum && y.typ != x.typ:
				c.errorf(el, "in over the enum %s takes its values as string literals", c.sc.reg.attrs[x.typ.enum].Name)
			case y.typ != x.typ:
				c.errorf(el, "cannot compare %s with %s", x.typ, y.typ)
			default:
				t.args = append(t.args, y)
			}
		}
		if len(t.args) != len(n.List.Elems)+1 {
			return nil
		}
	case *expr.Between:
		x, lo, hi := c.check(n.X), c.check(n.Lo), c.check(n.Hi)
		if x == nil || lo == nil || hi == nil {
			return nil
		}
		if x.typ.t != TypeNumber && x.typ.t != TypeDate {
			c.errorf(n.X, "between needs numbers or dates, not a %s", x.typ)
			return nil
		}
		if lo.typ != x.typ || hi.typ != x.typ {
			c.errorf(n, "between needs bounds of the same type as %s", x.typ)
			return nil
		}
		t.op, t.typ, t.not, t.args = opBetween, tBool, n.Not, []*tnode{x, lo, hi}
	case *expr.Call:
		return c.call(n, t)
	case *expr.Index:
		return c.index(n, t)
	default:
		c.errorf(n, "unexpected expression")
		return nil
	}
	return t
}

func (c *checker) ident(n *expr.Ident, t *tnode) *tnode {
	switch n.Name {
	case "today":
		t.op, t.typ = opToday, tDate
		return t
	case "year":
		t.op, t.typ = opYear, tNum
		return t
	}
	if i, ok := c.sc.defs[n.Name]; ok {
		t.op, t.typ, t.idx = opDef, c.sc.dlist[i].typ, i
		return t
	}
	if i, ok := c.sc.params[n.Name]; ok {
		c.sc.used[n.Name] = true
		t.op, t.idx = opParam, i
		t.typ = vtype{t: c.sc.plist[i].Type}
		return t
	}
	i, ok := c.sc.reg.index[n.Name]
	if !ok {
		if isFunc(n.Name) {
			c.errorf(n, "%s is a function: call it with ( )", n.Name)
		} else {
			c.errorf(n, "unknown name %q: not an attribute, parameter or definition", n.Name)
		}
		return nil
	}
	c.sc.used[n.Name] = true
	a := c.sc.reg.attrs[i]
	t.op, t.idx = opAttr, i
	switch a.Type {
	case TypeMonthly, TypeYearly:
		c.errorf(n, "%s is a %s series: index it (%s[year]) or aggregate it (mean, total)", n.Name, a.Type, n.Name)
		return nil
	case TypeInteger:
		t.typ = tNum
	case TypeEnum:
		t.typ = vtype{t: TypeEnum, enum: i}
	default:
		t.typ = vtype{t: a.Type}
	}
	return t
}

// unify makes x and y comparable for == and in: an enum against a string
// literal becomes an enum literal (the string must be one of its values);
// an enum against another string expression is read as a string.
func (c *checker) unify(x, y *tnode, at expr.Node) (*tnode, *tnode, bool) {
	if x.typ.t == TypeEnum && y.typ.t == TypeString {
		if y2, ok := c.enumLit(x.typ, y, at); ok {
			return x, y2, true
		} else if y.op == opLit {
			return nil, nil, false
		}
		x = c.enumStr(x)
	}
	if y.typ.t == TypeEnum && x.typ.t == TypeString {
		y2, x2, ok := c.unify(y, x, at)
		return x2, y2, ok
	}
	if x.typ.t == TypeEnum && y.typ.t == TypeEnum && x.typ.enum != y.typ.enum {
		x, y = c.enumStr(x), c.enumStr(y)
	}
	if x.typ != y.typ {
		c.errorf(at, "cannot compare %s with %s", x.typ, y.typ)
		return nil, nil, false
	}
	return x, y, true
}

// enumStr reads an enum expression as its string value.
func (c *checker) enumStr(x *tnode) *tnode {
	return &tnode{op: opEnumStr, typ: tStr, start: x.start, end: x.end, args: []*tnode{x},
		values: c.sc.reg.attrs[x.typ.enum].Values}
}

// enumLit turns a string literal into a literal of the enum, checking that
// it is one of the enum's values.
func (c *checker) enumLit(et vtype, y *tnode, at expr.Node) (*tnode, bool) {
	if y.op != opLit {
		return nil, false
	}
	a := c.sc.reg.attrs[et.enum]
	k := slices.Index(a.Values, y.lit.s)
	if k < 0 {
		c.errorf(at, "%q is not a value of %s (one of %s)", y.lit.s, a.Name, strings.Join(a.Values, ", "))
		return nil, false
	}
	return &tnode{op: opLit, typ: et, start: y.start, end: y.end, lit: val{i: int32(k), s: y.lit.s}}, true
}

var binOps = map[expr.Op]opcode{
	expr.OpAnd: opAnd, expr.OpOr: opOr, expr.OpEq: opEq, expr.OpNe: opNe,
	expr.OpLt: opLt, expr.OpLe: opLe, expr.OpGt: opGt, expr.OpGe: opGe,
	expr.OpAdd: opAdd, expr.OpSub: opSub, expr.OpMul: opMul, expr.OpDiv: opDiv,
}

func (c *checker) binary(n *expr.Binary, t *tnode) *tnode {
	x, y := c.check(n.X), c.check(n.Y)
	if x == nil || y == nil {
		return nil
	}
	t.op = binOps[n.Op]
	t.args = []*tnode{x, y}
	switch {
	case n.Op == expr.OpAnd || n.Op == expr.OpOr:
		t.typ = tBool
		if x.typ.t != TypeBool || y.typ.t != TypeBool {
			c.errorf(n, "%s needs bools, not %s and %s", n.Op, x.typ, y.typ)
			return nil
		}
	case n.Op == expr.OpEq || n.Op == expr.OpNe:
		t.typ = tBool
		x2, y2, ok := c.unify(x, y, n)
		if !ok {
			return nil
		}
		t.args = []*tnode{x2, y2}
	case n.Op.Comparison():
		t.typ = tBool
		if x.typ != y.typ || (x.typ.t != TypeNumber && x.typ.t != TypeDate) {
			c.errorf(n, "%s compares two numbers or two dates, not %s and %s", n.Op, x.typ, y.typ)
			return nil
		}
	default:
		t.typ = tNum
		if x.typ.t != TypeNumber || y.typ.t != TypeNumber {
			c.errorf(n, "%s needs numbers, not %s and %s", n.Op, x.typ, y.typ)
			return nil
		}
	}
	return t
}

// want checks that args have the given types.
func (c *checker) want(n *expr.Call, args []*tnode, types ...vtype) bool {
	if len(args) != len(types) {
		c.errorf(n, "%s takes %d arguments, not %d", n.Fun, len(types), len(args))
		return false
	}
	for i, a := range args {
		if a.typ != types[i] {
			c.errorf(n.Args[i], "argument %d of %s must be a %s, not a %s", i+1, n.Fun, types[i], a.typ)
			return false
		}
	}
	return true
}

// series checks that a is a series attribute of type want.
func (c *checker) series(n *expr.Call, a expr.Node, want Type) (int, bool) {
	id, ok := a.(*expr.Ident)
	if ok {
		if i, found := c.sc.reg.index[id.Name]; found && c.sc.reg.attrs[i].Type == want {
			c.sc.used[id.Name] = true
			return i, true
		}
	}
	c.errorf(a, "argument 1 of %s must be a %s series attribute", n.Fun, want)
	return 0, false
}

// constString checks that a is a string literal.
func (c *checker) constString(n *expr.Call, a expr.Node) (string, bool) {
	if s, ok := a.(*expr.String); ok {
		return s.Value, true
	}
	c.errorf(a, "argument of %s must be a string literal", n.Fun)
	return "", false
}

func (c *checker) call(n *expr.Call, t *tnode) *tnode {
	op, ok := funcs[n.Fun]
	if !ok {
		c.errorf(n, "unknown function %s", n.Fun)
		return nil
	}
	t.op = op
	// Functions whose first argument is not an ordinary expression.
	switch n.Fun {
	case "date":
		if len(n.Args) != 1 {
			c.errorf(n, "date takes 1 argument")
			return nil
		}
		s, ok := c.constString(n, n.Args[0])
		if !ok {
			return nil
		}
		d, err := matter.ParseDate(s)
		if err != nil {
			c.errorf(n.Args[0], "bad date %q: want YYYY-MM-DD", s)
			return nil
		}
		t.typ, t.lit.i = tDate, dayNumber(d)
		return t
	case "tag":
		if len(n.Args) != 1 {
			c.errorf(n, "tag takes 1 argument")
			return nil
		}
		s, ok := c.constString(n, n.Args[0])
		if !ok {
			return nil
		}
		i, found := c.sc.reg.tagIx[s]
		if !found {
			c.errorf(n.Args[0], "unknown tag %q", s)
			return nil
		}
		t.typ, t.idx = tBool, i
		return t
	case "known":
		if len(n.Args) != 1 {
			c.errorf(n, "known takes 1 argument")
			return nil
		}
		id, ok := n.Args[0].(*expr.Ident)
		i, found := 0, false
		if ok {
			i, found = c.sc.reg.index[id.Name]
		}
		if !found {
			c.errorf(n.Args[0], "argument of known must be an attribute")
			return nil
		}
		c.sc.used[id.Name] = true
		t.typ, t.idx = tBool, i
		return t
	case "mean", "total":
		if len(n.Args) != 2 {
			c.errorf(n, "%s takes 2 arguments: a monthly series and a year", n.Fun)
			return nil
		}
		i, ok := c.series(n, n.Args[0], TypeMonthly)
		y := c.check(n.Args[1])
		if !ok || y == nil {
			return nil
		}
		if y.typ != tNum {
			c.errorf(n.Args[1], "argument 2 of %s must be a number (a year)", n.Fun)
			return nil
		}
		t.typ, t.idx, t.args = tNum, i, []*tnode{y}
		return t
	}
	var args []*tnode
	for _, a := range n.Args {
		x := c.check(a)
		if x == nil {
			return nil
		}
		args = append(args, x)
	}
	t.args = args
	switch n.Fun {
	case "min", "max":
		if len(args) < 2 {
			c.errorf(n, "%s takes 2 or more numbers", n.Fun)
			return nil
		}
		for i, a := range args {
			if a.typ != tNum {
				c.errorf(n.Args[i], "argument %d of %s must be a number", i+1, n.Fun)
				return nil
			}
		}
		t.typ = tNum
	case "if":
		if len(args) != 3 {
			c.errorf(n, "if takes 3 arguments: a condition and two values")
			return nil
		}
		if args[0].typ != tBool {
			c.errorf(n.Args[0], "argument 1 of if must be a bool")
			return nil
		}
		x, y, ok := c.unify(args[1], args[2], n)
		if !ok {
			return nil
		}
		t.args[1], t.args[2], t.typ = x, y, x.typ
	case "year_of":
		t.typ = tNum
		if !c.want(n, args, tDate) {
			return nil
		}
	case "add_years", "add_months":
		t.typ = tDate
		if !c.want(n, args, tDate, tNum) {
			return nil
		}
	case "days_between":
		t.typ = tNum
		if !c.want(n, args, tDate, tDate) {
			return nil
		}
	case "starts_with":
		t.typ = tBool
		if len(args) == 2 && args[0].typ.t == TypeEnum {
			args[0] = c.enumStr(args[0])
		}
		if !c.want(n, args, tStr, tStr) {
			return nil
		}
	}
	return t
}

func (c *checker) index(n *expr.Index, t *tnode) *tnode {
	id, ok := n.X.(*expr.Ident)
	i, found := 0, false
	if ok {
		i, found = c.sc.reg.index[id.Name]
	}
	if !found || (c.sc.reg.attrs[i].Type != TypeYearly && c.sc.reg.attrs[i].Type != TypeMonthly) {
		c.errorf(n.X, "only a series attribute can be indexed")
		return nil
	}
	c.sc.used[id.Name] = true
	t.idx, t.typ = i, tNum
	want := 1
	t.op = opYearIdx
	if c.sc.reg.attrs[i].Type == TypeMonthly {
		want, t.op = 2, opMonthIdx
	}
	if len(n.Args) != want {
		c.errorf(n, "%s is a %s series: index it with %d number(s)", id.Name, c.sc.reg.attrs[i].Type, want)
		return nil
	}
	for _, a := range n.Args {
		x := c.check(a)
		if x == nil {
			return nil
		}
		if x.typ != tNum {
			c.errorf(a, "an index must be a number")
			return nil
		}
		t.args = append(t.args, x)
	}
	return t
}

// compileSource parses and checks src, wanting type want (or any type when
// want is zero). Errors come back as Problems with the expression position.
func (sc *scope) checkSource(file, ptr, src string, want Type) (*tnode, []Problem) {
	n, err := expr.Parse(src)
	if err != nil {
		se := err.(*expr.SyntaxError)
		return nil, []Problem{{File: file, Pointer: ptr, Pos: fmt.Sprintf("%d:%d", se.Line, se.Col), Msg: se.Msg}}
	}
	c := &checker{sc: sc}
	t := c.check(n)
	if t != nil && want != 0 && t.typ.t != want && !(want == TypeString && t.typ.t == TypeEnum) {
		c.errorf(n, "want a %s expression, not a %s", want, t.typ)
	}
	if len(c.errs) > 0 {
		var ps []Problem
		for _, e := range c.errs {
			l, col := expr.Position(src, e.offset)
			ps = append(ps, Problem{File: file, Pointer: ptr, Pos: fmt.Sprintf("%d:%d", l, col), Msg: e.msg})
		}
		return nil, ps
	}
	return t, nil
}
