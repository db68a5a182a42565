-- The top problems' complainants at volume (PostgreSQL), docs/problems.md "At volume".
-- `complainant_days` holds, per UTC day of receipt (days from 1970-01-01) and category (0: none),
-- the distinct customers of the complaints that count, as a serialized roaring bitmap
-- (`RoaringTreemap`'s portable format). The `reports_roll_up` job recounts the UTC days around
-- each local day it recounts, in the same transaction, so a day is current unless
-- `report_changes` marks an instant in it; a reader takes marked days from the complaints.
CREATE TABLE complainant_days (
    day BIGINT NOT NULL,
    category_id BIGINT NOT NULL,
    customers BYTEA NOT NULL,
    PRIMARY KEY (day, category_id)
);

-- Start the roll-up over: the job re-marks every instant and recounts every day, this table's
-- too; until then reports and the ranking read the complaints.
DELETE FROM report_rollup;
