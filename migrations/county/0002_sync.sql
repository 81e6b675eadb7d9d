-- The county's side of sync: the organisation (departments, windows with their AB岗 backup,
-- users), enrolled workstations and their one-time tokens, every pushed mutation with its
-- verdict, number series high-water marks, and the county's copy of cases, timelines,
-- notices, cards and workstation audit entries.
--
-- Row-level security is the second wall behind the hub's own scoping: department-scoped
-- tables show and accept only rows of the department named by the transaction setting
-- `yichuang.department` ('*' for county admin tools). With no setting, nothing is visible.
-- The hub's server logs in as a member of `yichuang_app`, which is neither owner nor
-- superuser, and FORCE applies the policies to the owner as well.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'yichuang_app') THEN
        CREATE ROLE yichuang_app NOLOGIN;
    END IF;
END
$$;

ALTER TABLE catalog_version ADD COLUMN source_text TEXT;

CREATE TABLE county_setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

CREATE TABLE department (
    code  TEXT PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9]{1,16}$'),
    name  TEXT NOT NULL
);

CREATE TABLE service_window (
    department_code  TEXT NOT NULL REFERENCES department (code),
    code             TEXT NOT NULL CHECK (code ~ '^[A-Za-z0-9]{1,8}$'),
    name             TEXT NOT NULL,
    -- The designated backup window of the A/B post (AB岗), in the same department.
    backup_code      TEXT,
    PRIMARY KEY (department_code, code),
    FOREIGN KEY (department_code, backup_code) REFERENCES service_window (department_code, code)
);

-- The one counter of the whole county: every change a workstation may pull takes the next
-- value inside its own transaction. The row lock is held to commit, so values are handed out
-- in commit order and a reader can never pass over a row that commits late.
CREATE TABLE sync_counter (
    id     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    value  BIGINT NOT NULL
);
INSERT INTO sync_counter (id, value) VALUES (TRUE, 0);

CREATE TABLE app_user (
    user_id          TEXT PRIMARY KEY,
    username         TEXT NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.-]{2,32}$'),
    name             TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('clerk', 'chief_rep', 'supervisor', 'admin')),
    department_code  TEXT NOT NULL REFERENCES department (code),
    password_hash    TEXT NOT NULL,
    active           BOOLEAN NOT NULL DEFAULT TRUE,
    gseq             BIGINT NOT NULL
);
CREATE INDEX app_user_pull ON app_user (department_code, gseq);

CREATE TABLE workstation (
    id                 TEXT PRIMARY KEY,
    department_code    TEXT NOT NULL,
    window_code        TEXT NOT NULL,
    label              TEXT NOT NULL,
    credential_sha256  TEXT NOT NULL UNIQUE,
    enrolled_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at         TIMESTAMPTZ,
    pushed_seq         BIGINT NOT NULL DEFAULT 0,   -- last local_seq recorded (accepted or rejected)
    audit_seq          BIGINT NOT NULL DEFAULT 0,   -- last audit entry held
    audit_head         TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000',
    audit_broken_at    TIMESTAMPTZ,                 -- its chain stopped continuing (see status)
    last_seen_at       TIMESTAMPTZ,
    FOREIGN KEY (department_code, window_code) REFERENCES service_window (department_code, code)
);

CREATE TABLE enrollment_token (
    token_sha256     TEXT PRIMARY KEY,
    department_code  TEXT NOT NULL,
    window_code      TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at       TIMESTAMPTZ NOT NULL,
    used_at          TIMESTAMPTZ,
    workstation_id   TEXT REFERENCES workstation (id),
    FOREIGN KEY (department_code, window_code) REFERENCES service_window (department_code, code)
);

CREATE TABLE mutation_log (
    workstation_id   TEXT NOT NULL REFERENCES workstation (id),
    local_seq        BIGINT NOT NULL,
    mutation_id      TEXT NOT NULL UNIQUE,
    department_code  TEXT NOT NULL,
    kind             TEXT NOT NULL,
    case_id          TEXT,
    payload          JSONB NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    reject_code      TEXT,
    reason           TEXT,
    decided_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (workstation_id, local_seq)
);

