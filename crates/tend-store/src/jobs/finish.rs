//! Ending a run: every way a claimed job can end (done, deferred, failed, given up), as one
//! statement each that only applies while the worker still holds the job. A runner ends a
//! whole batch in one transaction — one commit, so one disk flush — and the common endings
//! (done, deferred) in one statement each for the batch.

use std::collections::HashSet;

use jiff::Timestamp;
use sqlx::{AnyConnection, Row};

use super::{JobId, MAX_ERROR_CHARS, backoff};
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::store::Store;

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

/// Runs `update` (an `UPDATE jobs SET …` without its `WHERE`) on the jobs `ids` that `worker`
/// still holds, marking those it changed as applied in `out`.
async fn applied(
    conn: &mut AnyConnection,
    mut update: Sql,
    worker: &str,
    ids: &[(usize, JobId)],
    out: &mut [Finished],
) -> StoreResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    update.push(" WHERE locked_by = ").bind(worker.to_owned());
    update.push(" AND done_at IS NULL AND id IN (");
    for (n, (_, id)) in ids.iter().enumerate() {
        if n > 0 {
            update.push(", ");
        }
        update.bind(id.0);
    }
    update.push(") RETURNING id");
    let rows = update.build().fetch_all(&mut *conn).await?;
    let changed: HashSet<i64> = rows
        .iter()
        .map(|r| r.try_get::<i64, _>("id"))
        .collect::<Result<_, _>>()?;
    for (i, id) in ids {
        if changed.contains(&id.0) {
            out[*i] = Finished::Applied;
        }
    }
    Ok(())
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
        let mut out = vec![Finished::Lost; runs.len()];
        // The common endings — done and deferred — take one statement each for the batch.
        let done: Vec<(usize, JobId)> = runs
            .iter()
            .enumerate()
            .filter(|(_, r)| r.2 == Finish::Done)
            .map(|(i, r)| (i, r.0))
            .collect();
        let mut sql = Sql::new(
            self.engine(),
            "UPDATE jobs SET done_at = CASE WHEN nudged = 1 THEN NULL ELSE ",
        );
        sql.bind(us(now)).push(
            " END, locked_by = CASE WHEN nudged = 1 THEN NULL ELSE locked_by END, \
             locked_until = NULL, nudged = 0",
        );
        applied(&mut tx, sql, worker, &done, &mut out).await?;
        let deferred: Vec<(usize, JobId, Timestamp)> = runs
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match r.2 {
                Finish::Defer(at) => Some((i, r.0, at)),
                _ => None,
            })
            .collect();
        let mut sql = Sql::new(
            self.engine(),
            "UPDATE jobs SET run_at = CASE WHEN nudged = 1 THEN run_at ELSE CASE id",
        );
        for (_, id, at) in &deferred {
            sql.push(" WHEN ").bind(id.0).push(" THEN ").bind(us(*at));
        }
        sql.push(" END END, nudged = 0, locked_by = NULL, locked_until = NULL");
        let ids: Vec<(usize, JobId)> = deferred.iter().map(|(i, id, _)| (*i, *id)).collect();
        applied(&mut tx, sql, worker, &ids, &mut out).await?;
        // Failures are rare: one statement each.
        for (i, (id, attempts, how)) in runs.iter().enumerate() {
            if matches!(how, Finish::Retry(_) | Finish::GiveUp(_)) {
                out[i] = finish_one(&mut tx, worker, *id, *attempts, how, now).await?;
            }
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
