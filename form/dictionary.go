package form

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Dictionary is a set of data elements, the cross-field checks over them and
// the zh and en message catalogs of every code they report. It is immutable
// and safe for concurrent use: With and WithChecks return a new Dictionary,
// so a city adds its own elements without touching what other users of the
// same process share.
type Dictionary struct {
	elements map[string]Element
	checks   map[string]Check
	messages map[string]Text
	zh, en   *message.Printer
	labels   map[string]map[string]any // x-label of each element, shared by merged schemas
	rendered messageCache
}

var (
	builtinOnce sync.Once
	builtinDict *Dictionary
)

func newBuiltin() *Dictionary {
	d := &Dictionary{elements: map[string]Element{}, checks: map[string]Check{}, messages: maps.Clone(builtinMessages)}
	for _, e := range builtinElements() {
		if err := e.check(); err != nil {
			panic(err)
		}
		d.elements[e.ID] = e
	}
	for _, c := range builtinChecks() {
		if err := c.check(); err != nil {
			panic(err)
		}
		d.checks[c.Name] = c
		maps.Copy(d.messages, c.Messages)
	}
	d.printers()
	return d
}

// Builtin returns the built-in dictionary: the common HRSS data elements
// (person.*, enterprise.*, address.*, retirement.*, insurance.*,
// housing_fund.*, card.*, employment.*, postal.*) and the checks
// "retirement-age", "min-contribution", "account-holder" and
// "id-consistency".
func Builtin() *Dictionary {
	builtinOnce.Do(func() { builtinDict = newBuiltin() })
	return builtinDict
}

// With returns a dictionary holding d's elements and es; an element of es
// replaces one of d with the same ID. Each element must have a dotted
// lower-case ID, both labels and a JSON type its enum values agree with;
// the error wraps ErrInvalid.
func (d *Dictionary) With(es ...Element) (*Dictionary, error) {
	n := d.copy()
	for _, e := range es {
		if err := e.check(); err != nil {
			return nil, err
		}
		n.elements[e.ID] = e.clone()
	}
	n.printers()
	return n, nil
}

// WithChecks returns a dictionary holding d's checks and cs; a check of cs
// replaces one of d with the same name (so a province can load its own
// retirement rules with RetirementAge). A check's parameters' default
// elements must be in the dictionary; the error wraps ErrInvalid.
func (d *Dictionary) WithChecks(cs ...Check) (*Dictionary, error) {
	n := d.copy()
	for _, c := range cs {
		if err := c.check(); err != nil {
			return nil, err
		}
		for _, p := range c.Params {
			if _, ok := n.elements[p.Element]; p.Element != "" && !ok {
				return nil, fmt.Errorf("form: check %q: parameter %q: %w", c.Name, p.Name, ErrUnknownElement)
			}
		}
		c.Params = slices.Clone(c.Params)
		c.Messages = maps.Clone(c.Messages)
		n.checks[c.Name] = c
		maps.Copy(n.messages, c.Messages)
	}
	n.printers()
	return n, nil
}

// WithMessages returns a dictionary whose catalogs also hold msgs (code →
// templates), replacing templates of the same code: for a city's own
// wording, or codes its own validators report.
func (d *Dictionary) WithMessages(msgs map[string]Text) (*Dictionary, error) {
	n := d.copy()
	for code, t := range msgs {
		if code == "" || t.ZH == "" || t.EN == "" {
			return nil, fmt.Errorf("form: message %q: %w: needs a code and both zh and en", code, ErrInvalid)
		}
		n.messages[code] = t
	}
	n.printers()
	return n, nil
}

func (d *Dictionary) copy() *Dictionary {
	return &Dictionary{elements: maps.Clone(d.elements), checks: maps.Clone(d.checks), messages: maps.Clone(d.messages)}
}

