//! The store's one error type. Policy: callers see `NotFound`, `Invalid` (a field and a reason),
//! `Conflict` (a lost race or a duplicate) or `Database` (our fault, logged, never shown raw).

use tend_domain::kernel::reason::{Reason, ReasonKind};
use tend_domain::{DomainError, FieldErrors};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("conflict on {field}: {reason}")]
    Conflict { field: &'static str, reason: Reason },
    #[error("the writer is shutting down")]
    Closed,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl StoreError {
    pub fn invalid(errors: FieldErrors) -> Self {
        StoreError::Domain(DomainError::Invalid(errors))
    }

    /// A file beside the database could not be read or written (attachments' bytes).
    pub fn io(e: std::io::Error) -> Self {
        StoreError::Database(sqlx::Error::Io(e))
    }

    pub fn field(field: &str, reason: impl Into<Reason>) -> Self {
        Self::invalid(FieldErrors::single(field, reason))
    }

    /// Maps a unique-constraint violation onto the field the caller sent; anything else stays a
    /// database error.
    pub(crate) fn unique(e: sqlx::Error, field: &'static str, reason: ReasonKind) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict {
                field,
                reason: reason.into(),
            },
            _ => StoreError::Database(e),
        }
    }
}
