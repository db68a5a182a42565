-- The policy (SQLite): versions in the method's areas, each area's Markdown per language, its
-- approval (draft → approved by a manager → effective from a date → superseded, the states
-- following from the approvals) and staff acknowledgements. Every table is append-only:
-- a change is a new version. Dates are YYYY-MM-DD text; instants UTC microseconds.
CREATE TABLE policy_versions (
    id INTEGER PRIMARY KEY,
    note TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES employees (id),
    created_at INTEGER NOT NULL
);

CREATE TABLE policy_areas (
    version_id INTEGER NOT NULL REFERENCES policy_versions (id),
    area TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT,
    customer_facing INTEGER NOT NULL CHECK (customer_facing IN (0, 1)),
    review_on TEXT,
    PRIMARY KEY (version_id, area)
);

CREATE TABLE policy_texts (
    version_id INTEGER NOT NULL REFERENCES policy_versions (id),
    area TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('en', 'es', 'tr')),
    body TEXT NOT NULL,
    PRIMARY KEY (version_id, area, lang)
);

CREATE TABLE policy_approvals (
    version_id INTEGER PRIMARY KEY REFERENCES policy_versions (id),
    approved_by INTEGER NOT NULL REFERENCES employees (id),
    approved_at INTEGER NOT NULL,
    effective_from TEXT NOT NULL
);

CREATE TABLE policy_acknowledgements (
    version_id INTEGER NOT NULL REFERENCES policy_approvals (version_id),
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    acknowledged_at INTEGER NOT NULL,
    PRIMARY KEY (version_id, employee_id)
);

CREATE TRIGGER policy_versions_no_update BEFORE UPDATE ON policy_versions
BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
CREATE TRIGGER policy_versions_no_delete BEFORE DELETE ON policy_versions
BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
CREATE TRIGGER policy_areas_no_update BEFORE UPDATE ON policy_areas
BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
CREATE TRIGGER policy_areas_no_delete BEFORE DELETE ON policy_areas
BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
CREATE TRIGGER policy_texts_no_update BEFORE UPDATE ON policy_texts
BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
CREATE TRIGGER policy_texts_no_delete BEFORE DELETE ON policy_texts
BEGIN SELECT RAISE(ABORT, 'policy versions are append-only'); END;
CREATE TRIGGER policy_approvals_no_update BEFORE UPDATE ON policy_approvals
BEGIN SELECT RAISE(ABORT, 'policy approvals are append-only'); END;
CREATE TRIGGER policy_approvals_no_delete BEFORE DELETE ON policy_approvals
BEGIN SELECT RAISE(ABORT, 'policy approvals are append-only'); END;
CREATE TRIGGER policy_acknowledgements_no_update BEFORE UPDATE ON policy_acknowledgements
BEGIN SELECT RAISE(ABORT, 'policy acknowledgements are append-only'); END;
CREATE TRIGGER policy_acknowledgements_no_delete BEFORE DELETE ON policy_acknowledgements
BEGIN SELECT RAISE(ABORT, 'policy acknowledgements are append-only'); END;
