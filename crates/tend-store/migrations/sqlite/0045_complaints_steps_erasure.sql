-- The steps taken stay append-only with the timeline's one narrow exception, erasure: an
-- UPDATE may only change `text` (every other column unchanged), and only on a complaint whose
-- anonymisation is recorded in the append-only `complaint_anonymisations` (written first, in
-- the same transaction). A forgotten customer's words and name are erased from the record of
-- what was done; nothing else can rewrite it. DELETE stays refused.
DROP TRIGGER complaint_steps_no_update;
CREATE TRIGGER complaint_steps_no_update BEFORE UPDATE ON complaint_steps
WHEN NOT (
    NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.at = OLD.at
    AND NEW.author_id IS OLD.author_id
    AND EXISTS (SELECT 1 FROM complaint_anonymisations a WHERE a.complaint_id = OLD.complaint_id)
)
BEGIN SELECT RAISE(ABORT, 'the steps taken are append-only'); END;
