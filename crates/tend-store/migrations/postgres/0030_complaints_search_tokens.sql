-- Search documents hold the tokens Tend makes in Rust (tend_domain::kernel::search_text):
-- folded, split, codes kept whole and split. They are written as tsvector literals, never
-- parsed by a text search configuration, so PostgreSQL adds no folding of its own and matches
-- SQLite exactly. The documents are rebuilt by Tend at start-up (`search_index` says which
-- folding version the index holds; none yet).
DELETE FROM complaint_search;
CREATE TABLE search_index (
    name TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
