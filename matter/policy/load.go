package policy

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"slices"
)

// MaxFileSize is the largest file, in bytes, that LoadFS reads.
const MaxFileSize = 1 << 20

// The special files of a policy folder; every other *.json file directly in
// it is a policy.
const (
	AttributesFile = "attributes.json"
	ParametersFile = "parameters.json"
)

// Set is a loaded policy folder: the attribute registry, the shared
// parameters and the policies, all checked. It is immutable and safe for
// concurrent use.
type Set struct {
	reg      *Registry
	shared   []*Parameter
	policies []*Policy
	byCode   map[string]*Policy
}

// Registry returns the attribute registry profiles must be built against.
func (s *Set) Registry() *Registry { return s.reg }

// Policies returns the policies in code order.
func (s *Set) Policies() []*Policy { return slices.Clone(s.policies) }

// Policy returns the policy with the code.
func (s *Set) Policy(code string) (*Policy, bool) { p, ok := s.byCode[code]; return p, ok }

// Parameters returns the shared parameters of parameters.json.
func (s *Set) Parameters() []*Parameter { return slices.Clone(s.shared) }

// LoadFS loads the policy folder dir of fsys (such as "policies" of the
// catalog root): attributes.json (the registry, required), parameters.json
// (shared dated parameters, optional) and every other *.json file directly
// in dir as one policy. Sub-folders, such as scenarios/, are not read.
//
// Each file is validated against its embedded schema (see Schemas) and then
// checked: every expression is parsed and type-checked against the
// registry and the parameters, so a policy that names an unknown attribute
// or parameter fails here. LoadFS reports every problem of every file in
// one *LoadError (wrapping ErrInvalid), each with the file, the JSON
// pointer and, inside an expression, the line and column.
func LoadFS(fsys fs.FS, dir string) (*Set, error) {
	var ps problems
	read := func(name string) ([]byte, bool) {
		f := path.Join(dir, name)
		info, err := fs.Stat(fsys, f)
		if err != nil {
			ps.add(name, "", "%v", err)
			return nil, false
		}
		if info.Size() > MaxFileSize {
			ps.add(name, "", "file larger than %d bytes", MaxFileSize)
			return nil, false
		}
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			ps.add(name, "", "%v", err)
			return nil, false
		}
		return b, true
	}
	s := &Set{byCode: map[string]*Policy{}}
	if b, ok := read(AttributesFile); ok {
		var rf registryFile
		if validate(AttributesFile, "attributes.json", b, &rf, &ps) {
			reg, err := newRegistry(AttributesFile, rf.Attributes, rf.Tags)
			if le, ok := err.(*LoadError); ok {
				ps = append(ps, le.Problems...)
			}
			s.reg = reg
		}
	}
	if s.reg == nil {
		return nil, ps.err(ErrInvalid)
	}
	if _, err := fs.Stat(fsys, path.Join(dir, ParametersFile)); err == nil {
		if b, ok := read(ParametersFile); ok {
			var pf struct {
				Schema     string       `json:"$schema"`
				Parameters []*Parameter `json:"parameters"`
			}
			if validate(ParametersFile, "parameters.json", b, &pf, &ps) {
				seen := map[string]bool{}
				for i, par := range pf.Parameters {
					ptr := fmt.Sprintf("/parameters/%d", i)
					par.check(ParametersFile, ptr, &ps)
					if s.reg.has(par.Name) {
						ps.add(ParametersFile, ptr+"/name", "parameter %q has the name of an attribute", par.Name)
					}
					if seen[par.Name] {
						ps.add(ParametersFile, ptr+"/name", "parameter %q defined twice", par.Name)
					}
					seen[par.Name] = true
				}
				s.shared = pf.Parameters
			}
		}
	}
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		ps.add("", "", "%v", err)
	}
	for _, full := range names {
		name := path.Base(full)
		if name == AttributesFile || name == ParametersFile {
			continue
		}
		b, ok := read(name)
		if !ok {
			continue
		}
		p := new(Policy)
		doc := struct {
			Schema string `json:"$schema"`
			*Policy
		}{Policy: p}
		if !validate(name, "policy.json", b, &doc, &ps) {
			continue
		}
		p.compile(name, s.reg, s.shared, &ps)
		if q, dup := s.byCode[p.Code]; dup {
			ps.add(name, "/code", "policy code %q is also used by %s", p.Code, q.File)
			continue
		}
		s.byCode[p.Code] = p
		s.policies = append(s.policies, p)
	}
	if err := ps.err(ErrInvalid); err != nil {
		return nil, err
	}
	slices.SortFunc(s.policies, func(a, b *Policy) int { return cmp.Compare(a.Code, b.Code) })
	return s, nil
}
