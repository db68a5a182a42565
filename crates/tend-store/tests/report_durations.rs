//! The operations report's stored durations for rows no change went through (older than
//! migration 0125, or imported): the start-up catch-up fills them from the channel's hours,
//! keeps the first resolution's instant, never overwrites, and looks at each row once — on the
//! engine the environment selects (SQLite, or PostgreSQL when `TEND_TEST_DATABASE_URL` is set).

use sqlx::Row;
use tend_store::testing::{execute, fresh_database_url};
use tend_store::{Store, StoreOptions};

fn us(t: &str) -> i64 {
    t.parse::<jiff::Timestamp>().unwrap().as_microsecond()
}

#[tokio::test]
async fn the_catch_up_fills_durations_once() {
    sqlx::any::install_default_drivers();
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    execute(
        &url,
        "INSERT INTO customers (id, name, name_folded, consent_to_contact, created_at, updated_at) \
                   VALUES (1, 'Ana', 'ana', 0, 0, 0)",
    )
    .await
    .unwrap();
    let (r, f, s) = (
        us("2026-04-03T14:00:00Z"),
        us("2026-04-07T08:30:00Z"),
        us("2026-04-08T10:00:00Z"),
    );
    // Imported: answered and resolved, no durations yet; a second row already measured keeps its values.
    execute(&url, &format!(
        "INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, priority, tier, \
         source, version, created_at, updated_at, first_response_at, resolved_at) VALUES \
         (1, 'complaint', 'resolved', 1, 'phone', {r}, 'x', 'normal', 1, 'csv', 1, {r}, {r}, {f}, {s}), \
         (2, 'complaint', 'resolved', 1, 'phone', {r}, 'x', 'normal', 1, 'csv', 1, {r}, {r}, {f}, {s})"
    )).await.unwrap();
    execute(
        &url,
        "UPDATE complaints SET first_response_minutes = 7 WHERE id = 2",
    )
    .await
    .unwrap();
    assert_eq!(store.catch_up_report_durations().await.unwrap(), 2);
    assert_eq!(
        store.catch_up_report_durations().await.unwrap(),
        0,
        "each row once"
    );

    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let rows = sqlx::query(
        "SELECT id, first_response_minutes, first_response_seconds, first_resolved_at, \
         first_resolution_seconds, final_resolution_minutes, durations_done FROM complaints ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let get = |i: usize, c: &str| -> Option<i64> { rows[i].try_get(c).unwrap() };
    // Phone answers round the clock by default: service minutes are calendar minutes.
    let response = (f - r) / 1_000_000;
    assert_eq!(get(0, "first_response_seconds"), Some(response));
    assert_eq!(get(0, "first_response_minutes"), Some(response / 60));
    assert_eq!(get(0, "first_resolved_at"), Some(s));
    assert_eq!(
        get(0, "first_resolution_seconds"),
        Some((s - r) / 1_000_000)
    );
    assert_eq!(
        get(0, "final_resolution_minutes"),
        Some((s - r) / 60_000_000)
    );
    assert_eq!(get(0, "durations_done"), Some(1));
    assert_eq!(
        get(1, "first_response_minutes"),
        Some(7),
        "never overwritten"
    );
}
