-- The plan's focus problems: each adoption by a manager names up to three problem categories
-- (in the order adopted) and the ranking period they were chosen from. Append-only: the newest
-- adoption at or before a day is the plan's focus that day.
CREATE TABLE problem_focus (
    id INTEGER PRIMARY KEY,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    adopted_by INTEGER NOT NULL REFERENCES employees (id),
    adopted_at INTEGER NOT NULL
);
CREATE TABLE problem_focus_items (
    focus_id INTEGER NOT NULL REFERENCES problem_focus (id),
    position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 3),
    category_id INTEGER NOT NULL REFERENCES categories (id),
    PRIMARY KEY (focus_id, position),
    UNIQUE (focus_id, category_id)
);
CREATE INDEX problem_focus_adopted ON problem_focus (adopted_at, id);

CREATE TRIGGER problem_focus_no_update BEFORE UPDATE ON problem_focus
BEGIN SELECT RAISE(ABORT, 'focus adoptions are append-only'); END;
CREATE TRIGGER problem_focus_no_delete BEFORE DELETE ON problem_focus
BEGIN SELECT RAISE(ABORT, 'focus adoptions are append-only'); END;
CREATE TRIGGER problem_focus_items_no_update BEFORE UPDATE ON problem_focus_items
BEGIN SELECT RAISE(ABORT, 'focus adoptions are append-only'); END;
CREATE TRIGGER problem_focus_items_no_delete BEFORE DELETE ON problem_focus_items
BEGIN SELECT RAISE(ABORT, 'focus adoptions are append-only'); END;
