-- The steps taken stay append-only with the timeline's one narrow exception, erasure: an
-- UPDATE may only change `text` (every other column unchanged), and only on a complaint whose
-- anonymisation is recorded in the append-only `complaint_anonymisations` (written first, in
-- the same transaction). A forgotten customer's words and name are erased from the record of
-- what was done; nothing else can rewrite it. DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION complaint_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.at = OLD.at
        AND NEW.author_id IS NOT DISTINCT FROM OLD.author_id
        AND EXISTS (SELECT 1 FROM complaint_anonymisations a WHERE a.complaint_id = OLD.complaint_id)
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the steps taken are append-only';
END;
$$;
