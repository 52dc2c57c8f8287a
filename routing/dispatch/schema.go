package dispatch

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
)

// SchemaBaseURL is the common prefix of the $ids of the published schemas
// of the dispatch files: SchemaBaseURL+"rules.json" describes
// dispatch/rules.json, and likewise departments.json, synonyms.json and
// places.json.
const SchemaBaseURL = "https://onething.gov.cn/schema/dispatch/"

//go:embed schema/*.json
var schemaFiles embed.FS

// Schemas returns the published JSON Schemas (draft 2020-12) of the files
// LoadRules reads, named as the files are, so that editors and tools can
// check rule files before they are loaded.
func Schemas() fs.FS {
	sub, err := fs.Sub(schemaFiles, "schema")
	if err != nil {
		panic(err) // the embedded directory exists
	}
	return sub
}

// compiledSchemas compiles the embedded schemas once, by file name.
var compiledSchemas = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	for _, name := range dataFiles {
		b, err := schemaFiles.ReadFile("schema/" + name)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("schema %s: %w", name, err)
		}
		if err := c.AddResource(SchemaBaseURL+name, doc); err != nil {
			return nil, err
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, name := range dataFiles {
		s, err := c.Compile(SchemaBaseURL + name)
		if err != nil {
			return nil, err
		}
		out[name] = s
	}
	return out, nil
})

var englishPrinter = message.NewPrinter(language.English)

// schemaErrors turns a validation error of file into LoadErrors, one per
// failed keyword, each pointing at the value at fault (or, for a missing
// or unknown property, at the property).
func schemaErrors(file string, err error) []error {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []error{invalid(file, "", "%v", err)}
	}
	var out []error
	seen := map[string]bool{}
	add := func(ptr, format string, args ...any) {
		e := invalid(file, ptr, format, args...)
		if key := e.Error(); !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		ptr := pointer(e.InstanceLocation)
		switch k := e.ErrorKind.(type) {
		case *kind.AnyOf:
			// Only a rule has anyOf: its conditions.
			add(ptr, "a rule needs a condition: any, all, categories, within or prefix")
			return
		case *kind.OneOf:
			// Only a rule has oneOf: its outcome.
			add(ptr, "a rule needs exactly one of topic and manual")
			return
		case *kind.Required:
			for _, m := range k.Missing {
				add(ptr+"/"+escapePointer(m), "missing property %q", m)
			}
			return
		case *kind.AdditionalProperties:
			for _, m := range k.Properties {
				add(ptr+"/"+escapePointer(m), "unknown property %q", m)
			}
			return
		}
		if len(e.Causes) == 0 {
			add(ptr, "%s", e.ErrorKind.LocalizedString(englishPrinter))
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return out
}
