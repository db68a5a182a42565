//! The `Store` handle and opening it: engine choice from the URL, pools, pragmas, migrations,
//! health, backup. Every capability adds its queries to `Store` in its own `impl Store`; the
//! handle holds the little state some of them keep (the group-commit writer, the token and channel
//! settings caches, the status-link key).

use std::sync::{Arc, Once};
use tend_domain::kernel::reason::*;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};

use crate::kernel::engine::Engine;
use crate::kernel::error::{StoreError, StoreResult};
use crate::kernel::state::States;

/// How to open a store.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// `sqlite://PATH` (created if missing) or `postgres://…`.
    pub url: String,
    /// Connections for reads (SQLite) or for everything (PostgreSQL).
    pub max_connections: u32,
    /// SQLite: each connection's page cache, in KiB (`PRAGMA cache_size = -N`). SQLite keeps
    /// up to this much of the file per connection, so the readers and the writer together
    /// hold at most `(max_connections + 1) × sqlite_cache_kib` of pages, however large the
    /// file grows. Default 2048 (SQLite's own default is about 2000).
    pub sqlite_cache_kib: u32,
    /// SQLite: the soft limit on all the memory SQLite allocates in this process, in KiB
    /// (`PRAGMA soft_heap_limit`; 0: none). Near it SQLite gives back cached pages before it
    /// allocates more, so the page caches above are a ceiling, not a level. Default 4096.
    pub sqlite_heap_kib: u32,
    /// A connection idle this long is closed (its caches freed); the pools keep one.
    pub idle_timeout: std::time::Duration,
    /// A connection is replaced after this long even when busy, so whatever its caches grew
    /// to (pages, prepared statements) is given back.
    pub max_lifetime: std::time::Duration,
}

impl StoreOptions {
    pub fn new(url: impl Into<String>) -> Self {
        StoreOptions {
            url: url.into(),
            max_connections: 8,
            sqlite_cache_kib: 2048,
            sqlite_heap_kib: 4_096,
            idle_timeout: std::time::Duration::from_secs(60),
            max_lifetime: std::time::Duration::from_secs(600),
        }
    }
}

/// A handle on the database. Cheap to clone; all clones share the pools and the group-commit writer.
#[derive(Clone)]
pub struct Store {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) engine: Engine,
    /// Reads. On SQLite a pool of readers beside the one writer (WAL lets them run together).
    pub(crate) read: AnyPool,
    /// Writes. On SQLite exactly one connection, so writers queue here instead of on file locks.
    pub(crate) write: AnyPool,
    /// What capabilities keep here: the group-commit writer, the token and channel caches.
    pub(crate) states: States,
    /// The URL the store was opened with (a bulk import on PostgreSQL opens its own connection).
    pub(crate) url: String,
    /// The status-link key once read (it never changes).
    pub(crate) status_key: std::sync::OnceLock<Vec<u8>>,
    /// SQLite: each connection's page cache in KiB (what a bulk import restores when it ends).
    pub(crate) sqlite_cache_kib: u32,
}

static DRIVERS: Once = Once::new();

