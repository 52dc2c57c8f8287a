// Package standards is the province's system of basic public-service
// standards (基本公共服务标准体系) and the conformance check of every city's
// implementation of a matter against it: "同一事项、同一标准", one matter
// handled to the same standard in every city.
//
// It is for two readers. The province's standards office keeps the system
// as data files — a category tree (基础通用, 服务提供, 服务保障, 服务评价 …) and
// standards with their versions, dates, scope and machine-checkable
// requirements — and asks which high-frequency matters still lack a
// standard (急需短缺) and which standards name matters that are gone. City
// developers run the check over their implementation lists (实施清单),
// usually through the examples/lint command in their CI, and fix what it
// reports before publishing.
//
// The data lives in the standards folder of a catalog root and is loaded
// with LoadSystem, which checks every file against the embedded JSON
// Schemas (see Schemas) and then the whole, and reports every problem with
// its file and JSON pointer. A Standard is one version of one standard
// (DB37/T 9012—2025); System.At says which version of a standard applied on
// a day. Check resolves every matter of a matter.Catalog in every division
// that has an implementation list and reports, per implementation, the
// standards that applied on the day and the findings: rule, clause,
// expected and actual value, severity. Report renders as Markdown or CSV,
// grouped by city and department.
//
// The package does not hold the text of the standards, only what can be
// checked against a matter's elements; it does not publish standards, score
// services (package evaluation does) or decide whether a city's overlay is
// allowed at all (package matter refuses an overlay that lengthens a limit
// or adds a material before any standard is consulted).
package standards
