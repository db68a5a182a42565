-- Mail-in settings (SQLite, one row): `per_sender_per_hour` is how many messages one sender address
-- may send in an hour before the next ones are held in the quarantine (outcome rate_limited),
-- 1–10000, 20 until a manager sets it; `updated_at` UTC microseconds (0: never), `updated_by`
-- the manager. Every change is written to the audit log in its transaction.
CREATE TABLE mail_in_settings (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    per_sender_per_hour BIGINT NOT NULL CHECK (per_sender_per_hour BETWEEN 1 AND 10000),
    updated_at BIGINT NOT NULL,
    updated_by BIGINT REFERENCES employees (id)
);
INSERT INTO mail_in_settings (id, per_sender_per_hour, updated_at, updated_by) VALUES (1, 20, 0, NULL);
