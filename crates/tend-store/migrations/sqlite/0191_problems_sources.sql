-- Top problems' listening sources and linked figures (SQLite). Managers link a survey code to
-- the problem category it is about (its coded answers then count as the category's voices) and
-- link figures to categories as evidence. Both are append-only histories: the newest row per
-- code, or per figure and category, is in force, so a past ranking can be reproduced.
-- The listening weight joins the ranking's weights; rows set before it existed read 0.
ALTER TABLE problem_weights ADD COLUMN listening INTEGER NOT NULL DEFAULT 0
    CHECK (listening BETWEEN 0 AND 100);

CREATE TABLE problem_code_links (
    id INTEGER PRIMARY KEY,
    code_id INTEGER NOT NULL REFERENCES survey_codes (id),
    -- NULL: the code was unlinked.
    category_id INTEGER REFERENCES categories (id),
    set_by INTEGER NOT NULL REFERENCES employees (id),
    set_at INTEGER NOT NULL
);
CREATE INDEX problem_code_links_code ON problem_code_links (code_id, id);

CREATE TABLE problem_figure_links (
    id INTEGER PRIMARY KEY,
    figure_id INTEGER NOT NULL REFERENCES figures (id),
    category_id INTEGER NOT NULL REFERENCES categories (id),
    linked INTEGER NOT NULL CHECK (linked IN (0, 1)),
    set_by INTEGER NOT NULL REFERENCES employees (id),
    set_at INTEGER NOT NULL
);
CREATE INDEX problem_figure_links_pair ON problem_figure_links (figure_id, category_id, id);

CREATE INDEX focus_groups_starts ON focus_groups (starts_at);

CREATE TRIGGER problem_code_links_no_update BEFORE UPDATE ON problem_code_links
BEGIN SELECT RAISE(ABORT, 'problem source links are append-only'); END;
CREATE TRIGGER problem_code_links_no_delete BEFORE DELETE ON problem_code_links
BEGIN SELECT RAISE(ABORT, 'problem source links are append-only'); END;
CREATE TRIGGER problem_figure_links_no_update BEFORE UPDATE ON problem_figure_links
BEGIN SELECT RAISE(ABORT, 'problem source links are append-only'); END;
CREATE TRIGGER problem_figure_links_no_delete BEFORE DELETE ON problem_figure_links
BEGIN SELECT RAISE(ABORT, 'problem source links are append-only'); END;
