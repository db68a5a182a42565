-- The operations report at volume (PostgreSQL), docs/reports.md "Roll-ups". `report_days` holds
-- one tally per local day of the company's zone (`report_rollup.zone`; `day` counts days from
-- 1970-01-01) × dimension (`none`, `channel`, `category`, `product`, `assignee`, `tier`, and
-- pairs such as `channel+tier`) × value: the encoded `tend_domain::reports::Tally` of what that day's events contribute, and
-- `delta`, the change of the open backlog over the day. `report_changes` marks the instants a
-- write touched, floored to 15 minutes: triggers add one in the transaction of every write that
-- can change a tally (a complaint's receipt, first resolution, closing, reopens, grouping
-- fields, durations, merge or deletion). A day with a mark is read from the complaints
-- themselves, so the report is exact at every moment; the `reports_roll_up` job recomputes the
-- marked days and clears their marks. Marks may repeat here (no unique key, so concurrent
-- writers never wait on each other's marks).
CREATE TABLE report_rollup (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    zone TEXT NOT NULL
);

CREATE TABLE report_days (
    dim TEXT NOT NULL,
    day BIGINT NOT NULL,
    value TEXT NOT NULL,
    delta BIGINT NOT NULL,
    tally BYTEA NOT NULL,
    PRIMARY KEY (dim, day, value)
);
CREATE INDEX report_days_day ON report_days (day);

CREATE TABLE report_changes (
    at BIGINT NOT NULL
);
CREATE INDEX report_changes_at ON report_changes (at);

CREATE FUNCTION report_changes_mark(VARIADIC xs BIGINT[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO report_changes (at)
    SELECT DISTINCT x / 900000000 * 900000000 FROM unnest(xs) AS u(x) WHERE x IS NOT NULL;
$$;

CREATE FUNCTION report_changes_reopens(complaint BIGINT) RETURNS void LANGUAGE sql AS $$
    INSERT INTO report_changes (at)
    SELECT DISTINCT x / 900000000 * 900000000 FROM (
        SELECT reopened_at AS x FROM complaint_reopens WHERE complaint_id = complaint
        UNION SELECT ended_at FROM complaint_reopens WHERE complaint_id = complaint
    ) r WHERE x IS NOT NULL;
$$;

CREATE FUNCTION report_changes_complaint() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM report_changes_mark(OLD.received_at, OLD.first_resolved_at, OLD.closed_at);
        PERFORM report_changes_reopens(OLD.id);
    ELSIF (OLD.kind, OLD.customer_id, OLD.channel, OLD.category_id, OLD.product_id,
           OLD.assignee_id, OLD.tier, OLD.received_at, OLD.first_resolved_at, OLD.closed_at,
           OLD.resolved_at, OLD.merged_into, OLD.deleted_at, OLD.first_response_minutes,
           OLD.first_response_seconds, OLD.first_response_within, OLD.first_resolution_minutes,
           OLD.first_resolution_seconds, OLD.final_resolution_minutes,
           OLD.final_resolution_seconds)
          IS DISTINCT FROM
          (NEW.kind, NEW.customer_id, NEW.channel, NEW.category_id, NEW.product_id,
           NEW.assignee_id, NEW.tier, NEW.received_at, NEW.first_resolved_at, NEW.closed_at,
           NEW.resolved_at, NEW.merged_into, NEW.deleted_at, NEW.first_response_minutes,
           NEW.first_response_seconds, NEW.first_response_within, NEW.first_resolution_minutes,
           NEW.first_resolution_seconds, NEW.final_resolution_minutes,
           NEW.final_resolution_seconds) THEN
        PERFORM report_changes_mark(OLD.received_at, NEW.received_at, OLD.first_resolved_at,
            NEW.first_resolved_at, OLD.closed_at, NEW.closed_at);
        PERFORM report_changes_reopens(NEW.id);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER report_changes_complaint AFTER UPDATE OR DELETE ON complaints
FOR EACH ROW EXECUTE FUNCTION report_changes_complaint();

-- Inserts come in bulk (imports): one mark per 15 minutes per statement.
CREATE FUNCTION report_changes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO report_changes (at)
    SELECT DISTINCT x / 900000000 * 900000000 FROM (
        SELECT received_at AS x FROM inserted
        UNION ALL SELECT first_resolved_at FROM inserted
        UNION ALL SELECT closed_at FROM inserted
    ) i WHERE x IS NOT NULL;
    RETURN NULL;
END;
$$;
CREATE TRIGGER report_changes_insert AFTER INSERT ON complaints
REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION report_changes_inserted();

CREATE FUNCTION report_changes_reopen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM report_changes_mark(OLD.reopened_at, OLD.ended_at);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM report_changes_mark(NEW.reopened_at, NEW.ended_at);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER report_changes_reopen AFTER INSERT OR UPDATE OR DELETE ON complaint_reopens
FOR EACH ROW EXECUTE FUNCTION report_changes_reopen();

-- The event instants the report reads a day's complaints by (receipt and first resolution
-- have their indexes already).
CREATE INDEX complaints_closed ON complaints (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX complaint_reopens_ended ON complaint_reopens (ended_at) WHERE ended_at IS NOT NULL;
