-- One counter that every change to who may do what bumps: a role changed, an employee
-- deactivated or reactivated, a token revoked or deleted. Each server checks it beside its cached
-- tokens, so such a change takes effect at once on every server sharing the database.
CREATE TABLE auth_epoch (id BIGINT PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL);
INSERT INTO auth_epoch (id, n) VALUES (1, 0);
CREATE FUNCTION auth_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE auth_epoch SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;
CREATE TRIGGER employees_auth_epoch AFTER UPDATE OF role, active ON employees
FOR EACH STATEMENT EXECUTE FUNCTION auth_epoch_bump();
CREATE TRIGGER api_tokens_auth_epoch AFTER UPDATE OF revoked_at OR DELETE ON api_tokens
FOR EACH STATEMENT EXECUTE FUNCTION auth_epoch_bump();
