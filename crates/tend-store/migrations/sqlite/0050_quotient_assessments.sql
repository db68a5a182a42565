-- The customer service quotient (SQLite): each respondent's assessment and its ratings, kept
-- for good (append-only), grouped by round so the trend per area shows.
CREATE TABLE quotient_assessments (
    id INTEGER PRIMARY KEY,
    round TEXT NOT NULL,
    respondent TEXT NOT NULL,
    employee_id INTEGER NOT NULL REFERENCES employees (id),
    submitted_at INTEGER NOT NULL
);
CREATE INDEX quotient_assessments_round ON quotient_assessments (round, id);

-- One row per statement: area code, statement number (1-based, the method's order), rating.
CREATE TABLE quotient_ratings (
    assessment_id INTEGER NOT NULL REFERENCES quotient_assessments (id),
    area TEXT NOT NULL,
    statement INTEGER NOT NULL CHECK (statement BETWEEN 1 AND 5),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    PRIMARY KEY (assessment_id, area, statement)
);

CREATE TRIGGER quotient_assessments_no_update BEFORE UPDATE ON quotient_assessments
BEGIN SELECT RAISE(ABORT, 'quotient assessments are append-only'); END;
CREATE TRIGGER quotient_assessments_no_delete BEFORE DELETE ON quotient_assessments
BEGIN SELECT RAISE(ABORT, 'quotient assessments are append-only'); END;
CREATE TRIGGER quotient_ratings_no_update BEFORE UPDATE ON quotient_ratings
BEGIN SELECT RAISE(ABORT, 'quotient assessments are append-only'); END;
CREATE TRIGGER quotient_ratings_no_delete BEFORE DELETE ON quotient_ratings
BEGIN SELECT RAISE(ABORT, 'quotient assessments are append-only'); END;
