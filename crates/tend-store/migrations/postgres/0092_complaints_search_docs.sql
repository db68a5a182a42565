-- The planner's statistics on search documents keep more of the most common tokens (and their
-- frequencies), so that it estimates a common word's matches well and walks the recency index
-- for it, and goes through the GIN index for a rare one. (SQLite keeps a text copy of each
-- document instead, for the same choice: see migrations/sqlite/0092.)
ALTER TABLE complaint_search ALTER COLUMN doc SET STATISTICS 1000;
