-- A customer segment's own roll-up (docs/reports.md "Segments"): the job tallies each local
-- day's complaints of the segment's members as well, in every dimension, under `dim`
-- `s<segment id>:<dimension>` of `report_days` and `report_hours`. `report_segments` holds the
-- member set those tallies were counted for (the customer ids, a serialized Roaring treemap).
-- The job brings it up to date every run: when the members changed, it marks every instant of
-- the complaints of each customer who came in or left, so their days are recounted. A report
-- reads a segment's tallies only when its members, computed in the same snapshot, are exactly
-- this set; otherwise it is counted without them. Roll-up format 3 (`FORMAT` in
-- `tend-store/src/reports/rollup.rs`) has these dimensions; tallies of format 2 are recounted.
CREATE TABLE report_segments (
    segment_id BIGINT PRIMARY KEY,
    members BLOB NOT NULL
);
