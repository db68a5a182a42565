//! The roll-ups behind the top problems and the profile (`complaint_days`,
//! `complaints.first_resolve_event_at`, `customer_values`, kept by triggers; `complainant_days`,
//! kept by the roll-up job and read around its marks) give the same
//! answers as the raw rows, on the engine the environment selects, after every kind of write:
//! intake, a category change, a resolution with compensation, a merge, a deletion and its
//! undoing, a moved receipt, a hard delete, a complaint moved to another customer, a late
//! feedback, customers changed and removed — both with the days marked and recounted — for periods with
//! partial edge days, whole days and less than a day. The references are the queries the
//! ranking ran over the raw rows before the roll-ups.

use std::collections::BTreeMap;

use jiff::Timestamp;
use sqlx::{AnyConnection, Connection, Row};
use tend_store::testing::fresh_database_url;
use tend_store::{Period, Store, StoreOptions};

const DAY: i64 = 86_400_000_000;
const HOUR: i64 = 3_600_000_000;
/// Day 20,000 after 1970 (2024-10-04), at midnight UTC.
const T0: i64 = 20_000 * DAY;

/// Per category: complaints, complainants, paid, lost base, lost.
type Want = BTreeMap<i64, (i64, i64, i64, i64, i64)>;

async fn reference(
    c: &mut AnyConnection,
    from: i64,
    to: i64,
    window: i64,
    now: i64,
) -> (Want, i64) {
    let mut want = Want::new();
    let rows = sqlx::query(
        "SELECT category_id, COUNT(*) AS n, COUNT(DISTINCT customer_id) AS k, \
         CAST(SUM(CASE WHEN resolved_at IS NOT NULL THEN COALESCE(compensation_minor, 0) ELSE 0 END) AS BIGINT) AS paid \
         FROM complaints WHERE received_at >= $1 AND received_at < $2 AND category_id IS NOT NULL \
         AND merged_into IS NULL AND deleted_at IS NULL GROUP BY category_id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&mut *c)
    .await
    .unwrap();
    for r in rows {
        want.insert(r.get(0), (r.get(1), r.get(2), r.get(3), 0, 0));
    }
    let rows = sqlx::query(
        "WITH fr AS (SELECT c.category_id, c.customer_id, MIN(e.at) AS r FROM complaints c \
           JOIN complaint_events e ON e.complaint_id = c.id AND e.action = 'resolve' \
           WHERE c.received_at >= $1 AND c.received_at < $2 AND c.category_id IS NOT NULL \
           AND c.merged_into IS NULL AND c.deleted_at IS NULL GROUP BY c.category_id, c.customer_id) \
         SELECT fr.category_id, COUNT(*) AS base, COUNT(CASE WHEN NOT EXISTS (SELECT 1 FROM transactions t \
           WHERE t.customer_id = fr.customer_id AND t.returned = 0 AND t.occurred_at > fr.r \
           AND t.occurred_at <= fr.r + $3) THEN 1 END) AS lost \
         FROM fr WHERE fr.r + $3 <= $4 GROUP BY fr.category_id",
    )
    .bind(from)
    .bind(to)
    .bind(window)
    .bind(now)
    .fetch_all(&mut *c)
    .await
    .unwrap();
    for r in rows {
        let w = want.get_mut(&r.get::<i64, _>(0)).unwrap();
        (w.3, w.4) = (r.get(1), r.get(2));
    }
    let all: i64 = sqlx::query(
        "SELECT COUNT(DISTINCT customer_id) FROM complaints WHERE received_at >= $1 \
         AND received_at < $2 AND merged_into IS NULL AND deleted_at IS NULL",
    )
    .bind(from)
    .bind(to)
    .fetch_one(&mut *c)
    .await
    .unwrap()
    .get(0);
    (want, all)
}

/// Runs the roll-up job's store steps until nothing is marked (the report's own tallies are
/// not this test's concern: none are written).
async fn roll_up(store: &Store) {
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
}

/// Checks every figure against the rows, and the complainants' roll-up directly: it must
/// answer (`rolled`) or decline (never counted) and agree with the rows.
async fn check(store: &Store, c: &mut AnyConnection, step: &str, rolled: bool) {
    let now = T0 + 30 * DAY;
    let window = 2 * DAY;
    for (from, to) in [
        (T0 + 2 * DAY + 5 * HOUR, T0 + 8 * DAY + 3 * HOUR),
        (T0, T0 + 12 * DAY),
        (T0 + 3 * DAY + HOUR, T0 + 3 * DAY + 20 * HOUR),
        (T0 - 5 * DAY, T0 + 40 * DAY),
    ] {
        let p = Period {
            from: Timestamp::from_microsecond(from).unwrap(),
            to: Timestamp::from_microsecond(to).unwrap(),
            window_us: window,
            now: Timestamp::from_microsecond(now).unwrap(),
        };
        let (tallies, all) = store.problem_tallies(p).await.unwrap();
        let got: Want = tallies
            .iter()
            .map(|t| {
                let v = (t.complaints, t.customers, t.compensation_minor);
                (t.category_id, (v.0, v.1, v.2, t.lost_base, t.lost))
            })
            .collect();
        let (want, want_all) = reference(c, from, to, window, now).await;
        let through = store.problem_complainants_rolled(from, to).await.unwrap();
        assert_eq!(
            through.is_some(),
            rolled,
            "{step}: roll-up answered [{from}, {to})"
        );
        if let Some((per_category, overall)) = through {
            let k: BTreeMap<i64, i64> = want.iter().map(|(k, v)| (*k, v.1)).collect();
            assert_eq!(
                (per_category, overall),
                (k, want_all),
                "{step}: complainants [{from}, {to})"
            );
        }
        assert_eq!(
            (got, all),
            (want.clone(), want_all),
            "{step}: [{from}, {to})"
        );
        let counts = store.problem_counts(p).await.unwrap();
        let want: BTreeMap<i64, i64> = want.iter().map(|(k, v)| (*k, v.0)).collect();
        assert_eq!(counts, want, "{step}: counts [{from}, {to})");
    }
    // The profile of everyone against the rows.
    let (from, to) = (T0 + DAY + 7 * HOUR, T0 + 9 * DAY + 7 * HOUR);
    let profile = store
        .profile_counts(
            Timestamp::from_microsecond(from).unwrap(),
            Timestamp::from_microsecond(to).unwrap(),
            None,
        )
        .await
        .unwrap();
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) FROM complaints WHERE received_at > $1 AND received_at <= $2 \
         AND merged_into IS NULL AND deleted_at IS NULL",
    )
    .bind(from)
    .bind(to)
    .fetch_one(&mut *c)
    .await
    .unwrap()
    .get(0);
    assert_eq!(profile.complaints, n, "{step}: profile complaints");
    let rows = sqlx::query(
        "SELECT NULLIF(TRIM(country), ''), COUNT(*) FROM customers GROUP BY NULLIF(TRIM(country), '')",
    )
    .fetch_all(&mut *c)
    .await
    .unwrap();
    let mut want: Vec<(Option<String>, i64)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let mut got = profile.field("country").to_vec();
    want.sort();
    got.sort();
    assert_eq!(got, want, "{step}: countries");
    let rows = sqlx::query(
        "SELECT birth_year, COUNT(*) FROM customers WHERE birth_year IS NOT NULL GROUP BY birth_year ORDER BY birth_year",
    )
    .fetch_all(&mut *c)
    .await
    .unwrap();
    let want: Vec<(i64, i64)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(profile.birth_years, want, "{step}: birth years");
    let k: i64 = sqlx::query("SELECT COUNT(*) FROM customers")
        .fetch_one(&mut *c)
        .await
        .unwrap()
        .get(0);
    assert_eq!(profile.customers, k, "{step}: customers");
}

