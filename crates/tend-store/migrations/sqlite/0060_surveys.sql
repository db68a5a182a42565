-- Surveys (SQLite): a survey's definition (the JSON document managers edit, validated by the
-- domain), the responses — one per browser or invitation, kept as the respondent goes page by
-- page — and their answers, one row per question answered.
CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    definition TEXT NOT NULL,
    public_token TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    opened_at INTEGER,
    closed_at INTEGER
);

-- `key_digest`: SHA-256 of the respondent's key (the browser's cookie); `page`: the next page
-- to answer; `completed_at` NULL while partial.
CREATE TABLE survey_responses (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id),
    key_digest TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('public', 'invitation')),
    language TEXT NOT NULL,
    page INTEGER NOT NULL,
    started_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    completed_at INTEGER
);
CREATE INDEX survey_responses_survey ON survey_responses (survey_id, completed_at);

-- `number`: a rating, an NPS score, a single choice's position or yes (1) / no (0);
-- `choices`: a multiple choice's positions, comma-separated ascending; `text`: an open answer
-- or the "other: …" text.
CREATE TABLE survey_answers (
    response_id INTEGER NOT NULL REFERENCES survey_responses (id),
    question INTEGER NOT NULL,
    number INTEGER,
    choices TEXT,
    text TEXT,
    PRIMARY KEY (response_id, question)
);
