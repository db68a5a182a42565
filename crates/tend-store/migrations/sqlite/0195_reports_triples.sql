-- The roll-up's tallies gain every triple of fields (channel, category, product, assignee,
-- tier), so two filters grouped by a third, or three filters, are read from them
-- (docs/reports.md "Roll-ups"). `report_rollup.format` says which dimensions the stored tallies
-- were counted in: 1, single fields and pairs (migration 0192); 2, with the triples. A reader
-- or job of another format treats the tallies as counted in another zone: reports are counted
-- live until the job has dropped them, marked every instant and recounted every day. So the
-- tallies stored before this migration, or by a worker of an earlier version still running
-- beside a newer one, are never read as if they held the triples.
ALTER TABLE report_rollup ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
