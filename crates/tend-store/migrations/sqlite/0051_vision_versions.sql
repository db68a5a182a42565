-- The vision worksheet (SQLite): each save is a new version, kept for good (append-only).
-- Lists hold their entries one per line (entries are single lines); show_public is 0/1.
CREATE TABLE vision_versions (
    id INTEGER PRIMARY KEY,
    success TEXT NOT NULL,
    customer_view TEXT NOT NULL,
    steps TEXT NOT NULL,
    elements TEXT NOT NULL,
    verbs TEXT NOT NULL,
    statement TEXT NOT NULL,
    show_public INTEGER NOT NULL CHECK (show_public IN (0, 1)),
    author_id INTEGER NOT NULL REFERENCES employees (id),
    saved_at INTEGER NOT NULL
);

CREATE TRIGGER vision_versions_no_update BEFORE UPDATE ON vision_versions
BEGIN SELECT RAISE(ABORT, 'vision versions are append-only'); END;
CREATE TRIGGER vision_versions_no_delete BEFORE DELETE ON vision_versions
BEGIN SELECT RAISE(ABORT, 'vision versions are append-only'); END;
