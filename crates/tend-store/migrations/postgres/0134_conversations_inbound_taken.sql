-- Message-IDs taken into a complaint (PostgreSQL): one row per Message-ID of mail that created
-- a complaint or joined its conversation, written in that complaint's transaction, so a
-- message delivered again (after a crash, by a second MX, by two IMAP pollers at once) always
-- finds its Message-ID taken and is logged as a duplicate. `at` is UTC microseconds. Filled
-- from the mail logged before (the first complaint each Message-ID went into). Append-only.
CREATE TABLE inbound_taken (
    message_id TEXT PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints (id),
    at BIGINT NOT NULL
);
INSERT INTO inbound_taken (message_id, complaint_id, at)
SELECT DISTINCT ON (message_id) message_id, complaint_id, received_at FROM inbound_mail
WHERE message_id IS NOT NULL AND complaint_id IS NOT NULL
ORDER BY message_id, id;
-- Mail released from the quarantine went into the complaint its decision names.
INSERT INTO inbound_taken (message_id, complaint_id, at)
SELECT m.message_id, r.complaint_id, r.at FROM inbound_mail_reviews r
JOIN inbound_mail m ON m.id = r.inbound_id
WHERE r.decision = 'released' AND r.complaint_id IS NOT NULL AND m.message_id IS NOT NULL ON CONFLICT DO NOTHING;

CREATE FUNCTION inbound_taken_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'taken Message-IDs are append-only';
END;
$$;
CREATE TRIGGER inbound_taken_append_only BEFORE UPDATE OR DELETE ON inbound_taken
FOR EACH ROW EXECUTE FUNCTION inbound_taken_append_only();
CREATE TRIGGER inbound_taken_no_truncate BEFORE TRUNCATE ON inbound_taken
FOR EACH STATEMENT EXECUTE FUNCTION inbound_taken_append_only();
