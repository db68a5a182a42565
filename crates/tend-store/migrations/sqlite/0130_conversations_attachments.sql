-- Files attached to the conversation (SQLite): each row names a file stored outside the
-- database under its content's SHA-256 (lower-case hex), so a file sent twice is stored once.
-- `message_id` is the message it came with; NULL for the mail that opened the complaint (its
-- text is the complaint's description). `name` is the sender's name made safe to show
-- (tend_domain::conversations::attachment::display_name), never a path; `declared_type` what
-- the sender said, `sniffed_type` what the bytes are (NULL: not recognised); `size` in bytes;
-- `at` UTC microseconds. Append-only.
CREATE TABLE message_attachments (
    id INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    message_id INTEGER REFERENCES complaint_messages (id),
    at INTEGER NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    name TEXT NOT NULL,
    declared_type TEXT NOT NULL,
    sniffed_type TEXT,
    size INTEGER NOT NULL CHECK (size >= 0)
);
CREATE INDEX message_attachments_complaint ON message_attachments (complaint_id, id);
CREATE INDEX message_attachments_sha256 ON message_attachments (sha256);

CREATE TRIGGER message_attachments_no_update BEFORE UPDATE ON message_attachments
BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
CREATE TRIGGER message_attachments_no_delete BEFORE DELETE ON message_attachments
BEGIN SELECT RAISE(ABORT, 'attachments are append-only'); END;
