-- Consent to later contact, kept apart from updates about a customer's own case:
-- `customers.consent_to_contact` stays the current state; `customer_consent_log` says when and
-- how it was given or withdrawn, one row per change, written in the change's transaction.
-- Append-only like the complaint timeline.
CREATE TABLE customer_consent_log (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    given INTEGER NOT NULL,
    via TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX customer_consent_log_customer ON customer_consent_log (customer_id, id);
CREATE TRIGGER customer_consent_log_no_update BEFORE UPDATE ON customer_consent_log
BEGIN SELECT RAISE(ABORT, 'the consent log is append-only'); END;
CREATE TRIGGER customer_consent_log_no_delete BEFORE DELETE ON customer_consent_log
BEGIN SELECT RAISE(ABORT, 'the consent log is append-only'); END;

-- Consent recorded before the log existed: one row, dated at the customer's last change.
INSERT INTO customer_consent_log (customer_id, given, via, at)
SELECT id, 1, 'before_log', updated_at FROM customers WHERE consent_to_contact = 1;
