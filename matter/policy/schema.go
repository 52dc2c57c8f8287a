package policy

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// SchemaBaseURL is the common prefix of the $ids of the published schemas:
// SchemaBaseURL+"policy.json" describes a policy file, and likewise
// attributes.json, parameters.json and scenarios.json.
const SchemaBaseURL = "https://onething.gov.cn/schema/policy/"

//go:embed schema/*.json
var schemaFiles embed.FS

// Schemas returns the published JSON Schemas (draft 2020-12) of the policy
// folder's files, so that editors and tools can check a file before
// LoadFS does.
func Schemas() fs.FS {
	sub, err := fs.Sub(schemaFiles, "schema")
	if err != nil {
		panic(err) // the embedded directory exists
	}
	return sub
}

// schemas compiles the four schemas once.
var schemas = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	names, err := fs.Glob(schemaFiles, "schema/*.json")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		b, err := schemaFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("policy: embedded %s: %w", name, err)
		}
		if err := c.AddResource(SchemaBaseURL+strings.TrimPrefix(name, "schema/"), doc); err != nil {
			return nil, err
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, name := range names {
		base := strings.TrimPrefix(name, "schema/")
		s, err := c.Compile(SchemaBaseURL + base)
		if err != nil {
			return nil, fmt.Errorf("policy: compiling %s: %w", base, err)
		}
		out[base] = s
	}
	return out, nil
})

var englishPrinter = message.NewPrinter(language.English)

// validate checks data against the named schema and decodes it into v
// (strictly: unknown fields are errors). Every problem is added to ps; it
// reports whether the file is usable.
func validate(file, schema string, data []byte, v any, ps *problems) bool {
	ss, err := schemas()
	if err != nil {
		ps.add(file, "", "%v", err)
		return false
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		ps.add(file, "", "not JSON: %v", err)
		return false
	}
	if err := ss[schema].Validate(inst); err != nil {
		schemaProblems(file, err, ps)
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		ps.add(file, "", "%v", err)
		return false
	}
	return true
}

// schemaProblems adds one Problem per leaf failure of a schema validation.
func schemaProblems(file string, err error, ps *problems) {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		ps.add(file, "", "%v", err)
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
		ptr := ""
		for _, tok := range e.InstanceLocation {
			ptr += "/" + escapePointer(tok)
		}
		var msgs [][2]string // pointer, message
		switch k := e.ErrorKind.(type) {
		case *kind.Required:
			for _, m := range k.Missing {
				msgs = append(msgs, [2]string{ptr + "/" + escapePointer(m), fmt.Sprintf("missing property %q", m)})
			}
		case *kind.AdditionalProperties:
			for _, m := range k.Properties {
				msgs = append(msgs, [2]string{ptr + "/" + escapePointer(m), fmt.Sprintf("unknown property %q (a typo?)", m)})
			}
		default:
			msgs = append(msgs, [2]string{ptr, e.ErrorKind.LocalizedString(englishPrinter)})
		}
		for _, m := range msgs {
			if key := m[0] + "\x00" + m[1]; !seen[key] {
				seen[key] = true
				ps.add(file, m[0], "%s", m[1])
			}
		}
	}
	walk(ve)
}
