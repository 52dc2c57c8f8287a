package standards

import (
	"cmp"
	"slices"

	"github.com/onething-gov/onething/matter"
)

// System is a standard system (标准体系): the category tree and every
// version of every standard, checked and indexed. Make one with LoadSystem
// or NewSystem. It is immutable and safe for concurrent use; every value it
// returns is a copy the caller may change.
type System struct {
	tree  Node
	nodes map[string]*nodeInfo
	// versions holds every version, ordered by identifier, then effective
	// day, then version.
	versions []*version
	// series maps an identifier to its versions, in the same order.
	series map[string][]*version
	ids    []string
}

// nodeInfo is a node of the tree with the ids above it.
type nodeInfo struct {
	node      *Node
	ancestors []string
}

// version is one standard version with its scope compiled.
type version struct {
	std         *Standard
	designation string
	scope       compiledScope
}

// sortVersions orders versions by identifier, effective day and version.
func sortVersions(vs []*version) {
	slices.SortStableFunc(vs, func(a, b *version) int {
		return cmp.Or(cmp.Compare(a.std.Identifier, b.std.Identifier),
			compareDates(a.std.Effective, b.std.Effective),
			cmp.Compare(a.std.Version, b.std.Version))
	})
}

func compareDates(a, b matter.Date) int {
	switch {
	case a.Before(b):
		return -1
	case a.After(b):
		return 1
	}
	return 0
}

// Tree returns the category tree.
func (s *System) Tree() Node { return s.tree.clone() }

// Category returns the node of the tree with the given id, with its
// subcategories.
func (s *System) Category(id string) (Node, bool) {
	n, ok := s.nodes[id]
	if !ok {
		return Node{}, false
	}
	return n.node.clone(), true
}

// Identifiers returns the identifiers of the standards, sorted.
func (s *System) Identifiers() []string { return slices.Clone(s.ids) }

// Standards returns every version of every standard, drafts and withdrawn
// ones included, ordered by identifier and then by effective day.
func (s *System) Standards() []*Standard { return clones(s.versions) }

// History returns the versions of the standard with the given identifier,
// oldest first, or nil if there is none.
func (s *System) History(identifier string) []*Standard { return clones(s.series[identifier]) }

// At returns the version of a standard that applied on day on: the latest
// version, drafts aside, that took effect on or before that day — unless
// that version was withdrawn (废止) by then, in which case none applies. A
// superseded version thus applies until the day its successor takes effect.
func (s *System) At(identifier string, on matter.Date) (*Standard, bool) {
	v := s.at(identifier, on)
	if v == nil {
		return nil, false
	}
	return v.std.Clone(), true
}

func (s *System) at(identifier string, on matter.Date) *version {
	vs := s.series[identifier]
	for i := len(vs) - 1; i >= 0; i-- {
		v := vs[i]
		if v.std.Status == Draft || v.std.Effective.After(on) {
			continue
		}
		if !v.std.Withdrawn.IsZero() && !on.Before(v.std.Withdrawn) {
			return nil
		}
		return v
	}
	return nil
}

// inForce returns the version of each standard that applied on day on, in
// identifier order.
func (s *System) inForce(on matter.Date) []*version {
	out := make([]*version, 0, len(s.ids))
	for _, id := range s.ids {
		if v := s.at(id, on); v != nil {
			out = append(out, v)
		}
	}
	return out
}

// InForce returns the version of each standard that applied on day on, in
// identifier order.
func (s *System) InForce(on matter.Date) []*Standard { return clones(s.inForce(on)) }

// InCategory returns the standards in force on day on whose category is
// the node with the given id or a node below it, in identifier order.
func (s *System) InCategory(id string, on matter.Date) []*Standard {
	var out []*version
	for _, v := range s.inForce(on) {
		n, ok := s.nodes[v.std.Category]
		if ok && (v.std.Category == id || slices.Contains(n.ancestors, id)) {
			out = append(out, v)
		}
	}
	return clones(out)
}

// ForMatter returns the standards in force on day on whose scope covers
// matter m, in identifier order.
func (s *System) ForMatter(m *matter.Matter, on matter.Date) []*Standard {
	return NewChecker(s, on, nil).Applicable(m)
}

func clones(vs []*version) []*Standard {
	if len(vs) == 0 {
		return nil
	}
	out := make([]*Standard, len(vs))
	for i, v := range vs {
		out[i] = v.std.Clone()
	}
	return out
}