// printers builds the zh-Hans and en message catalogs.
func (d *Dictionary) printers() {
	b := catalog.NewBuilder(catalog.Fallback(language.SimplifiedChinese))
	for _, code := range slices.Sorted(maps.Keys(d.messages)) {
		t := d.messages[code]
		_ = b.SetString(language.SimplifiedChinese, code, t.ZH) // cannot fail for a plain string
		_ = b.SetString(language.English, code, t.EN)
	}
	d.zh = message.NewPrinter(language.SimplifiedChinese, message.Catalog(b))
	d.en = message.NewPrinter(language.English, message.Catalog(b))
	d.labels = make(map[string]map[string]any, len(d.elements))
	for id, e := range d.elements {
		d.labels[id] = map[string]any{"zh": e.Label.ZH, "en": e.Label.EN}
	}
}

// labelDoc returns the x-label object of an element (read only).
func (d *Dictionary) labelDoc(id string) map[string]any { return d.labels[id] }

// Element returns the element with the given ID.
func (d *Dictionary) Element(id string) (Element, bool) {
	e, ok := d.elements[id]
	return e.clone(), ok
}

// element returns a pointer to the dictionary's own element (read only).
func (d *Dictionary) element(id string) (*Element, bool) {
	e, ok := d.elements[id]
	if !ok {
		return nil, false
	}
	return &e, true
}

// Elements returns every element, sorted by ID.
func (d *Dictionary) Elements() []Element {
	out := make([]Element, 0, len(d.elements))
	for _, id := range slices.Sorted(maps.Keys(d.elements)) {
		out = append(out, d.elements[id].clone())
	}
	return out
}

// Check returns the check with the given name.
func (d *Dictionary) Check(name string) (Check, bool) {
	c, ok := d.checks[name]
	return c, ok
}

// Checks returns every check, sorted by name.
func (d *Dictionary) Checks() []Check {
	out := make([]Check, 0, len(d.checks))
	for _, n := range slices.Sorted(maps.Keys(d.checks)) {
		out = append(out, d.checks[n])
	}
	return out
}

// Message renders the message of code in both languages. A Text argument is
// rendered in each message's language. An unknown code renders as the code
// followed by the arguments.
func (d *Dictionary) Message(code string, args ...any) Text {
	if _, ok := d.messages[code]; !ok {
		return Text{ZH: fmt.Sprint(append([]any{code, " "}, args...)...), EN: fmt.Sprint(append([]any{code, " "}, args...)...)}
	}
	key, cacheable := messageKey(code, args)
	if cacheable {
		if t, ok := d.rendered.get(key); ok {
			return t
		}
	}
	zh, en := localize(args)
	t := Text{ZH: d.zh.Sprintf(code, zh...), EN: d.en.Sprintf(code, en...)}
	if cacheable {
		d.rendered.put(key, t)
	}
	return t
}

// localize splits arguments into their Chinese and English forms.
func localize(args []any) (zh, en []any) {
	zh = make([]any, len(args))
	en = make([]any, len(args))
	for i, a := range args {
		if t, ok := a.(Text); ok {
			zh[i], en[i] = t.ZH, t.EN
			continue
		}
		zh[i], en[i] = a, a
	}
	return zh, en
}

// messageCache remembers rendered messages: the same message with the same
// arguments ("请填写姓名", the approval of a fully pre-filled application)
// recurs across applications, and rendering through the catalogs costs more
// than the rest of a review's bookkeeping. It holds at most
// maxCachedMessages entries and is safe for concurrent use.
type messageCache struct {
	m sync.Map // string → Text
	n atomic.Int64
}

const maxCachedMessages = 4096

func (c *messageCache) get(key string) (Text, bool) {
	v, ok := c.m.Load(key)
	if !ok {
		return Text{}, false
	}
	return v.(Text), true
}

func (c *messageCache) put(key string, t Text) {
	if c.n.Load() >= maxCachedMessages {
		return
	}
	if _, loaded := c.m.LoadOrStore(key, t); !loaded {
		c.n.Add(1)
	}
}

// messageKey identifies a message by its code and arguments, if every
// argument is a string, a Text or an integer.
func messageKey(code string, args []any) (string, bool) {
	var b strings.Builder
	b.Grow(len(code) + 32*len(args))
	b.WriteString(code)
	for _, a := range args {
		b.WriteByte(0)
		switch v := a.(type) {
		case string:
			b.WriteString(v)
		case Text:
			b.WriteString(v.ZH)
			b.WriteByte(1)
			b.WriteString(v.EN)
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			return "", false
		}
	}
	return b.String(), true
}
