package expr

import (
	"strconv"
	"strings"
)

// Precedence levels, loosest first.
const (
	precOr = iota + 1
	precAnd
	precNot
	precCmp
	precSum
	precProd
	precNeg
	precPostfix
)

func prec(n Node) int {
	switch n := n.(type) {
	case *Paren:
		return prec(n.X)
	case *Binary:
		switch {
		case n.Op == OpOr:
			return precOr
		case n.Op == OpAnd:
			return precAnd
		case n.Op.Comparison():
			return precCmp
		case n.Op == OpAdd || n.Op == OpSub:
			return precSum
		default:
			return precProd
		}
	case *Unary:
		if n.Op == OpNot {
			return precNot
		}
		return precNeg
	case *In, *Between:
		return precCmp
	}
	return precPostfix
}

// Format prints n in canonical form: single spaces around binary operators,
// parentheses only where the grammar needs them (a Paren node is printed
// as its content, parenthesised only if needed). Parse(Format(n)) gives a
// tree equal to n apart from offsets.
func Format(n Node) string {
	var b strings.Builder
	format(&b, n)
	return b.String()
}

// sub prints x, parenthesised when it binds less tightly than min.
func sub(b *strings.Builder, x Node, min int) {
	if prec(x) < min {
		b.WriteByte('(')
		format(b, x)
		b.WriteByte(')')
		return
	}
	format(b, x)
}

func format(b *strings.Builder, n Node) {
	switch n := n.(type) {
	case *Paren:
		format(b, n.X)
	case *Ident:
		b.WriteString(n.Name)
	case *Number:
		b.WriteString(n.Text)
		if n.Percent {
			b.WriteByte('%')
		}
	case *String:
		b.WriteString(Quote(n.Value))
	case *Bool:
		b.WriteString(strconv.FormatBool(n.Value))
	case *List:
		b.WriteByte('[')
		formatList(b, n.Elems)
		b.WriteByte(']')
	case *Unary:
		if n.Op == OpNot {
			b.WriteString("not ")
			sub(b, n.X, precNot)
			return
		}
		b.WriteByte('-')
		sub(b, n.X, precNeg)
	case *Binary:
		p := prec(n)
		switch {
		case n.Op.Comparison():
			sub(b, n.X, precSum)
			b.WriteString(" " + n.Op.String() + " ")
			sub(b, n.Y, precSum)
		default:
			sub(b, n.X, p)
			b.WriteString(" " + n.Op.String() + " ")
			sub(b, n.Y, p+1)
		}
	case *Call:
		b.WriteString(n.Fun)
		b.WriteByte('(')
		formatList(b, n.Args)
		b.WriteByte(')')
	case *Index:
		sub(b, n.X, precPostfix)
		b.WriteByte('[')
		formatList(b, n.Args)
		b.WriteByte(']')
	case *In:
		sub(b, n.X, precSum)
		if n.Not {
			b.WriteString(" not")
		}
		b.WriteString(" in ")
		format(b, n.List)
	case *Between:
		sub(b, n.X, precSum)
		if n.Not {
			b.WriteString(" not")
		}
		b.WriteString(" between ")
		sub(b, n.Lo, precSum)
		b.WriteString(" and ")
		sub(b, n.Hi, precSum)
	}
}

func formatList(b *strings.Builder, xs []Node) {
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		format(b, x)
	}
}

// Quote writes s as a string literal of the language.
func Quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}

// Walk calls f for n and, depth first, for every node below it, stopping
// early when f returns false.
func Walk(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	switch n := n.(type) {
	case *Paren:
		Walk(n.X, f)
	case *List:
		for _, x := range n.Elems {
			Walk(x, f)
		}
	case *Unary:
		Walk(n.X, f)
	case *Binary:
		Walk(n.X, f)
		Walk(n.Y, f)
	case *Call:
		for _, x := range n.Args {
			Walk(x, f)
		}
	case *Index:
		Walk(n.X, f)
		for _, x := range n.Args {
			Walk(x, f)
		}
	case *In:
		Walk(n.X, f)
		Walk(n.List, f)
	case *Between:
		Walk(n.X, f)
		Walk(n.Lo, f)
		Walk(n.Hi, f)
	}
}
