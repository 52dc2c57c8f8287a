-- One row per stored version of a matter. The newest version of a code is
-- current; a current version that retired the matter is_retired. doc is the
-- matter's JSON document; the other columns repeat what listings filter on.
CREATE TABLE matters (
	code       TEXT    NOT NULL,
	version    INTEGER NOT NULL CHECK (version > 0),
	is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
	is_retired INTEGER NOT NULL CHECK (is_retired IN (0, 1)),
	department TEXT    NOT NULL,
	division   TEXT    NOT NULL,
	kind       INTEGER NOT NULL,
	effective  TEXT,
	expires    TEXT,
	doc        TEXT    NOT NULL,
	written_at TEXT    NOT NULL,
	PRIMARY KEY (code, version)
) STRICT;

CREATE UNIQUE INDEX matters_one_current ON matters (code) WHERE is_current;

-- The tags of each matter version.
CREATE TABLE matter_tags (
	code    TEXT    NOT NULL,
	version INTEGER NOT NULL,
	tag     TEXT    NOT NULL,
	PRIMARY KEY (code, version, tag),
	FOREIGN KEY (code, version) REFERENCES matters (code, version)
) STRICT;

-- One row per stored version of an overlay (实施清单 entry).
CREATE TABLE matter_overlays (
	matter     TEXT    NOT NULL,
	division   TEXT    NOT NULL,
	version    INTEGER NOT NULL CHECK (version > 0),
	is_current INTEGER NOT NULL CHECK (is_current IN (0, 1)),
	doc        TEXT    NOT NULL,
	written_at TEXT    NOT NULL,
	PRIMARY KEY (matter, division, version)
) STRICT;

CREATE UNIQUE INDEX matter_overlays_one_current ON matter_overlays (matter, division) WHERE is_current;

-- One row per application (办件), at its current version. submitted_at is
-- UTC to the microsecond, submitted_ns the nanoseconds below it.
CREATE TABLE matter_applications (
	id           TEXT    NOT NULL PRIMARY KEY,
	version      INTEGER NOT NULL CHECK (version > 0),
	applicant    TEXT    NOT NULL,
	division     TEXT    NOT NULL,
	status       TEXT    NOT NULL,
	submitted_at TEXT    NOT NULL,
	submitted_ns INTEGER NOT NULL,
	doc          TEXT    NOT NULL,
	written_at   TEXT    NOT NULL
) STRICT;
