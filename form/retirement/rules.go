package retirement

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"
)

// ErrInvalid is returned, wrapped, for a rules file that breaks its schema or
// a rule, and for a category, kind or month no rule covers. Test with
// errors.Is.
var ErrInvalid = errors.New("invalid retirement rule")

// Category is the retirement category (退休人员类别) that fixes the
// statutory age.
type Category string

// The categories.
const (
	Male         Category = "male"          // 男职工 (old age 60)
	FemaleCadre  Category = "female_cadre"  // 女干部 / 原55周岁退休的女职工
	FemaleWorker Category = "female_worker" // 女工人 / 原50周岁退休的女职工
)

// Categories lists the categories in a stable order.
func Categories() []Category { return []Category{Male, FemaleCadre, FemaleWorker} }

// Kind is the kind of retirement applied for (退休类型).
type Kind string

// The kinds.
const (
	Normal      Kind = "normal"       // 按法定退休年龄退休
	Flexible    Kind = "flexible"     // 弹性提前退休
	SpecialWork Kind = "special_work" // 特殊工种提前退休
	Illness     Kind = "illness"      // 因病或非因工致残提前退休（退职）
)

// Kinds lists the kinds in a stable order.
func Kinds() []Kind { return []Kind{Normal, Flexible, SpecialWork, Illness} }

// Rules are the statutory retirement rules of one jurisdiction. A Rules is
// immutable and safe for concurrent use.
type Rules struct {
	basis         string
	reform        Month
	categories    map[Category]categoryRule
	earlyMax      int
	delayMax      int
	specialWork   map[Category]Age
	illness       map[Category]Age
	contributions []contribution
}

type categoryRule struct {
	zh, en      string
	before      Age
	target      Age
	birthPerMon int
}

type contribution struct {
	from  Month
	years decimal.Decimal
}

//go:embed rules.json
var defaultFile []byte

//go:embed rules.schema.json
var schemaFile []byte

// SchemaID is the $id of the published JSON Schema of a rules file.
const SchemaID = "https://onething.gov.cn/schema/form/retirement-rules.json"

// Schema returns the JSON Schema (draft 2020-12) a rules file must satisfy.
func Schema() []byte { return slices.Clone(schemaFile) }

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaFile))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(SchemaID, doc); err != nil {
		return nil, err
	}
	return c.Compile(SchemaID)
})

var defaultRules = sync.OnceValue(func() *Rules {
	r, err := Parse(defaultFile)
	if err != nil {
		panic("retirement: embedded rules.json: " + err.Error())
	}
	return r
})

// Default returns the national rules embedded in the package.
func Default() *Rules { return defaultRules() }

type fileAge struct {
	Years  int `json:"years"`
	Months int `json:"months"`
}

func (a fileAge) age() Age { return Years(a.Years, a.Months) }

type fileEarly struct {
	Ages map[Category]fileAge `json:"ages"`
}

type file struct {
	Basis      string `json:"basis"`
	Reform     Month  `json:"reform"`
	Categories map[Category]struct {
		Name struct {
			ZH string `json:"zh"`
			EN string `json:"en"`
		} `json:"name"`
		Before fileAge `json:"before"`
		Target fileAge `json:"target"`
		Step   int     `json:"birth_months_per_step"`
	} `json:"categories"`
	Flexible struct {
		EarlyMax int `json:"early_max_months"`
		DelayMax int `json:"delay_max_months"`
	} `json:"flexible"`
	SpecialWork     fileEarly `json:"special_work"`
	Illness         fileEarly `json:"illness"`
	MinContribution []struct {
		From  Month           `json:"from"`
		Years decimal.Decimal `json:"years"`
	} `json:"min_contribution"`
}

