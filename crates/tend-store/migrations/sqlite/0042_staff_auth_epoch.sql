-- One counter that every change to who may do what bumps: a role changed, an employee
-- deactivated or reactivated, a token revoked or deleted. Each server checks it beside its cached
-- tokens, so such a change takes effect at once on every server sharing the database.
CREATE TABLE auth_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO auth_epoch (id, n) VALUES (1, 0);
CREATE TRIGGER employees_auth_epoch AFTER UPDATE OF role, active ON employees
BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER api_tokens_auth_epoch AFTER UPDATE OF revoked_at ON api_tokens
BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER api_tokens_deleted_auth_epoch AFTER DELETE ON api_tokens
BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
