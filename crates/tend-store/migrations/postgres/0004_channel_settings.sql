-- Each channel's service hours and response standards, as the validated JSON documents Tend
-- edits whole (see tend-domain's service_hours and response_standard). NULL: not set yet.
ALTER TABLE channels ADD COLUMN service_hours TEXT;
ALTER TABLE channels ADD COLUMN response_standards TEXT;
