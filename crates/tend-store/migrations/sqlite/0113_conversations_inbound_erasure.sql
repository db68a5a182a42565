-- Received mail stays append-only with one narrow exception, erasure (anonymising a customer):
-- an UPDATE may only blank what the message said and who sent it — `raw` and `envelope_from`
-- to '', `sender` and `subject` to NULL — every other column unchanged. DELETE stays refused.
DROP TRIGGER inbound_mail_no_update;
CREATE TRIGGER inbound_mail_no_update BEFORE UPDATE ON inbound_mail
WHEN NOT (
    NEW.raw = '' AND NEW.envelope_from = '' AND NEW.sender IS NULL AND NEW.subject IS NULL
    AND NEW.id = OLD.id AND NEW.received_at = OLD.received_at AND NEW.size = OLD.size
    AND NEW.message_id IS OLD.message_id AND NEW.outcome = OLD.outcome
    AND NEW.why IS OLD.why AND NEW.complaint_id IS OLD.complaint_id
)
BEGIN SELECT RAISE(ABORT, 'received mail is append-only'); END;
