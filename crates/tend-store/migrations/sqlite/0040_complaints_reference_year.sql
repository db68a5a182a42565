-- A reference, once given, never changes: the year of `C-YYYY-NNNNNN` is kept at creation
-- (the UTC year of received_at then), so a later correction of received_at leaves it alone.
ALTER TABLE complaints ADD COLUMN reference_year INTEGER NOT NULL DEFAULT 0;
UPDATE complaints
SET reference_year = CAST(strftime('%Y', received_at / 1000000, 'unixepoch') AS INTEGER);
