-- Coding open answers (SQLite): each survey's list of codes (managers name them), and the
-- codes given to each open answer (a response's question), several per answer.
CREATE TABLE survey_codes (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (survey_id, name)
);

CREATE TABLE survey_answer_codes (
    response_id INTEGER NOT NULL REFERENCES survey_responses (id),
    question INTEGER NOT NULL,
    code_id INTEGER NOT NULL REFERENCES survey_codes (id),
    coded_by INTEGER REFERENCES employees (id),
    coded_at INTEGER NOT NULL,
    PRIMARY KEY (response_id, question, code_id)
);
CREATE INDEX survey_answer_codes_code ON survey_answer_codes (code_id);
