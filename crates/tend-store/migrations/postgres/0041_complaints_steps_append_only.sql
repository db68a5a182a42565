-- The steps taken are a record of what was done: append-only, like the timeline.
CREATE FUNCTION complaint_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the steps taken are append-only';
END;
$$;
CREATE TRIGGER complaint_steps_append_only BEFORE UPDATE OR DELETE ON complaint_steps
FOR EACH ROW EXECUTE FUNCTION complaint_steps_append_only();
CREATE TRIGGER complaint_steps_no_truncate BEFORE TRUNCATE ON complaint_steps
FOR EACH STATEMENT EXECUTE FUNCTION complaint_steps_append_only();
