package matter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/onething-gov/onething/standards/division"
)

// MaxFileSize is the largest catalog file LoadFS reads: 256 MiB.
const MaxFileSize = 256 << 20

// LoadFS reads a catalog from fsys, checks every file against its published
// schema (see Schemas) and then the whole with Build.
//
// The layout, every folder optional:
//
//	matters/*.json            each a JSON array of Matter objects (schema matters.json)
//	bundles/*.json            each a JSON array of Bundle objects (bundles.json)
//	forms/**/*.json           one JSON Schema (draft 2020-12) per file, an object with a string "$id";
//	                          a matter's "form" names that $id; $ids are unique
//	overlays/<division>.json  a JSON array of the Overlay objects of the city or county with that
//	                          GB/T 2260 code, e.g. overlays/370100.json; each entry's division equals
//	                          or lies within it (overlays.json)
//	negative/*.json           JSON arrays of NegativeEntry (negative.json)
//	outlets/*.json            JSON arrays of Outlet (outlets.json)
//
// Field names are the json tags of the Go types; unknown fields are errors,
// so a misspelt field is caught. Other folders (agreements, dispatch,
// policies, standards) and files not ending in .json are left to other
// packages. Files are read in name order and one entry at a time, so memory
// stays near the size of the catalog whatever the size of a file; a file
// larger than MaxFileSize is refused.
//
// The error is a *ValidationError listing every problem found (up to 1000),
// each with its file, the subject's code and a JSON pointer into the file,
// e.g. "matters/rs.json: 370112001000: /12/promised_limit/unit: value must
// be one of …";
// malformed JSON is reported with its line and column. Entries that fail the
// schema are left out of the semantic checks, but their codes still count
// as present, so that one typo does not also break every bundle naming it;
// likewise, when a matters or bundles file cannot be read to its end, codes
// of that kind are not reported missing.
func LoadFS(fsys fs.FS) (*Catalog, error) {
	l := newLoader(fsys)
	l.readAll()
	if l.col.full() {
		return nil, l.col.err()
	}
	return build(l.c, l.src, &l.col)
}

// ReadFS reads and schema-checks the catalog files in fsys, laid out as
// LoadFS describes, without checking them against each other: the bundles,
// negative list, outlets and forms of a system whose matters live in a
// Store, for NewCatalog. Errors are as for LoadFS.
func ReadFS(fsys fs.FS) (Contents, error) {
	l := newLoader(fsys)
	l.readAll()
	if err := l.col.err(); err != nil {
		return Contents{}, err
	}
	return l.c, nil
}

// loader reads a catalog folder.
type loader struct {
	fsys    fs.FS
	maxSize int64 // MaxFileSize, but for tests
	c       Contents
	src     *sources
	col     collector
}

func newLoader(fsys fs.FS) *loader {
	return &loader{fsys: fsys, maxSize: MaxFileSize, src: &sources{ghostMatters: map[string]bool{}, ghostBundles: map[string]bool{}}}
}

func (l *loader) readAll() {
	l.readForms()
	for k := range numKinds {
		names, err := fs.Glob(l.fsys, kindInfo[k].dir+"/*.json")
		if err != nil {
			l.fileProblem(kindInfo[k].dir, "read", "无法读取目录：%v", "cannot read the folder: %v", err)
			l.src.partialMatters, l.src.partialBundles = true, true
			continue
		}
		for _, name := range names {
			if l.col.full() {
				return
			}
			switch k {
			case kindMatters:
				if !readEntries(l, name, k, "code", func(m *Matter, i int) {
					l.c.Matters = append(l.c.Matters, m)
					l.src.matters = append(l.src.matters, origin{name, i})
				}, func(code string) { l.src.ghostMatters[code] = true }) {
					l.src.partialMatters = true
				}
			case kindBundles:
				if !readEntries(l, name, k, "code", func(b *Bundle, i int) {
					l.c.Bundles = append(l.c.Bundles, b)
					l.src.bundles = append(l.src.bundles, origin{name, i})
				}, func(code string) { l.src.ghostBundles[code] = true }) {
					l.src.partialBundles = true
				}
			case kindOverlays:
				l.readOverlays(name)
			case kindNegative:
				readEntries(l, name, k, "matter", func(e *NegativeEntry, i int) {
					l.c.Negative = append(l.c.Negative, *e)
					l.src.negative = append(l.src.negative, origin{name, i})
				}, nil)
			case kindOutlets:
				readEntries(l, name, k, "id", func(o *Outlet, i int) {
					l.c.Outlets = append(l.c.Outlets, *o)
					l.src.outlets = append(l.src.outlets, origin{name, i})
				}, nil)
			}
		}
	}
}

