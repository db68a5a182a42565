-- Tend's complaint log (SQLite). Instants are UTC microseconds since the Unix epoch (INTEGER);
-- flags are 0/1 INTEGER; the PostgreSQL twin uses the same encoding so one query layer serves both.

CREATE TABLE employees (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'agent', 'viewer')),
    team TEXT,
    tier INTEGER NOT NULL DEFAULT 1 CHECK (tier BETWEEN 0 AND 3),
    language TEXT NOT NULL DEFAULT 'en',
    password_hash TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE channels (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO channels (code, name) VALUES
    ('phone', 'Phone'), ('email', 'E-mail'), ('web', 'Web form'), ('chat', 'Live chat'),
    ('social', 'Social media'), ('in_person', 'In person'), ('self_service', 'Self-service');

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES categories (id),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX categories_parent_name ON categories (coalesce(parent_id, 0), name);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sku TEXT,
    created_at INTEGER NOT NULL
);

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    address TEXT,
    phone TEXT,
    email TEXT,
    city TEXT,
    region TEXT,
    country TEXT,
    education_level TEXT,
    gender TEXT,
    birth_year INTEGER,
    preferred_language TEXT,
    preferred_channel TEXT REFERENCES channels (code),
    consent_to_contact INTEGER NOT NULL DEFAULT 0,
    notes TEXT,
    external_ref TEXT UNIQUE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX customers_email ON customers (email);
CREATE INDEX customers_name ON customers (name, id);

CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    channel TEXT NOT NULL REFERENCES channels (code),
    received_at INTEGER NOT NULL,
    received_by INTEGER REFERENCES employees (id),
    category_id INTEGER REFERENCES categories (id),
    product_id INTEGER REFERENCES products (id),
    subject TEXT,
    description TEXT NOT NULL,
    priority TEXT NOT NULL,
    tier INTEGER NOT NULL,
    assignee_id INTEGER REFERENCES employees (id),
    facts TEXT,
    first_response_at INTEGER,
    root_cause TEXT,
    responsible_party TEXT,
    customer_proposal TEXT,
    agreed_solution TEXT,
    solution_mode TEXT,
    promised_by INTEGER,
    corrective_action TEXT,
    compensation_kind TEXT,
    compensation_minor INTEGER,
    compensation_currency TEXT,
    compensation_note TEXT,
    prevention_suggestion TEXT,
    resolved_at INTEGER,
    follow_up_at INTEGER,
    follow_up_outcome TEXT,
    follow_up_note TEXT,
    followed_up_at INTEGER,
    satisfaction_rating INTEGER,
    escalated_to INTEGER REFERENCES employees (id),
    escalated_at INTEGER,
    escalation_reason TEXT,
    closed_at INTEGER,
    close_reason TEXT,
    reopen_reason TEXT,
    source TEXT NOT NULL,
    external_id TEXT,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX complaints_received ON complaints (received_at, id);
CREATE INDEX complaints_status ON complaints (status, received_at, id);
CREATE INDEX complaints_customer ON complaints (customer_id, received_at, id);
CREATE INDEX complaints_assignee ON complaints (assignee_id, received_at, id);
CREATE INDEX complaints_category ON complaints (category_id, received_at, id);
CREATE UNIQUE INDEX complaints_external ON complaints (source, external_id);

CREATE TABLE complaint_steps (
    id INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at INTEGER NOT NULL,
    author_id INTEGER REFERENCES employees (id),
    text TEXT NOT NULL
);
CREATE INDEX complaint_steps_complaint ON complaint_steps (complaint_id, id);

CREATE TABLE complaint_events (
    id INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at INTEGER NOT NULL,
    actor_id INTEGER REFERENCES employees (id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id);

-- The timeline is append-only: nothing, not even a direct SQL session, edits or deletes it.
CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'the complaint timeline is append-only'); END;
CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events
BEGIN SELECT RAISE(ABORT, 'the complaint timeline is append-only'); END;

-- Full-text index over description, subject, facts, solution, steps and the customer's name.
CREATE VIRTUAL TABLE complaint_fts USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
