-- Mail received (SQLite), each message kept raw (base64 of the bytes as they arrived, for
-- re-parsing) with what became of it; append-only. `received_at` is UTC microseconds;
-- `sender` is the From address in lower case; `outcome` is threaded (added to a complaint's
-- conversation), created (a new complaint), automatic (an auto-reply or a bounce), own (from
-- Tend's own address), rate_limited, duplicate (a Message-ID taken already) or unreadable.
CREATE TABLE inbound_mail (
    id INTEGER PRIMARY KEY,
    received_at INTEGER NOT NULL,
    envelope_from TEXT NOT NULL,
    sender TEXT,
    message_id TEXT,
    subject TEXT,
    size INTEGER NOT NULL,
    raw TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('threaded', 'created', 'automatic', 'own',
        'rate_limited', 'duplicate', 'unreadable')),
    why TEXT,
    complaint_id INTEGER REFERENCES complaints (id)
);
CREATE INDEX inbound_mail_message_id ON inbound_mail (message_id);
CREATE INDEX inbound_mail_sender ON inbound_mail (sender, received_at);

CREATE TRIGGER inbound_mail_no_update BEFORE UPDATE ON inbound_mail
BEGIN SELECT RAISE(ABORT, 'received mail is append-only'); END;
CREATE TRIGGER inbound_mail_no_delete BEFORE DELETE ON inbound_mail
BEGIN SELECT RAISE(ABORT, 'received mail is append-only'); END;
