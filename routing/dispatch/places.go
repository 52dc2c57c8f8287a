package dispatch

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/onething-gov/onething/standards/division"
)

// placesFile is dispatch/places.json.
type placesFile struct {
	Schema   string   `json:"$schema,omitempty"`
	Province string   `json:"province"`
	Aliases  []alias  `json:"aliases,omitempty"`
	Ignore   []string `json:"ignore,omitempty"`
}

// alias is an extra name for a division, such as 泉城 for 济南.
type alias struct {
	Name     string `json:"name"`
	Division string `json:"division"`
}

// places recognises the province's divisions by name in a normalised text.
type places struct {
	names [][]rune          // folded names
	cands [][]division.Code // divisions each name may mean; more than one only when none contains the others
}

// nameSuffixes are dropped to form a short name (莱芜区 → 莱芜) when at
// least two runes remain; longest first.
var nameSuffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "省", "市", "区", "县", "旗", "盟"}

// shortName returns name without its suffix, or "" if it has none or the
// rest would be shorter than two runes.
func shortName(name string) string {
	for _, s := range nameSuffixes {
		if rest, ok := strings.CutSuffix(name, s); ok && len([]rune(rest)) >= 2 {
			return rest
		}
	}
	return ""
}

// newPlaces builds the name table of cfg.Province from the division table:
// the official and short names of the province and of every current
// division under it (zones left out), then the names of retired divisions
// with a single successor (章丘市 → 370114) where no current division has
// the name, then the aliases, less the ignored names. A name shared by
// divisions one of which contains the others means the containing one
// (东营 is the city, not 东营区); otherwise it keeps every candidate and
// the context decides (市中区 is in 济南 and in 枣庄).
func newPlaces(file string, cfg placesFile) (*places, []error) {
	var errs []error
	prov, err := division.Parse(cfg.Province)
	d, ok := division.Lookup(prov)
	if err != nil || !ok || d.Level != division.Province {
		return &places{}, []error{invalid(file, "/province", "%q is not a province in the division table", cfg.Province)}
	}
	current := maps.Clone(provinceNames(prov))
	for i, a := range cfg.Aliases {
		ptr := "/aliases/" + itoa(i)
		c, err := division.Parse(a.Division)
		if _, ok := division.Lookup(c); err != nil || !ok || !prov.Contains(c) {
			errs = append(errs, invalid(file, ptr+"/division", "%q is not a division of %s", a.Division, prov))
			continue
		}
		n := foldString(a.Name)
		if len([]rune(n)) < 2 {
			errs = append(errs, invalid(file, ptr+"/name", "an alias needs two or more characters after folding"))
			continue
		}
		current[n] = []division.Code{c}
	}
	for i, n := range cfg.Ignore {
		f := foldString(n)
		if _, ok := current[f]; !ok {
			errs = append(errs, invalid(file, "/ignore/"+itoa(i), "%q is not a place name of %s", n, prov))
			continue
		}
		delete(current, f)
	}
	p := &places{}
	for _, n := range slices.Sorted(maps.Keys(current)) {
		p.names = append(p.names, []rune(n))
		p.cands = append(p.cands, outermost(current[n]))
	}
	return p, errs
}

// provinceCache holds, per province, the names derived from the division
// table (an immutable map[string][]division.Code each): the table never
// changes, so they are built once.
var provinceCache sync.Map

// provinceNames returns the names of prov's divisions and the divisions
// each may mean, as newPlaces describes, before aliases and ignored names.
// The map is shared: clone it before changing it.
func provinceNames(prov division.Code) map[string][]division.Code {
	if m, ok := provinceCache.Load(prov); ok {
		return m.(map[string][]division.Code)
	}
	names := map[string][]division.Code{}
	add := func(m map[string][]division.Code, name string, c division.Code) {
		for _, n := range []string{name, shortName(name)} {
			if n = foldString(n); n != "" {
				m[n] = appendUnique(m[n], c)
			}
		}
	}
	var walk func(division.Code)
	walk = func(c division.Code) {
		for _, d := range division.Children(c) {
			if !d.Retired {
				add(names, d.Name, d.Code)
				walk(d.Code)
			}
		}
	}
	if d, ok := division.Lookup(prov); ok {
		add(names, d.Name, prov)
	}
	walk(prov)
	retired := map[string][]division.Code{}
	for _, r := range division.All() {
		if r.Retired && len(r.Successors) == 1 && r.Level != division.Zone && prov.Contains(r.Code) {
			add(retired, r.Name, r.Successors[0])
		}
	}
	for n, cs := range retired {
		if _, taken := names[n]; !taken {
			names[n] = cs
		}
	}
	m, _ := provinceCache.LoadOrStore(prov, names)
	return m.(map[string][]division.Code)
}

// appendUnique appends c to cs unless it is there.
func appendUnique(cs []division.Code, c division.Code) []division.Code {
	for _, x := range cs {
		if x == c {
			return cs
		}
	}
	return append(cs, c)
}

// outermost returns the one candidate that contains all others, or all of
// them when there is none.
func outermost(cs []division.Code) []division.Code {
	for _, c := range cs {
		all := true
		for _, o := range cs {
			all = all && c.Contains(o)
		}
		if all {
			return []division.Code{c}
		}
	}
	return cs
}
