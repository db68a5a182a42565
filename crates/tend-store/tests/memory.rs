//! The store's memory settings: SQLite's soft heap limit is the one `StoreOptions` asks for,
//! and the heap it reports is SQLite's own (none on PostgreSQL).

use sqlx::{Connection, Row};
use tend_store::testing::fresh_database_url;
use tend_store::{Engine, Store, StoreOptions};

#[tokio::test]
async fn sqlite_takes_the_soft_heap_limit_and_reports_its_heap() {
    sqlx::any::install_default_drivers();
    let url = fresh_database_url().await;
    let mut opts = StoreOptions::new(&url);
    opts.sqlite_heap_kib = 4096;
    let store = Store::open(&opts).await.unwrap();
    if store.engine() == Engine::Postgres {
        assert_eq!(store.sqlite_heap(), None);
        return;
    }
    // The limit is SQLite's, for the whole process: any connection reads it back.
    let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
    let row = sqlx::query("PRAGMA soft_heap_limit")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(row.try_get::<i64, _>(0).unwrap(), 4096 * 1024);
    let (now, peak) = store.sqlite_heap().expect("SQLite reports its heap");
    assert!(now > 0 && peak >= now, "now {now}, peak {peak}");
}
