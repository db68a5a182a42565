-- Survey invitations (SQLite): one private link per customer and survey, sent by mail to
-- customers who agreed to be contacted; its token is an HMAC of the invitation id (no token is
-- stored). `language`: the customer's preferred language when the survey has it, else the
-- survey's first. `bounced_at`: set when the mail came back (delivered = sent − bounced).
CREATE TABLE survey_invitations (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    language TEXT NOT NULL,
    invited_by INTEGER REFERENCES employees (id),
    invited_at INTEGER NOT NULL,
    bounced_at INTEGER,
    UNIQUE (survey_id, customer_id)
);

-- The invitation a response answers (NULL for the public link): one response per invitation.
ALTER TABLE survey_responses ADD COLUMN invitation_id INTEGER REFERENCES survey_invitations (id);
CREATE UNIQUE INDEX survey_responses_invitation ON survey_responses (invitation_id);
