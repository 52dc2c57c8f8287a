package standards

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SchemaBaseURL is the common prefix of the $ids of the published schemas:
// SchemaBaseURL+"standards.json" describes the standards files and
// SchemaBaseURL+"tree.json" the category tree. The $ids are stable: a change
// that would reject a file accepted before gets a new name.
const SchemaBaseURL = "https://onething.gov.cn/schema/standards/"

//go:embed schema/*.json
var schemaFiles embed.FS

// Schemas returns the published JSON Schemas (draft 2020-12) of the
// standard system's files, named standards.json and tree.json, so that
// tools and editors can check files before they reach LoadSystem.
func Schemas() fs.FS {
	sub, err := fs.Sub(schemaFiles, "schema")
	if err != nil {
		panic(err) // the embedded directory exists
	}
	return sub
}

// compiled holds the schema of one standard (an element of a standards
// file) and of the tree file.
type compiledSchemas struct {
	standard, tree *jsonschema.Schema
}

// schemas compiles the embedded schemas once.
var schemas = sync.OnceValues(func() (compiledSchemas, error) {
	var out compiledSchemas
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	for _, name := range []string{"standards.json", "tree.json"} {
		b, err := schemaFiles.ReadFile("schema/" + name)
		if err != nil {
			return out, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return out, fmt.Errorf("standards: embedded %s: %w", name, err)
		}
		if err := c.AddResource(SchemaBaseURL+name, doc); err != nil {
			return out, fmt.Errorf("standards: embedded %s: %w", name, err)
		}
	}
	var err error
	if out.standard, err = c.Compile(SchemaBaseURL + "standards.json#/$defs/standard"); err != nil {
		return out, fmt.Errorf("standards: compiling standards.json: %w", err)
	}
	if out.tree, err = c.Compile(SchemaBaseURL + "tree.json"); err != nil {
		return out, fmt.Errorf("standards: compiling tree.json: %w", err)
	}
	return out, nil
})
