package form

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Check is a cross-field rule (跨字段规则) that forms declare in their
// "x-rules" keyword and Review runs over the merged answers: the applicant
// reaches retirement age by the requested month, the bank account is the
// applicant's own, the birth date agrees with the ID number.
//
// A check names its parameters; a form's declaration binds each to a data
// element or to a JSON pointer into the form (an unbound field), or leaves
// it to the parameter's default element. Review runs a check only when every
// required parameter has a value that passed the schema and the element
// validators; missing or malformed values are reported there, once.
type Check struct {
	// Name is how forms refer to the check ("retirement-age"): lower-case
	// words joined by hyphens.
	Name string
	// Doc says in both languages what the check verifies.
	Doc Text
	// Params are the values the check reads.
	Params []Param
	// Messages are the templates of the codes the check reports, by code;
	// codes already in the dictionary need not be repeated.
	Messages map[string]Text
	// Run checks one application. It must not keep in, and must honour ctx
	// if it does I/O. It returns every problem found.
	Run func(ctx context.Context, in *CheckInput) []Finding
}

// Param is a parameter of a check.
type Param struct {
	Name string
	// Element is the data element the parameter reads unless a form binds
	// it otherwise; "" means a form must bind it.
	Element string
	// Required parameters must be bound by the declaring form, and must
	// have a value for the check to run.
	Required bool
}

// Finding is a problem a check found: the parameter whose field it points
// at, and the Fault.
type Finding struct {
	Param string
	Fault
}

// CheckInput is what a Check sees of one application.
type CheckInput struct {
	// Values are the parameters' values that the answers give, by
	// parameter name; parameters without a value are absent.
	Values map[string]any
	// Today is the day of the review, in China Standard Time.
	Today time.Time
	// Prefilled is the pre-fill the answers started from, or nil.
	Prefilled *Prefilled

	bind map[string]binding // param → where its value lives
	dict *Dictionary
}

// String returns the parameter's value if it is a string.
func (in *CheckInput) String(param string) (string, bool) {
	s, ok := in.Values[param].(string)
	return s, ok
}

// Element returns the data element a parameter is bound to, or "".
func (in *CheckInput) Element(param string) string { return in.bind[param].element }

// Pointer returns the merged-form pointer of a parameter's field.
func (in *CheckInput) Pointer(param string) string { return in.bind[param].pointer }

// Label returns the label of a parameter's field: its element's, or the
// parameter's name for an unbound field.
func (in *CheckInput) Label(param string) Text {
	if e, ok := in.dictionary().element(in.bind[param].element); ok {
		return e.Label
	}
	return Text{param, param}
}

// Mask renders a parameter's value for a message, masked as its element
// requires (fully masked for an unbound field).
func (in *CheckInput) Mask(param string, v any) string {
	if e, ok := in.dictionary().element(in.bind[param].element); ok {
		return e.MaskValue(v)
	}
	return MaskAll("")
}

// Provenance returns where a parameter's value came from: the Value a
// source supplied, if the answers still hold exactly that value.
func (in *CheckInput) Provenance(param string) (Value, bool) {
	if in.Prefilled == nil {
		return Value{}, false
	}
	f, ok := in.Prefilled.field(in.bind[param].pointer)
	if !ok || !jsonEqual(f.Value.Value, in.Values[param]) {
		return Value{}, false
	}
	return f.Value, true
}

// Known returns every value the sources gave for a parameter's element,
// the chosen one first; nil without a pre-fill.
func (in *CheckInput) Known(param string) []Value {
	if in.Prefilled == nil {
		return nil
	}
	f, ok := in.Prefilled.field(in.bind[param].pointer)
	if !ok {
		return nil
	}
	return append([]Value{f.Value}, f.Others...)
}

func (in *CheckInput) dictionary() *Dictionary {
	if in.dict == nil {
		return Builtin()
	}
	return in.dict
}

// binding is where a check parameter's value lives in a form.
type binding struct {
	element string   // data element, or ""
	pointer string   // pointer in the merged answers
	tokens  []string // the pointer's reference tokens
}

var checkName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func (c *Check) check() error {
	var problems []string
	if !checkName.MatchString(c.Name) {
		problems = append(problems, fmt.Sprintf("name %q is not lower-case words joined by hyphens", c.Name))
	}
	if c.Run == nil {
		problems = append(problems, "Run is nil")
	}
	seen := map[string]bool{}
	for _, p := range c.Params {
		if p.Name == "" || seen[p.Name] {
			problems = append(problems, fmt.Sprintf("parameter %q is empty or repeated", p.Name))
		}
		seen[p.Name] = true
	}
	for code, t := range c.Messages {
		if code == "" || t.ZH == "" || t.EN == "" {
			problems = append(problems, fmt.Sprintf("message %q needs a code and both zh and en", code))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("form: check %q: %w: %s", c.Name, ErrInvalid, strings.Join(problems, "; "))
	}
	return nil
}