func (l *loader) readOverlays(name string) {
	base := strings.TrimSuffix(path.Base(name), ".json")
	fileDiv, err := division.Parse(base)
	if err != nil || string(fileDiv) != base {
		l.fileProblem(name, "overlay-file", "实施清单文件名应为区划代码，如370100.json", "an overlay file must be named after a division code, e.g. 370100.json")
		return
	}
	readEntries(l, name, kindOverlays, "matter", func(o *Overlay, i int) {
		if !fileDiv.Contains(o.Division) {
			l.col.add(Problem{Subject: overlaySubject(o), File: name, Pointer: "/" + strconv.Itoa(i) + "/division", Rule: "overlay-file",
				ZH: fmt.Sprintf("区划%s不在文件所属区划%s之内", o.Division, fileDiv),
				EN: fmt.Sprintf("division %s does not lie within the file's division %s", o.Division, fileDiv)})
		}
		l.c.Overlays = append(l.c.Overlays, o)
		l.src.overlays = append(l.src.overlays, origin{name, i})
	}, nil)
}

func (l *loader) fileProblem(file, rule, zh, en string, args ...any) {
	l.col.add(Problem{File: file, Rule: rule, ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...)})
}

// open opens a file and refuses one larger than l.maxSize; the returned
// reader fails with errTooLarge past the limit, whatever Stat said.
func (l *loader) open(name string) (*limitedFile, bool) {
	f, err := l.fsys.Open(name)
	if err != nil {
		l.fileProblem(name, "read", "无法读取文件：%v", "cannot read the file: %v", err)
		return nil, false
	}
	if st, err := f.Stat(); err == nil && st.Size() > l.maxSize {
		f.Close()
		l.fileProblem(name, "file-size", "文件大小%d字节，超过上限%d字节", "the file has %d bytes, more than the limit of %d", st.Size(), l.maxSize)
		return nil, false
	}
	return &limitedFile{io.LimitedReader{R: f, N: l.maxSize + 1}, f}, true
}

var errTooLarge = errors.New("file larger than MaxFileSize")

// limitedFile reads a file up to a size limit.
type limitedFile struct {
	r io.LimitedReader
	f fs.File
}

func (lf *limitedFile) Read(p []byte) (int, error) {
	n, err := lf.r.Read(p)
	if lf.r.N <= 0 {
		return n, errTooLarge
	}
	return n, err
}

func (lf *limitedFile) Close() error { return lf.f.Close() }

