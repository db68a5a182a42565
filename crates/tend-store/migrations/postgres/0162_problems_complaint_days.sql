-- The top problems at volume (PostgreSQL). `complaint_days` rolls up the complaints that count
-- (not merged away, not deleted) per UTC day of receipt (`received_at / 86400000000`) and
-- category (0: none): how many, and the compensation of those resolved. Triggers keep it in the
-- same transaction as every write of a complaint (insert, any change of receipt, category,
-- merge, deletion, resolution or compensation, delete), so it is exact; readers add the partial
-- days at a period's edges from the complaints themselves (`tend_store::complaints::days`).
-- `complaints.first_resolve_event_at` is the instant of the complaint's earliest 'resolve'
-- event (what the customers-lost count starts from), kept by a trigger on the append-only
-- timeline. Both are filled here from the rows already stored.
CREATE TABLE complaint_days (
    day BIGINT NOT NULL,
    category_id BIGINT NOT NULL,
    complaints BIGINT NOT NULL,
    paid_minor BIGINT NOT NULL,
    PRIMARY KEY (day, category_id)
);

INSERT INTO complaint_days (day, category_id, complaints, paid_minor)
SELECT received_at / 86400000000, COALESCE(category_id, 0), COUNT(*),
       SUM(CASE WHEN resolved_at IS NOT NULL THEN COALESCE(compensation_minor, 0) ELSE 0 END)
FROM complaints WHERE merged_into IS NULL AND deleted_at IS NULL
GROUP BY received_at / 86400000000, COALESCE(category_id, 0);

CREATE FUNCTION complaint_days_add(d BIGINT, cat BIGINT, n BIGINT, paid BIGINT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO complaint_days AS t (day, category_id, complaints, paid_minor)
    VALUES (d, cat, n, paid)
    ON CONFLICT (day, category_id) DO UPDATE SET complaints = t.complaints + EXCLUDED.complaints,
        paid_minor = t.paid_minor + EXCLUDED.paid_minor;
$$;

CREATE FUNCTION complaint_days_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND OLD.merged_into IS NULL AND OLD.deleted_at IS NULL THEN
        PERFORM complaint_days_add(OLD.received_at / 86400000000, COALESCE(OLD.category_id, 0), -1,
            CASE WHEN OLD.resolved_at IS NOT NULL THEN -COALESCE(OLD.compensation_minor, 0) ELSE 0 END);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.merged_into IS NULL AND NEW.deleted_at IS NULL THEN
        PERFORM complaint_days_add(NEW.received_at / 86400000000, COALESCE(NEW.category_id, 0), 1,
            CASE WHEN NEW.resolved_at IS NOT NULL THEN COALESCE(NEW.compensation_minor, 0) ELSE 0 END);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER complaint_days_delete AFTER DELETE ON complaints
FOR EACH ROW EXECUTE FUNCTION complaint_days_track();
-- Inserts come in bulk (imports): one aggregated upsert per statement.
CREATE FUNCTION complaint_days_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO complaint_days AS t (day, category_id, complaints, paid_minor)
    SELECT received_at / 86400000000, COALESCE(category_id, 0), COUNT(*),
           SUM(CASE WHEN resolved_at IS NOT NULL THEN COALESCE(compensation_minor, 0) ELSE 0 END)
    FROM inserted WHERE merged_into IS NULL AND deleted_at IS NULL
    GROUP BY received_at / 86400000000, COALESCE(category_id, 0)
    ON CONFLICT (day, category_id) DO UPDATE SET complaints = t.complaints + EXCLUDED.complaints,
        paid_minor = t.paid_minor + EXCLUDED.paid_minor;
    RETURN NULL;
END;
$$;
CREATE TRIGGER complaint_days_insert AFTER INSERT ON complaints
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION complaint_days_inserted();
CREATE TRIGGER complaint_days_update AFTER UPDATE OF received_at, category_id, merged_into,
    deleted_at, resolved_at, compensation_minor ON complaints
FOR EACH ROW WHEN (OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.category_id IS DISTINCT FROM NEW.category_id
    OR OLD.merged_into IS DISTINCT FROM NEW.merged_into
    OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at
    OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
    OR OLD.compensation_minor IS DISTINCT FROM NEW.compensation_minor)
EXECUTE FUNCTION complaint_days_track();

ALTER TABLE complaints ADD COLUMN first_resolve_event_at BIGINT;
UPDATE complaints SET first_resolve_event_at = r.at FROM (SELECT complaint_id, MIN(at) AS at
    FROM complaint_events WHERE action = 'resolve' GROUP BY complaint_id) r
WHERE r.complaint_id = complaints.id;

CREATE FUNCTION complaint_events_first_resolve() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaints c SET first_resolve_event_at = r.at
    FROM (SELECT complaint_id, MIN(at) AS at FROM inserted WHERE action = 'resolve'
          GROUP BY complaint_id) r
    WHERE c.id = r.complaint_id
      AND (c.first_resolve_event_at IS NULL OR c.first_resolve_event_at > r.at);
    RETURN NULL;
END;
$$;
CREATE TRIGGER complaint_events_first_resolve AFTER INSERT ON complaint_events
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION complaint_events_first_resolve();

-- Customers-lost probes read purchases kept (not returned) from the index alone.
CREATE INDEX transactions_kept ON transactions (customer_id, occurred_at) WHERE returned = 0;

-- The period's complainants per category (and the customers-lost starts) read from the index
-- alone (an index-only scan once the table is vacuumed); led by the time of receipt, a range.
CREATE INDEX complaints_period ON complaints (received_at, category_id, customer_id,
    first_resolve_event_at) WHERE merged_into IS NULL AND deleted_at IS NULL;
-- The returns' (category, customer, product) triples: only complaints about a product.
CREATE INDEX complaints_period_products ON complaints (received_at, category_id, customer_id,
    product_id) WHERE product_id IS NOT NULL AND category_id IS NOT NULL
    AND merged_into IS NULL AND deleted_at IS NULL;
