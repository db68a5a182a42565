-- The top problems at volume (SQLite). `complaint_days` rolls up the complaints that count (not
-- merged away, not deleted) per UTC day of receipt (`received_at / 86400000000`) and category
-- (0: none): how many, and the compensation of those resolved. Triggers keep it in the same
-- transaction as every write of a complaint (insert, any change of receipt, category, merge,
-- deletion, resolution or compensation, delete), so it is exact; readers add the partial days
-- at a period's edges from the complaints themselves (`tend_store::complaints::days`).
-- `complaints.first_resolve_event_at` is the instant of the complaint's earliest 'resolve'
-- event (what the customers-lost count starts from), kept by a trigger on the append-only
-- timeline. Both are filled here from the rows already stored.
CREATE TABLE complaint_days (
    day INTEGER NOT NULL,
    category_id INTEGER NOT NULL,
    complaints INTEGER NOT NULL,
    paid_minor INTEGER NOT NULL,
    PRIMARY KEY (day, category_id)
);

INSERT INTO complaint_days (day, category_id, complaints, paid_minor)
SELECT received_at / 86400000000, COALESCE(category_id, 0), COUNT(*),
       SUM(CASE WHEN resolved_at IS NOT NULL THEN COALESCE(compensation_minor, 0) ELSE 0 END)
FROM complaints WHERE merged_into IS NULL AND deleted_at IS NULL
GROUP BY received_at / 86400000000, COALESCE(category_id, 0);

CREATE TRIGGER complaint_days_insert AFTER INSERT ON complaints
WHEN NEW.merged_into IS NULL AND NEW.deleted_at IS NULL
BEGIN
    INSERT INTO complaint_days (day, category_id, complaints, paid_minor)
    VALUES (NEW.received_at / 86400000000, COALESCE(NEW.category_id, 0), 1,
            CASE WHEN NEW.resolved_at IS NOT NULL THEN COALESCE(NEW.compensation_minor, 0) ELSE 0 END)
    ON CONFLICT (day, category_id) DO UPDATE SET complaints = complaints + excluded.complaints,
        paid_minor = paid_minor + excluded.paid_minor;
END;

CREATE TRIGGER complaint_days_update AFTER UPDATE OF received_at, category_id, merged_into,
    deleted_at, resolved_at, compensation_minor ON complaints
WHEN OLD.received_at IS NOT NEW.received_at OR OLD.category_id IS NOT NEW.category_id
    OR OLD.merged_into IS NOT NEW.merged_into OR OLD.deleted_at IS NOT NEW.deleted_at
    OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.compensation_minor IS NOT NEW.compensation_minor
BEGIN
    INSERT INTO complaint_days (day, category_id, complaints, paid_minor)
    SELECT OLD.received_at / 86400000000, COALESCE(OLD.category_id, 0), -1,
           CASE WHEN OLD.resolved_at IS NOT NULL THEN -COALESCE(OLD.compensation_minor, 0) ELSE 0 END
    WHERE OLD.merged_into IS NULL AND OLD.deleted_at IS NULL
    ON CONFLICT (day, category_id) DO UPDATE SET complaints = complaints + excluded.complaints,
        paid_minor = paid_minor + excluded.paid_minor;
    INSERT INTO complaint_days (day, category_id, complaints, paid_minor)
    SELECT NEW.received_at / 86400000000, COALESCE(NEW.category_id, 0), 1,
           CASE WHEN NEW.resolved_at IS NOT NULL THEN COALESCE(NEW.compensation_minor, 0) ELSE 0 END
    WHERE NEW.merged_into IS NULL AND NEW.deleted_at IS NULL
    ON CONFLICT (day, category_id) DO UPDATE SET complaints = complaints + excluded.complaints,
        paid_minor = paid_minor + excluded.paid_minor;
END;

CREATE TRIGGER complaint_days_delete AFTER DELETE ON complaints
WHEN OLD.merged_into IS NULL AND OLD.deleted_at IS NULL
BEGIN
    INSERT INTO complaint_days (day, category_id, complaints, paid_minor)
    VALUES (OLD.received_at / 86400000000, COALESCE(OLD.category_id, 0), -1,
            CASE WHEN OLD.resolved_at IS NOT NULL THEN -COALESCE(OLD.compensation_minor, 0) ELSE 0 END)
    ON CONFLICT (day, category_id) DO UPDATE SET complaints = complaints + excluded.complaints,
        paid_minor = paid_minor + excluded.paid_minor;
END;

ALTER TABLE complaints ADD COLUMN first_resolve_event_at INTEGER;
UPDATE complaints SET first_resolve_event_at = (SELECT MIN(e.at) FROM complaint_events e
    WHERE e.complaint_id = complaints.id AND e.action = 'resolve');

CREATE TRIGGER complaint_events_first_resolve AFTER INSERT ON complaint_events
WHEN NEW.action = 'resolve'
BEGIN
    UPDATE complaints SET first_resolve_event_at = NEW.at WHERE id = NEW.complaint_id
        AND (first_resolve_event_at IS NULL OR first_resolve_event_at > NEW.at);
END;

-- Customers-lost probes read purchases kept (not returned) from the index alone.
CREATE INDEX transactions_kept ON transactions (customer_id, occurred_at) WHERE returned = 0;

-- The period's complainants per category, the customers-lost starts and the returns' products
-- read from the index alone. It replaces the category index of the complaint list (the same
-- leading columns, so the list reads it as before), led by the category so SQLite skips through
-- the categories (ANY(category_id)). Not partial: SQLite 3.51's planner prefers the narrower
-- index over a partial covering one.
DROP INDEX complaints_category;
CREATE INDEX complaints_category ON complaints (category_id, received_at, id, customer_id,
    first_resolve_event_at, product_id, merged_into, deleted_at);
