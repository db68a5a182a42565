-- Canned replies (SQLite): a saved reply per language (en|es|tr) with the placeholders
-- {name} and {reference}; `created_at` is UTC microseconds. A title is unique per language.
CREATE TABLE canned_replies (
    id INTEGER PRIMARY KEY,
    language TEXT NOT NULL CHECK (language IN ('en', 'es', 'tr')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES employees (id),
    created_at INTEGER NOT NULL,
    UNIQUE (language, title)
);
