package form

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
)

// MemorySource is a Source and DocumentSource held in memory: the reference
// implementation, which passes package formtest, and a fake registry for
// tests and development. It is safe for concurrent use.
type MemorySource struct {
	name   string
	mu     sync.RWMutex
	values map[Subject]map[string]Value
	docs   map[Subject][]Document
}

var (
	_ Source         = (*MemorySource)(nil)
	_ ElementLister  = (*MemorySource)(nil)
	_ DocumentSource = (*MemorySource)(nil)
)

// NewMemorySource returns an empty source with the given name.
func NewMemorySource(name string) *MemorySource {
	return &MemorySource{name: name, values: map[Subject]map[string]Value{}, docs: map[Subject][]Document{}}
}

// Name returns the source's name.
func (s *MemorySource) Name() string { return s.name }

// Set stores a value about subject, replacing any value of the same
// element; its Source is set to the source's name. A value without an
// element or with a trust level outside A–D is refused with ErrInvalid.
func (s *MemorySource) Set(subject Subject, v Value) error {
	if v.Element == "" || trustRank(v.Trust) > 3 {
		return fmt.Errorf("form: memory source %s: %w: value needs an element and a trust level A–D", s.name, ErrInvalid)
	}
	v.Source = s.name
	v.Value = clone(v.Value)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.values[subject] == nil {
		s.values[subject] = map[string]Value{}
	}
	s.values[subject][v.Element] = v
	return nil
}

// AddDocument stores a document about subject; its Source is set to the
// source's name.
func (s *MemorySource) AddDocument(subject Subject, d Document) error {
	if d.Type == "" || trustRank(d.Trust) > 3 {
		return fmt.Errorf("form: memory source %s: %w: document needs a type and a trust level A–D", s.name, ErrInvalid)
	}
	d.Source = s.name
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[subject] = append(s.docs[subject], d)
	return nil
}

// Elements returns the elements the source holds for anyone, sorted.
func (s *MemorySource) Elements() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	set := map[string]bool{}
	for _, vs := range s.values {
		for e := range vs {
			set[e] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// Lookup returns the subject's values of the given elements.
func (s *MemorySource) Lookup(ctx context.Context, subject Subject, elements []string) ([]Value, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("form: memory source %s: %w", s.name, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Value
	held := s.values[subject]
	for _, e := range elements {
		if v, ok := held[e]; ok && !slices.ContainsFunc(out, func(o Value) bool { return o.Element == e }) {
			v.Value = clone(v.Value)
			out = append(out, v)
		}
	}
	return out, nil
}

// Documents returns the subject's documents of the given material types.
func (s *MemorySource) Documents(ctx context.Context, subject Subject, types []string) ([]Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("form: memory source %s: %w", s.name, err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Document
	for _, d := range s.docs[subject] {
		if slices.Contains(types, d.Type) {
			out = append(out, d)
		}
	}
	return out, nil
}
