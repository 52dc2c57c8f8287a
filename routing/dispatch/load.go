package dispatch

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
)

// Dir is the folder of a catalog root that holds the dispatch files.
const Dir = "dispatch"

// The files LoadRules reads from Dir, each checked against the schema of
// the same name (see Schemas).
const (
	DepartmentsFile = "departments.json" // departments and their topics
	SynonymsFile    = "synonyms.json"    // synonym groups
	PlacesFile      = "places.json"      // province, aliases and ignored names
	RulesFile       = "rules.json"       // the ordered rules
)

var dataFiles = []string{DepartmentsFile, SynonymsFile, PlacesFile, RulesFile}

// LoadRules reads the dispatch rules from the Dir folder of a catalog root
// and compiles them. Each file is checked against its embedded schema
// (unknown properties are errors), then against the others: topic and
// department IDs unique, every rule's topic defined, rule IDs unique,
// keywords non-empty after normalisation and not both required and
// forbidden, synonyms in one group only, divisions in the table.
//
// Every problem is reported, not just the first: the error joins one
// *LoadError per problem, naming the file and a JSON pointer, each
// wrapping ErrInvalid (or fs.ErrNotExist for a missing file).
func LoadRules(fsys fs.FS) (*Rules, error) {
	schemas, err := compiledSchemas()
	if err != nil {
		return nil, fmt.Errorf("dispatch: embedded schemas: %w", err)
	}
	var (
		errs []error
		raw  = map[string][]byte{}
	)
	for _, name := range dataFiles {
		file := path.Join(Dir, name)
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			errs = append(errs, &LoadError{File: file, Err: err})
			continue
		}
		doc, err := decodeAny(b)
		if err != nil {
			errs = append(errs, invalid(file, "", "%v", err))
			continue
		}
		if err := schemas[name].Validate(doc); err != nil {
			errs = append(errs, schemaErrors(file, err)...)
			continue
		}
		raw[name] = b
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var (
		deps  departmentsFile
		syns  synonymsFile
		plc   placesFile
		rules rulesFile
	)
	for i, v := range []any{&deps, &syns, &plc, &rules} {
		name := dataFiles[i]
		if err := decodeStrict(raw[name], v); err != nil {
			// The schema should have caught it.
			errs = append(errs, invalid(path.Join(Dir, name), "", "%v", err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	rs, errs := compile(deps, syns, plc, rules)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return rs, nil
}

// decodeAny decodes one JSON value for schema validation, reporting a
// syntax error with its line and column and refusing trailing data.
func decodeAny(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := lineCol(b, max(se.Offset-1, 0)) // Offset is just past the bad byte
			return nil, fmt.Errorf("line %d, column %d: %v", line, col, se)
		}
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		line, col := lineCol(b, dec.InputOffset())
		return nil, fmt.Errorf("line %d, column %d: data after the JSON value", line, col)
	}
	return v, nil
}

// decodeStrict decodes b into v, rejecting unknown fields.
func decodeStrict(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// lineCol returns the 1-based line and column (in bytes) of the byte at
// offset in b.
func lineCol(b []byte, offset int64) (line, col int) {
	if offset > int64(len(b)) {
		offset = int64(len(b))
	}
	before := b[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// The shapes of the files.
type (
	departmentsFile struct {
		Schema      string           `json:"$schema,omitempty"`
		Departments []departmentJSON `json:"departments"`
	}
	departmentJSON struct {
		Department
		Topics []Topic `json:"topics"`
	}
	synonymsFile struct {
		Schema   string         `json:"$schema,omitempty"`
		Synonyms []synonymGroup `json:"synonyms"`
	}
	rulesFile struct {
		Schema string     `json:"$schema,omitempty"`
		Rules  []ruleJSON `json:"rules"`
	}
	ruleJSON struct {
		ID         string   `json:"id"`
		Note       string   `json:"note,omitempty"`
		Any        []string `json:"any,omitempty"`
		All        []string `json:"all,omitempty"`
		None       []string `json:"none,omitempty"`
		Categories []string `json:"categories,omitempty"`
		Within     []string `json:"within,omitempty"`
		Prefix     []string `json:"prefix,omitempty"`
		Topic      string   `json:"topic,omitempty"`
		Manual     string   `json:"manual,omitempty"`
	}
)
