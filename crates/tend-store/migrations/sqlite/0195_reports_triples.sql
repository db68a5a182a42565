-- The roll-up's tallies gain every triple of fields (channel, category, product, assignee,
-- tier), so two filters grouped by a third, or three filters, are read from them
-- (docs/reports.md "Roll-ups"). Forgetting the zone the stored tallies were counted in makes
-- the `reports_roll_up` job drop them, mark every instant and recount every day in every
-- dimension; until it is done, reports are counted live.
DELETE FROM report_rollup;
