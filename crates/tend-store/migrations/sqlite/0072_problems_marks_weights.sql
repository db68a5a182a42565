-- Top problems (SQLite): managers' actionability marks per category and the ranking's weights.
-- Both are append-only histories: the newest row is in force, older rows let a past ranking be
-- reproduced (who changed what, when). Instants are UTC microseconds.
CREATE TABLE problem_marks (
    id INTEGER PRIMARY KEY,
    category_id INTEGER NOT NULL REFERENCES categories (id),
    actionable INTEGER NOT NULL CHECK (actionable IN (0, 1)),
    note TEXT,
    set_by INTEGER NOT NULL REFERENCES employees (id),
    set_at INTEGER NOT NULL
);
CREATE INDEX problem_marks_category ON problem_marks (category_id, id);

-- Weights are integers 0..=100; the score divides by their sum.
CREATE TABLE problem_weights (
    id INTEGER PRIMARY KEY,
    frequency INTEGER NOT NULL CHECK (frequency BETWEEN 0 AND 100),
    cost INTEGER NOT NULL CHECK (cost BETWEEN 0 AND 100),
    lost INTEGER NOT NULL CHECK (lost BETWEEN 0 AND 100),
    set_by INTEGER NOT NULL REFERENCES employees (id),
    set_at INTEGER NOT NULL
);

CREATE TRIGGER problem_marks_no_update BEFORE UPDATE ON problem_marks
BEGIN SELECT RAISE(ABORT, 'actionability marks are append-only'); END;
CREATE TRIGGER problem_marks_no_delete BEFORE DELETE ON problem_marks
BEGIN SELECT RAISE(ABORT, 'actionability marks are append-only'); END;
CREATE TRIGGER problem_weights_no_update BEFORE UPDATE ON problem_weights
BEGIN SELECT RAISE(ABORT, 'ranking weights are append-only'); END;
CREATE TRIGGER problem_weights_no_delete BEFORE DELETE ON problem_weights
BEGIN SELECT RAISE(ABORT, 'ranking weights are append-only'); END;
