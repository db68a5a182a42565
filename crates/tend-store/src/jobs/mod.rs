//! The durable job queue: background work (follow-up e-mails, retention contacts, SLA warnings)
//! stored in `jobs`, claimed under a lease, retried with exponential backoff, deduplicated.
//!
//! A job's life: [`Store::enqueue`] stores it pending (`done_at` NULL) with a `run_at`;
//! [`Store::claim`] leases due jobs to a worker until `locked_until`; the worker then either
//! [`Store::complete`]s it (`done_at` set) or [`Store::fail`]s it (`attempts` + 1, the lease
//! released, `run_at` moved on by [`backoff`]). A job that fails for the `max_attempts`-th time is
//! *dead*: `done_at` set and the `dead` flag 1, with its `last_error` kept, never retried.
//!
//! Handlers run at least once: a worker that crashes (or overruns its lease) leaves a job that
//! another worker claims again once the lease runs out, so handlers must be idempotent. The old
//! worker's `complete` or `fail` then finds the job leased to someone else and changes nothing.
//! Worker names must therefore be unique among running workers (e.g. host, pid and a random part).
//!
//! Payloads and error texts are stored, never logged: they may hold customers' data.

use tend_domain::kernel::reason::*;
mod claim;
mod dead;
mod finish;
mod reschedule;
mod runner;

pub use dead::DeadJob;
pub use finish::{Finish, Finished};
pub use runner::{Handled, JobError, RunOutcome, run_due};

use jiff::{SignedDuration, Timestamp};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::{Statements, V};
use crate::kernel::time::{ts, us};
use crate::store::Store;

/// How often a job is tried before it is dead, unless enqueued with another limit.
pub const DEFAULT_MAX_ATTEMPTS: i64 = 5;

/// Longest stored `last_error`, in characters; longer texts are cut.
const MAX_ERROR_CHARS: usize = 2000;

/// A job's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobId(pub i64);

impl std::fmt::Display for JobId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A claimed job, as its handler sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: JobId,
    pub kind: String,
    pub payload: serde_json::Value,
    /// Failed attempts before this one (0 on the first run).
    pub attempts: i64,
    pub run_at: Timestamp,
}

/// How many jobs are in each state (for tests, metrics and health pages).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobCounts {
    /// Not finished and not under a live lease: due now or later.
    pub waiting: i64,
    /// Not finished and leased to a worker until after `now`.
    pub leased: i64,
    pub completed: i64,
    /// Failed `max_attempts` times; kept with their last error, never retried.
    pub dead: i64,
}

/// The wait after the `attempts`-th failure: 30 s, doubled per further failure, at most 1 h.
pub fn backoff(attempts: i64) -> SignedDuration {
    let doublings = attempts.clamp(1, 8) - 1; // 30 s · 2^7 is past the cap already
    SignedDuration::from_secs(30 << doublings).min(SignedDuration::from_hours(1))
}

fn check_kind(kind: &str) -> StoreResult<()> {
    if kind.is_empty() || kind.len() > 100 {
        return Err(StoreError::field(
            "kind",
            DETAIL.with("detail", "must be 1 to 100 bytes"),
        ));
    }
    Ok(())
}

pub(super) fn job_from_row(row: &AnyRow) -> StoreResult<Job> {
    let payload: String = row.try_get("payload")?;
    let payload = serde_json::from_str(&payload).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(Job {
        id: JobId(row.try_get("id")?),
        kind: row.try_get("kind")?,
        payload,
        attempts: row.try_get("attempts")?,
        run_at: ts(row.try_get("run_at")?),
    })
}

