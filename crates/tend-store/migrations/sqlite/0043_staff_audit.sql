-- The audit log of staff actions: who changed a role, created or revoked tokens, deactivated or
-- reactivated an employee, or set a channel's hours or response standards, and when. Written in
-- the same transaction as the change; append-only (triggers refuse UPDATE and DELETE).
CREATE TABLE staff_audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor_id INTEGER REFERENCES employees (id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX staff_audit_at ON staff_audit (at, id);
CREATE TRIGGER staff_audit_no_update BEFORE UPDATE ON staff_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER staff_audit_no_delete BEFORE DELETE ON staff_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
