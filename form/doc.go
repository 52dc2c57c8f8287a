// Package form turns the application forms of a one-thing bundle (一件事)
// into one form (多表合一), pre-fills it from registries, pre-reviews the
// answers (智能预审) and cuts them back into one submission per department.
//
// It is for the developers of a city's or province's intake system: the
// online hall, the self-service terminal, the single window (综合窗口) that
// receives a bundle for several departments. It does not store applications
// (package matter does), decide who handles them (package routing) or
// render forms on screen: a merged form is a JSON Schema any form renderer
// can draw, with x-sections saying how to group its fields.
//
// # The flow
//
//  1. Load the catalog's forms with a Loader, giving it the catalog's
//     matters so that each Form knows the matter that names its $id.
//  2. Merge the forms of a bundle selection (matter.Bundle.Select), in plan
//     order: Library.Merge(sel). Every field bound to the same data element
//     appears once, with the intersection of the forms' constraints; fields
//     of one form only keep their own shape under /matters/<matter code>/;
//     conditional requirements are restated at the merged pointers;
//     materials merge by type (one 居民身份证 for all). Merged reports the
//     fields before and after, for the bundle's efficiency view.
//  3. Prefill asks registries (Source: civil registry, social insurance,
//     e-licence library) for the elements the merged form needs, keeps
//     each value's provenance (source, trust level A–D, time), resolves
//     disagreements by trust then recency, and waives materials a trusted
//     document supplies (免提交). A failing registry costs its values, not
//     the application.
//  4. Review checks the answers: the merged JSON Schema, each element's
//     validator (ID check character, credit code, division code, mobile,
//     bank card, dates), and the cross-field checks the forms declare. The
//     Report gives every problem with its pointer, the member matters
//     affected, a stable code and messages in Chinese and English with
//     personal data masked, a verdict (pass, pass with warnings, fail), and
//     for members that allow it, whether the application may be approved
//     without a clerk (自动审批) and why.
//  5. Split cuts the accepted answers into one JSON document per member, in
//     that member's own field names and shape, valid against its own form.
//
// # Data elements
//
// A Dictionary holds the data elements (数据元): person.id_number,
// person.mobile, retirement.date, … each with labels, a JSON type and
// format, a validator and a sensitivity class that decides masking. Builtin
// returns the common HRSS elements; a city adds its own with
// Dictionary.With, which returns a new dictionary and leaves the built-in one
// as it was.
//
// # Keywords of a form file
//
// A form is a JSON Schema 2020-12 document (MetaSchema describes its root)
// with three keywords of ours:
//
//   - "x-element": "person.mobile" on a property binds it to a data
//     element. The property's type, format and enum values must agree with
//     the element's, or the form does not load.
//   - "x-rules": [{"check": "retirement-age", "args": {…}}] at the root
//     declares the cross-field checks Review runs for the matter. A check
//     reads its parameters from data elements (each parameter has a default
//     element) or, through "args", from other elements or from fields of the
//     form given as JSON pointers ("/advance_months"). Built in:
//     "retirement-age" (RetirementAge), "min-contribution"
//     (MinContribution), "account-holder" (AccountHolder) and
//     "id-consistency" (IDConsistency); a city registers more with
//     Dictionary.WithChecks.
//   - "x-auto-approve": {"elements": […], "basis": "…"} at the root lets the
//     matter be approved without a clerk when the review passes with no
//     warnings and every listed value came, unchanged, from a source at
//     trust A or B.
//
// The rules live in the form because they belong to the matter's intake
// contract: the form, its checks and its approval policy are published,
// versioned and loaded together under one $id, and a bad reference (an
// unknown check, a parameter bound to a field the form lacks) is an error at
// load, with the file and the pointer. The mechanism — how a retirement age
// is computed — is code; the figures it uses are data (package
// form/retirement, rules.json, dated values with their legal basis).
//
// Objects with fields may use only the keywords Merge can restate: type,
// properties, required, additionalProperties, if/then/else,
// dependentRequired, allOf, anyOf, oneOf, not and annotations; local $refs
// are followed. Data elements are bound to whole fields, not inside arrays.
//
// # The merged form
//
// Merged answers key element fields by element ID ("person.id_number") and
// put the fields of one form only under "matters" (NamespaceKey) by matter
// code. The merged schema carries x-members and x-forms (the members in
// plan order), x-sections (each member's new fields, in plan order),
// x-rules and x-auto-approve (at merged pointers), and on each element field
// x-element, x-label (zh and en) and x-members. Its objects are closed
// (additionalProperties false), so nothing an applicant types is lost in
// Split. It is compiled on the first Review or Validate, not by Merge.
//
// # Errors
//
// Sentinels ErrInvalid, ErrNotFound, ErrConflict, ErrUnknownElement and
// ErrTypeMismatch are tested with errors.Is. Load problems are *FieldError
// values with the file and JSON pointer; merge conflicts are *ConflictError
// values naming both forms, the element and the constraint. Every problem is
// reported, not just the first.
//
// Package form/formtest is the conformance kit for Source implementations;
// MemorySource is the reference implementation.
package form
