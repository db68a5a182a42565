-- Who really sent a message received (PostgreSQL): the SPF, DKIM and DMARC results (pass, fail, softfail,
-- neutral, none, temperror, permerror; NULL when not checked), the policy the From domain
-- publishes in DMARC (none, quarantine, reject; NULL without a record), and why a message was
-- held beyond its outcome: dmarc_failed (DMARC failed where the domain asks to quarantine or
-- reject). Such a message is logged with outcome `automatic` (set aside by a rule) so the
-- quarantine releases and deletes it like the others; `held_reason` says which rule.
ALTER TABLE inbound_mail ADD COLUMN spf TEXT;
ALTER TABLE inbound_mail ADD COLUMN dkim TEXT;
ALTER TABLE inbound_mail ADD COLUMN dmarc TEXT;
ALTER TABLE inbound_mail ADD COLUMN dmarc_policy TEXT;
ALTER TABLE inbound_mail ADD COLUMN held_reason TEXT CHECK (held_reason IN ('dmarc_failed'));
