-- The figures the owner pins to the dashboard (sqlite): one row per pinned figure, in the order
-- pinned. Pinning and unpinning are audited in `staff_audit` in the same transaction.
CREATE TABLE dashboard_pins (
    figure_id INTEGER PRIMARY KEY REFERENCES figures (id),
    pinned_by INTEGER REFERENCES employees (id),
    pinned_at INTEGER NOT NULL
);
