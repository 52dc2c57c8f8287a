package dispatch

import (
	"strconv"
	"strings"
)

// itoa formats an array index for a JSON pointer.
func itoa(i int) string { return strconv.Itoa(i) }

// escapePointer escapes one JSON pointer token (RFC 6901): ~ as ~0, / as ~1.
func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// pointer joins tokens into a JSON pointer.
func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapePointer(t))
	}
	return b.String()
}
