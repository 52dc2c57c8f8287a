package expr

import "strings"

// MaxLen is the longest source, in bytes, that Parse accepts.
const MaxLen = 16 << 10

// maxDepth bounds the nesting of parentheses, operators and calls, so that
// hostile input cannot exhaust the stack.
const maxDepth = 100

// keywords may not be used as names.
var keywords = map[string]bool{
	"and": true, "or": true, "not": true, "in": true, "between": true,
	"true": true, "false": true,
}

// IsKeyword reports whether name is reserved by the language.
func IsKeyword(name string) bool { return keywords[name] }

// Parse parses one expression. Errors are *SyntaxError values, wrapping
// ErrSyntax, with the line and column of the fault.
//
// The grammar, loosest binding first:
//
//	expr    = and { "or" and }
//	and     = not { "and" not }
//	not     = "not" not | cmp
//	cmp     = sum [ ("=="|"!="|"<"|"<="|">"|">=") sum
//	              | ["not"] "in" list
//	              | ["not"] "between" sum "and" sum ]
//	sum     = prod { ("+"|"-") prod }
//	prod    = unary { ("*"|"/") unary }
//	unary   = "-" unary | postfix
//	postfix = primary { "[" expr { "," expr } "]" }
//	primary = number ["%"] | string | "true" | "false"
//	        | name [ "(" [ expr { "," expr } ] ")" ] | "(" expr ")"
//	list    = "[" [ expr { "," expr } ] "]"
//
// A name is a letter or underscore followed by letters, digits and
// underscores; a number is digits with an optional fraction; a string is
// double-quoted, with \" and \\ the only escapes. Comparisons do not chain:
// a < b < c is an error.
func Parse(src string) (Node, error) {
	if len(src) > MaxLen {
		return nil, newSyntaxError(src, MaxLen, "expression longer than 16 KiB")
	}
	p := &parser{lex: lexer{src: src}}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tokEOF {
		return nil, p.errorf(p.tok.start, "empty expression")
	}
	n, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		return nil, p.errorf(p.tok.start, "unexpected %s after expression", p.describe())
	}
	return n, nil
}

type parser struct {
	lex   lexer
	tok   token
	depth int
}

func (p *parser) advance() error {
	t, err := p.lex.next()
	if err != nil {
		return err
	}
	p.tok = t
	return nil
}

func (p *parser) errorf(offset int, format string, args ...any) *SyntaxError {
	return p.lex.errorf(offset, format, args...)
}

// describe names the current token for an error message.
func (p *parser) describe() string {
	switch p.tok.kind {
	case tokEOF:
		return "end of expression"
	case tokString:
		return "string"
	}
	return "\"" + p.lex.src[p.tok.start:p.tok.end] + "\""
}

func (p *parser) isWord(w string) bool { return p.tok.kind == tokIdent && p.tok.text == w }
func (p *parser) isOp(op string) bool  { return p.tok.kind == tokOp && p.tok.text == op }

