-- The workstation's copy of the county catalog (every version ever imported, so cases opened
-- under an older version keep it), the imported calendar years, and small settings.

CREATE TABLE catalog_version (
    version      TEXT PRIMARY KEY,
    region_code  TEXT NOT NULL,
    region_name  TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    document     TEXT NOT NULL,   -- the validated catalog, as yichuang-catalog/1 JSON
    source       TEXT NOT NULL CHECK (source IN ('file', 'demo', 'hub')),
    imported_at  TEXT NOT NULL    -- RFC 3339, UTC
);

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
    requires_chief_approval  INTEGER NOT NULL,
    fee_cents                INTEGER,
    document                 TEXT NOT NULL,   -- the item as JSON (materials, situations, …)
    PRIMARY KEY (version, code),
    FOREIGN KEY (version, department_code) REFERENCES catalog_department (version, code)
);

CREATE INDEX catalog_item_by_department ON catalog_item (version, department_code, code);

CREATE TABLE calendar_year (
    year         INTEGER PRIMARY KEY,
    sha256       TEXT NOT NULL,
    document     TEXT NOT NULL,   -- the holidays-cn file as imported
    imported_at  TEXT NOT NULL
);

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
