//! Dead jobs — given up on after their last attempt — for admins: listed with the reason they
//! died, retried (due again at once, with fresh attempts) or discarded.

use jiff::Timestamp;
use sqlx::Row;

use super::JobId;
use crate::kernel::error::StoreResult;
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// A job that will not run again unless retried.
#[derive(Debug, Clone, PartialEq)]
pub struct DeadJob {
    pub id: JobId,
    /// The job's kind as registered by the app (e.g. `deliver`).
    pub kind: String,
    /// How many times it was tried.
    pub attempts: i64,
    /// The last attempt's error, as the handler wrote it (at most 2,000 characters).
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    /// When it was given up on.
    pub died_at: Timestamp,
}

impl Store {
    /// The dead jobs, the most recently dead first, at most `limit` of them.
    pub async fn dead_jobs(&self, limit: u32) -> StoreResult<Vec<DeadJob>> {
        let rows = sqlx::query(
            "SELECT id, kind, attempts, last_error, created_at, done_at FROM jobs \
             WHERE dead = 1 ORDER BY done_at DESC, id DESC LIMIT $1",
        )
        .bind(i64::from(limit))
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DeadJob {
                    id: JobId(r.try_get("id")?),
                    kind: r.try_get("kind")?,
                    attempts: r.try_get("attempts")?,
                    last_error: r.try_get("last_error")?,
                    created_at: ts(r.try_get("created_at")?),
                    died_at: ts(r.try_get("done_at")?),
                })
            })
            .collect()
    }

    /// Makes dead job `id` due at `now` with its attempts reset (its dedupe key kept); `false`
    /// if no dead job has that id (it was retried or discarded meanwhile).
    pub async fn retry_dead_job(&self, id: JobId, now: Timestamp) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE jobs SET dead = 0, done_at = NULL, attempts = 0, run_at = $2, \
             locked_by = NULL, locked_until = NULL WHERE id = $1 AND dead = 1",
        )
        .bind(id.0)
        .bind(us(now))
        .execute(self.write())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Deletes dead job `id`; `false` if no dead job has that id.
    pub async fn discard_dead_job(&self, id: JobId) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM jobs WHERE id = $1 AND dead = 1")
            .bind(id.0)
            .execute(self.write())
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
