//! What every capability stands on: the engine choice, the one error type, instants as
//! microseconds, the dynamic SQL builder and the full-text search dialect split. Nothing here
//! knows a capability or the `Store` handle.

pub(crate) mod engine;
pub(crate) mod error;
pub(crate) mod search;
pub(crate) mod sql;
pub(crate) mod sqlite_raw;
pub(crate) mod state;
pub(crate) mod time;
