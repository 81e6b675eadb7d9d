-- The window's day beyond single cases: A/B handovers with their sheets (what was handed
-- over and what came back), kept for good; and an index for finding cases by the clerk
-- holding them under a handover.
CREATE TABLE handover (
    id               TEXT PRIMARY KEY,
    workstation      TEXT NOT NULL,
    window_code      TEXT NOT NULL,
    from_id          TEXT NOT NULL,
    from_name        TEXT NOT NULL,
    to_id            TEXT NOT NULL,
    to_name          TEXT NOT NULL,
    reason           TEXT NOT NULL,
    expected_return  TEXT,
    started_at       TEXT NOT NULL,
    start_sheet      TEXT NOT NULL,   -- JSON: the cases handed over, as listed on the sheet
    ended_at         TEXT,
    return_sheet     TEXT             -- JSON: the cases handed back
);
-- One open handover per window at a time.
CREATE UNIQUE INDEX handover_one_open ON handover (window_code) WHERE ended_at IS NULL;
CREATE INDEX case_record_holder ON case_record (json_extract(document, '$.holder.user_id'));
CREATE INDEX case_record_held_under
    ON case_record (json_extract(document, '$.holder.handover_id'));

-- A bad rating's rectification task earns its own cards when late (follow-up call, then the
-- rectification), beside the deadline cards of the same case. SQLite cannot alter a CHECK,
-- so the table is rebuilt with the wider one.
CREATE TABLE case_card_new (
    case_id      TEXT NOT NULL REFERENCES case_record (id),
    level        TEXT NOT NULL
                 CHECK (level IN ('yellow', 'red', 'follow_up_late', 'rectify_late')),
    raised_at    TEXT NOT NULL,
    due_date     TEXT NOT NULL,
    PRIMARY KEY (case_id, level)
);
INSERT INTO case_card_new SELECT case_id, level, raised_at, due_date FROM case_card;
DROP TABLE case_card;
ALTER TABLE case_card_new RENAME TO case_card;
