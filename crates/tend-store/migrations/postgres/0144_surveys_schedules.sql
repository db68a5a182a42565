-- The relationship (NPS) schedule (PostgreSQL). A scheduled survey invites again, round after
-- round, so a customer may now hold several invitations to one survey: UNIQUE (survey_id,
-- customer_id) goes (a manual round still invites each customer once per survey: the store
-- checks).
ALTER TABLE survey_invitations DROP CONSTRAINT survey_invitations_survey_id_customer_id_key;
CREATE INDEX survey_invitations_survey ON survey_invitations (survey_id, customer_id);
-- The cooldown asks "was this customer asked since …?", by any survey.
CREATE INDEX survey_invitations_customer ON survey_invitations (customer_id, invited_at);

-- One schedule per survey: a round every `every_days` days, the next at `next_run_at` (UTC
-- microseconds); its typed job `nps_round` is keyed by survey and that instant.
CREATE TABLE survey_schedules (
    survey_id BIGINT PRIMARY KEY REFERENCES surveys (id),
    every_days BIGINT NOT NULL CHECK (every_days BETWEEN 1 AND 3650),
    next_run_at BIGINT NOT NULL,
    set_by BIGINT REFERENCES employees (id),
    set_at BIGINT NOT NULL
);
