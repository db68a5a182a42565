-- Help centre search through the kernel's search index: one document per translation (an
-- article in one language), its title and body as the tokens Tend makes in Rust
-- (tend_domain::kernel::search_text), the language a column of its own. The rowid is the
-- translation's key, article id × 4 + the language's place in en, es, tr, so that FTS5's rowid
-- order is the public search's order (by article). Every translation is indexed; the public
-- rule is applied by the queries. Filled by Tend at start-up (`search_index` row `help`).
CREATE VIRTUAL TABLE help_fts USING fts5 (
    lang,
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'ascii'
);
