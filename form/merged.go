package form

import (
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// NamespaceKey is the property of a merged form under which the fields that
// are bound to no data element live, one object per member matter:
// /matters/<matter code>/<the field's pointer in its own form>.
const NamespaceKey = "matters"

// Merged is the merged form of a bundle selection (多表合一): one JSON Schema
// in which every data element appears once, under its element ID
// (/person.id_number), and the fields bound to no element stay with their
// own form under /matters/<matter code>/…. Constraints of the same element
// are intersected; conditional requirements are restated at the merged
// pointers; materials are merged by type.
//
// A Merged is immutable and safe for concurrent use. Make one with Merge or
// Library.Merge.
type Merged struct {
	id, title string
	forms     []*Form
	members   []string
	dict      *Dictionary
	fields    []*mfield
	byPtr     map[string]*mfield
	byElement map[string]*mfield
	sections  []Section
	materials []Material
	conds     []mcond
	rules     []mrule
	autos     []mauto
	before    int
	doc       map[string]any

	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
	rawOnce     sync.Once
	raw         []byte
	approved    sync.Map // approval texts by provenance key
	approvedN   atomic.Int64
}

// mfield is a field of the merged form.
type mfield struct {
	pointer  string
	tokens   []string
	element  string
	elem     *Element
	label    Text
	members  []string
	sources  []FieldSource
	required bool
	schema   map[string]any
	cons     *constraints // during Merge
}

// mcond is a conditional requirement restated at the merged pointers, with
// the matters that declared it.
type mcond struct {
	schema  any
	matters []string
}

// mrule is a check declared by member forms, bound to merged pointers.
type mrule struct {
	check   string
	binds   map[string]binding
	matters []string
}

// mauto is a member's automatic approval declaration.
type mauto struct {
	matter, form, basis string
	fields              []binding
}

// Field is a field of a merged form.
type Field struct {
	// Pointer is the field's JSON pointer in the merged answers.
	Pointer string `json:"pointer"`
	// Element is the data element, or "" for a field of one form only.
	Element string `json:"element,omitempty"`
	Label   Text   `json:"label"`
	// Members are the matters whose forms ask for the field, in plan order.
	Members []string `json:"members"`
	// Required reports whether every answer must give the field;
	// conditional requirements are in the schema.
	Required bool `json:"required"`
	// Sources are the fields of the member forms it stands for.
	Sources []FieldSource `json:"sources"`
}

// FieldSource is a member form's field behind a merged field.
type FieldSource struct {
	Matter string `json:"matter"`
	Form   string `json:"form"`
	// Pointer is the field's pointer in that form's answers.
	Pointer string `json:"pointer"`
}

// Section is the part of a merged form that a member contributes: the
// fields its form introduces that no earlier member asked for, in its
// form's order. Sections are in plan order.
type Section struct {
	Matter string   `json:"matter"`
	Form   string   `json:"form"`
	Title  string   `json:"title"`
	Fields []string `json:"fields"`
}

// ID returns the merged form's $id: urn:onething:form:merged: and the
// member codes joined by "+".
func (m *Merged) ID() string { return m.id }

// Title returns the merged form's title.
func (m *Merged) Title() string { return m.title }

// Members returns the member matters' codes in plan order.
func (m *Merged) Members() []string { return slices.Clone(m.members) }

// Forms returns the member forms in plan order.
func (m *Merged) Forms() []*Form { return slices.Clone(m.forms) }

// Dictionary returns the dictionary of the member forms.
func (m *Merged) Dictionary() *Dictionary { return m.dict }

// Schema returns the merged JSON Schema, indented, byte-identical for the
// same forms in the same order. Besides standard keywords it carries
// x-members, x-forms, x-sections (the fields of each member in plan order),
// x-rules and x-auto-approve (at merged pointers), and on each element
// field x-element, x-label and x-members.
func (m *Merged) Schema() []byte {
	m.rawOnce.Do(func() {
		b, err := json.MarshalIndent(m.doc, "", "  ")
		if err != nil {
			panic("form: merged schema does not marshal: " + err.Error()) // built from decoded JSON only
		}
		m.raw = b
	})
	return slices.Clone(m.raw)
}

// Fields returns the merged fields in section order.
func (m *Merged) Fields() []Field {
	out := make([]Field, len(m.fields))
	for i, mf := range m.fields {
		out[i] = mf.export()
	}
	return out
}

// Field returns the merged field at pointer p.
func (m *Merged) Field(p string) (Field, bool) {
	mf, ok := m.byPtr[p]
	if !ok {
		return Field{}, false
	}
	return mf.export(), true
}

func (mf *mfield) export() Field {
	return Field{Pointer: mf.pointer, Element: mf.element, Label: mf.label, Members: slices.Clone(mf.members),
		Required: mf.required, Sources: slices.Clone(mf.sources)}
}

// Sections returns the sections in plan order.
func (m *Merged) Sections() []Section {
	out := slices.Clone(m.sections)
	for i := range out {
		out[i].Fields = slices.Clone(out[i].Fields)
	}
	return out
}

// FieldsBefore returns the number of fields the applicant would fill in
// applying for each member separately: the sum over the member forms.
func (m *Merged) FieldsBefore() int { return m.before }

// FieldsAfter returns the number of fields of the merged form.
func (m *Merged) FieldsAfter() int { return len(m.fields) }

// Validate validates a document (decoded as by DecodeAnswers) against the
// merged JSON Schema alone, formats asserted: no element validators, no
// checks, no report. Review does all of that.
func (m *Merged) Validate(doc any) error {
	s, err := m.schema()
	if err != nil {
		return err
	}
	return s.Validate(doc)
}

// schema compiles the merged schema once, on first use.
func (m *Merged) schema() (*jsonschema.Schema, error) {
	m.compileOnce.Do(func() {
		m.compiled, m.compileErr = compileForm(m.id, m.doc)
		if m.compileErr != nil {
			m.compileErr = fmt.Errorf("form: merged schema %s does not compile: %w", m.id, m.compileErr)
		}
	})
	return m.compiled, m.compileErr
}
