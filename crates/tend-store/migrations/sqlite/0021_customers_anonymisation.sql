-- Anonymising a customer (irreversible): one audit row per complaint of theirs, itself
-- append-only, written in the anonymisation's transaction before anything is erased.
CREATE TABLE complaint_anonymisations (
    id INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    actor_id INTEGER REFERENCES employees (id),
    at INTEGER NOT NULL
);
CREATE INDEX complaint_anonymisations_complaint ON complaint_anonymisations (complaint_id);
CREATE TRIGGER complaint_anonymisations_no_update BEFORE UPDATE ON complaint_anonymisations
BEGIN SELECT RAISE(ABORT, 'the anonymisation log is append-only'); END;
CREATE TRIGGER complaint_anonymisations_no_delete BEFORE DELETE ON complaint_anonymisations
BEGIN SELECT RAISE(ABORT, 'the anonymisation log is append-only'); END;

-- The timeline stays append-only with one narrow exception, erasure: an UPDATE may only set
-- old_value and/or new_value to the literal '[anonymised]' (every other column unchanged), and
-- only on a complaint with an anonymisation recorded above. History can be erased for a
-- forgotten customer, never rewritten.
DROP TRIGGER complaint_events_no_update;
CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
WHEN NOT (
    NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.at = OLD.at
    AND NEW.actor_id IS OLD.actor_id AND NEW.actor = OLD.actor AND NEW.action = OLD.action
    AND NEW.field IS OLD.field
    AND (NEW.old_value IS OLD.old_value OR NEW.old_value = '[anonymised]')
    AND (NEW.new_value IS OLD.new_value OR NEW.new_value = '[anonymised]')
    AND EXISTS (SELECT 1 FROM complaint_anonymisations a WHERE a.complaint_id = OLD.complaint_id)
)
BEGIN SELECT RAISE(ABORT, 'the complaint timeline is append-only'); END;
