-- Vendors (SQLite): a role whose tokens may only push the figures assigned to them.
-- SQLite cannot alter a CHECK constraint; widening it does not change how any stored row is
-- encoded, so the table's schema text is rewritten in place (SQLite's documented procedure
-- for constraint-only changes), the connection's schema reloaded, and a real DDL statement
-- bumps the schema cookie so every other connection reloads too.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (role IN (''admin'', ''manager'', ''agent'', ''viewer''))',
                       'CHECK (role IN (''admin'', ''manager'', ''agent'', ''viewer'', ''vendor''))')
WHERE type = 'table' AND name = 'employees';
PRAGMA writable_schema = RESET;
CREATE INDEX employees_role ON employees (role);
