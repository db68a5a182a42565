-- Received mail stays append-only with one narrow exception, erasure (anonymising a customer):
-- an UPDATE may only blank what the message said and who sent it — `raw` and `envelope_from`
-- to '', `sender` and `subject` to NULL — every other column unchanged. DELETE and TRUNCATE
-- stay refused.
CREATE OR REPLACE FUNCTION inbound_mail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND NEW.raw = '' AND NEW.envelope_from = '' AND NEW.sender IS NULL AND NEW.subject IS NULL
        AND NEW.id = OLD.id AND NEW.received_at = OLD.received_at AND NEW.size = OLD.size
        AND NEW.message_id IS NOT DISTINCT FROM OLD.message_id AND NEW.outcome = OLD.outcome
        AND NEW.why IS NOT DISTINCT FROM OLD.why
        AND NEW.complaint_id IS NOT DISTINCT FROM OLD.complaint_id
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'received mail is append-only';
END;
$$;
