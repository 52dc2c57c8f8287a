package routing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// Dir is the folder of a catalog root that holds the agreements files.
const Dir = "agreements"

// MaxFileSize is the largest agreements file, in bytes, that LoadAgreements
// reads.
const MaxFileSize = 4 << 20

// LoadAgreements reads every agreements/*.json file of a catalog root, in
// name order, checks each against the published schema (see Schemas) and
// then all of them together, and returns the indexed set.
//
// A file is a JSON object with any of three arrays — "regions",
// "agreements" and "jurisdiction" — described in the package comment.
// Unknown fields are rejected. Beyond the schema, LoadAgreements checks
// that ids are unique across files, that every region an agreement names
// exists, that member and partner divisions are current divisions in the
// national table, that partners lie within the agreement's region or
// division, that recognition places lie within the partners, that an
// agreement expires after it takes effect and lists a matter once, and
// that a matter has one jurisdiction rule.
//
// The error is a *LoadError (unwrapping to ErrInvalid) listing every
// problem with its file and a JSON pointer into it; malformed JSON is
// reported with its line and column. A missing or empty folder gives an
// error wrapping fs.ErrNotExist.
func LoadAgreements(fsys fs.FS) (*Agreements, error) {
	names, err := fs.Glob(fsys, Dir+"/*.json")
	if err != nil {
		return nil, fmt.Errorf("routing: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("routing: no %s/*.json files: %w", Dir, fs.ErrNotExist)
	}
	schema, err := fileSchema()
	if err != nil {
		return nil, err
	}
	var col collector
	var files []parsed
	for _, name := range names {
		if p, ok := readFile(fsys, name, schema, &col); ok {
			files = append(files, p)
		}
	}
	if err := col.err(); err != nil {
		return nil, err
	}
	a := check(files, &col)
	if err := col.err(); err != nil {
		return nil, err
	}
	return a, nil
}

// parsed is one agreements file, decoded.
type parsed struct {
	name string
	doc  fileDoc
}

// fileDoc is the top level of an agreements file.
type fileDoc struct {
	Schema       string         `json:"$schema,omitempty"`
	Regions      []Region       `json:"regions"`
	Agreements   []Agreement    `json:"agreements"`
	Jurisdiction []Jurisdiction `json:"jurisdiction"`
}

// validator is what readFile needs of a compiled schema.
type validator interface{ Validate(v any) error }

// readFile reads, schema-checks and decodes one file, adding its problems
// to col.
func readFile(fsys fs.FS, name string, schema validator, col *collector) (parsed, bool) {
	f, err := fsys.Open(name)
	if err != nil {
		col.add(name, "", "无法读取：%v", "cannot read: %v", err)
		return parsed{}, false
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	f.Close()
	if err != nil {
		col.add(name, "", "无法读取：%v", "cannot read: %v", err)
		return parsed{}, false
	}
	if len(b) > MaxFileSize {
		col.add(name, "", "文件超过%d字节", "larger than %d bytes", MaxFileSize)
		return parsed{}, false
	}
	var raw any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := decodeOne(dec, &raw); err != nil {
		zh, en := syntaxProblem(b, err)
		col.addText(name, "", zh, en)
		return parsed{}, false
	}
	if err := schema.Validate(raw); err != nil {
		schemaProblems(col, name, err)
		return parsed{}, false
	}
	p := parsed{name: path.Clean(name)}
	dec = json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := decodeOne(dec, &p.doc); err != nil {
		// The schema accepted the file, so only a value our types refuse
		// beyond it can land here.
		col.add(name, "", "无法解码：%v", "cannot decode: %v", strings.TrimPrefix(err.Error(), "json: "))
		return parsed{}, false
	}
	return p, true
}

// decodeOne decodes one JSON value and requires nothing after it.
func decodeOne(dec *json.Decoder, v any) error {
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the top-level value")
	}
	return nil
}

// syntaxProblem describes a decoding error with the line and column of the
// offending byte when the decoder knows it.
func syntaxProblem(doc []byte, err error) (zh, en string) {
	var syn *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return "文件为空", "empty file"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "文件意外结束", "unexpected end of file"
	case errors.As(err, &syn) && syn.Offset >= 1 && syn.Offset <= int64(len(doc)):
		before := doc[:syn.Offset-1]
		line := bytes.Count(before, []byte("\n")) + 1
		col := len(before) - bytes.LastIndexByte(before, '\n')
		return fmt.Sprintf("第%d行第%d列：JSON 语法错误：%s", line, col, syn.Error()),
			fmt.Sprintf("line %d, column %d: %s", line, col, syn.Error())
	}
	return "JSON 语法错误：" + err.Error(), err.Error()
}