impl Store {
    /// Stores a job to run at `run_at` (or as soon as a worker is free, if that has passed) and
    /// be tried up to [`DEFAULT_MAX_ATTEMPTS`] times. With a `dedupe_key` stored already — the
    /// same event scheduled twice — nothing is stored and the answer is `None`.
    pub async fn enqueue(
        &self,
        kind: &str,
        payload: &serde_json::Value,
        run_at: Timestamp,
        dedupe_key: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<Option<JobId>> {
        self.enqueue_with_attempts(kind, payload, run_at, dedupe_key, DEFAULT_MAX_ATTEMPTS, now)
            .await
    }

    /// [`Store::enqueue`] with its own limit of attempts (at least 1).
    pub async fn enqueue_with_attempts(
        &self,
        kind: &str,
        payload: &serde_json::Value,
        run_at: Timestamp,
        dedupe_key: Option<&str>,
        max_attempts: i64,
        now: Timestamp,
    ) -> StoreResult<Option<JobId>> {
        check_kind(kind)?;
        if max_attempts < 1 {
            return Err(StoreError::field(
                "max_attempts",
                DETAIL.with("detail", "must be at least 1"),
            ));
        }
        if dedupe_key.is_some_and(str::is_empty) {
            return Err(StoreError::field("dedupe_key", EMPTY));
        }
        let row = sqlx::query(
            "INSERT INTO jobs (kind, payload, run_at, max_attempts, created_at, dedupe_key) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
        )
        .bind(kind.to_owned())
        .bind(payload.to_string())
        .bind(us(run_at))
        .bind(max_attempts)
        .bind(us(now))
        .bind(dedupe_key.map(str::to_owned))
        .fetch_optional(self.write())
        .await?;
        Ok(match row {
            Some(row) => Some(JobId(row.try_get("id")?)),
            None => None,
        })
    }

    /// Marks a job done, if `worker` still holds it (even past its lease, as long as nobody has
    /// claimed it since); `false` when it passed to another worker, who runs the job again, or
    /// the job is finished already. A job [nudged](Store::nudge) while it ran is not done but
    /// released to run again, since what its handler read has changed.
    pub async fn complete(&self, id: JobId, worker: &str, now: Timestamp) -> StoreResult<bool> {
        let done = self.finish(worker, id, 0, &Finish::Done, now).await?;
        Ok(done != Finished::Lost)
    }

    /// Records a failed run: `attempts` + 1, the error kept, the lease released, and the job
    /// retried after [`backoff`] — or, at its `max_attempts`-th failure, marked dead. A `worker`
    /// that no longer holds the job gets `Conflict` on `lease`, and nothing changes.
    pub async fn fail(
        &self,
        id: JobId,
        worker: &str,
        error: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        let row = sqlx::query(
            "SELECT attempts FROM jobs WHERE id = $1 AND locked_by = $2 AND done_at IS NULL",
        )
        .bind(id.0)
        .bind(worker.to_owned())
        .fetch_optional(self.write())
        .await?
        .ok_or_else(|| reschedule::lost(id))?;
        let attempts = row.try_get::<i64, _>("attempts")?;
        let how = Finish::Retry(error.to_owned());
        match self.finish(worker, id, attempts, &how, now).await? {
            Finished::Lost => Err(reschedule::lost(id)),
            Finished::Applied | Finished::Dead => Ok(()),
        }
    }

    /// Jobs not finished yet, due or not, leased or not.
    pub async fn pending_jobs(&self) -> StoreResult<i64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM jobs WHERE done_at IS NULL")
            .fetch_one(self.read())
            .await?;
        Ok(row.try_get("n")?)
    }

    /// How many jobs are in each state at `now`.
    pub async fn job_counts(&self, now: Timestamp) -> StoreResult<JobCounts> {
        let row = sqlx::query(
            "SELECT \
             COUNT(*) FILTER (WHERE done_at IS NULL AND (locked_until IS NULL OR locked_until <= $1)) AS waiting, \
             COUNT(*) FILTER (WHERE done_at IS NULL AND locked_until > $1) AS leased, \
             COUNT(*) FILTER (WHERE done_at IS NOT NULL AND dead = 0) AS completed, \
             COUNT(*) FILTER (WHERE dead = 1) AS dead \
             FROM jobs",
        )
        .bind(us(now))
        .fetch_one(self.read())
        .await?;
        Ok(JobCounts {
            waiting: row.try_get("waiting")?,
            leased: row.try_get("leased")?,
            completed: row.try_get("completed")?,
            dead: row.try_get("dead")?,
        })
    }

    /// The last error of a job, and whether it is dead (`None` for an unknown job).
    pub async fn job_error(&self, id: JobId) -> StoreResult<Option<(Option<String>, bool)>> {
        let row = sqlx::query("SELECT last_error, dead FROM jobs WHERE id = $1")
            .bind(id.0)
            .fetch_optional(self.read())
            .await?;
        row.map(|r| Ok((r.try_get("last_error")?, r.try_get::<i64, _>("dead")? == 1)))
            .transpose()
    }
}

/// A job to store beside the write that sets it off (in the same transaction). The app's
/// typed jobs make these (`tend_app::jobs::new_job`); the store never names a kind or key.
#[derive(Debug, Clone, PartialEq)]
pub struct NewJob {
    pub kind: String,
    pub payload: serde_json::Value,
    pub run_at: Timestamp,
    pub dedupe_key: String,
}

/// Stores `jobs` in multi-row statements; a dedupe key stored already is skipped.
pub(crate) async fn insert_many(
    conn: &mut AnyConnection,
    engine: Engine,
    jobs: &[NewJob],
    now: Timestamp,
) -> sqlx::Result<()> {
    let mut st = Statements::new(engine);
    push_many(&mut st, jobs, now);
    st.execute(conn).await
}

/// [`insert_many`]'s statements, added to `st` (sent with the caller's other writes).
pub(crate) fn push_many(st: &mut Statements, jobs: &[NewJob], now: Timestamp) {
    for chunk in jobs.chunks(500) {
        let sql = st.next(
            "INSERT INTO jobs (kind, payload, run_at, max_attempts, created_at, dedupe_key) VALUES ",
        );
        for (n, job) in chunk.iter().enumerate() {
            sql.push_tuple(
                n,
                [
                    V::from(job.kind.clone()),
                    V::from(job.payload.to_string()),
                    V::from(us(job.run_at)),
                    V::from(DEFAULT_MAX_ATTEMPTS),
                    V::from(us(now)),
                    V::from(job.dedupe_key.clone()),
                ],
            );
        }
        sql.push(" ON CONFLICT (dedupe_key) DO NOTHING");
    }
}
