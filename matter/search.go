package matter

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/width"

	"github.com/onething-gov/onething/standards/division"
)

// Hit is one result of Catalog.Search.
type Hit struct {
	// Code is the matter's 基本编码 or the bundle's code.
	Code string `json:"code"`
	Name string `json:"name"`
	// Bundle marks a bundle (一件事) rather than a matter.
	Bundle bool `json:"bundle,omitempty"`
	// Division is where the matter's implementing body (a bundle's lead
	// department) sits.
	Division division.Code `json:"division"`
	// Score is how the query matched: ScoreExactName, ScoreNamePrefix,
	// ScoreNameSubstring or ScoreText.
	Score int `json:"score"`
}

// The scores of a Hit, best first.
const (
	ScoreExactName     = 4 // the name is the query
	ScoreNamePrefix    = 3 // the name begins with the query
	ScoreNameSubstring = 2 // the name contains the query
	ScoreText          = 1 // a tag, an item's name, the legal basis or the stage contains it
)

// sortReadings respells, for sorting only, place names whose first
// character the default pinyin collation reads with its other reading:
// 长清 is Chángqīng, not Zhǎng-; 单县 is Shànxiàn, not Dān-. Each is replaced
// by homophones the collation reads right, wherever it occurs in a name.
var sortReadings = strings.NewReplacer(
	"长清", "常清", // 济南 Chángqīng
	"长岛", "常岛", // 烟台 Chángdǎo
	"莘县", "深县", // 聊城 Shēnxiàn
	"单县", "善县", // 菏泽 Shànxiàn
	"东阿", "东婀", // 聊城 Dōng'ē
	"临朐", "临渠", // 潍坊 Línqú
	"乐陵", "勒陵", // 德州 Lèlíng
)

// foldText folds full-width forms to ASCII (ＡＢＣ１２３ → abc123, the
// ideographic space to a space) and case, for matching. It returns s itself
// when nothing changes, so that folded names cost no memory.
func foldText(s string) string {
	for _, r := range s {
		if r == 0x3000 || r == 0x20A9 || 0xFF01 <= r && r <= 0xFFEE { // the only Fullwidth and Halfwidth forms
			s = width.Fold.String(s)
			break
		}
	}
	return strings.ToLower(s) // allocates only if a letter changes
}

// Search finds matters and bundles by name, tag, item name, legal basis or
// life stage. The query is trimmed and matched as one substring, after
// folding full-width characters (ＡＢＣ, １２３) and case on both sides; an
// empty query finds nothing. Hits are ranked exact name, then name prefix,
// then name substring, then other text, and within a rank in pinyin order of
// the names (zh collation, with the polyphonic place names 长清, 长岛, 莘县,
// 单县, 东阿, 临朐 and 乐陵 read as places), then by code. At most limit hits
// are returned; limit ≤ 0 returns them all.
//
// Search uses an index of the runes and rune pairs of every name and text,
// built with the catalog, so that a query costs in proportion to the
// candidates it names rather than to the size of the catalog.
func (cat *Catalog) Search(query string, limit int) []Hit {
	q := strings.TrimSpace(foldText(query))
	if q == "" || cat.search == nil {
		return nil
	}
	return cat.search.find(q, limit)
}

// searchEntry is one searchable matter or bundle, its texts folded.
type searchEntry struct {
	code, name string
	norm       string   // folded name
	texts      []string // folded other texts
	div        division.Code
	bundle     bool
}

// searchIndex holds the entries in pinyin order, so that an entry's id is
// its rank among ties, and inverted indexes from grams to ids.
type searchIndex struct {
	entries []searchEntry
	exact   map[string][]uint32 // folded name → ids
	byNorm  []uint32            // ids sorted by folded name, for prefixes
	names   map[uint64][]uint32 // gram of a folded name → ids, ascending
	texts   map[uint64][]uint32 // gram of a folded other text → ids
}

// A gram is a rune pair (r1<<32 | r2) or a single rune (r<<32 | noRune).
const noRune = 0xFFFFFFFF

func newSearchIndex(cat *Catalog) *searchIndex {
	es := make([]searchEntry, 0, len(cat.codes)+len(cat.bundleCodes))
	for _, code := range cat.codes {
		m := cat.matters[code]
		texts := make([]string, 0, len(m.Tags)+len(m.Items)+len(m.LegalBasis))
		for _, t := range m.Tags {
			texts = append(texts, foldText(t))
		}
		for _, it := range m.Items {
			texts = append(texts, foldText(it.Name))
		}
		for _, l := range m.LegalBasis {
			texts = append(texts, foldText(l))
		}
		es = append(es, searchEntry{code: code, name: m.Name, norm: strings.TrimSpace(foldText(m.Name)), texts: texts, div: m.Body.Division})
	}
	for _, code := range cat.bundleCodes {
		b := cat.bundles[code]
		texts := make([]string, 0, len(b.Tags)+1)
		for _, t := range b.Tags {
			texts = append(texts, foldText(t))
		}
		if b.Stage != "" {
			texts = append(texts, foldText(b.Stage))
		}
		es = append(es, searchEntry{code: code, name: b.Name, norm: strings.TrimSpace(foldText(b.Name)), texts: texts, div: b.Lead.Division, bundle: true})
	}

	// Pinyin order, computed once with collation keys.
	col := collate.New(language.Chinese)
	var buf collate.Buffer
	keys := make([][]byte, len(es))
	for i, e := range es {
		keys[i] = bytes.Clone(col.KeyFromString(&buf, sortReadings.Replace(e.name)))
		buf.Reset()
	}
	order := make([]int, len(es))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		if c := strings.Compare(es[a].code, es[b].code); c != 0 {
			return c
		}
		return cmpBool(es[a].bundle, es[b].bundle)
	})
	ix := &searchIndex{entries: make([]searchEntry, len(es)), exact: map[string][]uint32{}}
	for id, i := range order {
		ix.entries[id] = es[i]
	}

	ix.byNorm = make([]uint32, len(es))
	names, texts := gramCounter{}, gramCounter{}
	for id, e := range ix.entries {
		ix.byNorm[id] = uint32(id)
		ix.exact[e.norm] = append(ix.exact[e.norm], uint32(id))
		names.add(e.norm, uint32(id))
		for _, t := range e.texts {
			texts.add(t, uint32(id))
		}
	}
	slices.SortFunc(ix.byNorm, func(a, b uint32) int {
		return cmp.Or(strings.Compare(ix.entries[a].norm, ix.entries[b].norm), cmp.Compare(a, b))
	})
	ix.names, ix.texts = names.compact(), texts.compact()
	return ix
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// gramCounter collects posting lists; ids must be added in ascending order.
type gramCounter map[uint64][]uint32