// Parse reads a rules file of the shape of Schema. Besides the schema it
// requires each target age to be at least the age before the reform and the
// minimum-contribution entries to be in strictly ascending months. Every
// problem is reported; the error wraps ErrInvalid.
func Parse(data []byte) (*Rules, error) {
	s, err := compiled()
	if err != nil {
		return nil, fmt.Errorf("retirement: schema: %w", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("retirement: %w: %v", ErrInvalid, err)
	}
	if err := s.Validate(doc); err != nil {
		return nil, fmt.Errorf("retirement: %w: %v", ErrInvalid, err)
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("retirement: %w: %v", ErrInvalid, err)
	}
	var problems []error
	r := &Rules{
		basis:       f.Basis,
		reform:      f.Reform,
		categories:  map[Category]categoryRule{},
		earlyMax:    f.Flexible.EarlyMax,
		delayMax:    f.Flexible.DelayMax,
		specialWork: map[Category]Age{},
		illness:     map[Category]Age{},
	}
	for _, c := range Categories() {
		fc := f.Categories[c]
		cr := categoryRule{zh: fc.Name.ZH, en: fc.Name.EN, before: fc.Before.age(), target: fc.Target.age(), birthPerMon: fc.Step}
		if cr.target < cr.before {
			problems = append(problems, fmt.Errorf("/categories/%s: target age %s is below the age before the reform %s", c, cr.target, cr.before))
		}
		r.categories[c] = cr
		r.specialWork[c] = f.SpecialWork.Ages[c].age()
		r.illness[c] = f.Illness.Ages[c].age()
	}
	for i, mc := range f.MinContribution {
		if i > 0 && mc.From <= f.MinContribution[i-1].From {
			problems = append(problems, fmt.Errorf("/min_contribution/%d: from %s is not after %s", i, mc.From, f.MinContribution[i-1].From))
		}
		r.contributions = append(r.contributions, contribution{from: mc.From, years: mc.Years})
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("retirement: %w: %w", ErrInvalid, errors.Join(problems...))
	}
	return r, nil
}

// Basis returns the legal basis the rules file names.
func (r *Rules) Basis() string { return r.basis }

// Valid reports whether c is a category of the rules.
func (r *Rules) Valid(c Category) bool { _, ok := r.categories[c]; return ok }

// CategoryNames returns the Chinese and English names of category c.
func (r *Rules) CategoryNames(c Category) (zh, en string) {
	cr := r.categories[c]
	return cr.zh, cr.en
}

// Statutory returns the statutory retirement age of a person of category c
// born in month birth. Before the reform it is the old age; for those who
// reach the old age from the reform month on, it rises by one month for
// every birth_months_per_step months of birth counted from the first
// affected birth month, up to the target age.
func (r *Rules) Statutory(birth Month, c Category) (Age, error) {
	cr, ok := r.categories[c]
	if !ok {
		return 0, fmt.Errorf("retirement: %w: unknown category %q", ErrInvalid, c)
	}
	first := r.reform.Add(-int(cr.before)) // first birth month affected
	if birth < first {
		return cr.before, nil
	}
	delay := birth.Since(first)/cr.birthPerMon + 1
	return min(cr.before+Age(delay), cr.target), nil
}

// MinContribution returns the minimum contribution years (最低缴费年限) for
// a person retiring in month m, and false if no entry covers m.
func (r *Rules) MinContribution(m Month) (decimal.Decimal, bool) {
	i, found := slices.BinarySearchFunc(r.contributions, m, func(c contribution, m Month) int { return int(c.from - m) })
	if !found {
		i--
	}
	if i < 0 {
		return decimal.Decimal{}, false
	}
	return r.contributions[i].years, true
}

// Outcome is the result of checking a requested retirement month.
type Outcome string

// The outcomes. OK passes; TooEarly fails; NotEarly and AfterDelayLimit
// are warnings for a clerk.
const (
	OK              Outcome = "ok"
	TooEarly        Outcome = "too_early"         // before the earliest month the kind allows
	NotEarly        Outcome = "not_early"         // flexible early retirement asked at or after the statutory month
	AfterDelayLimit Outcome = "after_delay_limit" // later than the statutory month plus the flexible delay limit
)

// Decision explains a check of a requested retirement month: the ages and
// months it was computed from and the outcome.
type Decision struct {
	Category Category
	Kind     Kind
	Birth    Month
	// Statutory is the statutory age under the reform, reached in
	// StatutoryMonth.
	Statutory      Age
	StatutoryMonth Month
	// EarliestAge is the youngest age the kind allows, reached in Earliest.
	EarliestAge Age
	Earliest    Month
	// Latest is the last month of flexible delay (弹性延迟).
	Latest    Month
	Requested Month
	Outcome   Outcome
}

// Check decides whether a person of category c born in month birth may
// retire in month requested under kind k:
//
//   - normal: from the statutory month;
//   - flexible (弹性提前退休): up to early_max_months before the statutory
//     age but never below the age before the reform; asking at or after the
//     statutory month is NotEarly;
//   - special work and illness: from the ages the rules name;
//   - any kind later than the statutory month plus delay_max_months is
//     AfterDelayLimit.
//
// An unknown category or kind is an error wrapping ErrInvalid.
func (r *Rules) Check(birth Month, c Category, k Kind, requested Month) (Decision, error) {
	stat, err := r.Statutory(birth, c)
	if err != nil {
		return Decision{}, err
	}
	d := Decision{Category: c, Kind: k, Birth: birth, Statutory: stat, StatutoryMonth: birth.Add(int(stat)), Requested: requested}
	d.Latest = d.StatutoryMonth.Add(r.delayMax)
	switch k {
	case Normal:
		d.EarliestAge = stat
	case Flexible:
		d.EarliestAge = max(r.categories[c].before, stat-Age(r.earlyMax))
	case SpecialWork:
		d.EarliestAge = min(r.specialWork[c], stat)
	case Illness:
		d.EarliestAge = min(r.illness[c], stat)
	default:
		return Decision{}, fmt.Errorf("retirement: %w: unknown kind %q", ErrInvalid, k)
	}
	d.Earliest = birth.Add(int(d.EarliestAge))
	switch {
	case requested < d.Earliest:
		d.Outcome = TooEarly
	case k == Flexible && requested >= d.StatutoryMonth:
		d.Outcome = NotEarly
	case requested > d.Latest:
		d.Outcome = AfterDelayLimit
	default:
		d.Outcome = OK
	}
	return d, nil
}
