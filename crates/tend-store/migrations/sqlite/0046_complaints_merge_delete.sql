-- Merging and deleting complaints (both kept as rows: nothing is ever removed from the table).
-- `merged_into`: set once, when a customer's second complaint about one problem is merged into
-- the first; the merged row and its timeline stay, and its reference and status link lead to
-- the complaint it was merged into. `deleted_*`: a manager's soft delete (who, when, why);
-- hidden from lists, search and reads. `purged_at`: when the purge job erased its text after the
-- retention period; the row stays as a tombstone (ids, dates, status, category, customer) so
-- counts behind goals and rankings do not change. The purge opens the timeline's existing
-- narrow erasure exception by recording itself in the append-only `complaint_anonymisations`
-- log first (as anonymisation does, migrations 0021 and 0045): no trigger is loosened here.
ALTER TABLE complaints ADD COLUMN merged_into INTEGER REFERENCES complaints (id);
ALTER TABLE complaints ADD COLUMN merged_at INTEGER;
ALTER TABLE complaints ADD COLUMN deleted_at INTEGER;
ALTER TABLE complaints ADD COLUMN deleted_by INTEGER REFERENCES employees (id);
ALTER TABLE complaints ADD COLUMN delete_reason TEXT;
ALTER TABLE complaints ADD COLUMN purged_at INTEGER;
CREATE INDEX complaints_merged_into ON complaints (merged_into) WHERE merged_into IS NOT NULL;