func (g gramCounter) add(s string, id uint32) {
	prev := rune(-1)
	for _, r := range s {
		g.post(uint64(r)<<32|noRune, id)
		if prev >= 0 {
			g.post(uint64(prev)<<32|uint64(r), id)
		}
		prev = r
	}
}

func (g gramCounter) post(k uint64, id uint32) {
	l := g[k]
	if n := len(l); n > 0 && l[n-1] == id {
		return
	}
	g[k] = append(l, id)
}

// compact copies the lists into one allocation without spare capacity.
func (g gramCounter) compact() map[uint64][]uint32 {
	n := 0
	for _, l := range g {
		n += len(l)
	}
	arena := make([]uint32, 0, n)
	out := make(map[uint64][]uint32, len(g))
	for k, l := range g {
		start := len(arena)
		arena = append(arena, l...)
		out[k] = arena[start:len(arena):len(arena)]
	}
	return out
}

// queryGrams returns the grams every match of q contains: its rune pairs,
// or its rune if it has one.
func queryGrams(q string) []uint64 {
	var out []uint64
	prev := rune(-1)
	for _, r := range q {
		if prev >= 0 {
			out = append(out, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	if out == nil && prev >= 0 {
		out = append(out, uint64(prev)<<32|noRune)
	}
	return out
}

// candidates calls yield with each id, ascending, whose indexed texts hold
// every gram of q, until yield returns false.
func candidates(index map[uint64][]uint32, q string, yield func(uint32) bool) {
	var lists [][]uint32
	for _, g := range queryGrams(q) {
		l, ok := index[g]
		if !ok {
			return
		}
		lists = append(lists, l)
	}
	if len(lists) == 0 {
		return
	}
	slices.SortFunc(lists, func(a, b []uint32) int { return len(a) - len(b) })
	if len(lists) > 4 { // the rarest grams narrow enough; verification does the rest
		lists = lists[:4]
	}
	rest := lists[1:]
	pos := make([]int, len(rest))
next:
	for _, id := range lists[0] {
		for i, l := range rest {
			p := pos[i]
			p += sort.Search(len(l)-p, func(j int) bool { return l[p+j] >= id })
			pos[i] = p
			if p == len(l) {
				return
			}
			if l[p] != id {
				continue next
			}
		}
		if !yield(id) {
			return
		}
	}
}

func (ix *searchIndex) find(q string, limit int) []Hit {
	need := limit
	if need <= 0 || need > len(ix.entries) {
		need = len(ix.entries)
	}
	var hits []Hit
	add := func(id uint32, score int) {
		e := &ix.entries[id]
		hits = append(hits, Hit{Code: e.code, Name: e.name, Bundle: e.bundle, Division: e.div, Score: score})
	}

	for _, id := range ix.exact[q] {
		if len(hits) == need {
			return hits
		}
		add(id, ScoreExactName)
	}

	// Names beginning with q are a range of byNorm; take the first ids.
	lo := sort.Search(len(ix.byNorm), func(i int) bool { return ix.entries[ix.byNorm[i]].norm >= q })
	hi := lo + sort.Search(len(ix.byNorm)-lo, func(i int) bool {
		return !strings.HasPrefix(ix.entries[ix.byNorm[lo+i]].norm, q)
	})
	for _, id := range smallest(ix.byNorm[lo:hi], need-len(hits), func(id uint32) bool { return ix.entries[id].norm != q }) {
		add(id, ScoreNamePrefix)
	}

	if len(hits) < need {
		candidates(ix.names, q, func(id uint32) bool {
			n := ix.entries[id].norm
			if !strings.HasPrefix(n, q) && strings.Contains(n, q) {
				add(id, ScoreNameSubstring)
			}
			return len(hits) < need
		})
	}
	if len(hits) < need {
		candidates(ix.texts, q, func(id uint32) bool {
			e := &ix.entries[id]
			if !strings.Contains(e.norm, q) && slices.ContainsFunc(e.texts, func(t string) bool { return strings.Contains(t, q) }) {
				add(id, ScoreText)
			}
			return len(hits) < need
		})
	}
	return hits
}

// smallest returns, ascending, the n smallest ids in ids that keep accepts.
func smallest(ids []uint32, n int, keep func(uint32) bool) []uint32 {
	if n <= 0 {
		return nil
	}
	top := make([]uint32, 0, min(n, len(ids)))
	for _, id := range ids {
		if len(top) == n && id >= top[n-1] || !keep(id) {
			continue
		}
		i, _ := slices.BinarySearch(top, id)
		if len(top) < n {
			top = slices.Insert(top, i, id)
		} else {
			copy(top[i+1:], top[i:n-1])
			top[i] = id
		}
	}
	return top
}
