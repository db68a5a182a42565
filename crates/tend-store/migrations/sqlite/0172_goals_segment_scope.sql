-- A goal's scope may name a customer segment: its measure then counts only the segment's
-- members (their complaints, purchases and answers). NULL: the whole business.
ALTER TABLE goal_versions ADD COLUMN segment_id INTEGER REFERENCES segments (id);
