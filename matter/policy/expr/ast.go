package expr

// Node is a node of the syntax tree. Every node knows the byte offsets of
// the source text it was parsed from, so that a checker or an evaluator can
// point at it and quote it.
type Node interface {
	// Span returns the byte offsets [start, end) of the node in the source.
	Span() (start, end int)
	node()
}

// Op is an operator.
type Op uint8

// The operators, from the loosest binding to the tightest.
const (
	OpOr  Op = iota + 1 // or
	OpAnd               // and
	OpNot               // not (prefix)
	OpEq                // ==
	OpNe                // !=
	OpLt                // <
	OpLe                // <=
	OpGt                // >
	OpGe                // >=
	OpAdd               // +
	OpSub               // -
	OpMul               // *
	OpDiv               // /
	OpNeg               // - (prefix)
)

var opText = [...]string{
	OpOr: "or", OpAnd: "and", OpNot: "not",
	OpEq: "==", OpNe: "!=", OpLt: "<", OpLe: "<=", OpGt: ">", OpGe: ">=",
	OpAdd: "+", OpSub: "-", OpMul: "*", OpDiv: "/", OpNeg: "-",
}

// String returns the operator as written in the language.
func (o Op) String() string {
	if int(o) < len(opText) && opText[o] != "" {
		return opText[o]
	}
	return "?"
}

// Comparison reports whether o is one of == != < <= > >=.
func (o Op) Comparison() bool { return o >= OpEq && o <= OpGe }

// Ident is a name: an attribute, a parameter, a definition, or one of the
// context names today and year.
type Ident struct {
	Name       string
	Start, End int
}

// Number is a decimal literal such as 1500, 0.6 or 5.5%. Text holds the
// digits as written, without the percent sign; Percent reports a trailing
// %, which divides the value by 100.
type Number struct {
	Text       string
	Percent    bool
	Start, End int
}

// String is a double-quoted string literal; Value is unescaped.
type String struct {
	Value      string
	Start, End int
}

// Bool is true or false.
type Bool struct {
	Value      bool
	Start, End int
}

// List is a bracketed list of expressions, the right side of in.
type List struct {
	Elems      []Node
	Start, End int
}

// Unary is not X or -X.
type Unary struct {
	Op    Op
	X     Node
	Start int
}

// Binary is X op Y for a logical, comparison or arithmetic operator.
type Binary struct {
	Op   Op
	X, Y Node
}

// Call is a function call f(args).
type Call struct {
	Fun        string
	Args       []Node
	Start, End int
}

// Index is X[args], an element of a series: s[year] or s[year, month].
type Index struct {
	X    Node
	Args []Node
	End  int
}

// In is X in [a, b, …] or X not in [a, b, …].
type In struct {
	X    Node
	Not  bool
	List *List
}

// Between is X between Lo and Hi (both ends included), or X not between Lo
// and Hi.
type Between struct {
	X, Lo, Hi Node
	Not       bool
}

// Paren is a parenthesised expression, kept so that spans include the
// parentheses.
type Paren struct {
	X          Node
	Start, End int
}

// Span implements Node.
func (n *Paren) Span() (int, int) { return n.Start, n.End }

// Span implements Node.
func (n *Ident) Span() (int, int) { return n.Start, n.End }

// Span implements Node.
func (n *Number) Span() (int, int) { return n.Start, n.End }

// Span implements Node.
func (n *String) Span() (int, int) { return n.Start, n.End }

// Span implements Node.
func (n *Bool) Span() (int, int) { return n.Start, n.End }

// Span implements Node.
func (n *List) Span() (int, int) { return n.Start, n.End }

// Span implements Node.
func (n *Unary) Span() (int, int) { _, e := n.X.Span(); return n.Start, e }

// Span implements Node.
func (n *Binary) Span() (int, int) { s, _ := n.X.Span(); _, e := n.Y.Span(); return s, e }

// Span implements Node.
func (n *Call) Span() (int, int) { return n.Start, n.End }

// Span implements Node.
func (n *Index) Span() (int, int) { s, _ := n.X.Span(); return s, n.End }

// Span implements Node.
func (n *In) Span() (int, int) { s, _ := n.X.Span(); return s, n.List.End }

// Span implements Node.
func (n *Between) Span() (int, int) { s, _ := n.X.Span(); _, e := n.Hi.Span(); return s, e }

func (*Paren) node()   {}
func (*Ident) node()   {}
func (*Number) node()  {}
func (*String) node()  {}
func (*Bool) node()    {}
func (*List) node()    {}
func (*Unary) node()   {}
func (*Binary) node()  {}
func (*Call) node()    {}
func (*Index) node()   {}
func (*In) node()      {}
func (*Between) node() {}
