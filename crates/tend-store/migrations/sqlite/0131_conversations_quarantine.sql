-- The quarantine's decisions (SQLite): mail set aside by the loop, size and sender rules
-- (`inbound_mail.outcome` automatic or rate_limited) waits for a manager, who releases it
-- (delivered into its conversation as if just received; `complaint_id` is where it went) or
-- deletes it (its raw bytes, subject and senders erased through the erasure exception of
-- 0113). One decision per message; `at` UTC microseconds; append-only.
CREATE TABLE inbound_mail_reviews (
    id INTEGER PRIMARY KEY,
    inbound_id INTEGER NOT NULL UNIQUE REFERENCES inbound_mail (id),
    decision TEXT NOT NULL CHECK (decision IN ('released', 'deleted')),
    by_id INTEGER REFERENCES employees (id),
    at INTEGER NOT NULL,
    complaint_id INTEGER REFERENCES complaints (id)
);

CREATE TRIGGER inbound_mail_reviews_no_update BEFORE UPDATE ON inbound_mail_reviews
BEGIN SELECT RAISE(ABORT, 'quarantine decisions are append-only'); END;
CREATE TRIGGER inbound_mail_reviews_no_delete BEFORE DELETE ON inbound_mail_reviews
BEGIN SELECT RAISE(ABORT, 'quarantine decisions are append-only'); END;
