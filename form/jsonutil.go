package form

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strconv"
	"strings"
)

// decoded is a JSON document decoded for schema work: objects are
// map[string]any, numbers json.Number, and the key order of every object is
// kept by the object's JSON pointer, so that fields keep the order their
// authors gave them.
type decoded struct {
	value any
	order map[string][]string
}

// maxDepth bounds the nesting of form documents, which are written by hand.
const maxDepth = 64

// decodeOrdered decodes one JSON value, rejecting duplicate keys, trailing
// data and nesting beyond maxDepth.
func decodeOrdered(b []byte) (decoded, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	d := decoded{order: map[string][]string{}}
	v, err := decodeValue(dec, "", d.order, 0)
	if err != nil {
		return decoded{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return decoded{}, errors.New("unexpected data after the JSON value")
	}
	d.value = v
	return d, nil
}

func decodeValue(dec *json.Decoder, ptr string, order map[string][]string, depth int) (any, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("at %s: nested deeper than %d", pointerOrRoot(ptr), maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			m := map[string]any{}
			var keys []string
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("at %s: object key is not a string", pointerOrRoot(ptr))
				}
				if _, dup := m[k]; dup {
					return nil, fmt.Errorf("at %s: duplicate key %q", pointerOrRoot(ptr), k)
				}
				v, err := decodeValue(dec, ptr+"/"+escapeToken(k), order, depth+1)
				if err != nil {
					return nil, err
				}
				m[k] = v
				keys = append(keys, k)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			order[ptr] = keys
			return m, nil
		case '[':
			a := []any{}
			for i := 0; dec.More(); i++ {
				v, err := decodeValue(dec, ptr+"/"+strconv.Itoa(i), order, depth+1)
				if err != nil {
					return nil, err
				}
				a = append(a, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return a, nil
		}
		return nil, fmt.Errorf("at %s: unexpected %v", pointerOrRoot(ptr), t)
	default:
		return t, nil
	}
}

func pointerOrRoot(p string) string {
	if p == "" {
		return "the root"
	}
	return p
}

var (
	tokenEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	tokenUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// escapeToken escapes one reference token of a JSON pointer (RFC 6901).
func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return tokenEscaper.Replace(s)
}

// pointer joins reference tokens into a JSON pointer.
func pointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapeToken(t))
	}
	return b.String()
}

// splitPointer splits a JSON pointer into unescaped reference tokens.
func splitPointer(p string) ([]string, error) {
	if p == "" {
		return nil, nil
	}
	if p[0] != '/' {
		return nil, fmt.Errorf("JSON pointer %q does not start with /", p)
	}
	parts := strings.Split(p[1:], "/")
	for i, s := range parts {
		parts[i] = tokenUnescaper.Replace(s)
	}
	return parts, nil
}

// jsonType returns the JSON Schema type name of a decoded value; a
// json.Number that is a whole number is "integer".
func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case json.Number:
		if r, ok := numberRat(v); ok && r.IsInt() {
			return "integer"
		}
		return "number"
	case float64, float32:
		if r, ok := numberRat(v); ok && r.IsInt() {
			return "integer"
		}
		return "number"
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return "integer"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "unknown"
}

// numberRat returns a JSON number as an exact rational.
func numberRat(v any) (*big.Rat, bool) {
	switch n := v.(type) {
	case json.Number:
		r, ok := new(big.Rat).SetString(string(n))
		return r, ok
	case float64:
		r := new(big.Rat)
		if r.SetFloat64(n) == nil {
			return nil, false
		}
		return r, true
	case float32:
		r := new(big.Rat)
		if r.SetFloat64(float64(n)) == nil {
			return nil, false
		}
		return r, true
	case int:
		return new(big.Rat).SetInt64(int64(n)), true
	case int64:
		return new(big.Rat).SetInt64(n), true
	case int32:
		return new(big.Rat).SetInt64(int64(n)), true
	case uint64:
		return new(big.Rat).SetUint64(n), true
	}
	return nil, false
}

// jsonEqual compares decoded JSON values as JSON Schema does: numbers by
// value, objects by keys, arrays in order.
func jsonEqual(a, b any) bool {
	if ra, ok := numberRat(a); ok {
		rb, ok := numberRat(b)
		return ok && ra.Cmp(rb) == 0
	}
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool:
		bb, ok := b.(bool)
		return ok && a == bb
	case string:
		bs, ok := b.(string)
		return ok && a == bs
	case []any:
		bb, ok := b.([]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for i := range a {
			if !jsonEqual(a[i], bb[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bb, ok := b.(map[string]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for k, v := range a {
			w, ok := bb[k]
			if !ok || !jsonEqual(v, w) {
				return false
			}
		}
		return true
	}
	return false
}

// clone deep-copies a decoded JSON value.
func clone(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = clone(x)
		}
		return m
	case []any:
		a := make([]any, len(v))
		for i, x := range v {
			a[i] = clone(x)
		}
		return a
	}
	return v
}

// canonical renders a JSON value with sorted keys and numbers in lowest
// terms, so that equal values render equally: a map key for sets of values.
func canonical(v any) string {
	var b strings.Builder
	writeCanonical(&b, v)
	return b.String()
}

func writeCanonical(b *strings.Builder, v any) {
	if r, ok := numberRat(v); ok {
		b.WriteString(r.RatString())
		return
	}
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			writeCanonical(b, v[k])
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCanonical(b, x)
		}
		b.WriteByte(']')
	default:
		j, err := json.Marshal(v)
		if err != nil {
			fmt.Fprintf(b, "%q", fmt.Sprint(v))
			return
		}
		b.Write(j)
	}
}

// stringList reads a JSON array of strings.
func stringList(v any) ([]string, bool) {
	a, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(a))
	for _, x := range a {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// anyStrings converts strings to a JSON array.
func anyStrings(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
