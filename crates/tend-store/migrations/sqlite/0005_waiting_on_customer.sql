-- Waiting on the customer: while waiting_since is set the response clock stands still;
-- paused_minutes holds the service minutes of earlier pauses, by which due times move.
ALTER TABLE complaints ADD COLUMN waiting_since INTEGER;
ALTER TABLE complaints ADD COLUMN waiting_reason TEXT;
ALTER TABLE complaints ADD COLUMN paused_minutes INTEGER NOT NULL DEFAULT 0;
