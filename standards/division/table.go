package division

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// divisionsTSV is generated from the statistics bureau's table; see
// data/SOURCE.md.
//
//go:embed data/divisions.tsv
var divisionsTSV string

// manualTSV holds the entries kept by hand: Taiwan, Hong Kong, Macao and the
// retired codes.
//
//go:embed data/manual.tsv
var manualTSV string

type index struct {
	byCode   map[Code]Division
	children map[Code][]Code // parent → codes, sorted
	// prefixes maps "37" to 370000 and "3701" to 370100 for every province
	// and city, so that Parent and Province return stored codes.
	prefixes map[string]Code
	sorted   []Code
}

// table parses the embedded files once. The files are checked by the tests,
// so a failure here is a build defect and panics.
var table = sync.OnceValue(func() *index {
	t, err := buildIndex(divisionsTSV, manualTSV)
	if err != nil {
		panic(err)
	}
	return t
})

func buildIndex(generated, manual string) (*index, error) {
	t := &index{byCode: make(map[Code]Division, 4096), children: map[Code][]Code{}, prefixes: map[string]Code{}}
	add := func(file string, line int, d Division) error {
		if !d.Code.valid() {
			return fmt.Errorf("division: %s:%d: malformed code %q", file, line, d.Code)
		}
		if _, dup := t.byCode[d.Code]; dup {
			return fmt.Errorf("division: %s:%d: duplicate code %s", file, line, d.Code)
		}
		d.Level = d.Code.Level()
		t.byCode[d.Code] = d
		switch d.Level {
		case Province:
			t.prefixes[string(d.Code[:2])] = d.Code
		case City:
			t.prefixes[string(d.Code[:4])] = d.Code
		}
		return nil
	}
	if err := eachRow(generated, 2, func(line int, f []string) error {
		return add("divisions.tsv", line, Division{Code: Code(f[0]), Name: f[1]})
	}); err != nil {
		return nil, err
	}
	if err := eachRow(manual, 5, func(line int, f []string) error {
		d := Division{Code: Code(f[0]), Name: f[1]}
		switch f[2] {
		case "current":
		case "retired":
			d.Retired = true
			for s := range strings.SplitSeq(f[3], ",") {
				d.Successors = append(d.Successors, Code(s))
			}
		default:
			return fmt.Errorf("division: manual.tsv:%d: status %q is neither current nor retired", line, f[2])
		}
		return add("manual.tsv", line, d)
	}); err != nil {
		return nil, err
	}

	for c, d := range t.byCode {
		t.sorted = append(t.sorted, c)
		for _, s := range d.Successors {
			if succ, ok := t.byCode[s]; !ok || succ.Retired {
				return nil, fmt.Errorf("division: %s %s: successor %s is not a current division", c, d.Name, s)
			}
		}
		if p := c.parentIn(t); p != "" {
			t.children[p] = append(t.children[p], c)
		}
	}
	slices.Sort(t.sorted)
	for _, kids := range t.children {
		slices.Sort(kids)
	}
	return t, nil
}

// eachRow calls fn for every non-comment line of a tab-separated file, which
// must have at least n fields.
func eachRow(data string, n int, fn func(line int, fields []string) error) error {
	sc := bufio.NewScanner(strings.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < n {
			return fmt.Errorf("division: line %d: want %d fields, have %d", line, n, len(f))
		}
		if err := fn(line, f); err != nil {
			return err
		}
	}
	return sc.Err()
}
