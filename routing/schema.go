package routing

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/onething-gov/onething/standards/division"
)

// SchemaURL is the $id of the published JSON Schema of agreements files.
// It is stable: a change that would reject a file accepted before gets a
// new name.
const SchemaURL = "https://onething.gov.cn/schema/routing/agreements.json"

//go:embed schema/*.json
var schemaFiles embed.FS

// Schemas returns the published JSON Schema (draft 2020-12) of agreements
// files, named agreements.json, so that tools and editors can check files
// before they reach LoadAgreements. The custom format "division-code" is a
// GB/T 2260 code with a real province prefix; validators that do not know
// it still check the pattern beside it.
func Schemas() fs.FS {
	sub, err := fs.Sub(schemaFiles, "schema")
	if err != nil {
		panic(err) // the embedded directory exists
	}
	return sub
}

// fileSchema is compiled once, on first use.
var fileSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	b, err := schemaFiles.ReadFile("schema/agreements.json")
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("routing: embedded schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.RegisterFormat(&jsonschema.Format{Name: "division-code", Validate: func(v any) error {
		if s, ok := v.(string); ok {
			_, err := division.Parse(s)
			return err
		}
		return nil
	}})
	if err := c.AddResource(SchemaURL, doc); err != nil {
		return nil, fmt.Errorf("routing: embedded schema: %w", err)
	}
	return c.Compile(SchemaURL)
})

var english = message.NewPrinter(language.English)

// schemaProblems adds one problem per leaf failure of a validation error,
// pointing at the offending value, or at the property for a missing or
// unknown one.
func schemaProblems(col *collector, file string, err error) {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		col.add(file, "", "不符合模式：%v", "does not match the schema: %v", err)
		return
	}
	seen := map[string]bool{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		tokens := make([]any, len(e.InstanceLocation))
		for i, t := range e.InstanceLocation {
			tokens[i] = t
		}
		at := pointer(tokens...)
		add := func(ptr, zh, en string) {
			if key := ptr + "\x00" + en; !seen[key] {
				seen[key] = true
				col.addText(file, ptr, zh, en)
			}
		}
		switch k := e.ErrorKind.(type) {
		case *kind.Required:
			for _, m := range k.Missing {
				add(at+pointer(m), fmt.Sprintf("缺少字段%q", m), fmt.Sprintf("missing property %q", m))
			}
		case *kind.AdditionalProperties:
			for _, m := range k.Properties {
				add(at+pointer(m), fmt.Sprintf("未知字段%q（是否拼写错误？）", m), fmt.Sprintf("unknown property %q (a typo?)", m))
			}
		case *kind.FalseSchema:
			add(at, "此处不允许该字段", "property not allowed here")
		default:
			en := e.ErrorKind.LocalizedString(english)
			add(at, "不符合模式："+en, en)
		}
	}
	walk(ve)
}
