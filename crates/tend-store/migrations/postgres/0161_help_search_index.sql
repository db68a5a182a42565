-- Help centre search through the kernel's search index: one document per translation (an
-- article in one language), its title and body as the tokens Tend makes in Rust
-- (tend_domain::kernel::search_text), written as a tsvector literal (no text search
-- configuration parses it). Keyed by language first, so that a search in one language can walk
-- its articles in order; GIN for rare words. Every translation is indexed; the public rule is
-- applied by the queries. Filled by Tend at start-up (`search_index` row `help`).
CREATE TABLE help_search (
    lang TEXT NOT NULL,
    article_id BIGINT NOT NULL REFERENCES help_articles (id),
    doc TSVECTOR NOT NULL,
    PRIMARY KEY (lang, article_id)
);
CREATE INDEX help_search_doc ON help_search USING GIN (doc);
ALTER TABLE help_search ALTER COLUMN doc SET STATISTICS 1000;
