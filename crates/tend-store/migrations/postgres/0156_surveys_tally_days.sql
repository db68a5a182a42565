-- Survey results' roll-up (PostgreSQL): how many complete responses, and how many answers of each
-- value, per survey, UTC day of completion (`day` = completed_at div 86 400 000 000, days
-- since 1970-01-01), channel and question. It is added to in the transaction that completes
-- a response (a complete response takes no more answers, so a row only grows), and the
-- results read whole days from it and the part-days at a period's edges from the answers
-- themselves, so they stay exact. `kind`: 'complete' (question 0: complete responses),
-- 'number' (a rating, NPS score, single choice or yes/no: `number`), 'choices' (a multiple
-- choice's positions together: `choices`), 'other' (a multiple choice with "other: …") and
-- 'text' (an open question answered).
CREATE TABLE survey_tally_days (
    survey_id BIGINT NOT NULL REFERENCES surveys (id),
    day BIGINT NOT NULL,
    channel TEXT NOT NULL,
    question BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('complete', 'number', 'choices', 'other', 'text')),
    number BIGINT NOT NULL DEFAULT 0,
    choices TEXT NOT NULL DEFAULT '',
    n BIGINT NOT NULL,
    PRIMARY KEY (survey_id, day, channel, question, kind, number, choices)
);

-- The surveys' answers so far.
INSERT INTO survey_tally_days (survey_id, day, channel, question, kind, number, choices, n)
SELECT r.survey_id, r.completed_at / 86400000000, r.channel, 0, 'complete', 0, '', COUNT(*)
FROM survey_responses r WHERE r.completed_at IS NOT NULL
GROUP BY r.survey_id, r.completed_at / 86400000000, r.channel;
INSERT INTO survey_tally_days (survey_id, day, channel, question, kind, number, choices, n)
SELECT r.survey_id, r.completed_at / 86400000000, r.channel, a.question, 'number', a.number, '',
       COUNT(*)
FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
WHERE r.completed_at IS NOT NULL AND a.number IS NOT NULL
GROUP BY r.survey_id, r.completed_at / 86400000000, r.channel, a.question, a.number;
INSERT INTO survey_tally_days (survey_id, day, channel, question, kind, number, choices, n)
SELECT r.survey_id, r.completed_at / 86400000000, r.channel, a.question, 'choices', 0, a.choices,
       COUNT(*)
FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
WHERE r.completed_at IS NOT NULL AND a.choices IS NOT NULL
GROUP BY r.survey_id, r.completed_at / 86400000000, r.channel, a.question, a.choices;
INSERT INTO survey_tally_days (survey_id, day, channel, question, kind, number, choices, n)
SELECT r.survey_id, r.completed_at / 86400000000, r.channel, a.question, 'other', 0, '', COUNT(*)
FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
WHERE r.completed_at IS NOT NULL AND a.choices IS NOT NULL AND a.text IS NOT NULL
GROUP BY r.survey_id, r.completed_at / 86400000000, r.channel, a.question;
INSERT INTO survey_tally_days (survey_id, day, channel, question, kind, number, choices, n)
SELECT r.survey_id, r.completed_at / 86400000000, r.channel, a.question, 'text', 0, '', COUNT(*)
FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
WHERE r.completed_at IS NOT NULL AND a.number IS NULL AND a.choices IS NULL
GROUP BY r.survey_id, r.completed_at / 86400000000, r.channel, a.question;

-- The open answers are listed newest first, a page at a time: complete responses by survey in
-- that order (and the part-days at a period's edges read by the same index).
CREATE INDEX survey_responses_done ON survey_responses (survey_id, completed_at, id);
