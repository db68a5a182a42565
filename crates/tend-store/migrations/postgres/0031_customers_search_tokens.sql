-- The customer's search tokens (name, e-mail, phone digits; tend_domain::kernel::search_text),
-- written by Tend as ' token token … ' and matched with LIKE '%word%' (any part of a token),
-- every word of the query; and the phone's digits, which imports match a person on (after the
-- folded e-mail, before the source's id). Both filled by Tend at start-up for existing rows.
ALTER TABLE customers ADD COLUMN search_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN phone_digits TEXT;
CREATE INDEX customers_email_folded ON customers (email_folded);
CREATE INDEX customers_phone_digits ON customers (phone_digits);
