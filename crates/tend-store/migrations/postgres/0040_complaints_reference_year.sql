-- A reference, once given, never changes: the year of `C-YYYY-NNNNNN` is kept at creation
-- (the UTC year of received_at then), so a later correction of received_at leaves it alone.
ALTER TABLE complaints ADD COLUMN reference_year BIGINT NOT NULL DEFAULT 0;
UPDATE complaints
SET reference_year = EXTRACT(YEAR FROM (to_timestamp(received_at / 1000000.0) AT TIME ZONE 'UTC'))::BIGINT;
