-- The figures the owner pins to the dashboard (postgres): one row per pinned figure, in the
-- order pinned. Pinning and unpinning are audited in `staff_audit` in the same transaction.
CREATE TABLE dashboard_pins (
    figure_id BIGINT PRIMARY KEY REFERENCES figures (id),
    pinned_by BIGINT REFERENCES employees (id),
    pinned_at BIGINT NOT NULL
);
