-- County database: every catalog version the county has published (kept for cases opened
-- under older ones), and calendar years imported at run time.

CREATE TABLE catalog_version (
    version      TEXT PRIMARY KEY,
    region_code  TEXT NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    region_name  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    document     JSONB NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    is_current   BOOLEAN NOT NULL DEFAULT FALSE
);

-- At most one current version.
CREATE UNIQUE INDEX catalog_version_one_current ON catalog_version (is_current) WHERE is_current;

CREATE TABLE catalog_department (
    version  TEXT NOT NULL REFERENCES catalog_version (version),
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (version, code)
);

CREATE TABLE catalog_item (
    version                  TEXT NOT NULL REFERENCES catalog_version (version),
    code                     TEXT NOT NULL,
    name                     TEXT NOT NULL,
    department_code          TEXT NOT NULL,
    kind                     TEXT NOT NULL CHECK (kind IN ('immediate', 'promised', 'joint')),
    statutory_days           INTEGER NOT NULL CHECK (statutory_days >= 0),
    promised_days            INTEGER NOT NULL CHECK (promised_days >= 0),
    requires_chief_approval  BOOLEAN NOT NULL,
    fee_cents                INTEGER CHECK (fee_cents >= 0),
    document                 JSONB NOT NULL,
    PRIMARY KEY (version, code),
    FOREIGN KEY (version, department_code) REFERENCES catalog_department (version, code)
);

CREATE TABLE calendar_year (
    year         INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL,
    document     TEXT NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