// readEntries streams the JSON array in file name: elements are read in
// batches of entryBatch, and the elements of a batch are checked against
// the schema of kind k and decoded into T in parallel; then, in file order,
// their problems are collected and each valid T is passed to keep with its
// index. The code of an invalid element (its subjectKey property) goes to
// ghost, if given. Memory in flight is one batch of raw elements. It
// reports whether the whole file could be read (if not, some entries may be
// missing).
func readEntries[T any](l *loader, name string, k fileKind, subjectKey string, keep func(*T, int), ghost func(string)) (whole bool) {
	schemas, err := entrySchemas()
	if err != nil {
		l.fileProblem(name, "schema", "内置模式无法编译：%v", "the embedded schemas do not compile: %v", err)
		return false
	}
	f, ok := l.open(name)
	if !ok {
		return false
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	syntax := func(err error) {
		l.syntaxProblem(name, dec.InputOffset(), err)
	}
	tok, err := dec.Token()
	if err != nil {
		syntax(err)
		return false
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		l.col.add(Problem{File: name, Pointer: "", Rule: "schema",
			ZH: "文件应为JSON数组", EN: "the file must be a JSON array of " + kindInfo[k].noun})
		return false
	}
	batch := make([]json.RawMessage, 0, entryBatch)
	results := make([]entryResult[T], entryBatch)
	flush := func(first int) {
		checkBatch(batch, results, first, subjectKey, schemas[k].Validate)
		for j := range batch {
			r := &results[j]
			for _, p := range r.problems {
				p.File = name
				l.col.add(p)
			}
			if r.v != nil {
				keep(r.v, first+j)
			} else if ghost != nil && r.subject != "" {
				ghost(r.subject)
			}
			*r = entryResult[T]{}
		}
		batch = batch[:0]
	}
	i := 0
	for ; dec.More(); i++ {
		if l.col.full() {
			return false
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			flush(i - len(batch))
			syntax(err)
			return false
		}
		if batch = append(batch, raw); len(batch) == entryBatch {
			flush(i + 1 - len(batch))
		}
	}
	flush(i - len(batch))
	if _, err := dec.Token(); err != nil {
		syntax(err)
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("data after the closing ]")
		}
		syntax(err)
	}
	return true
}

// entryBatch is the number of array elements checked together.
const entryBatch = 256

// entryResult is the outcome of checking one array element: the decoded
// value, or the problems that kept it out.
type entryResult[T any] struct {
	v        *T
	subject  string
	problems []Problem
}

// checkBatch checks and decodes batch, whose first element has index first
// in its file, into results, spreading the work over the available CPUs.
func checkBatch[T any](batch []json.RawMessage, results []entryResult[T], first int, subjectKey string, validate func(any) error) {
	workers := min(runtime.GOMAXPROCS(0), 8, (len(batch)+15)/16)
	if workers <= 1 {
		for j, raw := range batch {
			results[j] = checkEntry[T](raw, first+j, subjectKey, validate)
		}
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for j := w; j < len(batch); j += workers {
				results[j] = checkEntry[T](batch[j], first+j, subjectKey, validate)
			}
		})
	}
	wg.Wait()
}

// checkEntry checks element i against its schema and decodes it.
func checkEntry[T any](raw []byte, i int, subjectKey string, validate func(any) error) entryResult[T] {
	var r entryResult[T]
	ptr := "/" + strconv.Itoa(i)
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil { // raw is one valid JSON value
		r.problems = []Problem{{Pointer: ptr, Rule: "json", ZH: "JSON无效：" + err.Error(), EN: "invalid JSON: " + err.Error()}}
		return r
	}
	if obj, ok := v.(map[string]any); ok {
		r.subject, _ = obj[subjectKey].(string)
	}
	if hasHugeNumber(v) {
		ps := hugeNumbers(v, ptr, nil)
		for j := range ps {
			ps[j].Subject = r.subject
		}
		r.problems = ps
		return r
	}
	if err := validate(v); err != nil {
		r.problems = schemaProblems(err, ptr)
		for j := range r.problems {
			r.problems[j].Subject = r.subject
		}
		return r
	}
	t := new(T)
	if err := json.Unmarshal(raw, t); err != nil {
		p := Problem{Subject: r.subject, Pointer: ptr, Rule: "decode", ZH: "无法解码：" + err.Error(), EN: "cannot decode: " + err.Error()}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			p.Pointer += "/" + strings.ReplaceAll(te.Field, ".", "/")
		}
		r.problems = []Problem{p}
		return r
	}
	r.v = t
	return r
}

// hasHugeNumber reports whether v holds a number too long or with too large
// an exponent for any field of the catalog. Such numbers are refused before
// schema validation, which computes numbers exactly and would spend
// unbounded time and memory on 1e100000000.
func hasHugeNumber(v any) bool {
	switch v := v.(type) {
	case map[string]any:
		for _, e := range v {
			if hasHugeNumber(e) {
				return true
			}
		}
	case []any:
		for _, e := range v {
			if hasHugeNumber(e) {
				return true
			}
		}
	case json.Number:
		return hugeNumber(v)
	}
	return false
}

