-- Help centre (tier 0 self-service): articles, their translations (one row per language; a
-- missing language has no row), every saved version (append-only), the "did this help?"
-- outcomes and the public searches (both append-only).
CREATE TABLE help_articles (
    id INTEGER PRIMARY KEY,
    -- draft | internal | public
    visibility TEXT NOT NULL,
    -- en | es | tr: the language the others are translated from
    source_lang TEXT NOT NULL,
    category_id INTEGER REFERENCES categories (id),
    product_id INTEGER REFERENCES products (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE help_translations (
    article_id INTEGER NOT NULL REFERENCES help_articles (id),
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    -- draft | published
    status TEXT NOT NULL,
    -- 1, 2, … : one more on every save
    version INTEGER NOT NULL,
    -- the source translation's version this one was made from
    source_version INTEGER NOT NULL,
    -- title and body folded for search (case, accents, Turkish dotted/dotless i)
    folded TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, lang)
);
CREATE INDEX help_translations_lang ON help_translations (lang, status);

CREATE TABLE help_versions (
    article_id INTEGER NOT NULL REFERENCES help_articles (id),
    lang TEXT NOT NULL,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    source_version INTEGER NOT NULL,
    saved_by INTEGER REFERENCES employees (id),
    saved_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, lang, version)
);
CREATE TRIGGER help_versions_no_update BEFORE UPDATE ON help_versions
BEGIN SELECT RAISE(ABORT, 'article history is append-only'); END;
CREATE TRIGGER help_versions_no_delete BEFORE DELETE ON help_versions
BEGIN SELECT RAISE(ABORT, 'article history is append-only'); END;

CREATE TABLE help_feedback (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES help_articles (id),
    category_id INTEGER REFERENCES categories (id),
    lang TEXT NOT NULL,
    -- 1: it helped; 0: I still need help
    helped INTEGER NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX help_feedback_article ON help_feedback (article_id);
CREATE TRIGGER help_feedback_no_update BEFORE UPDATE ON help_feedback
BEGIN SELECT RAISE(ABORT, 'help outcomes are append-only'); END;
CREATE TRIGGER help_feedback_no_delete BEFORE DELETE ON help_feedback
BEGIN SELECT RAISE(ABORT, 'help outcomes are append-only'); END;

CREATE TABLE help_searches (
    id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    query TEXT NOT NULL,
    folded TEXT NOT NULL,
    results INTEGER NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX help_searches_empty ON help_searches (results, folded);
CREATE TRIGGER help_searches_no_update BEFORE UPDATE ON help_searches
BEGIN SELECT RAISE(ABORT, 'help searches are append-only'); END;
CREATE TRIGGER help_searches_no_delete BEFORE DELETE ON help_searches
BEGIN SELECT RAISE(ABORT, 'help searches are append-only'); END;
