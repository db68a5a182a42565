//! The top problems' tallies at volume (ignored by default: run with `--run-ignored only`,
//! `TEND_PROBLEMS_BENCH_N` complaints, default 1,000,000), on the engine the environment
//! selects. Prints the time of the ranking's tallies for a three-month period and its previous
//! period (what `/api/v1/problems` reads), three rounds; checks the complaints counted per
//! category against the same rule counted in Rust over the generated rows.

use std::time::Instant;

use jiff::{SignedDuration, Timestamp};
use tend_store::testing::{execute, fresh_database_url};
use tend_store::{Period, Store, StoreOptions};

const DAY_US: i64 = 86_400_000_000;
const CATEGORIES: i64 = 40;

#[tokio::test]
#[ignore = "a benchmark: minutes of inserts"]
async fn the_ranking_of_a_million_complaints_is_timed() {
    sqlx::any::install_default_drivers();
    let n: i64 = std::env::var("TEND_PROBLEMS_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let customers = (n / 5).max(1);
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let now: Timestamp = "2026-03-06T15:30:00Z".parse().unwrap();
    let t = now.as_microsecond();
    let series = |limit: i64| {
        format!(
            "WITH RECURSIVE g(i) AS (SELECT CAST(1 AS BIGINT) UNION ALL SELECT i + 1 FROM g WHERE i < {limit}) "
        )
    };
    let started = Instant::now();
    let load = [
        format!(
            "INSERT INTO categories (name, created_at) {}SELECT 'Category ' || i, {t} FROM g",
            series(CATEGORIES)
        ),
        format!(
            "INSERT INTO customers (name, created_at, updated_at) {}SELECT 'c' || i, {t}, {t} FROM g",
            series(customers)
        ),
        // Complaint i: customer (i·13 mod customers) + 1, received i mod 500 days back, of
        // category (i·7 mod 40) + 1 (Zipf-free but uneven enough); every third resolved a day
        // later with i mod 5000 minor units of compensation.
        format!(
            "INSERT INTO complaints (kind, status, customer_id, channel, received_at, description, \
             priority, tier, source, version, created_at, updated_at, category_id, resolved_at, \
             compensation_minor) {}SELECT 'complaint', \
             CASE WHEN i % 3 = 0 THEN 'resolved' ELSE 'received' END, (i * 13) % {customers} + 1, \
             'web', {t} - (i % 500) * {DAY_US} - (i % 86400) * 1000000, 'x', 'normal', 1, 'api', 1, {t}, {t}, \
             (i * 7) % {CATEGORIES} + 1, \
             CASE WHEN i % 3 = 0 THEN {t} - (i % 500) * {DAY_US} + {DAY_US} END, \
             CASE WHEN i % 3 = 0 THEN i % 5000 END FROM g",
            series(n)
        ),
        "INSERT INTO complaint_events (complaint_id, at, actor, action) \
         SELECT id, resolved_at, 'bench', 'resolve' FROM complaints WHERE resolved_at IS NOT NULL"
            .to_owned(),
        // Purchases: customer (i·7 mod customers) + 1, one a day back over 500 days, every
        // 20th returned.
        format!(
            "INSERT INTO transactions (customer_id, occurred_at, amount_minor, currency, returned, \
             created_at) {}SELECT (i * 7) % {customers} + 1, {t} - (i % 500) * {DAY_US}, 1000 + i % 9000, \
             'EUR', CASE WHEN i % 20 = 0 THEN 1 ELSE 0 END, {t} FROM g",
            series(n / 2)
        ),
        "ANALYZE".to_owned(),
    ];
    for sql in load {
        execute(&url, &sql).await.unwrap();
    }
    println!(
        "engine {:?}: {n} complaints loaded in {:?}",
        store.engine(),
        started.elapsed()
    );

    // The default period: the three months before tomorrow, and the previous three.
    let to = now + SignedDuration::from_hours(24);
    let from = to - SignedDuration::from_hours(24 * 90);
    let before = from - SignedDuration::from_hours(24 * 90);
    let window_us = 90 * DAY_US;
    let period = Period {
        from,
        to,
        window_us,
        now,
    };
    let previous = Period {
        from: before,
        to: from,
        window_us,
        now,
    };
    for round in 0..3 {
        let t0 = Instant::now();
        let (tallies, complainants) = store.problem_tallies(period).await.unwrap();
        let t1 = t0.elapsed();
        store.problem_tallies(previous).await.unwrap();
        println!(
            "round {round}: {} categories, {complainants} complainants; this period {t1:?}, \
             with the previous one {:?}",
            tallies.len(),
            t0.elapsed()
        );
        // The complaints per category by hand.
        let (lo, hi) = (from.as_microsecond(), to.as_microsecond());
        let mut want = vec![0i64; CATEGORIES as usize + 1];
        for i in 1..=n {
            let at = t - (i % 500) * DAY_US - (i % 86400) * 1_000_000;
            if at >= lo && at < hi {
                want[((i * 7) % CATEGORIES + 1) as usize] += 1;
            }
        }
        for x in &tallies {
            assert_eq!(
                x.complaints, want[x.category_id as usize],
                "{}",
                x.category_id
            );
        }
    }
}
