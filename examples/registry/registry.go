// Package registry is a demo of the registries that pre-fill applications:
// a civil registry (公安人口库), a social insurance record (社保经办系统),
// an e-licence library (电子证照库) and a housing fund centre (住房公积金
// 管理中心), each a form.Source over one small made-up population of
// Shandong residents. DEMO DATA: the people, ID numbers, card and phone
// numbers are synthetic.
//
// It is for the reference server's development mode and for examples and
// tests that walk an application end to end: merge, pre-fill, review,
// split. A city replaces these with Sources over its real registries and
// checks them with package form/formtest.
package registry

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/shopspring/decimal"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
	"github.com/onething-gov/onething/standards/creditcode"
	"github.com/onething-gov/onething/standards/division"
)

//go:embed population.json
var populationFile []byte

// Person is one resident of the demo population, as the registries know
// them together.
type Person struct {
	ID        citizenid.ID  `json:"id_number"`
	Name      string        `json:"name"`
	Sex       string        `json:"sex"`
	Ethnicity string        `json:"ethnicity"`
	Hukou     division.Code `json:"hukou_division"`
	Address   string        `json:"address"`
	// SelfReportedAddress is an address the person gave the social
	// insurance office, less trusted than the civil registry's.
	SelfReportedAddress string          `json:"address_self_reported,omitempty"`
	Mobile              string          `json:"mobile"`
	Category            string          `json:"category,omitempty"`
	ContributionYears   decimal.Decimal `json:"contribution_years,omitzero"`
	FirstInsured        string          `json:"first_insured,omitempty"`
	Employer            creditcode.Code `json:"employer_credit_code,omitempty"`
	EmployerName        string          `json:"employer_name,omitempty"`
	CardNumber          string          `json:"card_number,omitempty"`
	CardBank            string          `json:"card_bank,omitempty"`
	BankAccount         string          `json:"bank_account,omitempty"`
	BankName            string          `json:"bank_name,omitempty"`
	HousingFundAccount  string          `json:"housing_fund_account,omitempty"`
	// Documents are the material types the e-licence library holds.
	Documents []string `json:"documents,omitempty"`
}

// Subject returns the person as a form.Subject.
func (p *Person) Subject() form.Subject { return form.Subject{Person: p.ID} }

// Population is a set of people the demo registries share. It is immutable
// and safe for concurrent use.
type Population struct {
	people map[citizenid.ID]*Person
	order  []citizenid.ID
}

var demo = sync.OnceValue(func() *Population {
	p, err := ParsePopulation(populationFile)
	if err != nil {
		panic("registry: embedded population.json: " + err.Error())
	}
	return p
})

// Demo returns the embedded demo population.
func Demo() *Population { return demo() }

// ParsePopulation reads a population file of the shape of population.json.
func ParsePopulation(data []byte) (*Population, error) {
	var f struct {
		Comment string   `json:"_comment"`
		People  []Person `json:"people"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("registry: population: %w", err)
	}
	p := &Population{people: map[citizenid.ID]*Person{}}
	for i := range f.People {
		person := &f.People[i]
		if person.ID.IsZero() {
			return nil, fmt.Errorf("registry: population: person %d has no ID number", i)
		}
		if _, dup := p.people[person.ID]; dup {
			return nil, fmt.Errorf("registry: population: %s appears twice", person.ID.Masked())
		}
		p.people[person.ID] = person
		p.order = append(p.order, person.ID)
	}
	return p, nil
}

// People returns copies of everyone, in file order.
func (p *Population) People() []Person {
	out := make([]Person, len(p.order))
	for i, id := range p.order {
		out[i] = *p.people[id]
		out[i].Documents = slices.Clone(out[i].Documents)
	}
	return out
}

// Person returns the person with the given ID number.
func (p *Population) Person(id citizenid.ID) (Person, bool) {
	person, ok := p.people[id]
	if !ok {
		return Person{}, false
	}
	c := *person
	c.Documents = slices.Clone(c.Documents)
	return c, true
}

// recorded is when the demo registries last updated their records.
var (
	civilRecorded     = time.Date(2024, 6, 1, 0, 0, 0, 0, matter.CST)
	insuranceRecorded = time.Date(2025, 1, 10, 0, 0, 0, 0, matter.CST)
	fundRecorded      = time.Date(2024, 12, 31, 0, 0, 0, 0, matter.CST)
	licenceIssued     = time.Date(2020, 5, 20, 0, 0, 0, 0, matter.CST)
)
