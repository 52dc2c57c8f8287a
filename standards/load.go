package standards

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// MaxFileSize is the largest file LoadSystem reads: 16 MiB.
const MaxFileSize = 16 << 20

// TreeFile is the name of the category tree's file in the standards folder.
const TreeFile = "tree.json"

// LoadSystem reads the standard system in the "standards" folder of a
// catalog root fsys, as LoadSystemDir(fsys, "standards") does.
func LoadSystem(fsys fs.FS) (*System, error) { return LoadSystemDir(fsys, "standards") }

// LoadSystemDir reads the standard system in folder dir of fsys ("." for
// the root):
//
//	tree.json   the category tree, one Node object (schema tree.json)
//	*.json      every other file: a JSON array of Standard objects, one per
//	            version (schema standards.json)
//
// Files not ending in .json, such as a SOURCES.md, and subfolders are
// ignored. Field names are the json tags of the Go types; unknown fields
// are errors, and so is a parameter that the requirement's rule does not
// read. Every file is
// checked against its schema, then the whole as NewSystem checks it: the
// categories exist, versions of a standard are distinct and do not take
// effect on the same day, a superseded version has a successor, a
// withdrawal day comes after the effective day.
//
// The error is a *LoadError listing every problem (up to 200), each with its
// file and the JSON pointer of the value at fault, e.g.
// "standards/retirement.json#/1/requirements/2/max: …"; malformed JSON is
// reported with its line and column. A missing folder is an error wrapping
// fs.ErrNotExist.
func LoadSystemDir(fsys fs.FS, dir string) (*System, error) {
	if st, err := fs.Stat(fsys, dir); err != nil {
		return nil, fmt.Errorf("standards: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("standards: %s is not a folder: %w", dir, fs.ErrNotExist)
	}
	sc, err := schemas()
	if err != nil {
		return nil, err
	}
	var col collector
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("standards: %w", err)
	}
	treeName := path.Join(dir, TreeFile)
	var tree *Node
	var stds []*Standard
	var origins []origin
	haveTree := false
	for _, name := range names {
		if col.full() {
			break
		}
		doc, ok := readFile(fsys, name, &col)
		if !ok {
			if name == treeName {
				haveTree = true // reported; do not also call it missing
			}
			continue
		}
		if name == treeName {
			haveTree = true
			if n, ok := readTree(sc, name, doc, &col); ok {
				tree = &n
			}
			continue
		}
		readStandards(sc, name, doc, &col, func(s *Standard, i int) {
			stds = append(stds, s)
			origins = append(origins, origin{name, "/" + strconv.Itoa(i)})
		})
	}
	if !haveTree {
		col.addf(treeName, "", "", "缺少标准体系框架文件", "the category tree file is missing")
	}
	if col.full() {
		return nil, col.err()
	}
	return build(tree, treeName, stds, origins, &col)
}

// readFile reads a whole file of at most MaxFileSize bytes.
func readFile(fsys fs.FS, name string, col *collector) ([]byte, bool) {
	f, err := fsys.Open(name)
	if err != nil {
		col.addf(name, "", "", "无法读取文件：%v", "cannot read the file: %v", err)
		return nil, false
	}
	defer f.Close()
	doc, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		col.addf(name, "", "", "无法读取文件：%v", "cannot read the file: %v", err)
		return nil, false
	}
	if len(doc) > MaxFileSize {
		col.addf(name, "", "", "文件超过上限%d字节", "the file is larger than the limit of %d bytes", MaxFileSize)
		return nil, false
	}
	return doc, true
}

// readTree checks and decodes the tree file.
func readTree(sc compiledSchemas, name string, doc []byte, col *collector) (Node, bool) {
	var n Node
	v, err := decodeAny(doc)
	if err != nil {
		syntaxProblem(col, name, doc, err)
		return n, false
	}
	if !checkValue(sc.tree, v, name, "", "", col) {
		return n, false
	}
	if err := json.Unmarshal(doc, &n); err != nil {
		col.addf(name, "", "", "无法解码：%v", "cannot decode: %v", err)
		return n, false
	}
	return n, true
}

