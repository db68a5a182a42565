-- Satisfaction after resolution (CSAT), SQLite.
-- One request per resolution of a complaint (the resolution named by its instant, UTC
-- microseconds), attributed to the assignee at resolution; its link's token is an HMAC of the
-- request id, so no token is stored. Requests and answers are append-only history.
CREATE TABLE csat_requests (
    id INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    resolved_at INTEGER NOT NULL,
    assignee_id INTEGER REFERENCES employees (id),
    created_at INTEGER NOT NULL,
    UNIQUE (complaint_id, resolved_at)
);

-- At most one answer per request (the primary key makes the link single-use). rating on
-- the stated scale (1..scale); reason: a code from the documented list; why: open text.
CREATE TABLE csat_answers (
    request_id INTEGER PRIMARY KEY REFERENCES csat_requests (id),
    rating INTEGER NOT NULL,
    scale INTEGER NOT NULL,
    reason TEXT,
    why TEXT,
    answered_at INTEGER NOT NULL,
    CHECK (scale = 5 AND rating BETWEEN 1 AND 5)
);

-- The per-channel switch; a channel without a row asks (default on). Flags 0/1.
CREATE TABLE csat_channels (
    channel TEXT PRIMARY KEY,
    enabled INTEGER NOT NULL CHECK (enabled IN (0, 1))
);

CREATE TRIGGER csat_requests_no_update BEFORE UPDATE ON csat_requests
BEGIN SELECT RAISE(ABORT, 'CSAT requests are append-only'); END;
CREATE TRIGGER csat_requests_no_delete BEFORE DELETE ON csat_requests
BEGIN SELECT RAISE(ABORT, 'CSAT requests are append-only'); END;
CREATE TRIGGER csat_answers_no_update BEFORE UPDATE ON csat_answers
BEGIN SELECT RAISE(ABORT, 'CSAT answers are append-only'); END;
CREATE TRIGGER csat_answers_no_delete BEFORE DELETE ON csat_answers
BEGIN SELECT RAISE(ABORT, 'CSAT answers are append-only'); END;
