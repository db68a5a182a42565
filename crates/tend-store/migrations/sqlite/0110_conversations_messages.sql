-- The conversation on a complaint (SQLite): replies to the customer, internal notes and the
-- customer's messages by e-mail. (The customer's status-page messages of before stay steps
-- with no author and are read into the conversation.) `at` is UTC microseconds; `kind` is
-- reply|note|customer, `via` staff|status_page|email; `message_id` is the RFC 5322 Message-ID
-- the message left or arrived with, `<…>` included, unique when present.
CREATE TABLE complaint_messages (
    id INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reply', 'note', 'customer')),
    via TEXT NOT NULL CHECK (via IN ('staff', 'status_page', 'email')),
    author_id INTEGER REFERENCES employees (id),
    body TEXT NOT NULL,
    message_id TEXT,
    CHECK ((kind = 'customer') = (author_id IS NULL))
);
CREATE INDEX complaint_messages_complaint ON complaint_messages (complaint_id, id);
CREATE UNIQUE INDEX complaint_messages_message_id ON complaint_messages (message_id)
    WHERE message_id IS NOT NULL;

-- Append-only, with the steps' one narrow exception: erasure may rewrite `body` (and only
-- it) on a complaint whose anonymisation is recorded. DELETE is refused.
CREATE TRIGGER complaint_messages_no_update BEFORE UPDATE ON complaint_messages
WHEN NOT (
    NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.at = OLD.at
    AND NEW.kind = OLD.kind AND NEW.via = OLD.via AND NEW.author_id IS OLD.author_id
    AND NEW.message_id IS OLD.message_id
    AND EXISTS (SELECT 1 FROM complaint_anonymisations a WHERE a.complaint_id = OLD.complaint_id)
)
BEGIN SELECT RAISE(ABORT, 'the conversation is append-only'); END;
CREATE TRIGGER complaint_messages_no_delete BEFORE DELETE ON complaint_messages
BEGIN SELECT RAISE(ABORT, 'the conversation is append-only'); END;