func hugeNumber(n json.Number) bool {
	s := string(n)
	exp := 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		exp, _ = strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
	}
	return len(s) > 40 || exp > 40 || exp < -40
}

// hugeNumbers reports each huge number in v, whose pointer is ptr.
func hugeNumbers(v any, ptr string, out []Problem) []Problem {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			out = hugeNumbers(e, ptr+"/"+escapePointer(k), out)
		}
	case []any:
		for i, e := range v {
			out = hugeNumbers(e, ptr+"/"+strconv.Itoa(i), out)
		}
	case json.Number:
		if hugeNumber(v) {
			out = append(out, Problem{Pointer: ptr, Rule: "schema",
				ZH: "数值过大或位数过多", EN: "number too large or too long: " + truncate(string(v), 40)})
		}
	}
	return out
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// syntaxProblem reports malformed JSON at byte offset off of file name, with
// its line and column.
func (l *loader) syntaxProblem(name string, off int64, err error) {
	if errors.Is(err, errTooLarge) {
		l.fileProblem(name, "file-size", "文件超过上限%d字节", "the file is larger than the limit of %d bytes", l.maxSize)
		return
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	line, col := l.lineCol(name, off)
	l.col.add(Problem{File: name, Rule: "json",
		ZH: fmt.Sprintf("第%d行第%d列（字节%d）：JSON格式错误：%v", line, col, off, err),
		EN: fmt.Sprintf("line %d, column %d (byte %d): malformed JSON: %v", line, col, off, err)})
}

// lineCol finds the 1-based line and column (in bytes) of offset off by
// reading the file again; it is only called for an error.
func (l *loader) lineCol(name string, off int64) (line, col int) {
	line, col = 1, 1
	f, err := l.fsys.Open(name)
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	r := bufio.NewReader(io.LimitReader(f, off))
	for {
		b, err := r.ReadByte()
		if err != nil {
			return line, col
		}
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
}

// readForms collects the $id of every JSON file under forms/.
func (l *loader) readForms() {
	seen := map[string]string{}
	err := fs.WalkDir(l.fsys, "forms", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			if name == "forms" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			l.fileProblem(name, "read", "无法读取：%v", "cannot read: %v", err)
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(name, ".json") {
			return nil
		}
		if l.col.full() {
			return fs.SkipAll
		}
		id, ok := l.formID(name)
		if !ok {
			return nil
		}
		if other, dup := seen[id]; dup {
			l.col.add(Problem{Subject: id, File: name, Pointer: "/$id", Rule: "form-duplicate",
				ZH: fmt.Sprintf("表单$id %s与%s重复", id, other),
				EN: fmt.Sprintf("form $id %s is also the $id of %s", id, other)})
			return nil
		}
		seen[id] = name
		l.c.Forms = append(l.c.Forms, id)
		return nil
	})
	if err != nil {
		l.fileProblem("forms", "read", "无法读取目录：%v", "cannot read the folder: %v", err)
	}
}

// formID reads the "$id" of one form schema.
func (l *loader) formID(name string) (string, bool) {
	rc, ok := l.open(name)
	if !ok {
		return "", false
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		l.syntaxProblem(name, int64(len(b)), err)
		return "", false
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			l.col.add(Problem{File: name, Rule: "form-id", ZH: "表单应为JSON对象", EN: "a form schema must be a JSON object"})
			return "", false
		}
		l.syntaxProblem(name, 0, err)
		return "", false
	}
	var id string
	if raw, ok := obj["$id"]; !ok || json.Unmarshal(raw, &id) != nil || id == "" {
		l.col.add(Problem{File: name, Pointer: "/$id", Rule: "form-id", ZH: "表单缺少字符串$id", EN: "a form schema needs a string $id"})
		return "", false
	}
	return id, true
}
