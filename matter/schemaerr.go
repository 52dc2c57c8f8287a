package matter

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var englishPrinter = message.NewPrinter(language.English)

// schemaProblems turns a JSON Schema validation error of the entry at
// pointer base into Problems, one per leaf failure, each pointing at the
// offending value (or, for a missing or unknown property, at the property).
func schemaProblems(err error, base string) []Problem {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Problem{{Pointer: base, Rule: "schema", ZH: "不符合模式：" + err.Error(), EN: err.Error()}}
	}
	var out []Problem
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		ptr := base + instancePointer(e.InstanceLocation)
		for _, p := range leafProblems(e.ErrorKind, ptr) {
			key := p.Pointer + "\x00" + p.EN
			if !seen[key] {
				seen[key] = true
				out = append(out, p)
			}
		}
	}
	walk(ve)
	return out
}

// leafProblems explains one failed keyword in Chinese and English.
func leafProblems(k jsonschema.ErrorKind, ptr string) []Problem {
	p := Problem{Pointer: ptr, Rule: "schema", EN: k.LocalizedString(englishPrinter)}
	switch k := k.(type) {
	case *kind.Required:
		out := make([]Problem, 0, len(k.Missing))
		for _, m := range k.Missing {
			out = append(out, Problem{Pointer: ptr + "/" + escapePointer(m), Rule: "schema",
				ZH: fmt.Sprintf("缺少字段%q", m), EN: fmt.Sprintf("missing property %q", m)})
		}
		return out
	case *kind.AdditionalProperties:
		out := make([]Problem, 0, len(k.Properties))
		for _, m := range k.Properties {
			out = append(out, Problem{Pointer: ptr + "/" + escapePointer(m), Rule: "schema",
				ZH: fmt.Sprintf("未知字段%q（是否拼写错误？）", m), EN: fmt.Sprintf("unknown property %q (a typo?)", m)})
		}
		return out
	case *kind.Type:
		zh := make([]string, len(k.Want))
		for i, w := range k.Want {
			zh[i] = typeNameZH(w)
		}
		p.ZH = fmt.Sprintf("类型应为%s，实为%s", strings.Join(zh, "或"), typeNameZH(k.Got))
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			b, _ := json.Marshal(w)
			want[i] = string(b)
		}
		p.ZH = "值应为以下之一：" + strings.Join(want, "、")
	case *kind.Const:
		b, _ := json.Marshal(k.Want)
		p.ZH = "值应为" + string(b)
	case *kind.Format:
		got, _ := json.Marshal(k.Got)
		p.ZH = fmt.Sprintf("%s不是有效的%s", got, formatNameZH(k.Want))
		if k.Err != nil {
			p.ZH += "：" + k.Err.Error()
		}
	case *kind.Pattern:
		p.ZH = fmt.Sprintf("%q 格式不符（应匹配 %s）", k.Got, k.Want)
	case *kind.MinLength:
		p.ZH = fmt.Sprintf("长度至少为%d，实为%d", k.Want, k.Got)
	case *kind.MaxLength:
		p.ZH = fmt.Sprintf("长度至多为%d，实为%d", k.Want, k.Got)
	case *kind.Minimum:
		p.ZH = fmt.Sprintf("不得小于%s", ratString(k.Want))
	case *kind.Maximum:
		p.ZH = fmt.Sprintf("不得大于%s", ratString(k.Want))
	case *kind.MinItems:
		p.ZH = fmt.Sprintf("至少需要%d项，实有%d项", k.Want, k.Got)
	case *kind.MaxItems:
		p.ZH = fmt.Sprintf("至多%d项，实有%d项", k.Want, k.Got)
	case *kind.UniqueItems:
		p.ZH = fmt.Sprintf("第%d项与第%d项重复", k.Duplicates[0]+1, k.Duplicates[1]+1)
	case *kind.FalseSchema:
		p.ZH = "此处不允许任何值"
	default:
		p.ZH = "不符合模式：" + p.EN
	}
	return []Problem{p}
}

func ratString(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	return r.FloatString(6)
}

func typeNameZH(t string) string {
	switch t {
	case "string":
		return "字符串"
	case "integer":
		return "整数"
	case "number":
		return "数字"
	case "boolean":
		return "布尔值"
	case "object":
		return "对象"
	case "array":
		return "数组"
	case "null":
		return "null"
	}
	return t
}

func formatNameZH(f string) string {
	switch f {
	case "date":
		return "日期（YYYY-MM-DD）"
	case "credit-code":
		return "统一社会信用代码"
	case "division-code":
		return "行政区划代码"
	}
	return f
}

// instancePointer writes JSON pointer tokens as an RFC 6901 pointer.
func instancePointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapePointer(t))
	}
	return b.String()
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escapePointer(s string) string { return pointerEscaper.Replace(s) }
