-- Service goals (SQLite). A goal is its versions: each change appends a version row (the
-- newest is in force); a closed period's value is computed once and kept in goal_results.
-- All three tables are append-only. Instants are UTC microseconds; flags 0/1; enums text;
-- targets in hundredths; a frozen value in millionths (NULL: no data).
CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    created_by INTEGER NOT NULL REFERENCES employees (id),
    created_at INTEGER NOT NULL
);

CREATE TABLE goal_versions (
    id INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    name TEXT NOT NULL,
    measure TEXT NOT NULL,
    target_hundredths INTEGER NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('at_least', 'at_most')),
    period TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'year')),
    rolling INTEGER NOT NULL CHECK (rolling IN (0, 1)),
    days INTEGER,
    minutes INTEGER,
    figure_id INTEGER REFERENCES figures (id),
    channel TEXT REFERENCES channels (code),
    category_id INTEGER REFERENCES categories (id),
    product_id INTEGER REFERENCES products (id),
    owner_id INTEGER NOT NULL REFERENCES employees (id),
    focus_category_id INTEGER REFERENCES categories (id),
    saved_by INTEGER NOT NULL REFERENCES employees (id),
    saved_at INTEGER NOT NULL,
    UNIQUE (goal_id, version)
);

-- One row per goal and closed calendar period (its first local day, YYYY-MM-DD).
CREATE TABLE goal_results (
    goal_id INTEGER NOT NULL REFERENCES goals (id),
    period_start TEXT NOT NULL,
    label TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    window_end INTEGER NOT NULL,
    version INTEGER NOT NULL,
    numerator INTEGER NOT NULL,
    denominator INTEGER NOT NULL,
    value_millionths INTEGER,
    target_hundredths INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('met', 'missed', 'no_data')),
    frozen_at INTEGER NOT NULL,
    PRIMARY KEY (goal_id, period_start)
);

CREATE TRIGGER goals_no_update BEFORE UPDATE ON goals
BEGIN SELECT RAISE(ABORT, 'goals are append-only'); END;
CREATE TRIGGER goals_no_delete BEFORE DELETE ON goals
BEGIN SELECT RAISE(ABORT, 'goals are append-only'); END;
CREATE TRIGGER goal_versions_no_update BEFORE UPDATE ON goal_versions
BEGIN SELECT RAISE(ABORT, 'goal versions are append-only'); END;
CREATE TRIGGER goal_versions_no_delete BEFORE DELETE ON goal_versions
BEGIN SELECT RAISE(ABORT, 'goal versions are append-only'); END;
CREATE TRIGGER goal_results_no_update BEFORE UPDATE ON goal_results
BEGIN SELECT RAISE(ABORT, 'frozen goal results are append-only'); END;
CREATE TRIGGER goal_results_no_delete BEFORE DELETE ON goal_results
BEGIN SELECT RAISE(ABORT, 'frozen goal results are append-only'); END;
