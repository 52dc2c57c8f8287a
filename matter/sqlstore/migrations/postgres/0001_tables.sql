-- One row per stored version of a matter. The newest version of a code is
-- current; a current version that retired the matter is_retired. doc is the
-- matter's JSON document; the other columns repeat what listings filter on.
-- Codes use the "C" collation: listings order and range them as bytes.
CREATE TABLE matters (
	code       TEXT COLLATE "C" NOT NULL,
	version    INTEGER          NOT NULL CHECK (version > 0),
	is_current BOOLEAN          NOT NULL,
	is_retired BOOLEAN          NOT NULL,
	department TEXT COLLATE "C" NOT NULL,
	division   TEXT COLLATE "C" NOT NULL,
	kind       INTEGER          NOT NULL,
	effective  DATE,
	expires    DATE,
	doc        JSONB            NOT NULL,
	written_at TIMESTAMPTZ      NOT NULL,
	PRIMARY KEY (code, version)
);

CREATE UNIQUE INDEX matters_one_current ON matters (code) WHERE is_current;

-- The tags of each matter version.
CREATE TABLE matter_tags (
	code    TEXT COLLATE "C" NOT NULL,
	version INTEGER          NOT NULL,
	tag     TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (code, version, tag),
	FOREIGN KEY (code, version) REFERENCES matters (code, version)
);

-- One row per stored version of an overlay (实施清单 entry).
CREATE TABLE matter_overlays (
	matter     TEXT COLLATE "C" NOT NULL,
	division   TEXT COLLATE "C" NOT NULL,
	version    INTEGER          NOT NULL CHECK (version > 0),
	is_current BOOLEAN          NOT NULL,
	doc        JSONB            NOT NULL,
	written_at TIMESTAMPTZ      NOT NULL,
	PRIMARY KEY (matter, division, version)
);

CREATE UNIQUE INDEX matter_overlays_one_current ON matter_overlays (matter, division) WHERE is_current;

-- One row per application (办件), at its current version. submitted_at is
-- the instant to the microsecond, submitted_ns the nanoseconds below it.
CREATE TABLE matter_applications (
	id           UUID             NOT NULL PRIMARY KEY,
	version      INTEGER          NOT NULL CHECK (version > 0),
	applicant    TEXT COLLATE "C" NOT NULL,
	division     TEXT COLLATE "C" NOT NULL,
	status       TEXT COLLATE "C" NOT NULL,
	submitted_at TIMESTAMPTZ      NOT NULL,
	submitted_ns INTEGER          NOT NULL,
	doc          JSONB            NOT NULL,
	written_at   TIMESTAMPTZ      NOT NULL
);