async fn run(c: &mut AnyConnection, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut *c)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

#[tokio::test]
async fn the_problem_rollups_match_the_raw_rows_after_every_write() {
    sqlx::any::install_default_drivers();
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let mut c = AnyConnection::connect(&url).await.unwrap();
    for i in 1..=3 {
        run(
            &mut c,
            &format!("INSERT INTO categories (name, created_at) VALUES ('Cat {i}', {T0})"),
        )
        .await;
    }
    for (i, country) in [
        (1, "'ES'"),
        (2, "' ES '"),
        (3, "NULL"),
        (4, "''"),
        (5, "'TR'"),
    ] {
        let year = if i == 3 {
            "NULL".to_owned()
        } else {
            (1980 + i % 2).to_string()
        };
        run(
            &mut c,
            &format!(
                "INSERT INTO customers (name, country, birth_year, created_at, updated_at) \
                 VALUES ('c{i}', {country}, {year}, {T0}, {T0})"
            ),
        )
        .await;
    }
    // Intake: 48 complaints every 5 hours from T0 − 1 day, categories 1–3 and none, customers
    // 1–4; every third resolved 2 hours later with i·10 minor units, a 'resolve' event with it.
    for i in 0..48i64 {
        let at = T0 - DAY + i * 5 * HOUR;
        let category = if i % 4 == 3 {
            "NULL".to_owned()
        } else {
            (i % 4 + 1).to_string()
        };
        let (status, resolved, paid) = if i % 3 == 0 {
            (
                "resolved",
                (at + 2 * HOUR).to_string(),
                (i * 10).to_string(),
            )
        } else {
            ("received", "NULL".to_owned(), "NULL".to_owned())
        };
        run(
            &mut c,
            &format!(
                "INSERT INTO complaints (kind, status, customer_id, channel, received_at, description, \
                 priority, tier, source, version, created_at, updated_at, category_id, resolved_at, \
                 compensation_minor) VALUES ('complaint', '{status}', {}, 'web', {at}, 'x', 'normal', 1, \
                 'api', 1, {at}, {at}, {category}, {resolved}, {paid})",
                i % 4 + 1
            ),
        )
        .await;
        if i % 3 == 0 {
            run(
                &mut c,
                &format!(
                    "INSERT INTO complaint_events (complaint_id, at, actor, action) \
                     VALUES ({}, {}, 'test', 'resolve')",
                    i + 1,
                    at + 2 * HOUR
                ),
            )
            .await;
        }
    }
    // Customer 2 buys again a day after its complaints' resolutions of day 1.
    run(
        &mut c,
        &format!(
            "INSERT INTO transactions (customer_id, occurred_at, amount_minor, currency, returned, \
             created_at) VALUES (2, {}, 500, 'EUR', 0, {T0})",
            T0 + 2 * DAY
        ),
    )
    .await;
    check(&store, &mut c, "intake, never rolled up", false).await;
    roll_up(&store).await;
    check(&store, &mut c, "intake, rolled up", true).await;

    let steps = [
        (
            "category change",
            "UPDATE complaints SET category_id = 3 WHERE id IN (2, 5, 9, 12)",
        ),
        (
            "uncategorised",
            "UPDATE complaints SET category_id = NULL WHERE id = 13",
        ),
        (
            "categorised",
            "UPDATE complaints SET category_id = 1 WHERE id = 4",
        ),
        (
            "resolution",
            "UPDATE complaints SET resolved_at = received_at + 1, compensation_minor = 70 WHERE id IN (6, 8)",
        ),
        (
            "reopen",
            "UPDATE complaints SET resolved_at = NULL WHERE id = 7",
        ),
        (
            "compensation",
            "UPDATE complaints SET compensation_minor = 5 WHERE id = 10",
        ),
        (
            "merge",
            "UPDATE complaints SET merged_into = 1, merged_at = 1 WHERE id IN (3, 17, 22)",
        ),
        (
            "delete",
            "UPDATE complaints SET deleted_at = 1 WHERE id IN (11, 25, 31)",
        ),
        (
            "undelete",
            "UPDATE complaints SET deleted_at = NULL WHERE id = 25",
        ),
        (
            "moved receipt",
            "UPDATE complaints SET received_at = received_at + 86400000000 WHERE id IN (14, 30)",
        ),
        ("hard delete", "DELETE FROM complaints WHERE id = 47"),
        (
            "another customer",
            "UPDATE complaints SET customer_id = 3 WHERE id IN (5, 20, 33)",
        ),
        (
            "late intake",
            "INSERT INTO complaints (kind, status, customer_id, channel, received_at, description, \
             priority, tier, source, version, created_at, updated_at, category_id) VALUES \
             ('feedback', 'received', 4, 'web', 1728000000000001, 'x', 'normal', 1, 'api', 1, 1, 1, 2)",
        ),
        (
            "earlier resolve event",
            "INSERT INTO complaint_events (complaint_id, at, actor, action) VALUES (16, 1, 'test', 'resolve')",
        ),
        (
            "customer changed",
            "UPDATE customers SET country = 'DE', birth_year = 1990 WHERE id = 3",
        ),
        ("customer removed", "DELETE FROM customers WHERE id = 5"),
    ];
    for (step, sql) in steps {
        run(&mut c, sql).await;
        check(&store, &mut c, &format!("{step}, days marked"), true).await;
        roll_up(&store).await;
        check(&store, &mut c, &format!("{step}, recounted"), true).await;
    }
}
