package expr

import (
	"fmt"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tokEOF tokKind = iota
	tokIdent
	tokNumber
	tokString
	tokLParen
	tokRParen
	tokLBrack
	tokRBrack
	tokComma
	tokOp // == != < <= > >= + - * /
)

// token is one lexical token; text is the source slice, or the unescaped
// value of a string.
type token struct {
	kind       tokKind
	text       string
	percent    bool
	start, end int
}

// lexer splits a source string into tokens.
type lexer struct {
	src string
	pos int
}

func isLetter(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// next returns the next token, or a *SyntaxError.
func (l *lexer) next() (token, error) {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			l.pos++
			continue
		}
		break
	}
	start := l.pos
	if start >= len(l.src) {
		return token{kind: tokEOF, start: start, end: start}, nil
	}
	c := l.src[start]
	switch {
	case isLetter(c):
		for l.pos < len(l.src) && (isLetter(l.src[l.pos]) || isDigit(l.src[l.pos])) {
			l.pos++
		}
		return token{kind: tokIdent, text: l.src[start:l.pos], start: start, end: l.pos}, nil
	case isDigit(c):
		for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
			l.pos++
		}
		if l.pos < len(l.src) && l.src[l.pos] == '.' {
			l.pos++
			if l.pos >= len(l.src) || !isDigit(l.src[l.pos]) {
				return token{}, l.errorf(l.pos, "a digit must follow the decimal point")
			}
			for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
				l.pos++
			}
		}
		t := token{kind: tokNumber, text: l.src[start:l.pos], start: start}
		if l.pos < len(l.src) && l.src[l.pos] == '%' {
			t.percent = true
			l.pos++
		}
		if l.pos < len(l.src) && (isLetter(l.src[l.pos]) || isDigit(l.src[l.pos])) {
			return token{}, l.errorf(l.pos, "unexpected %q after number", l.src[l.pos])
		}
		t.end = l.pos
		return t, nil
	case c == '"':
		return l.lexString()
	}
	l.pos++
	switch c {
	case '(':
		return token{kind: tokLParen, text: "(", start: start, end: l.pos}, nil
	case ')':
		return token{kind: tokRParen, text: ")", start: start, end: l.pos}, nil
	case '[':
		return token{kind: tokLBrack, text: "[", start: start, end: l.pos}, nil
	case ']':
		return token{kind: tokRBrack, text: "]", start: start, end: l.pos}, nil
	case ',':
		return token{kind: tokComma, text: ",", start: start, end: l.pos}, nil
	case '+', '-', '*', '/':
		return token{kind: tokOp, text: l.src[start:l.pos], start: start, end: l.pos}, nil
	case '<', '>':
		if l.pos < len(l.src) && l.src[l.pos] == '=' {
			l.pos++
		}
		return token{kind: tokOp, text: l.src[start:l.pos], start: start, end: l.pos}, nil
	case '=', '!':
		if l.pos < len(l.src) && l.src[l.pos] == '=' {
			l.pos++
			return token{kind: tokOp, text: l.src[start:l.pos], start: start, end: l.pos}, nil
		}
		if c == '=' {
			return token{}, l.errorf(start, "use == to compare")
		}
		return token{}, l.errorf(start, "use not to negate, != to compare")
	case '&', '|':
		return token{}, l.errorf(start, "use and, or instead of %q", c)
	}
	r, _ := utf8.DecodeRuneInString(l.src[start:])
	return token{}, l.errorf(start, "unexpected character %q", r)
}

// lexString reads a double-quoted string with the escapes \" and \\.
func (l *lexer) lexString() (token, error) {
	start := l.pos
	l.pos++ // opening quote
	var buf []byte
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch c {
		case '"':
			l.pos++
			if !utf8.Valid(buf) {
				return token{}, l.errorf(start, "string is not valid UTF-8")
			}
			return token{kind: tokString, text: string(buf), start: start, end: l.pos}, nil
		case '\\':
			if l.pos+1 >= len(l.src) || (l.src[l.pos+1] != '"' && l.src[l.pos+1] != '\\') {
				return token{}, l.errorf(l.pos, `only \" and \\ escapes are allowed`)
			}
			buf = append(buf, l.src[l.pos+1])
			l.pos += 2
		case '\n':
			return token{}, l.errorf(l.pos, "newline in string")
		default:
			buf = append(buf, c)
			l.pos++
		}
	}
	return token{}, l.errorf(start, "string not terminated")
}

func (l *lexer) errorf(offset int, format string, args ...any) *SyntaxError {
	return newSyntaxError(l.src, offset, fmt.Sprintf(format, args...))
}
