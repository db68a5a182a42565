-- Figures (sqlite): the business's operational and vendor numbers as time series.
-- A figure's values are numerator and (for a ratio) denominator, never the ratio itself, so
-- months add up to exact quarters. Money in minor units of the figure's currency.
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    unit TEXT NOT NULL CHECK (unit IN ('count', 'seconds', 'percent', 'money')),
    currency TEXT,
    higher_is_better INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
    grain TEXT NOT NULL CHECK (grain IN ('day', 'week', 'month')),
    ratio INTEGER NOT NULL CHECK (ratio IN (0, 1)),
    -- The dimensions a value may carry, comma-separated from: product, category, vendor.
    dimensions TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL CHECK (source IN ('internal', 'vendor', 'computed')),
    vendor_name TEXT,
    -- The account (usually a vendor's) whose token pushes it, and who is told when it is stale.
    pusher_id INTEGER REFERENCES employees (id),
    owner_id INTEGER REFERENCES employees (id),
    seeded INTEGER NOT NULL DEFAULT 0 CHECK (seeded IN (0, 1)),
    created_at INTEGER NOT NULL
);

-- One value per figure, period (its first day, YYYY-MM-DD) and dimensions (canonical
-- "key=value;key=value", keys sorted; '' for none). A push or an import replaces it.
CREATE TABLE figure_values (
    id INTEGER PRIMARY KEY,
    figure_id INTEGER NOT NULL REFERENCES figures (id),
    period TEXT NOT NULL,
    dimensions TEXT NOT NULL DEFAULT '',
    numerator INTEGER NOT NULL,
    denominator INTEGER CHECK (denominator > 0),
    arrived_at INTEGER NOT NULL,
    arrived_by INTEGER REFERENCES employees (id),
    via TEXT NOT NULL CHECK (via IN ('api', 'csv', 'page')),
    UNIQUE (figure_id, period, dimensions)
);

-- The log of CSV imports of figure values (append-only).
CREATE TABLE figure_imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    inserted INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at INTEGER NOT NULL
);

INSERT INTO figures (code, name, definition, unit, higher_is_better, grain, ratio, dimensions, source, vendor_name, seeded, created_at) VALUES
('returns', 'Returns', 'Purchases in the month later marked returned (counted by purchase date).', 'count', 0, 'month', 0, '', 'computed', NULL, 1, 0),
('return_rate', 'Return rate', 'Purchases in the month marked returned ÷ all purchases in the month × 100.', 'percent', 0, 'month', 1, '', 'computed', NULL, 1, 0),
('backorders', 'Backorders', 'Order lines that could not be shipped from stock (stock-outs) in the period.', 'count', 0, 'month', 0, 'product', 'internal', NULL, 1, 0),
('internal_reject_rate', 'Internal reject rate', 'Units rejected by internal quality control ÷ units inspected × 100.', 'percent', 0, 'month', 1, 'product', 'internal', NULL, 1, 0),
('shipping_reorders_defects', 'Shipping re-orders due to defects', 'Shipments re-ordered by the shipping unit because the first was rejected for a defect.', 'count', 0, 'month', 0, 'product', 'vendor', 'Shipping unit', 1, 0),
('call_average_wait', 'Call-centre average wait', 'Total seconds callers waited for an agent ÷ calls answered.', 'seconds', 0, 'month', 1, '', 'vendor', 'Call centre', 1, 0),
('calls_abandoned', 'Calls abandoned', 'Callers who hung up before reaching an agent.', 'count', 0, 'month', 0, '', 'vendor', 'Call centre', 1, 0),
('web_feedback', 'Web-site feedback', 'Feedback messages received by the web-site administrator, by feedback category.', 'count', 0, 'month', 0, 'category', 'vendor', 'Web-site administrator', 1, 0);

CREATE TRIGGER figure_imports_no_update BEFORE UPDATE ON figure_imports
BEGIN SELECT RAISE(ABORT, 'the figure import log is append-only'); END;
CREATE TRIGGER figure_imports_no_delete BEFORE DELETE ON figure_imports
BEGIN SELECT RAISE(ABORT, 'the figure import log is append-only'); END;
