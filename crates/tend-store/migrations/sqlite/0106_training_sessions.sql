-- Training and recognition (SQLite): sessions (introduction, workshop, meeting) with their
-- attendees and attendance, and recognitions of employees. Append-only records; dates are
-- YYYY-MM-DD text, instants UTC microseconds, flags 0/1.
CREATE TABLE training_sessions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('introduction', 'workshop', 'meeting')),
    topic TEXT NOT NULL,
    held_on TEXT NOT NULL,
    trainer TEXT NOT NULL,
    policy_version_id INTEGER REFERENCES policy_versions (id),
    created_by INTEGER NOT NULL REFERENCES employees (id),
    created_at INTEGER NOT NULL
);

CREATE TABLE training_attendees (
    session_id INTEGER NOT NULL REFERENCES training_sessions (id),
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    attended INTEGER NOT NULL CHECK (attended IN (0, 1)),
    PRIMARY KEY (session_id, employee_id)
);
CREATE INDEX training_attendees_employee ON training_attendees (employee_id);

CREATE TABLE training_recognitions (
    id INTEGER PRIMARY KEY,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    source TEXT NOT NULL CHECK (source IN ('manager', 'praise', 'follow_up')),
    complaint_id INTEGER REFERENCES complaints (id),
    note TEXT NOT NULL,
    by_id INTEGER NOT NULL REFERENCES employees (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX training_recognitions_employee ON training_recognitions (employee_id);

CREATE TRIGGER training_sessions_no_update BEFORE UPDATE ON training_sessions
BEGIN SELECT RAISE(ABORT, 'training records are append-only'); END;
CREATE TRIGGER training_sessions_no_delete BEFORE DELETE ON training_sessions
BEGIN SELECT RAISE(ABORT, 'training records are append-only'); END;
CREATE TRIGGER training_attendees_no_update BEFORE UPDATE ON training_attendees
BEGIN SELECT RAISE(ABORT, 'training records are append-only'); END;
CREATE TRIGGER training_attendees_no_delete BEFORE DELETE ON training_attendees
BEGIN SELECT RAISE(ABORT, 'training records are append-only'); END;
CREATE TRIGGER training_recognitions_no_update BEFORE UPDATE ON training_recognitions
BEGIN SELECT RAISE(ABORT, 'training records are append-only'); END;
CREATE TRIGGER training_recognitions_no_delete BEFORE DELETE ON training_recognitions
BEGIN SELECT RAISE(ABORT, 'training records are append-only'); END;
