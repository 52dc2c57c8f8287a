package form

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/onething-gov/onething/matter"
)

// MetaSchemaID is the $id of the published JSON Schema that a form file's
// root and x- keywords must satisfy (see MetaSchema).
const MetaSchemaID = "https://onething.gov.cn/schema/form/form.json"

//go:embed schema/form.json
var metaFile embed.FS

// MetaSchema returns the JSON Schema (draft 2020-12) of a form file's root
// and of the x-rules and x-auto-approve keywords, for editors and tools.
func MetaSchema() []byte {
	b, _ := metaFile.ReadFile("schema/form.json")
	return b
}

var metaSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(MetaSchema()))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(MetaSchemaID, doc); err != nil {
		return nil, err
	}
	return c.Compile(MetaSchemaID)
})

// compileForm compiles a JSON Schema document with formats asserted and no
// access to the network or the file system.
func compileForm(id string, doc any) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.UseLoader(noLoader{})
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	return c.Compile(id)
}

// noLoader refuses every URL: forms are self-contained.
type noLoader struct{}

func (noLoader) Load(url string) (any, error) {
	return nil, fmt.Errorf("form: %w: schema %s is not available (forms may only reference themselves)", ErrNotFound, url)
}

var englishPrinter = message.NewPrinter(language.English)

type schemaProblem struct{ ptr, msg string }

// schemaErrors flattens a JSON Schema validation error into leaf problems.
func schemaErrors(err error) []schemaProblem {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []schemaProblem{{"", err.Error()}}
	}
	var out []schemaProblem
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		out = append(out, schemaProblem{pointer(e.InstanceLocation...), e.ErrorKind.LocalizedString(englishPrinter)})
	}
	walk(ve)
	return out
}

// Loader loads the forms of a catalog. The zero Loader uses the built-in
// dictionary and gives forms no matter.
type Loader struct {
	// Dictionary resolves x-element and x-rules; nil means Builtin().
	Dictionary *Dictionary
	// Matters are the catalog's matters: each form belongs to the matter
	// whose Form names its $id. When Matters or Owners is not empty, a
	// form no matter names, a form two matters name and a $id a matter
	// names but no file holds are errors.
	Matters []*matter.Matter
	// Owners maps a form's $id to its matter's code, for callers that have
	// no matters at hand; such forms know only the code (no materials).
	// Matters wins where both name a form.
	Owners map[string]string
}

