//! The top problems' ranking and the average customer's profile at volume (ignored by default:
//! `TEND_PROBLEMS_BENCH_N` complaints, default 1,000,000, of n/5 customers, on the engine the
//! environment selects). Prints, three rounds, the time of what `GET /api/v1/problems` reads
//! from the store — the three-month period's tallies and the previous period's complaints per
//! category — and of the profile of every customer (`GET /api/v1/customers/profile`), after the
//! roll-up job's store steps have counted `complainant_days` (timed too, and the complainants
//! read through it against the same read from the rows); checks
//! the complaints per category, the complainants and the customers lost against the same rules
//! counted in Rust over the generated rows, and the profile's complaints.
//!
//! Run in release (docs/problems.md, "At volume", has the numbers):
//!
//! ```text
//! cargo nextest run --release --workspace --run-ignored only --no-capture -E 'test(the_ranking_of_a_million)'
//! TEND_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo nextest run --release \
//!     --workspace --run-ignored only --no-capture -E 'test(the_ranking_of_a_million)'
//! ```
//!
//! The load ends as a bulk load should: `ANALYZE` on SQLite, `VACUUM ANALYZE` on PostgreSQL
//! (what autovacuum does after it; the index-only scans need the visibility map it sets).

use std::time::Instant;

use jiff::{SignedDuration, Timestamp};
use tend_store::testing::{execute, fresh_database_url};
use tend_store::{Engine, Period, Store, StoreOptions};

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
    ];
    for sql in load {
        execute(&url, &sql).await.unwrap();
    }
    let analyze = match store.engine() {
        Engine::Sqlite => "ANALYZE",
        Engine::Postgres => "VACUUM ANALYZE",
    };
    execute(&url, analyze).await.unwrap();
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
    // The roll-up job's store steps (the complainants' `complainant_days`; no report tallies).
    let rolling = Instant::now();
    while store
        .report_roll_up_step(
            "UTC",
            &jiff::tz::TimeZone::UTC,
            jiff::Timestamp::MAX,
            |_, _, _, _| Vec::new(),
        )
        .await
        .unwrap()
    {}
    println!("roll-up of every day: {:?}", rolling.elapsed());
    for round in 0..3 {
        let (a, b) = (from.as_microsecond(), to.as_microsecond());
        let clock = Instant::now();
        let live = store.problem_complainants_live(a, b).await.unwrap();
        let live_took = clock.elapsed();
        let clock = Instant::now();
        let rolled = store.problem_complainants_rolled(a, b).await.unwrap();
        println!(
            "round {round}: complainants from the rows {live_took:?}, through the roll-up {:?}",
            clock.elapsed()
        );
        assert_eq!(rolled, Some(live));
        let t0 = Instant::now();
        let (tallies, complainants) = store.problem_tallies(period).await.unwrap();
        let t1 = t0.elapsed();
        let earlier = store.problem_counts(previous).await.unwrap();
        let ranking = t0.elapsed();
        let t2 = Instant::now();
        let year_ago = now - SignedDuration::from_hours(365 * 24);
        let profile = store.profile_counts(year_ago, now, None).await.unwrap();
        let profiled = t2.elapsed();
        println!(
            "round {round}: {} categories, {complainants} complainants; the ranking {ranking:?} \
             (this period's tallies {t1:?}); the profile {profiled:?}",
            tallies.len(),
        );
        // The same rules by hand over the generated rows.
        let received = |i: i64| t - (i % 500) * DAY_US - (i % 86400) * 1_000_000;
        let within = |i: i64, lo: Timestamp, hi: Timestamp| {
            (lo.as_microsecond()..hi.as_microsecond()).contains(&received(i))
        };
        let mut want = vec![0i64; CATEGORIES as usize + 1];
        let mut want_before = vec![0i64; CATEGORIES as usize + 1];
        let mut who = std::collections::BTreeSet::new();
        let mut in_year = 0;
        for i in 1..=n {
            let (category, customer) = ((i * 7) % CATEGORIES + 1, (i * 13) % customers + 1);
            if within(i, from, to) {
                want[category as usize] += 1;
                who.insert(customer);
            }
            if within(i, before, from) {
                want_before[category as usize] += 1;
            }
            let at = received(i);
            in_year += i64::from(at > year_ago.as_microsecond() && at <= t);
        }
        assert_eq!(complainants, who.len() as i64);
        for x in &tallies {
            let c = x.category_id as usize;
            assert_eq!(x.complaints, want[c], "{c}");
            assert_eq!(
                earlier.get(&x.category_id).copied().unwrap_or(0),
                want_before[c]
            );
            // Resolved a day after receipt: no window of 90 days has ended for this period.
            assert_eq!((x.lost_base, x.lost), (0, 0));
        }
        assert_eq!(profile.customers, customers);
        assert_eq!(profile.complaints, in_year);
    }
}
