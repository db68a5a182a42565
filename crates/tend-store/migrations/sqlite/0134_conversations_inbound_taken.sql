-- Message-IDs taken into a complaint (SQLite): one row per Message-ID of mail that created a
-- complaint or joined its conversation, written in that complaint's transaction, so a message
-- delivered again (after a crash, by a second MX, by two IMAP pollers at once) always finds
-- its Message-ID taken and is logged as a duplicate. `at` is UTC microseconds. Filled from the
-- mail logged before (the first complaint each Message-ID went into). Append-only.
CREATE TABLE inbound_taken (
    message_id TEXT PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at INTEGER NOT NULL
);
INSERT INTO inbound_taken (message_id, complaint_id, at)
SELECT m.message_id, m.complaint_id, m.received_at FROM inbound_mail m
WHERE m.id = (SELECT min(f.id) FROM inbound_mail f WHERE f.message_id = m.message_id
              AND f.complaint_id IS NOT NULL);
-- Mail released from the quarantine went into the complaint its decision names.
INSERT OR IGNORE INTO inbound_taken (message_id, complaint_id, at)
SELECT m.message_id, r.complaint_id, r.at FROM inbound_mail_reviews r
JOIN inbound_mail m ON m.id = r.inbound_id
WHERE r.decision = 'released' AND r.complaint_id IS NOT NULL AND m.message_id IS NOT NULL;

CREATE TRIGGER inbound_taken_no_update BEFORE UPDATE ON inbound_taken
BEGIN SELECT RAISE(ABORT, 'taken Message-IDs are append-only'); END;
CREATE TRIGGER inbound_taken_no_delete BEFORE DELETE ON inbound_taken
BEGIN SELECT RAISE(ABORT, 'taken Message-IDs are append-only'); END;
