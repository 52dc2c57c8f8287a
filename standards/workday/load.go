package workday

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"
	"time"
)

// MaxSize is the largest schedule document, in bytes, that Load reads.
const MaxSize = 1 << 20

// The range of years a schedule may have. The five-day week began in 1995.
const minYear, maxYear = 2000, 2199

// maxProblems is how many problems a Load error lists before summarising.
const maxProblems = 10

//go:embed data/*.json
var data embed.FS

// china is built once. The embedded files are checked by the tests through
// LoadFS, so a broken file fails them before it can reach here.
var china = sync.OnceValue(func() *Calendar {
	c, err := LoadFS(data, "data/*.json")
	if err != nil {
		panic(err)
	}
	return c
})

// China returns the official national calendar: the State Council's
// schedules for 2024, 2025 and 2026 (国务院办公厅关于部分节假日安排的通知),
// with their make-up working days. Every call returns the same calendar;
// it is never changed, and Extend makes a new one.
func China() *Calendar { return china() }

// Load reads a calendar from a schedule document in the format described in
// the package comment: one year's object or an array of them. It reads at
// most MaxSize bytes. It checks the whole document and reports every problem
// it finds (up to ten), each naming the field and value at fault and
// wrapping ErrFormat.
func Load(r io.Reader) (*Calendar, error) {
	years, err := parse("", r)
	if err != nil {
		return nil, err
	}
	return build(years), nil
}

// LoadFS reads a calendar from the files in fsys matching pattern (as
// fs.Glob), such as "data/*.json", each a document Load accepts. A year in
// two files is an error wrapping ErrFormat. Errors name the file.
func LoadFS(fsys fs.FS, pattern string) (*Calendar, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("workday: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("workday: %s: %w", pattern, fs.ErrNotExist)
	}
	all, file := map[int]*year{}, map[int]string{}
	var errs []error
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			errs = append(errs, fmt.Errorf("workday: %w", err))
			continue
		}
		years, err := parse(name, f)
		f.Close()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for y, s := range years {
			if other, ok := file[y]; ok {
				errs = append(errs, formatError("workday: %s: year %d: also in %s", name, y, other))
				continue
			}
			all[y], file[y] = s, name
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return build(all), nil
}

// yearFile is one year's object in a schedule document.
type yearFile struct {
	Year     int           `json:"year"`
	Source   string        `json:"source"`
	Holidays []holidayFile `json:"holidays"`
	Workdays []string      `json:"workdays"`
}

// holidayFile is one holiday period.
type holidayFile struct {
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to"`
}

// problems collects the problems in one document.
type problems struct {
	prefix string // "workday: " and the file name, if any
	list   []error
	n      int
}

func (p *problems) add(format string, args ...any) {
	p.n++
	if p.n <= maxProblems {
		p.list = append(p.list, formatError(p.prefix+format, args...))
	}
}

func (p *problems) err() error {
	if p.n > maxProblems {
		p.list = append(p.list, formatError("%sand %d more problems", p.prefix, p.n-maxProblems))
	}
	return errors.Join(p.list...)
}

func formatError(format string, args ...any) error {
	return &sentinelError{msg: fmt.Sprintf(format, args...), err: ErrFormat}
}

// parse reads a schedule document; name, if not empty, is its file name.
func parse(name string, r io.Reader) (map[int]*year, error) {
	p := &problems{prefix: "workday: "}
	if name != "" {
		p.prefix += name + ": "
	}
	doc, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s%w", p.prefix, err)
	}
	if len(doc) > MaxSize {
		p.add("larger than %d bytes", MaxSize)
		return nil, p.err()
	}
	var files []yearFile
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.DisallowUnknownFields()
	trimmed := bytes.TrimLeft(doc, " \t\r\n")
	array := len(trimmed) > 0 && trimmed[0] == '['
	if array {
		err = dec.Decode(&files)
	} else {
		files = make([]yearFile, 1)
		err = dec.Decode(&files[0])
	}
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			err = errors.New("unexpected data after the schedule")
		}
	}
	if err != nil {
		p.add("%s", jsonProblem(doc, err))
		return nil, p.err()
	}
	if len(files) == 0 {
		p.add("no schedules")
		return nil, p.err()
	}
	years := map[int]*year{}
	first := map[int]int{}
	for k, f := range files {
		path := ""
		if array {
			path = fmt.Sprintf("[%d].", k)
		}
		s := check(p, path, f)
		if s == nil {
			continue
		}
		if j, ok := first[s.year]; ok {
			p.add("%syear %d: also in [%d]", path, s.year, j)
			continue
		}
		years[s.year], first[s.year] = s, k
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return years, nil
}

