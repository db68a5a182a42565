-- The durable job queue (SQLite): background work such as follow-up e-mails and SLA warnings.
-- Instants are UTC microseconds; `dead` is a 0/1 flag. A job is pending while `done_at` is NULL;
-- it is finished when `done_at` is set: completed (`dead` = 0) or given up on (`dead` = 1).
-- `locked_by`/`locked_until` are a lease: once it runs out, the job is claimable again.

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    run_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
    last_error TEXT,
    locked_by TEXT,
    locked_until INTEGER,
    created_at INTEGER NOT NULL,
    done_at INTEGER,
    dead INTEGER NOT NULL DEFAULT 0,
    dedupe_key TEXT UNIQUE
);
-- Claiming walks pending jobs in due order; finished jobs stay out of the index.
CREATE INDEX jobs_due ON jobs (run_at, id) WHERE done_at IS NULL;