// Load reads every *.json file of fsys (the catalog's forms folder, e.g.
// fs.Sub(catalogFS, "forms")) as a form with ParseForm and indexes the forms
// by $id. Every problem of every file is reported, joined; each wraps
// ErrInvalid and, per file, is a *FieldError naming the file and pointer.
func (l *Loader) Load(fsys fs.FS) (*Library, error) {
	d := l.Dictionary
	if d == nil {
		d = Builtin()
	}
	owner := map[string]*matter.Matter{}
	var errs []error
	matters := slices.Clone(l.Matters)
	for _, id := range slices.Sorted(maps.Keys(l.Owners)) {
		if !slices.ContainsFunc(l.Matters, func(m *matter.Matter) bool { return m != nil && m.Form == id }) {
			matters = append(matters, &matter.Matter{Code: l.Owners[id], Form: id})
		}
	}
	for _, m := range matters {
		if m == nil || m.Form == "" {
			continue
		}
		if prev, dup := owner[m.Form]; dup && prev.Code != m.Code {
			errs = append(errs, fmt.Errorf("form: %w: form %s is named by matters %s and %s; a form belongs to one matter", ErrInvalid, m.Form, prev.Code, m.Code))
			continue
		}
		owner[m.Form] = m
	}
	lib := &Library{byID: map[string]*Form{}, byMatter: map[string]*Form{}, noForm: map[string]bool{}, dict: d}
	for _, m := range matters {
		if m != nil && m.Form == "" {
			lib.noForm[m.Code] = true
		}
	}
	failed := map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() || path.Ext(p) != ".json" {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		id, _ := peekID(data)
		f, err := ParseForm(p, data, owner[id], d)
		if err != nil {
			failed[id] = true
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = append(errs, j.Unwrap()...)
			} else {
				errs = append(errs, err)
			}
			return nil
		}
		if prev, dup := lib.byID[f.id]; dup {
			errs = append(errs, &FieldError{File: p, Pointer: "/$id", Code: "form.duplicate", Err: fmt.Errorf("%w: $id %s is also the $id of %s", ErrInvalid, f.id, prev.file)})
			return nil
		}
		if len(matters) > 0 && f.matter == nil {
			errs = append(errs, &FieldError{File: p, Pointer: "/$id", Code: "form.orphan", Err: fmt.Errorf("%w: no matter names form %s", ErrInvalid, f.id)})
			return nil
		}
		lib.byID[f.id] = f
		if f.matter != nil {
			lib.byMatter[f.matter.Code] = f
		}
		return nil
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("form: reading forms: %w", err))
	}
	for _, id := range slices.Sorted(maps.Keys(owner)) {
		if _, ok := lib.byID[id]; !ok && !failed[id] {
			errs = append(errs, fmt.Errorf("form: %w: matter %s names form %s, which no file holds", ErrNotFound, owner[id].Code, id))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	lib.ids = slices.Sorted(maps.Keys(lib.byID))
	return lib, nil
}

// peekID reads a document's top-level $id without checking anything else.
func peekID(data []byte) (string, bool) {
	d, err := decodeOrdered(data)
	if err != nil {
		return "", false
	}
	m, _ := d.value.(map[string]any)
	id, ok := m["$id"].(string)
	return id, ok
}

// Library is the set of forms of a catalog, indexed by $id and by matter.
// It is immutable and safe for concurrent use.
type Library struct {
	byID     map[string]*Form
	byMatter map[string]*Form
	noForm   map[string]bool // matters known to have no form
	ids      []string
	dict     *Dictionary
}

// Form returns the form with the given $id, or an error wrapping
// ErrNotFound.
func (l *Library) Form(id string) (*Form, error) {
	f, ok := l.byID[id]
	if !ok {
		return nil, fmt.Errorf("form: %w: no form %s", ErrNotFound, id)
	}
	return f, nil
}

// ForMatter returns the form of the matter with 基本编码 code, or an error
// wrapping ErrNotFound.
func (l *Library) ForMatter(code string) (*Form, error) {
	f, ok := l.byMatter[code]
	if !ok {
		return nil, fmt.Errorf("form: %w: no form belongs to matter %s", ErrNotFound, code)
	}
	return f, nil
}

// Forms returns every form, ordered by $id.
func (l *Library) Forms() []*Form {
	out := make([]*Form, len(l.ids))
	for i, id := range l.ids {
		out[i] = l.byID[id]
	}
	return out
}

// Dictionary returns the dictionary the forms were loaded with.
func (l *Library) Dictionary() *Dictionary { return l.dict }

// Select returns the forms of a bundle selection's members in plan order
// (Selection.Members), skipping members without a form (免申即享 matters
// may have none). A member whose form is missing is an error wrapping
// ErrNotFound.
func (l *Library) Select(sel matter.Selection) ([]*Form, error) {
	var out []*Form
	var errs []error
	for _, code := range sel.Members() {
		if l.noForm[code] {
			continue
		}
		f, ok := l.byMatter[code]
		if !ok {
			errs = append(errs, fmt.Errorf("form: %w: member %s of %s has no form", ErrNotFound, code, sel.Bundle))
			continue
		}
		out = append(out, f)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// Merge merges the forms of a selection's members in plan order: Select,
// then Merge.
func (l *Library) Merge(sel matter.Selection) (*Merged, error) {
	fs, err := l.Select(sel)
	if err != nil {
		return nil, err
	}
	return Merge(fs...)
}