// jsonProblem describes a decoding error, with the line and column of the
// last byte the decoder read when it knows the offset.
func jsonProblem(doc []byte, err error) string {
	msg := strings.TrimPrefix(err.Error(), "json: ")
	var offset int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset
	case errors.As(err, &typ):
		offset = typ.Offset
	case errors.Is(err, io.EOF):
		return "empty document"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "unexpected end of document"
	}
	if offset < 1 || offset > int64(len(doc)) {
		return msg
	}
	before := doc[:offset-1] // up to the last byte read
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d: %s", line, col, msg)
}

// check validates one year's object, adding its problems to p, and returns
// its schedule, or nil if it has problems.
func check(p *problems, path string, f yearFile) *year {
	before := p.n
	if f.Year < minYear || f.Year > maxYear {
		p.add("%syear %d: not in %d–%d", path, f.Year, minYear, maxYear)
		return nil
	}
	s := &year{year: f.Year, source: strings.TrimSpace(f.Source)}
	if s.source == "" {
		p.add("%ssource: missing", path)
	}
	// day parses a date of the year and returns its index in the year.
	day := func(field, v string) (int, bool) {
		t, err := time.Parse(time.DateOnly, v)
		switch {
		case err != nil:
			p.add("%s%s %q: not a date", path, field, v)
			return 0, false
		case t.Year() != f.Year:
			p.add("%s%s %q: not in %d", path, field, v, f.Year)
			return 0, false
		}
		return t.YearDay() - 1, true
	}
	owner := [366]int{} // 1 + the index of the holiday a day is in
	for k, h := range f.Holidays {
		field := fmt.Sprintf("holidays[%d]", k)
		name := strings.TrimSpace(h.Name)
		if name == "" {
			p.add("%s%s.name: missing", path, field)
		}
		from, ok1 := day(field+".from", h.From)
		to, ok2 := day(field+".to", h.To)
		if !ok1 || !ok2 {
			continue
		}
		if from > to {
			p.add("%s%s: from %q is after to %q", path, field, h.From, h.To)
			continue
		}
		for i := from; i <= to; i++ {
			if o := owner[i]; o != 0 {
				p.add("%s%s %q: overlaps holidays[%d] %q on %s", path, field, name, o-1, s.name[i], dateOf(f.Year, i).Format(time.DateOnly))
				break
			}
			owner[i], s.name[i] = k+1, name
		}
	}
	makeUp := map[int]int{}
	for k, v := range f.Workdays {
		field := fmt.Sprintf("workdays[%d]", k)
		i, ok := day(field, v)
		if !ok {
			continue
		}
		wd := dateOf(f.Year, i).Weekday()
		switch j, dup := makeUp[i]; {
		case dup:
			p.add("%s%s %q: repeats workdays[%d]", path, field, v, j)
		case wd != time.Saturday && wd != time.Sunday:
			p.add("%s%s %q: a %s; a make-up working day is a Saturday or Sunday", path, field, v, wd)
		case owner[i] != 0:
			p.add("%s%s %q: in holidays[%d] %q", path, field, v, owner[i]-1, s.name[i])
		}
		makeUp[i] = k
	}
	if p.n > before {
		return nil
	}
	for i := range dateOf(f.Year+1, -1).YearDay() {
		wd := dateOf(f.Year, i).Weekday()
		_, made := makeUp[i]
		s.work[i] = made || s.name[i] == "" && wd != time.Saturday && wd != time.Sunday
		s.cum[i+1] = s.cum[i]
		if s.work[i] {
			s.cum[i+1]++
			s.wd = append(s.wd, uint16(i))
		}
	}
	return s
}

// dateOf returns day i (from 0) of year y, at midnight UTC.
func dateOf(y, i int) time.Time { return time.Date(y, 1, 1+i, 0, 0, 0, 0, time.UTC) }