impl Store {
    /// Connects and brings the schema up to date.
    pub async fn open(opts: &StoreOptions) -> StoreResult<Store> {
        let store = Store::connect(opts).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Connects without migrating.
    pub async fn connect(opts: &StoreOptions) -> StoreResult<Store> {
        DRIVERS.call_once(sqlx::any::install_default_drivers);
        let (engine, url) = normalise_url(&opts.url)?;
        let connect: AnyConnectOptions = url.parse()?;
        let opened = url.clone();
        let (read, write) = match engine {
            Engine::Sqlite => {
                let cache = [
                    format!("PRAGMA cache_size = -{}", opts.sqlite_cache_kib.max(64)),
                    format!(
                        "PRAGMA soft_heap_limit = {}",
                        u64::from(opts.sqlite_heap_kib) * 1024
                    ),
                ];
                let pool = |n: u32| {
                    let cache = cache.clone();
                    AnyPoolOptions::new()
                        .max_connections(n)
                        .min_connections(1)
                        // An embedded connection cannot drop: no ping (a round trip to the
                        // driver's thread) before each use.
                        .test_before_acquire(false)
                        .idle_timeout(opts.idle_timeout)
                        .max_lifetime(opts.max_lifetime)
                        .after_connect(move |conn, _| {
                            let cache = cache.clone();
                            Box::pin(async move {
                                for pragma in [
                                    "PRAGMA journal_mode = WAL",
                                    "PRAGMA synchronous = FULL",
                                    "PRAGMA foreign_keys = ON",
                                    "PRAGMA busy_timeout = 5000",
                                ] {
                                    conn.execute(pragma).await?;
                                }
                                for pragma in cache {
                                    conn.execute(sqlx::AssertSqlSafe(pragma)).await?;
                                }
                                Ok(())
                            })
                        })
                };
                let write = pool(1).connect_with(connect.clone()).await?;
                let read = pool(opts.max_connections.max(1))
                    .connect_with(connect)
                    .await?;
                (read, write)
            }
            Engine::Postgres => {
                // No JIT: it compiles any query the planner thinks costly, tens of
                // milliseconds that Tend's short reads (the ranking's, index-only) never win back.
                let pool = AnyPoolOptions::new()
                    .max_connections(opts.max_connections.max(2))
                    .idle_timeout(opts.idle_timeout)
                    .max_lifetime(opts.max_lifetime)
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute("SET jit = off").await?;
                            Ok(())
                        })
                    })
                    .connect_with(connect)
                    .await?;
                (pool.clone(), pool)
            }
        };
        Ok(Store {
            inner: Arc::new(Inner {
                engine,
                read,
                write,
                states: States::default(),
                status_key: Default::default(),
                url: opened,
                sqlite_cache_kib: opts.sqlite_cache_kib.max(64),
            }),
        })
    }

    pub async fn migrate(&self) -> StoreResult<()> {
        match self.inner.engine {
            Engine::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.inner.write)
                    .await?
            }
            Engine::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.inner.write)
                    .await?
            }
        }
        // Search documents are made in Rust, so rows a migration cannot tokenize are indexed here.
        crate::kernel::search::catch_up(self.write(), self.engine()).await?;
        crate::customers::catch_up_search(self.write()).await?;
        crate::help::catch_up_search(self.write(), self.engine()).await?;
        // Durations only Rust can count (service hours), for rows a migration or an import stored.
        self.catch_up_report_durations().await?;
        Ok(())
    }

    pub fn engine(&self) -> Engine {
        self.inner.engine
    }

    pub(crate) fn read(&self) -> &AnyPool {
        &self.inner.read
    }

    pub(crate) fn write(&self) -> &AnyPool {
        &self.inner.write
    }

    /// Whether the database answers a query.
    pub async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(self.read()).await?;
        Ok(())
    }

    /// Refreshes the planner's statistics, e.g. after a bulk import, so filters keep using the
    /// right index (PostgreSQL's autovacuum does this too, but only after a while).
    pub async fn analyze(&self) -> StoreResult<()> {
        let sql = match self.engine() {
            Engine::Sqlite => "PRAGMA optimize",
            Engine::Postgres => {
                "ANALYZE complaints, customers, complaint_search, help_articles, \
                 help_translations, help_search"
            }
        };
        sqlx::query(sql).execute(self.write()).await?;
        Ok(())
    }

    /// A consistent copy of a SQLite database, taken while it serves (`VACUUM INTO`).
    pub async fn backup(&self, path: &std::path::Path) -> StoreResult<()> {
        if self.engine() != Engine::Sqlite {
            return Err(StoreError::field(
                "database",
                DETAIL.with(
                    "detail",
                    "backup copies SQLite databases; for PostgreSQL use pg_dump",
                ),
            ));
        }
        if path.exists() {
            return Err(StoreError::field(
                "file",
                DETAIL.with(
                    "detail",
                    format!("{} exists already; choose a new file", path.display()),
                ),
            ));
        }
        let target = path.to_str().ok_or_else(|| {
            StoreError::field("file", DETAIL.with("detail", "path must be UTF-8"))
        })?;
        sqlx::query("VACUUM INTO $1")
            .bind(target.to_owned())
            .execute(self.write())
            .await?;
        Ok(())
    }

    /// Waits for queued writes and closes the pools.
    pub async fn close(&self) {
        self.inner.read.close().await;
        self.inner.write.close().await;
    }
}

/// `sqlite://PATH`, `sqlite:PATH` or `postgres://…`; SQLite files and their folder are created.
fn normalise_url(url: &str) -> StoreResult<(Engine, String)> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Engine::Postgres, url.to_owned()));
    }
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| {
            StoreError::field(
                "database",
                DETAIL.with("detail", "must start with sqlite:// or postgres://"),
            )
        })?;
    let (path, _) = path.split_once('?').unwrap_or((path, ""));
    if path.is_empty() || path == ":memory:" {
        return Err(StoreError::field(
            "database",
            DETAIL.with(
                "detail",
                "needs a file path, e.g. sqlite://./tend-data/tend.db",
            ),
        ));
    }
    if let Some(dir) = std::path::Path::new(path)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|e| {
            StoreError::field(
                "database",
                DETAIL.with("detail", format!("cannot create {}: {e}", dir.display())),
            )
        })?;
    }
    Ok((Engine::Sqlite, format!("sqlite://{path}?mode=rwc")))
}
