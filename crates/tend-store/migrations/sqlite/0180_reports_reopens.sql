-- Each time a complaint was reopened, from the timeline (see docs/reports.md): the reopen's
-- instant and the instant the reopened spell ended (the next resolution or closing; NULL while
-- it lasts). A read model of complaint_events, written in the transaction of the change that
-- reopens, resolves or closes (tend-store src/reports/reopens.rs), so the operations report's
-- backlog and its reopened count read the recorded instants, never the current state.
CREATE TABLE complaint_reopens (
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    reopened_at INTEGER NOT NULL,
    ended_at INTEGER,
    PRIMARY KEY (complaint_id, reopened_at)
);
CREATE INDEX complaint_reopens_at ON complaint_reopens (reopened_at);

-- Backfill from the timeline: one row per reopen (its entries share an instant), ended by the
-- first later entry that set resolved_at or closed_at.
INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at)
SELECT r.complaint_id, r.at, (
    SELECT MIN(e.at) FROM complaint_events e
    WHERE e.complaint_id = r.complaint_id AND e.id > r.id AND e.new_value IS NOT NULL
      AND e.field IN ('resolved_at', 'closed_at')
) AS ended_at
FROM (
    SELECT complaint_id, at, MAX(id) AS id FROM complaint_events
    WHERE action = 'reopen' GROUP BY complaint_id, at
) r;
