-- The relationship (NPS) schedule (SQLite). A scheduled survey invites again, round after
-- round, so a customer may now hold several invitations to one survey: the table is rebuilt
-- without UNIQUE (survey_id, customer_id) (a manual round still invites each customer once per
-- survey: the store checks). Foreign keys pointing at it (survey_responses.invitation_id) are
-- checked at commit, when the rebuilt table holds the same ids again.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE survey_invitations_next (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    language TEXT NOT NULL,
    invited_by INTEGER REFERENCES employees (id),
    invited_at INTEGER NOT NULL,
    bounced_at INTEGER
);
INSERT INTO survey_invitations_next
    (id, survey_id, customer_id, language, invited_by, invited_at, bounced_at)
    SELECT id, survey_id, customer_id, language, invited_by, invited_at, bounced_at
    FROM survey_invitations;
DROP TABLE survey_invitations;
ALTER TABLE survey_invitations_next RENAME TO survey_invitations;
CREATE INDEX survey_invitations_survey ON survey_invitations (survey_id, customer_id);
-- The cooldown asks "was this customer asked since …?", by any survey.
CREATE INDEX survey_invitations_customer ON survey_invitations (customer_id, invited_at);

-- One schedule per survey: a round every `every_days` days, the next at `next_run_at` (UTC
-- microseconds); its typed job `nps_round` is keyed by survey and that instant.
CREATE TABLE survey_schedules (
    survey_id INTEGER PRIMARY KEY REFERENCES surveys (id),
    every_days INTEGER NOT NULL CHECK (every_days BETWEEN 1 AND 3650),
    next_run_at INTEGER NOT NULL,
    set_by INTEGER REFERENCES employees (id),
    set_at INTEGER NOT NULL
);
