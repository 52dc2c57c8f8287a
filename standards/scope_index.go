package standards

import "github.com/onething-gov/onething/matter"

// set is a set of strings.
type set map[string]struct{}

func setOf(ss []string) set {
	if len(ss) == 0 {
		return nil
	}
	s := make(set, len(ss))
	for _, v := range ss {
		s[v] = struct{}{}
	}
	return s
}

func (s set) has(v string) bool { _, ok := s[v]; return ok }

// compiledScope is a Scope with its lists as sets, for the checker.
type compiledScope struct {
	codes, tags, exclude set
	kinds                uint32 // bit k for kind k (kinds are 1–20)
	byKindOrTag          bool
}

func compileScope(s Scope) compiledScope {
	c := compiledScope{codes: setOf(s.Matters), tags: setOf(s.Tags), exclude: setOf(s.Exclude),
		byKindOrTag: len(s.Kinds) > 0 || len(s.Tags) > 0}
	for _, k := range s.Kinds {
		if k > 0 && k < 32 {
			c.kinds |= 1 << k
		}
	}
	return c
}

// matches is Scope.Matches on the sets.
func (c *compiledScope) matches(m *matter.Matter) bool {
	if c.exclude.has(m.Code) {
		return false
	}
	if c.codes.has(m.Code) {
		return true
	}
	if !c.byKindOrTag {
		return false
	}
	if c.kinds != 0 && (m.Kind <= 0 || m.Kind >= 32 || c.kinds&(1<<m.Kind) == 0) {
		return false
	}
	if c.tags == nil {
		return true
	}
	for _, t := range m.Tags {
		if c.tags.has(t) {
			return true
		}
	}
	return false
}
