//! Segment membership and the segment's profile counts at volume (ignored by default: run
//! with `--run-ignored only`, `TEND_SEGMENT_BENCH_N` customers, default 1,000,000), on the
//! engine the environment selects. Prints the time of the member count and of the profile's
//! one query (members computed once); checks the member count against the same rule counted in
//! Rust over the generated rows, and the profile's customers against it.

use std::time::Instant;

use jiff::{SignedDuration, Timestamp};
use tend_domain::segments::SegmentDraft;
use tend_store::testing::{execute, fresh_database_url};
use tend_store::{Members, Store, StoreOptions};

const DAY_US: i64 = 86_400_000_000;

#[tokio::test]
#[ignore = "a benchmark: minutes of inserts"]
async fn a_segment_of_a_million_customers_answers_in_one_query() {
    sqlx::any::install_default_drivers();
    let n: i64 = std::env::var("TEND_SEGMENT_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let now: Timestamp = "2026-03-06T15:30:00Z".parse().unwrap();
    let t = now.as_microsecond();
    let series = |limit: i64| {
        format!(
            "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {limit}) "
        )
    };
    let started = Instant::now();
    let sql = format!(
        "INSERT INTO customers (name, country, city, gender, birth_year, preferred_language, \
         preferred_channel, created_at, updated_at) {}SELECT 'c' || i, \
         CASE i % 5 WHEN 0 THEN 'ES' WHEN 1 THEN 'TR' WHEN 2 THEN 'GB' WHEN 3 THEN 'DE' ELSE 'FR' END, \
         'City ' || (i % 100), CASE i % 2 WHEN 0 THEN 'female' ELSE 'male' END, 1940 + i % 70, \
         CASE i % 5 WHEN 0 THEN 'es' WHEN 1 THEN 'tr' ELSE 'en' END, \
         CASE i % 3 WHEN 0 THEN 'web' WHEN 1 THEN 'phone' ELSE 'email' END, {t}, {t} FROM g",
        series(n)
    );
    execute(&url, &sql).await.unwrap();
    // Half as many purchases: customer (i·7 mod n) + 1, one every day back over 400 days,
    // every 20th returned.
    let sql = format!(
        "INSERT INTO transactions (customer_id, occurred_at, amount_minor, currency, returned, \
         created_at) {}SELECT (i * 7) % {n} + 1, {t} - (i % 400) * {DAY_US}, 1000 + i % 9000, 'EUR', \
         CASE WHEN i % 20 = 0 THEN 1 ELSE 0 END, {t} FROM g",
        series(n / 2)
    );
    execute(&url, &sql).await.unwrap();
    let sql = format!(
        "INSERT INTO complaints (kind, status, customer_id, channel, received_at, description, \
         priority, tier, source, version, created_at, updated_at) {}SELECT 'complaint', 'received', \
         (i * 13) % {n} + 1, 'web', {t} - (i % 500) * {DAY_US}, 'x', 'normal', 1, 'api', 1, {t}, {t} FROM g",
        series(n / 5)
    );
    execute(&url, &sql).await.unwrap();
    execute(&url, "ANALYZE").await.unwrap();
    println!(
        "engine {:?}: {n} customers loaded in {:?}",
        store.engine(),
        started.elapsed()
    );

    let rule = serde_json::from_value::<SegmentDraft>(
        serde_json::json!({"name": "Spanish under 35 on the web",
        "country": "ES", "max_age": 34, "preferred_channel": "web",
        "min_purchases": 1, "purchase_days": 365}),
    )
    .unwrap()
    .validate()
    .unwrap()
    .rule;
    let m = Members::new(rule, now);
    for round in 0..2 {
        let t0 = Instant::now();
        let size = store.segment_size(&m).await.unwrap();
        let membership = t0.elapsed();
        let t1 = Instant::now();
        let year_ago = now - SignedDuration::from_hours(365 * 24);
        let counts = store.profile_counts(year_ago, now, Some(&m)).await.unwrap();
        println!(
            "round {round}: members {size} in {membership:?}; the profile's one query in {:?}",
            t1.elapsed()
        );
        assert_eq!(counts.customers, size);
        // The rule by hand over the generated rows: ES (i % 5 = 0), web (i % 3 = 0), born
        // 1992 or later (i % 70 ≥ 52), and a purchase not returned in (now − 365 d, now].
        let mut bought = vec![false; n as usize + 1];
        for i in 1..=n / 2 {
            if i % 400 < 365 && i % 20 != 0 {
                bought[((i * 7) % n + 1) as usize] = true;
            }
        }
        let want = (1..=n)
            .filter(|i| i % 5 == 0 && i % 3 == 0 && i % 70 >= 52 && bought[*i as usize])
            .count() as i64;
        assert_eq!(size, want);
    }
}
