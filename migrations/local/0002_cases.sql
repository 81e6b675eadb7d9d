-- Cases and everything a counter action writes in its one transaction: the case (indexed
-- columns for the queue + the whole aggregate as JSON), its timeline, its notices, the audit
-- hash chain, the outbox the sync engine pushes, idempotency keys, number series, cards and
-- first-inquiry log.

CREATE TABLE number_series (
    series    TEXT PRIMARY KEY,          -- e.g. 'case/2026', 'notice/SL/2026'
    last_seq  INTEGER NOT NULL CHECK (last_seq >= 0)
);

CREATE TABLE case_record (
    id               TEXT PRIMARY KEY,
    case_no          TEXT NOT NULL UNIQUE,
    department_code  TEXT NOT NULL,
    window_code      TEXT NOT NULL,
    owner            TEXT NOT NULL,
    state            TEXT NOT NULL,
    is_open          INTEGER NOT NULL,
    clock_running    INTEGER NOT NULL,     -- accepted and not paused: cards apply
    item_code        TEXT NOT NULL,
    item_name        TEXT NOT NULL,
    item_kind        TEXT NOT NULL,        -- immediate / promised / joint
    applicant_name   TEXT NOT NULL,
    applicant_id     TEXT NOT NULL,        -- whole; masked by the App before any list shows it
    received_at      TEXT NOT NULL,        -- local time, ISO 8601
    due_date         TEXT,                 -- promised due, or the notice deadline under review
    statutory_due    TEXT,
    version          INTEGER NOT NULL,
    document         TEXT NOT NULL         -- the Case aggregate as JSON
);

-- The open queue: one department's open cases by due date, undated last. The index holds the
-- exact ORDER BY of the queue query, so a page of 200 is read in order without sorting the
-- department's whole backlog.
CREATE INDEX case_queue
    ON case_record (department_code, is_open, due_date IS NULL, due_date, received_at);
CREATE INDEX case_by_applicant_id ON case_record (applicant_id);
CREATE INDEX case_by_applicant_name ON case_record (department_code, applicant_name);

CREATE TABLE case_event (
    case_id      TEXT NOT NULL REFERENCES case_record (id),
    seq          INTEGER NOT NULL,
    at           TEXT NOT NULL,
    document     TEXT NOT NULL,           -- the CaseEvent as JSON
    PRIMARY KEY (case_id, seq)
);

CREATE TABLE notice (
    number       TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES case_record (id),
    kind         TEXT NOT NULL,
    issued_at    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    document     TEXT NOT NULL,           -- exactly what was told (IssuedNotice JSON)
    voided_reason TEXT,
    voided_at    TEXT
);
CREATE INDEX notice_by_case ON notice (case_id);

CREATE TABLE audit_log (
    seq          INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    workstation  TEXT NOT NULL,
    actor_id     TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    case_id      TEXT,
    detail       TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);

-- What the sync engine will push, in local order.
CREATE TABLE outbox (
    local_seq    INTEGER PRIMARY KEY,
    mutation_id  TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    case_id      TEXT,
    payload      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending'
);

-- One row per UI action: a double-click or a retried command finds its first result here
-- (the same key on a different request is refused, never taken for the first one).
CREATE TABLE action_key (
    key             TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL,          -- the case (or inquiry) the action produced
    mutation        TEXT NOT NULL,
    request_sha256  TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

CREATE TABLE case_card (
    case_id      TEXT NOT NULL REFERENCES case_record (id),
    level        TEXT NOT NULL CHECK (level IN ('yellow', 'red')),
    raised_at    TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    PRIMARY KEY (case_id, level)
);

-- Cards the desktop could not announce (no notification service): shown in the window.
CREATE TABLE alert (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    case_id      TEXT NOT NULL,
    level        TEXT NOT NULL,
    message      TEXT NOT NULL,
    dismissed    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE first_inquiry (
    id           TEXT PRIMARY KEY,
    at           TEXT NOT NULL,
    clerk_id     TEXT NOT NULL,
    clerk_name   TEXT NOT NULL,
    person       TEXT NOT NULL,
    question     TEXT NOT NULL,
    item_code    TEXT,
    item_name    TEXT,
    outcome      TEXT NOT NULL,            -- answered / referred / case_opened
    referred_to  TEXT,
    case_id      TEXT
);
CREATE INDEX first_inquiry_by_day ON first_inquiry (at);
