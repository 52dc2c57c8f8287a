package form

import "golang.org/x/text/language"

// Text is a piece of text in Simplified Chinese and English. Labels, message
// templates and rendered messages are Texts.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

// String returns the Chinese text.
func (t Text) String() string { return t.ZH }

// In returns the text in the language of tag: English for any tag whose
// base language is English, Chinese otherwise.
func (t Text) In(tag language.Tag) string {
	if b, _ := tag.Base(); b.String() == "en" {
		return t.EN
	}
	return t.ZH
}

// Severity says whether a problem stops an application.
type Severity string

// The severities.
const (
	// Error: the application cannot go on until the problem is fixed.
	Error Severity = "error"
	// Warning: a clerk must look, but the application may go on; a warning
	// rules out automatic approval.
	Warning Severity = "warning"
)
