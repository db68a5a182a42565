//! Claiming due jobs: the queue's one dialect split.
//!
//! Both engines take a batch in one statement, `UPDATE jobs SET <lease> WHERE id IN (SELECT id
//! … LIMIT n) RETURNING …`, so choosing the jobs and leasing them cannot be torn apart.
//!
//! - PostgreSQL runs such statements side by side, so the subquery locks the rows it picks with
//!   `FOR UPDATE SKIP LOCKED`: a second worker claiming at the same moment skips them and takes
//!   the next ones instead of waiting for (and then losing) them. A row another worker leased and
//!   committed meanwhile is re-checked against the `WHERE` under the lock and dropped.
//! - SQLite has no row locks and needs none: one writer at a time holds the database, and an
//!   `UPDATE` takes that write lock before it reads its subquery, so no other claim can come
//!   between the choice and the lease — neither one of this `Store`'s (they queue on its single
//!   writer connection, [`Store::write`]) nor another handle's or process's (they wait on the
//!   lock, within the busy timeout).

use jiff::{SignedDuration, Timestamp};
use tend_domain::kernel::reason::*;

use super::{Job, check_kind, job_from_row};
use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::store::Store;

/// The most jobs one claim takes.
const MAX_BATCH: u32 = 1000;

impl Store {
    /// Leases up to `limit` due jobs — `run_at` passed, not finished, not under a live lease — to
    /// `worker` until `now + lease`, oldest due first; `kinds` narrows them (empty: every kind).
    /// The jobs come back in due order.
    pub async fn claim(
        &self,
        worker: &str,
        kinds: &[&str],
        limit: u32,
        lease: SignedDuration,
        now: Timestamp,
    ) -> StoreResult<Vec<Job>> {
        if worker.is_empty() {
            return Err(StoreError::field("worker", EMPTY));
        }
        if lease <= SignedDuration::ZERO {
            return Err(StoreError::field(
                "lease",
                DETAIL.with("detail", "must be positive"),
            ));
        }
        kinds.iter().try_for_each(|k| check_kind(k))?;
        let limit = limit.min(MAX_BATCH);
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut sql = Sql::new(self.engine(), "UPDATE jobs SET locked_by = ");
        sql.bind(worker.to_owned()).push(", locked_until = ");
        sql.bind(us(now + lease)).push(", nudged = 0");
        sql.push(" WHERE id IN (SELECT id FROM jobs WHERE done_at IS NULL AND run_at <= ");
        sql.bind(us(now));
        sql.push(" AND (locked_until IS NULL OR locked_until <= ");
        sql.bind(us(now)).push(")");
        for (i, kind) in kinds.iter().enumerate() {
            sql.push(if i == 0 { " AND kind IN (" } else { ", " });
            sql.bind((*kind).to_owned());
        }
        if !kinds.is_empty() {
            sql.push(")");
        }
        // The validated limit is written into the SQL, as `list.rs` does for pages.
        sql.push(&format!(" ORDER BY run_at, id LIMIT {limit}"));
        if self.engine() == Engine::Postgres {
            sql.push(" FOR UPDATE SKIP LOCKED");
        }
        sql.push(") RETURNING id, kind, payload, attempts, run_at");
        let rows = sql.build().fetch_all(self.write()).await?;
        let mut jobs = rows
            .iter()
            .map(job_from_row)
            .collect::<StoreResult<Vec<_>>>()?;
        jobs.sort_by_key(|j| (j.run_at, j.id));
        Ok(jobs)
    }
}
