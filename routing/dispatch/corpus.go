package dispatch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/onething-gov/onething/standards/division"
)

// Labeled is a work order with the dispatch a person judged right: one line
// of a labelled corpus.
type Labeled struct {
	Order
	Want Want `json:"want"`
}

// Want is the label of an order: either a department and topic (and the
// jurisdiction that should handle it), or the manual queue.
type Want struct {
	// Department is the ID of the responsible department; empty when Manual.
	Department string `json:"department,omitempty"`
	// Topic is the ID of the expected topic.
	Topic string `json:"topic,omitempty"`
	// Jurisdiction is the division whose department should handle it.
	Jurisdiction division.Code `json:"jurisdiction,omitempty"`
	// Manual, if not empty, says the order belongs in the manual queue and
	// why, in the labeller's words ("out-of-scope", "ambiguous-division").
	Manual string `json:"manual,omitempty"`
}

// ReadCorpus reads a labelled corpus in JSON Lines: one Labeled per line,
// blank lines skipped, unknown fields rejected. Each order needs an ID
// unique in the corpus and a label with either a department or a manual
// reason, not both. All problems are returned together, each naming its
// line, wrapping ErrInvalid.
func ReadCorpus(r io.Reader) ([]Labeled, error) {
	var (
		out  []Labeled
		errs []error
		ids  = map[string]int{}
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("dispatch: corpus line %d: %w: %s", n, ErrInvalid, fmt.Sprintf(format, args...)))
		}
		var o Labeled
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&o); err != nil {
			bad("%v", err)
			continue
		}
		switch {
		case o.ID == "":
			bad("no id")
		case ids[o.ID] != 0:
			bad("id %q already on line %d", o.ID, ids[o.ID])
		default:
			ids[o.ID] = n
		}
		if (o.Want.Department == "") == (o.Want.Manual == "") {
			bad("order %q: want needs exactly one of department and manual", o.ID)
		}
		out = append(out, o)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("dispatch: corpus: %w", err))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}
