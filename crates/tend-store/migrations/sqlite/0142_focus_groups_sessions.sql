-- Focus groups (SQLite): sessions with customers or employees (topic, when — an instant, typed
-- in the company's zone —, moderator, questions, notes), their customer participants, and the
-- findings: a statement, the problem category it concerns (the tree complaints and the problems
-- ranking use), a quote, how many participants raised it and a severity.
CREATE TABLE focus_groups (
    id INTEGER PRIMARY KEY,
    topic TEXT NOT NULL,
    audience TEXT NOT NULL CHECK (audience IN ('customers', 'employees')),
    starts_at INTEGER NOT NULL,
    moderator_id INTEGER REFERENCES employees (id),
    questions TEXT NOT NULL,
    notes TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE focus_group_participants (
    focus_group_id INTEGER NOT NULL REFERENCES focus_groups (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    PRIMARY KEY (focus_group_id, customer_id)
);

CREATE TABLE focus_group_findings (
    id INTEGER PRIMARY KEY,
    focus_group_id INTEGER NOT NULL REFERENCES focus_groups (id),
    statement TEXT NOT NULL,
    category_id INTEGER REFERENCES categories (id),
    quote TEXT,
    raised_by INTEGER NOT NULL CHECK (raised_by >= 0),
    severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    created_at INTEGER NOT NULL
);
CREATE INDEX focus_group_findings_category ON focus_group_findings (category_id);
