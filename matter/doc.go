// Package matter is the catalog of government service matters (政务服务事项)
// and one-thing bundles (一件事), and the shared vocabulary of onething:
// departments, channels, hotline categories and applications (办件).
//
// It is for city and provincial developers who publish a catalog, build
// intake systems on it, or store applications. The concrete types callers use
// are Catalog (an immutable, indexed, validated snapshot, loaded from files
// with LoadFS or from a Store with NewCatalog), Matter, Bundle and
// Application. Implementers of storage write a Store and check it with
// package mattertest; MemoryStore is the reference implementation.
//
// Package matter does not interpret forms (package form does), route
// applications across places (package routing) or score services (package
// evaluation); it holds what those packages share.
//
// All validation collects every problem: a *ValidationError lists each with
// the subject's code, a JSON pointer and a message in Chinese and English,
// and unwraps to ErrInvalid.
package matter
