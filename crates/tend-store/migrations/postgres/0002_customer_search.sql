-- Case-folded copies of the customer's name and e-mail, written by Tend (lower-cased in Rust,
-- so every script folds the same on both engines) for case-insensitive customer search.
ALTER TABLE customers ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN email_folded TEXT;
-- Rows from before this migration: lower() folds at least ASCII; Tend rewrites them on update.
UPDATE customers SET name_folded = lower(name), email_folded = lower(email);
CREATE INDEX customers_name_folded ON customers (name_folded);
