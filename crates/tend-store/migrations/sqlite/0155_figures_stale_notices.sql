-- Figures (sqlite): the stale-figure notices. One row per figure and missed period, written in
-- the transaction that queues the owner's mail, so each missed period is told once.
CREATE TABLE figure_stale_notices (
    id INTEGER PRIMARY KEY,
    figure_id INTEGER NOT NULL REFERENCES figures (id),
    -- The missed period's first day, YYYY-MM-DD.
    period TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES employees (id),
    noticed_at INTEGER NOT NULL,
    UNIQUE (figure_id, period)
);

CREATE TRIGGER figure_stale_notices_no_update BEFORE UPDATE ON figure_stale_notices
BEGIN SELECT RAISE(ABORT, 'the stale-figure notices are append-only'); END;
CREATE TRIGGER figure_stale_notices_no_delete BEFORE DELETE ON figure_stale_notices
BEGIN SELECT RAISE(ABORT, 'the stale-figure notices are append-only'); END;
