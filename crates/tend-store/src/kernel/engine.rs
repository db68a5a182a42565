//! Which database a store runs on: the one value every dialect split (placeholders, full-text
//! search, backup, job claiming) matches on.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}
