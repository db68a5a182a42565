//! Moving jobs in time: a handler deferring its own job (a message that must wait for opening
//! hours), an event bringing waiting jobs forward ([`Store::nudge`]), and giving up at once.

use jiff::Timestamp;
use tend_domain::kernel::reason::*;

use super::{Finish, Finished, JobId};
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::store::Store;

impl Store {
    /// Releases job `id` to run again at `at`, without counting an attempt — unless it was
    /// [nudged](Store::nudge) since it was claimed, in which case it keeps the nudged (earlier)
    /// time, so the handler looks again with what changed. `Conflict` on `lease` if `worker`
    /// no longer holds it.
    pub async fn defer(&self, id: JobId, worker: &str, at: Timestamp) -> StoreResult<()> {
        match self.finish(worker, id, 0, &Finish::Defer(at), at).await? {
            Finished::Lost => Err(lost(id)),
            _ => Ok(()),
        }
    }

    /// Marks a job dead at once, keeping `error`: for failures no retry can mend (an address
    /// the mail server refuses). `Conflict` on `lease` if `worker` no longer holds it.
    pub async fn give_up(
        &self,
        id: JobId,
        worker: &str,
        error: &str,
        now: Timestamp,
    ) -> StoreResult<()> {
        let how = Finish::GiveUp(error.to_owned());
        match self.finish(worker, id, 0, &how, now).await? {
            Finished::Lost => Err(lost(id)),
            _ => Ok(()),
        }
    }

    /// Brings the unfinished jobs with these dedupe keys forward to `now` (jobs due earlier keep
    /// their time) and flags them nudged, so a handler running one right now does not push it
    /// back with what it read before the change. Returns how many jobs it touched.
    pub async fn nudge(&self, dedupe_keys: &[String], now: Timestamp) -> StoreResult<u64> {
        if dedupe_keys.is_empty() {
            return Ok(0);
        }
        let mut sql = Sql::new(
            self.engine(),
            "UPDATE jobs SET nudged = 1, run_at = CASE WHEN run_at > ",
        );
        sql.bind(us(now)).push(" THEN ");
        sql.bind(us(now))
            .push(" ELSE run_at END WHERE done_at IS NULL AND dedupe_key IN (");
        for (i, key) in dedupe_keys.iter().enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(key.clone());
        }
        sql.push(")");
        Ok(sql.build().execute(self.write()).await?.rows_affected())
    }

    /// Makes sure a job with `dedupe_key` will run at `run_at` or sooner: stores it if it is
    /// new, brings a waiting one forward, and re-opens a finished one (attempts and error
    /// cleared) — for watchers that must look again whenever their subject changes.
    pub async fn rearm(
        &self,
        kind: &str,
        payload: &serde_json::Value,
        dedupe_key: &str,
        run_at: Timestamp,
        now: Timestamp,
    ) -> StoreResult<()> {
        super::check_kind(kind)?;
        sqlx::query(
            "INSERT INTO jobs (kind, payload, run_at, max_attempts, created_at, dedupe_key) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dedupe_key) DO UPDATE SET \
             run_at = CASE WHEN jobs.done_at IS NULL AND jobs.run_at < excluded.run_at \
             THEN jobs.run_at ELSE excluded.run_at END, \
             done_at = NULL, dead = 0, attempts = 0, last_error = NULL, nudged = 1",
        )
        .bind(kind.to_owned())
        .bind(payload.to_string())
        .bind(us(run_at))
        .bind(super::DEFAULT_MAX_ATTEMPTS)
        .bind(us(now))
        .bind(dedupe_key.to_owned())
        .execute(self.write())
        .await?;
        Ok(())
    }

    /// The run time of the unfinished job with this dedupe key, if there is one.
    pub async fn pending_job_at(&self, dedupe_key: &str) -> StoreResult<Option<Timestamp>> {
        use sqlx::Row;
        let row = sqlx::query("SELECT run_at FROM jobs WHERE dedupe_key = $1 AND done_at IS NULL")
            .bind(dedupe_key.to_owned())
            .fetch_optional(self.read())
            .await?;
        row.map(|r| Ok(crate::kernel::time::ts(r.try_get("run_at")?)))
            .transpose()
    }
}

pub(super) fn lost(id: JobId) -> StoreError {
    StoreError::Conflict {
        field: "lease",
        reason: DETAIL.with(
            "detail",
            format!("job {id} is no longer leased to this worker"),
        ),
    }
}
