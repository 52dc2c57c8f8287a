package form_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/onething-gov/onething/form"
	"github.com/onething-gov/onething/matter"
	"github.com/onething-gov/onething/standards/citizenid"
)

// One application for 退休一件事, end to end: load the catalog and its forms,
// merge the forms of the selected members, pre-fill from a registry,
// pre-review, and split the answers back per department.
func Example() {
	ctx := context.Background()
	root := os.DirFS("../examples/catalog")
	cat, err := matter.LoadFS(root)
	if err != nil {
		panic(err)
	}
	forms, _ := fs.Sub(root, "forms")
	lib, err := (&form.Loader{Matters: slices.Collect(cat.Matters())}).Load(forms)
	if err != nil {
		panic(err)
	}

	bundle, _ := cat.Bundle("SD-YJS-TX")
	sel, _ := bundle.Select(matter.Choices{}) // 资格确认, 户籍, 视同缴费, 待遇核定, 医保
	merged, err := lib.Merge(sel)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d forms, %d fields → 1 form, %d fields\n", len(merged.Forms()), merged.FieldsBefore(), merged.FieldsAfter())

	// A civil registry knows who the applicant is.
	id, _ := citizenid.Parse("370102196501151237")
	registry := form.NewMemorySource("公安人口库")
	at := time.Date(2024, 6, 1, 0, 0, 0, 0, matter.CST)
	for el, v := range map[string]string{"person.id_number": id.String(), "person.name": "王建国", "person.sex": "男", "person.birth_date": "1965-01-15"} {
		_ = registry.Set(form.Subject{Person: id}, form.Value{Element: el, Value: v, Trust: matter.TrustA, Time: at})
	}
	pre := form.Prefill(ctx, merged, form.Subject{Person: id}, registry)
	fmt.Println("pre-filled:", len(pre.Fields))

	// The applicant completes the rest.
	answers := pre.Answers.Clone()
	answers["person.mobile"] = "13905310001"
	answers["person.bank_account"] = "6217002160001234560"
	answers["retirement.category"] = "male"
	answers["retirement.early_type"] = "normal"
	answers["retirement.date"] = "2025-02-01"
	answers["matters"] = map[string]any{
		"370003001000": map[string]any{"purpose": "退休"},
		"370015002000": map[string]any{"file_keeper": "济南市人才服务中心",
			"deemed_periods": []any{map[string]any{"from": "1983-07", "to": "1986-06", "employer": "济南示范机械厂"}}},
	}
	// The bank account was typed in, not supplied by a registry, so the clerk
	// is warned to check that the applicant holds it.
	report := form.Review(ctx, merged, answers, form.WithPrefill(pre))
	fmt.Println("pre-review:", report.Verdict)
	for _, p := range report.Problems {
		fmt.Println(p.Pointer, p.Code)
	}

	parts, err := form.Split(merged, answers)
	if err != nil {
		panic(err)
	}
	fmt.Println(string(parts["370003001000"]))
	// Output:
	// 5 forms, 47 fields → 1 form, 27 fields
	// pre-filled: 4
	// pre-review: pass_with_warnings
	// /person.bank_account account.unverified
	// {"id_number":"370102196501151237","name":"王建国","purpose":"退休"}
}

// A form declares cross-field checks in "x-rules"; Review runs them over the
// merged answers. Here the 2025 retirement-age reform: a man born in
// January 1965 retires at 60 years 1 month, so not in January 2025.
func ExampleReview_retirementAge() {
	f, err := form.ParseForm("retire.json", []byte(`{
	  "$schema": "https://json-schema.org/draft/2020-12/schema",
	  "$id": "https://example.invalid/retire.json",
	  "title": "退休申请",
	  "type": "object",
	  "x-rules": [{"check": "retirement-age"}],
	  "properties": {
	    "id": {"type": "string", "x-element": "person.id_number"},
	    "category": {"type": "string", "x-element": "retirement.category"},
	    "date": {"type": "string", "format": "date", "x-element": "retirement.date"}
	  },
	  "required": ["id", "category", "date"]
	}`), &matter.Matter{Code: "370015001000", Form: "https://example.invalid/retire.json"}, nil)
	if err != nil {
		panic(err)
	}
	m, _ := form.Merge(f)
	r := form.Review(context.Background(), m, form.Answers{
		"person.id_number": "370102196501151237", "retirement.category": "male", "retirement.date": "2025-01-01",
	})
	fmt.Println(r.Verdict)
	for _, p := range r.Problems {
		fmt.Println(p.Pointer, p.Code)
		fmt.Println(p.Message.EN)
	}
	// Output:
	// fail
	// /retirement.date retirement.too_early
	// the requested retirement month 2025-01 is before the earliest allowed, 2025-02 (male employee born 1965-01, normal retirement, youngest age 60 years 1 month; statutory age 60 years 1 month, reached 2025-02)
}

// Two forms that constrain one data element in ways no value meets do not
// merge: the error names both forms, the element and the constraint.
func ExampleMerge_conflict() {
	parse := func(code, enum string) *form.Form {
		id := "https://example.invalid/" + code + ".json"
		f, err := form.ParseForm(code+".json", []byte(`{"$id":"`+id+`","title":"`+code+`","type":"object",
		  "properties":{"sex":{"type":"string","enum":`+enum+`,"x-element":"person.sex"}}}`), &matter.Matter{Code: code, Form: id}, nil)
		if err != nil {
			panic(err)
		}
		return f
	}
	_, err := form.Merge(parse("A", `["男"]`), parse("B", `["女"]`))
	var ce *form.ConflictError
	if errors.As(err, &ce) {
		fmt.Println(ce.Element, ce.Constraint, ce.Matters)
	}
	fmt.Println(errors.Is(err, form.ErrConflict))
	// Output:
	// person.sex enum [A B]
	// true
}

// A city adds its own data element without touching the built-in
// dictionary other users share.
func ExampleDictionary_With() {
	city, err := form.Builtin().With(form.Element{
		ID:    "person.talent_card",
		Label: form.Text{ZH: "泉城人才卡号", EN: "Quancheng talent card number"},
		Type:  "string", Class: form.Personal, Code: true,
	})
	if err != nil {
		panic(err)
	}
	_, inCity := city.Element("person.talent_card")
	_, inBuiltin := form.Builtin().Element("person.talent_card")
	fmt.Println(inCity, inBuiltin)
	// Output: true false
}
