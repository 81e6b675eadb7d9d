-- Sync with the county hub: the county's verdict on each pushed mutation (a rejection stays
-- visible as a conflict, never deleted), and the department's users synced down for offline
-- login (argon2id hashes only).

ALTER TABLE outbox ADD COLUMN verdict_code TEXT;
ALTER TABLE outbox ADD COLUMN verdict_reason TEXT;
ALTER TABLE outbox ADD COLUMN decided_at TEXT;
CREATE INDEX outbox_by_status ON outbox (status, local_seq);
-- A case whose intake the county refused (it has no copy): closed and marked here.
ALTER TABLE case_record ADD COLUMN county_refused INTEGER NOT NULL DEFAULT 0;

CREATE TABLE app_user (
    user_id          TEXT PRIMARY KEY,
    username         TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('clerk', 'chief_rep', 'supervisor', 'admin')),
    department_code  TEXT NOT NULL,
    password_hash    TEXT NOT NULL,
    active           INTEGER NOT NULL,
    gseq             INTEGER NOT NULL
);
