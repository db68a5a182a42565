-- The operations report's stored durations (see docs/reports.md). Written in the transaction of
-- the event that sets them (tend-store src/reports/durations.rs), from the channel's service
-- hours and response standards in force at that moment, so later changes to a channel's hours
-- never rewrite past figures:
--   first response: service minutes, calendar seconds, within the standard (1/0; NULL where
--     the priority had no target) — set once, a reopen never moves it;
--   first resolution: its instant (`resolved_at` is cleared by a reopen, this is kept), service
--     minutes and calendar seconds — the headline resolution time, set once;
--   final resolution: service minutes and calendar seconds to the latest resolution, rewritten
--     each time the complaint is resolved again after a reopen.
-- Service minutes are net of the minutes spent waiting on the customer, as due times count them.
--
-- Backfill of rows that existed before: calendar seconds from the stored instants; the first
-- resolution's instant from the timeline (the earliest event that set `resolved_at`), else the
-- current `resolved_at`. Service minutes and the within-standard flag cannot be computed in
-- SQL: the store fills them once at start-up (Store::catch_up_report_durations) from each
-- channel's hours as they are then — the best the past allows, since the hours in force at the
-- time were never kept. Rows imported later are filled the same way.
ALTER TABLE complaints ADD COLUMN first_response_minutes INTEGER;
ALTER TABLE complaints ADD COLUMN first_response_seconds INTEGER;
ALTER TABLE complaints ADD COLUMN first_response_within INTEGER;
ALTER TABLE complaints ADD COLUMN first_resolved_at INTEGER;
ALTER TABLE complaints ADD COLUMN first_resolution_minutes INTEGER;
ALTER TABLE complaints ADD COLUMN first_resolution_seconds INTEGER;
ALTER TABLE complaints ADD COLUMN final_resolution_minutes INTEGER;
ALTER TABLE complaints ADD COLUMN final_resolution_seconds INTEGER;
-- 1 once the catch-up looked at the row; rows with neither instant are never looked at.
ALTER TABLE complaints ADD COLUMN durations_done INTEGER NOT NULL DEFAULT 0;

UPDATE complaints SET first_resolved_at = (
    SELECT MIN(e.at) FROM complaint_events e
    WHERE e.complaint_id = complaints.id AND e.field = 'resolved_at' AND e.new_value IS NOT NULL
);
UPDATE complaints SET first_resolved_at = resolved_at
    WHERE first_resolved_at IS NULL AND resolved_at IS NOT NULL;
UPDATE complaints SET first_response_seconds = (first_response_at - received_at) / 1000000
    WHERE first_response_at IS NOT NULL;
UPDATE complaints SET first_resolution_seconds = (first_resolved_at - received_at) / 1000000
    WHERE first_resolved_at IS NOT NULL;
UPDATE complaints SET final_resolution_seconds = (resolved_at - received_at) / 1000000
    WHERE resolved_at IS NOT NULL;

CREATE INDEX complaints_first_resolved ON complaints (first_resolved_at) WHERE first_resolved_at IS NOT NULL;
CREATE INDEX complaints_durations_todo ON complaints (id)
    WHERE durations_done = 0
      AND (first_response_at IS NOT NULL OR resolved_at IS NOT NULL OR first_resolved_at IS NOT NULL);