-- Per department: another department can never take over (or block) a department's series.
CREATE TABLE series_mark (
    department_code  TEXT NOT NULL,
    series           TEXT NOT NULL,
    last_seq         BIGINT NOT NULL,
    workstation_id   TEXT NOT NULL REFERENCES workstation (id),
    window_code      TEXT NOT NULL,
    PRIMARY KEY (department_code, series)
);

-- Numbers that skipped ahead of their series: accepted (the case is real) and recorded here
-- for county IT to look into.
CREATE TABLE series_gap (
    series          TEXT NOT NULL,
    expected_seq    BIGINT NOT NULL,
    got_seq         BIGINT NOT NULL,
    workstation_id  TEXT NOT NULL,
    noted_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE case_record (
    id               TEXT PRIMARY KEY,
    case_no          TEXT NOT NULL UNIQUE,
    department_code  TEXT NOT NULL,
    window_code      TEXT NOT NULL,
    state            TEXT NOT NULL,
    version          INTEGER NOT NULL,
    document         JSONB NOT NULL,
    gseq             BIGINT NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX case_record_pull ON case_record (department_code, gseq);

CREATE TABLE case_event (
    case_id          TEXT NOT NULL REFERENCES case_record (id),
    seq              INTEGER NOT NULL,
    department_code  TEXT NOT NULL,
    document         JSONB NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE notice (
    number           TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL REFERENCES case_record (id),
    department_code  TEXT NOT NULL,
    kind             TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    document         JSONB NOT NULL,
    voided_reason    TEXT,
    voided_at        TIMESTAMP
);
CREATE INDEX notice_by_case ON notice (case_id);

CREATE TABLE case_card (
    case_id          TEXT NOT NULL REFERENCES case_record (id),
    level            TEXT NOT NULL CHECK (level IN ('yellow', 'red')),
    department_code  TEXT NOT NULL,
    due_date         DATE NOT NULL,
    raised_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    workstation_id   TEXT NOT NULL,
    PRIMARY KEY (case_id, level)
);

CREATE TABLE audit_entry (
    workstation_id   TEXT NOT NULL REFERENCES workstation (id),
    seq              BIGINT NOT NULL,
    department_code  TEXT NOT NULL,
    entry_workstation TEXT NOT NULL,            -- the entry's own workstation field (hashed)
    at               TEXT NOT NULL,
    actor_id         TEXT NOT NULL,
    actor            TEXT NOT NULL,
    action           TEXT NOT NULL,
    case_id          TEXT,
    detail           TEXT NOT NULL,
    prev_hash        TEXT NOT NULL,
    hash             TEXT NOT NULL,
    PRIMARY KEY (workstation_id, seq)
);

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['app_user', 'mutation_log', 'case_record', 'case_event', 'notice',
                             'case_card', 'audit_entry', 'series_mark']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        -- '*' (every department) is for county admin tools only: the server's role can never
        -- claim it, so one bug in the hub cannot unlock every department.
        EXECUTE format(
            'CREATE POLICY department_scope ON %I '
            'USING (department_code = current_setting(''yichuang.department'', true) '
            '       OR (current_setting(''yichuang.department'', true) = ''*'' '
            '           AND NOT pg_has_role(''yichuang_app'', ''MEMBER''))) '
            'WITH CHECK (department_code = current_setting(''yichuang.department'', true) '
            '       OR (current_setting(''yichuang.department'', true) = ''*'' '
            '           AND NOT pg_has_role(''yichuang_app'', ''MEMBER'')))', t);
    END LOOP;
END
$$;

GRANT SELECT ON catalog_version, catalog_department, catalog_item, calendar_year, county_setting,
    department, service_window TO yichuang_app;
GRANT SELECT, UPDATE ON sync_counter, workstation, enrollment_token TO yichuang_app;
GRANT SELECT, INSERT, UPDATE ON series_mark, case_record, notice TO yichuang_app;
GRANT SELECT, INSERT ON series_gap, mutation_log, case_event, case_card, audit_entry TO yichuang_app;
GRANT SELECT ON app_user TO yichuang_app;
GRANT INSERT ON workstation TO yichuang_app;
