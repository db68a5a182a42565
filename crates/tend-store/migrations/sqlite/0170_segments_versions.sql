-- Customer segments (SQLite): a saved, named filter over customers. A segment is its versions:
-- each change (and archiving) appends a version row with who and when; the newest is in force.
-- `definition` is the segment's criteria as the validated draft's JSON (tend_domain::segments).
-- Both tables are append-only. Instants are UTC microseconds; flags 0/1.
CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    created_by INTEGER NOT NULL REFERENCES employees (id),
    created_at INTEGER NOT NULL
);

CREATE TABLE segment_versions (
    id INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    archived INTEGER NOT NULL CHECK (archived IN (0, 1)),
    saved_by INTEGER NOT NULL REFERENCES employees (id),
    saved_at INTEGER NOT NULL,
    UNIQUE (segment_id, version)
);

CREATE TRIGGER segments_no_update BEFORE UPDATE ON segments
BEGIN SELECT RAISE(ABORT, 'segments are append-only'); END;
CREATE TRIGGER segments_no_delete BEFORE DELETE ON segments
BEGIN SELECT RAISE(ABORT, 'segments are append-only'); END;
CREATE TRIGGER segment_versions_no_update BEFORE UPDATE ON segment_versions
BEGIN SELECT RAISE(ABORT, 'segment versions are append-only'); END;
CREATE TRIGGER segment_versions_no_delete BEFORE DELETE ON segment_versions
BEGIN SELECT RAISE(ABORT, 'segment versions are append-only'); END;
