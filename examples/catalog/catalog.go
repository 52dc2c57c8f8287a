// Package catalog is demo data: a Shandong HRSS catalog for the reference
// server and examples. DEMO DATA — not an official catalog; names and
// structure follow public sources (listed in SOURCES.md) but codes, phone
// numbers, addresses and credit codes are illustrative.
//
// FS holds the catalog files, rooted at this directory:
//
//	matters/*.json              matters (事项), one JSON array per department
//	forms/<dept>/<name>.json    one JSON Schema form per matter, named by its $id
//	bundles/bundles.json        the 一件事 bundles 退休一件事 and 社会保障卡居民服务一件事
//	overlays/<division>.json    city and county implementation lists (实施清单)
//	negative/negative.json      the negative list (负面清单) of matters not fully online
//	outlets/outlets.json        halls, township centres and partner outlets (只进一门)
//
// Load it with matter.LoadFS(catalog.FS). The package imports nothing of
// onething, so any package may read the data without an import cycle.
package catalog

import "embed"

// FS is the demo catalog.
//
//go:embed matters bundles forms overlays negative outlets dispatch policies agreements standards
var FS embed.FS
