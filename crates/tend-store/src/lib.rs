//! Tend's persistence: one query layer over SQLite (embedded default) and PostgreSQL.
//!
//! Queries go through sqlx's `Any` driver, so each is written once. Both schemas use the same
//! column encoding (instants as UTC microseconds in 64-bit integers, flags as 0/1), which is
//! what lets one query and one row mapping serve both engines. Where the engines really differ
//! (full-text search, backup) the SQL is chosen by [`Engine`] in one place.

mod auth;
mod catalog;
mod channel_settings;
mod complaints;
mod customers;
mod error;
mod intake;
mod jobs;
mod list;
mod mail_log;
mod names;
mod search;
mod sessions;
mod sql;
mod status_links;
mod store;
pub mod testing;
mod time;
mod transactions;

pub use auth::{AuthedEmployee, hash_password, new_password, new_token, verify_password};
pub use complaints::{Actor, Complaint, ImportOutcome};
pub use customers::{CustomerPage, StoredCustomer};
pub use error::{StoreError, StoreResult};
pub use jobs::{
    DEFAULT_MAX_ATTEMPTS, Handled, Job, JobCounts, JobError, JobId, NewJob, RunOutcome, backoff,
    run_due,
};
pub use list::{ComplaintFilter, ComplaintPage, Cursor};
pub use mail_log::SentMail;
pub use sessions::{Invite, Session};
pub use store::{Engine, Store, StoreOptions};
pub use transactions::{RETENTION_GRACE, RetentionPlan, StoredTransaction, unknown_customer};
