-- The steps taken are a record of what was done: append-only, like the timeline.
CREATE TRIGGER complaint_steps_no_update BEFORE UPDATE ON complaint_steps
BEGIN SELECT RAISE(ABORT, 'the steps taken are append-only'); END;
CREATE TRIGGER complaint_steps_no_delete BEFORE DELETE ON complaint_steps
BEGIN SELECT RAISE(ABORT, 'the steps taken are append-only'); END;
