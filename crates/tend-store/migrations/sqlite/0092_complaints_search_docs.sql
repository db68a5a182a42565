-- Each complaint's search document as text: the tokens Tend makes in Rust, each with a space
-- before it, so that a search for common words can walk complaints newest first and test each
-- one with instr(doc, ' word') (a token starting with the word) instead of asking FTS5, whose
-- prefix queries read every posting of every matching term. Filled by Tend at start-up (the
-- search folding version is raised with it) and kept with the FTS5 table.
CREATE TABLE complaint_docs (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL
);
