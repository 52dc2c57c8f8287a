package standards

// Finding is one requirement an implementation does not meet.
type Finding struct {
	// Standard is the designation of the version, e.g. "DB37/T 9012—2025".
	Standard string   `json:"standard"`
	Clause   string   `json:"clause"`
	Rule     Rule     `json:"rule"`
	Severity Severity `json:"severity"`
	// Pointer is the JSON pointer (RFC 6901) of the element in the matter,
	// e.g. "/places/1/hours".
	Pointer string `json:"pointer"`
	// Expected and Actual are short values for a table, in Chinese:
	// "≤10个工作日", "15个工作日".
	Expected string `json:"expected"`
	Actual   string `json:"actual"`
	ZH       string `json:"zh"`
	EN       string `json:"en"`
	// Inherited marks a city's finding that the province's base matter has
	// too: the city kept the base value rather than set its own.
	Inherited bool `json:"inherited,omitempty"`
	// Waived, if set, says why the finding does not count: the matter's
	// negative-list (负面清单) entry for the place excuses it from full
	// online handling.
	Waived string `json:"waived,omitempty"`
}

// Counts reports whether the finding counts towards its severity: it is
// not waived.
func (f *Finding) Counts() bool { return f.Waived == "" }

// key identifies a finding across implementations of one matter.
func (f *Finding) key() string {
	return f.Standard + "\x00" + f.Clause + "\x00" + string(f.Rule) + "\x00" + f.Pointer + "\x00" + f.Actual
}
