//! Figures about the handle itself for monitoring: each connection pool's use, SQLite's heap,
//! and the jobs due now and the dead jobs by kind. Read at scrape time, so they are never stale.

use jiff::Timestamp;
use sqlx::Row;

use crate::kernel::engine::Engine;
use crate::kernel::error::StoreResult;
use crate::kernel::sql::Sql;
use crate::kernel::time::us;
use crate::store::Store;

/// One connection pool's use at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUse {
    /// `read` or `write` on SQLite (readers beside the one writer), `main` on PostgreSQL.
    pub pool: &'static str,
    /// Connections open and lent out to a query now.
    pub in_use: u32,
    /// Connections open and waiting in the pool.
    pub idle: u32,
}

impl Store {
    /// Each pool's connections in use and idle (`sqlx` `size() - num_idle()` and `num_idle()`).
    pub fn pool_use(&self) -> Vec<PoolUse> {
        let one = |pool: &'static str, p: &sqlx::AnyPool| {
            let idle = u32::try_from(p.num_idle()).unwrap_or(u32::MAX);
            PoolUse {
                pool,
                in_use: p.size().saturating_sub(idle),
                idle,
            }
        };
        match self.engine() {
            Engine::Sqlite => vec![one("read", self.read()), one("write", self.write())],
            Engine::Postgres => vec![one("main", self.read())],
        }
    }

    /// SQLite only: the bytes SQLite's allocator holds now in this process (all connections'
    /// page caches, statements and schema; `sqlite3_memory_used`), and the most it has held
    /// (`sqlite3_memory_highwater`). `None` on PostgreSQL.
    pub fn sqlite_heap(&self) -> Option<(i64, i64)> {
        match self.engine() {
            // SAFETY: both read SQLite's global memory statistics; no connection is touched.
            Engine::Sqlite => Some(unsafe {
                (
                    libsqlite3_sys::sqlite3_memory_used(),
                    libsqlite3_sys::sqlite3_memory_highwater(0),
                )
            }),
            Engine::Postgres => None,
        }
    }

    /// Jobs due at `now` and not leased to a worker (what a worker would claim next), counted
    /// by kind; kinds with none are absent. Same condition as claiming: `done_at IS NULL AND
    /// run_at <= now AND (locked_until IS NULL OR locked_until <= now)`.
    pub async fn jobs_due_by_kind(&self, now: Timestamp) -> StoreResult<Vec<(String, i64)>> {
        let mut sql = Sql::new(
            self.engine(),
            "SELECT kind, COUNT(*) AS n FROM jobs WHERE done_at IS NULL AND run_at <= ",
        );
        sql.bind(us(now))
            .push(" AND (locked_until IS NULL OR locked_until <= ")
            .bind(us(now))
            .push(") GROUP BY kind ORDER BY kind");
        let rows = sql.build().fetch_all(self.read()).await?;
        rows.iter()
            .map(|r| Ok((r.try_get("kind")?, r.try_get("n")?)))
            .collect()
    }

    /// Dead jobs (failed for the last time, kept with their last error until an admin retries
    /// or discards them), counted by kind; kinds with none are absent.
    pub async fn jobs_dead_by_kind(&self) -> StoreResult<Vec<(String, i64)>> {
        let rows = sqlx::query(
            "SELECT kind, COUNT(*) AS n FROM jobs WHERE dead = 1 GROUP BY kind ORDER BY kind",
        )
        .fetch_all(self.read())
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("kind")?, r.try_get("n")?)))
            .collect()
    }
}
