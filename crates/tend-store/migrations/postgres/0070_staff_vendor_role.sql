-- Vendors (PostgreSQL): a role whose tokens may only push the figures assigned to them.
ALTER TABLE employees DROP CONSTRAINT employees_role_check;
ALTER TABLE employees ADD CONSTRAINT employees_role_check
    CHECK (role IN ('admin', 'manager', 'agent', 'viewer', 'vendor'));
CREATE INDEX employees_role ON employees (role);
