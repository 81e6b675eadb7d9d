-- A bad rating's rectification task earns its own cards when late: the follow-up call
-- (follow_up_late) and the rectification (rectify_late), beside a case's deadline cards.
ALTER TABLE case_card DROP CONSTRAINT case_card_level_check;
ALTER TABLE case_card ADD CONSTRAINT case_card_level_check
    CHECK (level IN ('yellow', 'red', 'follow_up_late', 'rectify_late'));
