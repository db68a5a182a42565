//! Ending a run: every way a claimed job can end (done, deferred, failed, given up), as one
//! statement each that only applies while the worker still holds the job. A runner ends a
//! whole batch in one transaction — one commit, so one disk flush, for the batch.

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};

use super::{JobId, MAX_ERROR_CHARS, backoff};
use crate::error::StoreResult;
use crate::store::Store;
use crate::time::us;

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finish {
    /// Complete — unless nudged while it ran: then released to run again at once.
    Done,
    /// Released to run at this instant, no attempt counted (unless nudged meanwhile).
    Defer(Timestamp),
    /// Failed: retried after [`backoff`], or dead at its last attempt.
    Retry(String),
    /// Failed for good: dead now.
    GiveUp(String),
}

/// What finishing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    Applied,
    /// Failed for the last time (or given up on): the job is dead.
    Dead,
    /// The worker no longer held the job; nothing changed.
    Lost,
}

fn cut(error: &str) -> String {
    error.chars().take(MAX_ERROR_CHARS).collect()
}

/// Ends job `id`, which `worker` claimed after `attempts` failed runs.
pub(crate) async fn finish_one(
    conn: &mut AnyConnection,
    worker: &str,
    id: JobId,
    attempts: i64,
    how: &Finish,
    now: Timestamp,
) -> StoreResult<Finished> {
    const HELD: &str = "WHERE id = $2 AND locked_by = $3 AND done_at IS NULL";
    let q = match how {
        Finish::Done => sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE jobs SET done_at = CASE WHEN nudged = 1 THEN NULL ELSE $1 END, \
             locked_by = CASE WHEN nudged = 1 THEN NULL ELSE locked_by END, \
             locked_until = NULL, nudged = 0 {HELD} RETURNING dead"
        )))
        .bind(us(now)),
        Finish::Defer(at) => sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE jobs SET run_at = CASE WHEN nudged = 1 THEN run_at ELSE $1 END, nudged = 0, \
             locked_by = NULL, locked_until = NULL {HELD} RETURNING dead"
        )))
        .bind(us(*at)),
        Finish::Retry(error) => sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE jobs SET last_error = $1, attempts = attempts + 1, \
             locked_by = NULL, locked_until = NULL, \
             dead = CASE WHEN attempts + 1 >= max_attempts THEN 1 ELSE 0 END, \
             done_at = CASE WHEN attempts + 1 >= max_attempts THEN $4 ELSE NULL END, \
             run_at = CASE WHEN attempts + 1 >= max_attempts THEN $4 ELSE $5 END \
             {HELD} AND attempts = $6 RETURNING dead"
        )))
        .bind(cut(error)),
        Finish::GiveUp(error) => sqlx::query(sqlx::AssertSqlSafe(format!(
            "UPDATE jobs SET last_error = $1, attempts = attempts + 1, locked_by = NULL, \
             locked_until = NULL, done_at = $4, dead = 1 {HELD} RETURNING dead"
        )))
        .bind(cut(error)),
    };
    let mut q = q.bind(id.0).bind(worker.to_owned());
    match how {
        Finish::Retry(_) => {
            q = q
                .bind(us(now))
                .bind(us(now + backoff(attempts + 1)))
                .bind(attempts)
        }
        Finish::GiveUp(_) => q = q.bind(us(now)),
        Finish::Done | Finish::Defer(_) => {}
    }
    let row = q.fetch_optional(&mut *conn).await?;
    Ok(match row {
        None => Finished::Lost,
        Some(r) if r.try_get::<i64, _>("dead")? == 1 => {
            tracing::warn!(job = id.0, "job failed for the last time; it is dead");
            Finished::Dead
        }
        Some(_) => Finished::Applied,
    })
}

impl Store {
    /// Ends a batch of runs in one transaction: `(job, attempts when claimed, how)` each.
    pub async fn finish_batch(
        &self,
        worker: &str,
        runs: &[(JobId, i64, Finish)],
        now: Timestamp,
    ) -> StoreResult<Vec<Finished>> {
        let mut tx = self.write().begin().await?;
        let mut out = Vec::with_capacity(runs.len());
        for (id, attempts, how) in runs {
            out.push(finish_one(&mut tx, worker, *id, *attempts, how, now).await?);
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Ends one run (see [`Finish`]) outside any batch.
    pub(crate) async fn finish(
        &self,
        worker: &str,
        id: JobId,
        attempts: i64,
        how: &Finish,
        now: Timestamp,
    ) -> StoreResult<Finished> {
        let mut conn = self.write().acquire().await?;
        finish_one(&mut conn, worker, id, attempts, how, now).await
    }
}
