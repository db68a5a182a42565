-- The operations report at volume (SQLite), docs/reports.md "Roll-ups". `report_days` holds one
-- tally per local day of the company's zone (`report_rollup.zone`; `day` counts days from
-- 1970-01-01) × dimension (`none`, `channel`, `category`, `product`, `assignee`, `tier`, and
-- pairs such as `channel+tier`) × value: the encoded `tend_domain::reports::Tally` of what that day's events contribute, and
-- `delta`, the change of the open backlog over the day. `report_changes` marks the instants a
-- write touched, floored to 15 minutes: triggers add one in the transaction of every write that
-- can change a tally (a complaint's receipt, first resolution, closing, reopens, grouping
-- fields, durations, merge or deletion). A day with a mark is read from the complaints
-- themselves, so the report is exact at every moment; the `reports_roll_up` job recomputes the
-- marked days and clears their marks.
CREATE TABLE report_rollup (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    zone TEXT NOT NULL
);

CREATE TABLE report_days (
    dim TEXT NOT NULL,
    day INTEGER NOT NULL,
    value TEXT NOT NULL,
    delta INTEGER NOT NULL,
    tally BLOB NOT NULL,
    PRIMARY KEY (dim, day, value)
);
CREATE INDEX report_days_day ON report_days (day);

CREATE TABLE report_changes (
    at INTEGER PRIMARY KEY
);

CREATE TRIGGER report_changes_insert AFTER INSERT ON complaints
BEGIN
    INSERT INTO report_changes (at)
    SELECT x / 900000000 * 900000000 FROM (SELECT NEW.received_at AS x
        UNION SELECT NEW.first_resolved_at UNION SELECT NEW.closed_at) WHERE x IS NOT NULL ON CONFLICT (at) DO NOTHING;
END;

CREATE TRIGGER report_changes_update AFTER UPDATE OF kind, customer_id, channel, category_id,
    product_id, assignee_id, tier, received_at, first_resolved_at, closed_at, resolved_at,
    merged_into, deleted_at, first_response_minutes, first_response_seconds,
    first_response_within, first_resolution_minutes, first_resolution_seconds,
    final_resolution_minutes, final_resolution_seconds ON complaints
WHEN OLD.kind IS NOT NEW.kind OR OLD.customer_id IS NOT NEW.customer_id
    OR OLD.channel IS NOT NEW.channel OR OLD.category_id IS NOT NEW.category_id
    OR OLD.product_id IS NOT NEW.product_id OR OLD.assignee_id IS NOT NEW.assignee_id
    OR OLD.tier IS NOT NEW.tier OR OLD.received_at IS NOT NEW.received_at
    OR OLD.first_resolved_at IS NOT NEW.first_resolved_at OR OLD.closed_at IS NOT NEW.closed_at
    OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.merged_into IS NOT NEW.merged_into
    OR OLD.deleted_at IS NOT NEW.deleted_at
    OR OLD.first_response_minutes IS NOT NEW.first_response_minutes
    OR OLD.first_response_seconds IS NOT NEW.first_response_seconds
    OR OLD.first_response_within IS NOT NEW.first_response_within
    OR OLD.first_resolution_minutes IS NOT NEW.first_resolution_minutes
    OR OLD.first_resolution_seconds IS NOT NEW.first_resolution_seconds
    OR OLD.final_resolution_minutes IS NOT NEW.final_resolution_minutes
    OR OLD.final_resolution_seconds IS NOT NEW.final_resolution_seconds
BEGIN
    INSERT INTO report_changes (at)
    SELECT x / 900000000 * 900000000 FROM (SELECT OLD.received_at AS x
        UNION SELECT NEW.received_at UNION SELECT OLD.first_resolved_at
        UNION SELECT NEW.first_resolved_at UNION SELECT OLD.closed_at UNION SELECT NEW.closed_at
        UNION SELECT reopened_at FROM complaint_reopens WHERE complaint_id = NEW.id
        UNION SELECT ended_at FROM complaint_reopens WHERE complaint_id = NEW.id)
    WHERE x IS NOT NULL ON CONFLICT (at) DO NOTHING;
END;

CREATE TRIGGER report_changes_delete AFTER DELETE ON complaints
BEGIN
    INSERT INTO report_changes (at)
    SELECT x / 900000000 * 900000000 FROM (SELECT OLD.received_at AS x
        UNION SELECT OLD.first_resolved_at UNION SELECT OLD.closed_at
        UNION SELECT reopened_at FROM complaint_reopens WHERE complaint_id = OLD.id
        UNION SELECT ended_at FROM complaint_reopens WHERE complaint_id = OLD.id)
    WHERE x IS NOT NULL ON CONFLICT (at) DO NOTHING;
END;

CREATE TRIGGER report_changes_reopen_insert AFTER INSERT ON complaint_reopens
BEGIN
    INSERT INTO report_changes (at)
    SELECT x / 900000000 * 900000000 FROM (SELECT NEW.reopened_at AS x UNION SELECT NEW.ended_at)
    WHERE x IS NOT NULL ON CONFLICT (at) DO NOTHING;
END;

CREATE TRIGGER report_changes_reopen_update AFTER UPDATE ON complaint_reopens
BEGIN
    INSERT INTO report_changes (at)
    SELECT x / 900000000 * 900000000 FROM (SELECT OLD.reopened_at AS x UNION SELECT OLD.ended_at
        UNION SELECT NEW.reopened_at UNION SELECT NEW.ended_at)
    WHERE x IS NOT NULL ON CONFLICT (at) DO NOTHING;
END;

CREATE TRIGGER report_changes_reopen_delete AFTER DELETE ON complaint_reopens
BEGIN
    INSERT INTO report_changes (at)
    SELECT x / 900000000 * 900000000 FROM (SELECT OLD.reopened_at AS x UNION SELECT OLD.ended_at)
    WHERE x IS NOT NULL ON CONFLICT (at) DO NOTHING;
END;

-- The event instants the report reads a day's complaints by (receipt and first resolution
-- have their indexes already).
CREATE INDEX complaints_closed ON complaints (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX complaint_reopens_ended ON complaint_reopens (ended_at) WHERE ended_at IS NOT NULL;
