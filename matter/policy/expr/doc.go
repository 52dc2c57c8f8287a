// Package expr is the syntax of the condition and formula language of
// package policy (免申即享 rules): a lexer, a parser producing a tree whose
// every node carries its byte offsets in the source, a canonical printer and
// a walker.
//
// It is for tools that read, lint or rewrite policy rules. It knows nothing
// of types, attributes or values: package policy type-checks a tree against
// its attribute registry and parameters, compiles it and evaluates it, and
// its package comment is the language reference.
package expr
