package standards

import (
	"encoding/json"
	"slices"
	"strconv"
)

// origin is where a value came from: a file and the JSON pointer of the
// value in it.
type origin struct {
	file, ptr string
}

func (o origin) at(suffix string) (string, string) { return o.file, o.ptr + suffix }

// NewSystem checks a category tree and standard versions as LoadSystem
// checks files — against the published schemas, then as a whole — and
// returns the system. Problems name File "tree" or "standards" and a JSON
// pointer into the tree or into the slice of standards. NewSystem copies
// its arguments; the caller may change them afterwards.
func NewSystem(tree Node, stds []*Standard) (*System, error) {
	sc, err := schemas()
	if err != nil {
		return nil, err
	}
	var col collector
	if err := validateValue(sc.tree, tree); err != nil {
		for _, p := range schemaProblems(err, "tree", "", "") {
			col.add(p)
		}
	}
	kept := make([]*Standard, 0, len(stds))
	origins := make([]origin, 0, len(stds))
	for i, s := range stds {
		ptr := "/" + strconv.Itoa(i)
		if s == nil {
			col.addf("standards", ptr, "", "标准不能为nil", "a standard cannot be nil")
			continue
		}
		if err := validateValue(sc.standard, s); err != nil {
			for _, p := range schemaProblems(err, "standards", ptr, s.Designation()) {
				col.add(p)
			}
			continue
		}
		kept = append(kept, s.Clone())
		origins = append(origins, origin{"standards", ptr})
	}
	if col.full() {
		return nil, col.err()
	}
	t := tree.clone()
	if col.err() != nil {
		return build(nil, "tree", kept, origins, &col)
	}
	return build(&t, "tree", kept, origins, &col)
}

// validateValue checks a Go value against a schema through its JSON form.
func validateValue(s interface{ Validate(any) error }, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	doc, err := decodeAny(b)
	if err != nil {
		return err
	}
	return s.Validate(doc)
}

// build checks the tree and the standards, which each passed their schema,
// against each other and indexes them. A nil tree is one that failed its
// schema: categories are then not checked. Problems already in col are
// reported with the new ones.
func build(tree *Node, treeFile string, stds []*Standard, origins []origin, col *collector) (*System, error) {
	s := &System{nodes: map[string]*nodeInfo{}, series: map[string][]*version{}}
	if tree != nil {
		s.tree = *tree
		s.indexTree(treeFile, col)
	}

	type key struct{ id, version string }
	seen := map[key]int{}
	for i, st := range stds {
		o, d := origins[i], st.Designation()
		if _, ok := s.nodes[st.Category]; !ok && tree != nil {
			f, p := o.at("/category")
			col.addf(f, p, d, "类别%q不在标准体系框架中", "category %q is not a node of the tree", st.Category)
		}
		if !st.Withdrawn.IsZero() && !st.Withdrawn.After(st.Effective) {
			f, p := o.at("/withdrawn")
			col.addf(f, p, d, "废止日期%s应晚于实施日期%s", "withdrawal day %s must come after the effective day %s", st.Withdrawn, st.Effective)
		}
		if st.Status == Withdrawn && st.Withdrawn.IsZero() {
			f, p := o.at("/withdrawn")
			col.addf(f, p, d, "已废止的标准须写明废止日期", "a withdrawn standard needs its withdrawal day")
		}
		k := key{st.Identifier, st.Version}
		if j, dup := seen[k]; dup {
			f, p := o.at("/version")
			col.addf(f, p, d, "与%s%s重复", "repeats the version at %s#%s", origins[j].file, origins[j].ptr)
			continue
		}
		seen[k] = i
		v := &version{std: st, designation: st.Designation(), scope: compileScope(st.Scope)}
		s.versions = append(s.versions, v)
		s.series[st.Identifier] = append(s.series[st.Identifier], v)
	}
	where := make(map[*Standard]origin, len(stds))
	for i, st := range stds {
		where[st] = origins[i]
	}
	sortVersions(s.versions)
	for id, vs := range s.series {
		sortVersions(vs)
		s.ids = append(s.ids, id)
		s.checkSeries(vs, where, col)
	}
	slices.Sort(s.ids)
	if err := col.err(); err != nil {
		return nil, err
	}
	return s, nil
}

// indexTree records every node of the tree and reports repeated ids.
func (s *System) indexTree(file string, col *collector) {
	ptrs := map[*Node]string{&s.tree: ""}
	s.tree.walk(nil, func(n *Node, parents []string) {
		for i := range n.Children {
			ptrs[&n.Children[i]] = ptrs[n] + "/children/" + strconv.Itoa(i)
		}
		if _, dup := s.nodes[n.ID]; dup {
			col.addf(file, ptrs[n]+"/id", "", "类别编号%q重复", "category id %q repeats", n.ID)
			return
		}
		s.nodes[n.ID] = &nodeInfo{node: n, ancestors: slices.Clone(parents)}
	})
}

// checkSeries checks the versions of one standard, in effective order: no
// two in force from the same day, and a superseded version has a later one.
func (s *System) checkSeries(vs []*version, where map[*Standard]origin, col *collector) {
	var last *version
	for i, v := range vs {
		st := v.std
		if st.Status == Draft {
			continue
		}
		if last != nil && compareDates(last.std.Effective, st.Effective) == 0 {
			f, p := where[st].at("/effective")
			col.addf(f, p, st.Designation(), "与%s同日实施，无法确定适用版本", "takes effect on the same day as %s, so neither can be said to apply", last.std.Designation())
		}
		last = v
		if st.Status != Superseded {
			continue
		}
		if !slices.ContainsFunc(vs[i+1:], func(n *version) bool { return n.std.Status != Draft && n.std.Effective.After(st.Effective) }) {
			f, p := where[st].at("/status")
			col.addf(f, p, st.Designation(), "标记为被代替，但没有更晚实施的版本", "marked superseded, but no later version takes effect after it")
		}
	}
}
