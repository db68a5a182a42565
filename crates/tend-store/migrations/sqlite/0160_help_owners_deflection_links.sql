-- Help centre, part two: each article's owner and next review date (the review reminder mails
-- the owner once per date), the two-step complaint form's deflection events (append-only) and
-- the complaints an article was linked to (by an agent, or by the customer who read it before
-- sending the complaint).
ALTER TABLE help_articles ADD COLUMN owner_id INTEGER REFERENCES employees (id);
-- YYYY-MM-DD in the company's zone, or NULL for none.
ALTER TABLE help_articles ADD COLUMN review_on TEXT;

CREATE TABLE help_deflections (
    id INTEGER PRIMARY KEY,
    -- one visit of the two-step form, a random token carried by its hidden field
    flow TEXT NOT NULL,
    -- shown | solved | sent
    event TEXT NOT NULL,
    article_id INTEGER REFERENCES help_articles (id),
    category_id INTEGER REFERENCES categories (id),
    lang TEXT NOT NULL,
    -- the complaint sent (event `sent` only)
    complaint_id INTEGER REFERENCES complaints (id),
    at INTEGER NOT NULL
);
CREATE INDEX help_deflections_event ON help_deflections (event, flow);
CREATE TRIGGER help_deflections_no_update BEFORE UPDATE ON help_deflections
BEGIN SELECT RAISE(ABORT, 'deflection events are append-only'); END;
CREATE TRIGGER help_deflections_no_delete BEFORE DELETE ON help_deflections
BEGIN SELECT RAISE(ABORT, 'deflection events are append-only'); END;

CREATE TABLE help_links (
    article_id INTEGER NOT NULL REFERENCES help_articles (id),
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    -- NULL: the customer read it before sending the complaint
    linked_by INTEGER REFERENCES employees (id),
    linked_at INTEGER NOT NULL,
    PRIMARY KEY (article_id, complaint_id)
);
CREATE INDEX help_links_complaint ON help_links (complaint_id);
