-- Search documents hold the tokens Tend makes in Rust (tend_domain::kernel::search_text):
-- folded, split, codes kept whole and split. The `ascii` tokenizer only splits them at the
-- spaces between them (every non-ASCII character is a token character), so SQLite adds no
-- folding of its own and matches PostgreSQL exactly. The documents are rebuilt by Tend at
-- start-up (`search_index` says which folding version the index holds; none yet).
DROP TABLE complaint_fts;
CREATE VIRTUAL TABLE complaint_fts USING fts5 (
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii'
);
CREATE TABLE search_index (
    name TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