// readStandards checks each element of a standards file and passes every
// valid one to keep with its index.
func readStandards(sc compiledSchemas, name string, doc []byte, col *collector, keep func(*Standard, int)) {
	var raws []json.RawMessage
	if err := json.Unmarshal(doc, &raws); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			col.addf(name, "", "", "文件应为标准的JSON数组", "the file must be a JSON array of standards")
			return
		}
		syntaxProblem(col, name, doc, err)
		return
	}
	for i, raw := range raws {
		if col.full() {
			return
		}
		ptr := "/" + strconv.Itoa(i)
		v, err := decodeAny(raw)
		if err != nil { // raw is one valid JSON value
			col.addf(name, ptr, "", "JSON无效：%v", "invalid JSON: %v", err)
			continue
		}
		if !checkValue(sc.standard, v, name, ptr, designationOf(v), col) {
			continue
		}
		s := new(Standard)
		if err := json.Unmarshal(raw, s); err != nil {
			p := ptr
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field != "" {
				p += "/" + strings.ReplaceAll(te.Field, ".", "/")
			}
			col.addf(name, p, designationOf(v), "无法解码：%v", "cannot decode: %v", err)
			continue
		}
		keep(s, i)
	}
}

// checkValue checks a decoded value against a schema, refusing huge numbers
// first, and reports whether it passed.
func checkValue(s interface{ Validate(any) error }, v any, file, ptr, standard string, col *collector) bool {
	if huge := hugeNumbers(v, ptr, nil); len(huge) > 0 {
		for _, p := range huge {
			col.add(Problem{File: file, Pointer: p, Standard: standard, ZH: "数值过大或位数过多", EN: "number too large or too long"})
		}
		return false
	}
	if err := s.Validate(v); err != nil {
		for _, p := range schemaProblems(err, file, ptr, standard) {
			col.add(p)
		}
		return false
	}
	return true
}

// designationOf names the standard in a decoded element, if it can.
func designationOf(v any) string {
	obj, _ := v.(map[string]any)
	id, _ := obj["identifier"].(string)
	ver, _ := obj["version"].(string)
	if id == "" {
		return ""
	}
	return id + "—" + ver
}

// decodeAny decodes one JSON value with numbers kept as json.Number, as the
// schema validator wants them.
func decodeAny(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("data after the JSON value")
	}
	return v, nil
}

// hugeNumbers lists the pointers of numbers in v too long, or with too
// large an exponent, for any field of a standard. They are refused before
// schema validation, which computes numbers exactly and would spend
// unbounded time on 1e100000000.
func hugeNumbers(v any, ptr string, out []string) []string {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			out = hugeNumbers(e, ptr+"/"+escape(k), out)
		}
	case []any:
		for i, e := range v {
			out = hugeNumbers(e, ptr+"/"+strconv.Itoa(i), out)
		}
	case json.Number:
		s := string(v)
		exp := 0
		if i := strings.IndexAny(s, "eE"); i >= 0 {
			exp, _ = strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		}
		if len(s) > 40 || exp > 40 || exp < -40 {
			out = append(out, ptr)
		}
	}
	return out
}

// syntaxProblem reports malformed JSON in file name with its line and
// column.
func syntaxProblem(col *collector, name string, doc []byte, err error) {
	var off int64 = -1
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset - 1 // the offset is just after the offending byte
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		off, err = int64(len(doc)), io.ErrUnexpectedEOF
	}
	if off < 0 {
		col.addf(name, "", "", "JSON格式错误：%v", "malformed JSON: %v", err)
		return
	}
	off = max(0, min(off, int64(len(doc))))
	line := 1 + bytes.Count(doc[:off], []byte("\n"))
	column := 1 + int(off) - (bytes.LastIndexByte(doc[:off], '\n') + 1)
	col.addf(name, "", "", "第%d行第%d列（字节%d）：JSON格式错误：%v", "line %d, column %d (byte %d): malformed JSON: %v", line, column, off, err)
}
