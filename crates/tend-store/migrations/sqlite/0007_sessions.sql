-- The web's state (SQLite): staff sessions (the cookie's token is kept only as its SHA-256, with
-- the session's CSRF token), one-time invitation links for new employees, and per-installation
-- secrets such as the key that signs customers' status links. Instants are UTC microseconds.

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE invites (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
