package dispatch

// synonyms rewrites every variant in a text to its canonical term, leftmost
// longest first, in one pass: the result is not scanned again, so a term is
// never itself rewritten.
type synonyms struct {
	idx   *index   // over the folded variants
	terms [][]rune // canonical term of variant i
}

// synonymGroup is one group of synonyms.json.
type synonymGroup struct {
	Term     string   `json:"term"`
	Variants []string `json:"variants"`
}

// newSynonyms compiles the groups, reporting problems in file. A group's
// term and variants are folded first; a word may appear in one group only,
// as its term or as a variant.
func newSynonyms(file string, groups []synonymGroup) (*synonyms, []error) {
	var (
		errs  []error
		pats  [][]rune
		terms [][]rune
		where = map[string]string{} // folded word → pointer where it was first seen
	)
	claim := func(word, ptr string) bool {
		if word == "" {
			errs = append(errs, invalid(file, ptr, "empty after width and case folding"))
			return false
		}
		if first, dup := where[word]; dup {
			errs = append(errs, invalid(file, ptr, "%q is already listed at %s", word, first))
			return false
		}
		where[word] = ptr
		return true
	}
	for g, grp := range groups {
		gp := "/synonyms/" + itoa(g)
		term := foldString(grp.Term)
		claim(term, gp+"/term")
		for v, variant := range grp.Variants {
			w := foldString(variant)
			if claim(w, gp+"/variants/"+itoa(v)) {
				pats = append(pats, []rune(w))
				terms = append(terms, []rune(term))
			}
		}
	}
	return &synonyms{idx: newIndex(pats), terms: terms}, errs
}

// appendRewritten appends text to dst with every variant replaced by its
// term.
func (s *synonyms) appendRewritten(dst, text []rune) []rune {
	for i := 0; i < len(text); {
		if p, n := s.idx.longest(text, i); n > 0 {
			dst = append(dst, s.terms[p]...)
			i += n
			continue
		}
		dst = append(dst, text[i])
		i++
	}
	return dst
}

// normalize folds s and rewrites its synonyms: the form keywords and texts
// are compared in.
func (s *synonyms) normalize(str string) string {
	return string(s.appendRewritten(nil, appendFolded(nil, str)))
}