func (p *parser) enter() error {
	p.depth++
	if p.depth > maxDepth {
		return p.errorf(p.tok.start, "expression nested too deeply")
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

func (p *parser) parseOr() (Node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	for p.isWord("or") {
		if err := p.advance(); err != nil {
			return nil, err
		}
		y, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		x = &Binary{Op: OpOr, X: x, Y: y}
	}
	return x, nil
}

func (p *parser) parseAnd() (Node, error) {
	x, err := p.parseNot()
	if err != nil {
		return nil, err
	}
	for p.isWord("and") {
		if err := p.advance(); err != nil {
			return nil, err
		}
		y, err := p.parseNot()
		if err != nil {
			return nil, err
		}
		x = &Binary{Op: OpAnd, X: x, Y: y}
	}
	return x, nil
}

func (p *parser) parseNot() (Node, error) {
	if !p.isWord("not") {
		return p.parseCmp()
	}
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	start := p.tok.start
	if err := p.advance(); err != nil {
		return nil, err
	}
	x, err := p.parseNot()
	if err != nil {
		return nil, err
	}
	return &Unary{Op: OpNot, X: x, Start: start}, nil
}

var cmpOps = map[string]Op{"==": OpEq, "!=": OpNe, "<": OpLt, "<=": OpLe, ">": OpGt, ">=": OpGe}

func (p *parser) parseCmp() (Node, error) {
	x, err := p.parseSum()
	if err != nil {
		return nil, err
	}
	if op, ok := cmpOps[p.tok.text]; ok && p.tok.kind == tokOp {
		if err := p.advance(); err != nil {
			return nil, err
		}
		y, err := p.parseSum()
		if err != nil {
			return nil, err
		}
		if _, ok := cmpOps[p.tok.text]; ok && p.tok.kind == tokOp {
			return nil, p.errorf(p.tok.start, "comparisons do not chain: use and")
		}
		return &Binary{Op: op, X: x, Y: y}, nil
	}
	not := false
	if p.isWord("not") {
		not = true
		if err := p.advance(); err != nil {
			return nil, err
		}
		if !p.isWord("in") && !p.isWord("between") {
			return nil, p.errorf(p.tok.start, "expected in or between after not, found %s", p.describe())
		}
	}
	switch {
	case p.isWord("in"):
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind != tokLBrack {
			return nil, p.errorf(p.tok.start, "expected [ after in, found %s", p.describe())
		}
		l, err := p.parseList()
		if err != nil {
			return nil, err
		}
		return &In{X: x, Not: not, List: l}, nil
	case p.isWord("between"):
		if err := p.advance(); err != nil {
			return nil, err
		}
		lo, err := p.parseSum()
		if err != nil {
			return nil, err
		}
		if !p.isWord("and") {
			return nil, p.errorf(p.tok.start, "expected and in between … and …, found %s", p.describe())
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		hi, err := p.parseSum()
		if err != nil {
			return nil, err
		}
		return &Between{X: x, Lo: lo, Hi: hi, Not: not}, nil
	}
	return x, nil
}

func (p *parser) parseSum() (Node, error) {
	x, err := p.parseProd()
	if err != nil {
		return nil, err
	}
	for p.isOp("+") || p.isOp("-") {
		op := OpAdd
		if p.tok.text == "-" {
			op = OpSub
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		y, err := p.parseProd()
		if err != nil {
			return nil, err
		}
		x = &Binary{Op: op, X: x, Y: y}
	}
	return x, nil
}

func (p *parser) parseProd() (Node, error) {
	x, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	for p.isOp("*") || p.isOp("/") {
		op := OpMul
		if p.tok.text == "/" {
			op = OpDiv
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		y, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		x = &Binary{Op: op, X: x, Y: y}
	}
	return x, nil
}

func (p *parser) parseUnary() (Node, error) {
	if !p.isOp("-") {
		return p.parsePostfix()
	}
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	start := p.tok.start
	if err := p.advance(); err != nil {
		return nil, err
	}
	x, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	return &Unary{Op: OpNeg, X: x, Start: start}, nil
}

func (p *parser) parsePostfix() (Node, error) {
	x, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	for p.tok.kind == tokLBrack {
		if err := p.advance(); err != nil {
			return nil, err
		}
		args, end, err := p.parseArgs(tokRBrack, "]")
		if err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return nil, p.errorf(end-1, "empty index")
		}
		x = &Index{X: x, Args: args, End: end}
	}
	return x, nil
}

func (p *parser) parsePrimary() (Node, error) {
	t := p.tok
	switch t.kind {
	case tokNumber:
		if err := p.advance(); err != nil {
			return nil, err
		}
		return &Number{Text: strings.TrimSuffix(t.text, "%"), Percent: t.percent, Start: t.start, End: t.end}, nil
	case tokString:
		if err := p.advance(); err != nil {
			return nil, err
		}
		return &String{Value: t.text, Start: t.start, End: t.end}, nil
	case tokLParen:
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		if err := p.advance(); err != nil {
			return nil, err
		}
		x, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if p.tok.kind != tokRParen {
			return nil, p.errorf(p.tok.start, "expected ), found %s", p.describe())
		}
		end := p.tok.end
		return &Paren{X: x, Start: t.start, End: end}, p.advance()
	case tokIdent:
		switch t.text {
		case "true", "false":
			if err := p.advance(); err != nil {
				return nil, err
			}
			return &Bool{Value: t.text == "true", Start: t.start, End: t.end}, nil
		}
		if keywords[t.text] {
			return nil, p.errorf(t.start, "unexpected keyword %q", t.text)
		}
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind != tokLParen {
			return &Ident{Name: t.text, Start: t.start, End: t.end}, nil
		}
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer p.leave()
		if err := p.advance(); err != nil {
			return nil, err
		}
		args, end, err := p.parseArgs(tokRParen, ")")
		if err != nil {
			return nil, err
		}
		return &Call{Fun: t.text, Args: args, Start: t.start, End: end}, nil
	case tokLBrack:
		return nil, p.errorf(t.start, "a list may only follow in")
	case tokEOF:
		return nil, p.errorf(t.start, "unexpected end of expression")
	}
	return nil, p.errorf(t.start, "unexpected %s", p.describe())
}

// parseList parses "[" [expr {"," expr}] "]" with the current token "[".
func (p *parser) parseList() (*List, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer p.leave()
	start := p.tok.start
	if err := p.advance(); err != nil {
		return nil, err
	}
	elems, end, err := p.parseArgs(tokRBrack, "]")
	if err != nil {
		return nil, err
	}
	return &List{Elems: elems, Start: start, End: end}, nil
}

// parseArgs parses [expr {"," expr}] and the closing token, returning the
// end offset of the closing token.
func (p *parser) parseArgs(close tokKind, closeText string) ([]Node, int, error) {
	var args []Node
	if p.tok.kind == close {
		end := p.tok.end
		return nil, end, p.advance()
	}
	for {
		a, err := p.parseOr()
		if err != nil {
			return nil, 0, err
		}
		args = append(args, a)
		switch p.tok.kind {
		case tokComma:
			if err := p.advance(); err != nil {
				return nil, 0, err
			}
		case close:
			end := p.tok.end
			return args, end, p.advance()
		default:
			return nil, 0, p.errorf(p.tok.start, "expected , or %s, found %s", closeText, p.describe())
		}
	}
}
