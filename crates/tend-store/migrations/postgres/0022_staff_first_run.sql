-- The first run in the browser: one-time setup links (kept as the SHA-256 of their token) that
-- create the first administrator, and the company's settings that setup asks for (its name and
-- time zone), as name/value pairs.
CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL
);
CREATE TABLE company_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
