package form

import (
	"slices"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/onething-gov/onething/matter"
)

// Form is one matter's application form: a JSON Schema 2020-12 document
// whose properties may be bound to data elements with "x-element", loaded
// and checked by a Loader or ParseForm. A Form is immutable and safe for
// concurrent use.
type Form struct {
	id, title, file string
	matter          *matter.Matter
	dict            *Dictionary
	raw             []byte
	root            *node
	leaves          []*node // every field, in document order
	conds           []formCond
	rules           []ruleDecl
	auto            *autoDecl
	schema          *jsonschema.Schema

	// What Merge needs, computed once by prepare when the form loads with
	// a matter.
	nsTree   map[string]any // the form's object under /matters/<code>, or nil
	nsReq    bool           // the answers must hold that object
	rconds   []mcond        // conds restated at merged pointers
	condKeys []string       // their canonical renderings
	rrules   []mrule
	ruleKeys []string
	rauto    *mauto
}

// node is a property of a form: a container (an object with declared
// properties) or a leaf field.
type node struct {
	name     string
	path     []string // instance path from the form's root
	filePtr  string   // pointer of the property's schema in the file
	schema   map[string]any
	parent   *node
	leaf     bool
	element  string  // data element of a bound leaf
	children []*node // a container's declared properties, in order
	byName   map[string]*node
	required bool    // the parent's "required" names it
	effReq   bool    // required all the way from the root
	leaves   []*node // a container's leaves, in order

	// Computed by prepare for leaves.
	srcPtr string    // pointer in the form's answers
	loc    []string  // path in the merged answers
	mptr   string    // pointer in the merged answers
	cons   *leafCons // a bound leaf's constraints
	field  *mfield   // an unbound leaf's merged field, shared by every merge
}

// formCond is an object-level constraint of a container (if/then/else,
// dependentRequired, allOf, …) with where it was declared.
type formCond struct {
	c       cond
	filePtr string
}

// ruleDecl is a check a form declares in "x-rules".
type ruleDecl struct {
	check   string
	binds   map[string]srcBinding
	filePtr string
}

// autoDecl is a form's "x-auto-approve" declaration.
type autoDecl struct {
	elements []srcBinding
	basis    string
}

// srcBinding is a field of a form named by a rule: a data element or a leaf.
type srcBinding struct {
	element string
	node    *node
}

// ID returns the form's $id, the value a matter's Form field holds.
func (f *Form) ID() string { return f.id }

// Title returns the form's title.
func (f *Form) Title() string { return f.title }

// File returns the path the form was loaded from, or "" for ParseForm.
func (f *Form) File() string { return f.file }

// Matter returns a copy of the matter the form belongs to, or nil if it was
// loaded without one.
func (f *Form) Matter() *matter.Matter {
	if f.matter == nil {
		return nil
	}
	return f.matter.Clone()
}

// MatterCode returns the 基本编码 of the form's matter, or "".
func (f *Form) MatterCode() string {
	if f.matter == nil {
		return ""
	}
	return f.matter.Code
}

// Schema returns the form file as loaded.
func (f *Form) Schema() []byte { return slices.Clone(f.raw) }

// Fields returns the form's fields (leaf properties) in document order.
func (f *Form) Fields() []SourceField {
	out := make([]SourceField, len(f.leaves))
	for i, n := range f.leaves {
		out[i] = SourceField{Pointer: pointer(n.path...), Element: n.element, Title: titleOf(n.schema), Required: n.effReq}
	}
	return out
}

// SourceField is a field of one form.
type SourceField struct {
	// Pointer is the field's JSON pointer in the form's answers.
	Pointer string
	// Element is the data element it is bound to, or "".
	Element string
	Title   string
	// Required reports whether every answer must give it.
	Required bool
}

// Validate validates a document (decoded as by DecodeAnswers) against the
// form's own JSON Schema, formats asserted. It is what a member department
// would run on its part of a split application.
func (f *Form) Validate(doc any) error { return f.schema.Validate(doc) }

func titleOf(s map[string]any) string {
	t, _ := s["title"].(string)
	return t
}
