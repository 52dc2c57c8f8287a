package matter

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

// SchemaBaseURL is the common prefix of the $ids of the published catalog
// file schemas: SchemaBaseURL+"matters.json" describes matters/*.json, and
// likewise bundles.json, overlays.json, negative.json and outlets.json;
// common.json holds the definitions they share. The $ids are stable: a
// change that would reject a file accepted before gets a new name.
const SchemaBaseURL = "https://onething.gov.cn/schema/matter/"

//go:embed schema/*.json
var schemaFiles embed.FS

// Schemas returns the published JSON Schemas (draft 2020-12) of the catalog
// files, named matters.json, bundles.json, overlays.json, negative.json,
// outlets.json and common.json, so that tools and editors can check files
// before they reach LoadFS.
//
// Two formats are custom: "credit-code" (a fully valid GB 32100 code) and
// "division-code" (a GB/T 2260 code with a real province prefix). Validators
// that do not know them still check the patterns beside them; LoadFS
// asserts them, and every "date" format.
func Schemas() fs.FS {
	sub, err := fs.Sub(schemaFiles, "schema")
	if err != nil {
		panic(err) // the embedded directory exists
	}
	return sub
}

// fileKind is one kind of catalog file, with the schema of its entries.
type fileKind int

const (
	kindMatters fileKind = iota
	kindBundles
	kindOverlays
	kindNegative
	kindOutlets
	numKinds
)

// kindInfo names each kind's folder, schema and entry definition.
var kindInfo = [numKinds]struct {
	dir, schema, def, noun string
}{
	kindMatters:  {"matters", "matters.json", "matter", "matters"},
	kindBundles:  {"bundles", "bundles.json", "bundle", "bundles"},
	kindOverlays: {"overlays", "overlays.json", "overlay", "overlays"},
	kindNegative: {"negative", "negative.json", "entry", "negative-list entries"},
	kindOutlets:  {"outlets", "outlets.json", "outlet", "outlets"},
}

// entrySchemas compiles, once, the schema of one array element of each file
// kind.
var entrySchemas = sync.OnceValues(func() ([numKinds]*jsonschema.Schema, error) {
	var out [numKinds]*jsonschema.Schema
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.RegisterFormat(&jsonschema.Format{Name: "credit-code", Validate: validateCreditCodeFormat})
	c.RegisterFormat(&jsonschema.Format{Name: "division-code", Validate: validateDivisionFormat})
	names, err := fs.Glob(schemaFiles, "schema/*.json")
	if err != nil {
		return out, err
	}
	for _, name := range names {
		b, err := schemaFiles.ReadFile(name)
		if err != nil {
			return out, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return out, fmt.Errorf("matter: embedded %s: %w", name, err)
		}
		if err := c.AddResource(SchemaBaseURL+name[len("schema/"):], doc); err != nil {
			return out, fmt.Errorf("matter: embedded %s: %w", name, err)
		}
	}
	for k := range numKinds {
		s, err := c.Compile(SchemaBaseURL + kindInfo[k].schema + "#/$defs/" + kindInfo[k].def)
		if err != nil {
			return out, fmt.Errorf("matter: compiling %s: %w", kindInfo[k].schema, err)
		}
		out[k] = s
	}
	return out, nil
})

func validateCreditCodeFormat(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	_, err := creditcode.Parse(s)
	return err
}

func validateDivisionFormat(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	_, err := division.Parse(s)
	return err
}
