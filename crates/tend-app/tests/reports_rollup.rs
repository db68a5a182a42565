//! The operations report through the roll-up (`report_days`, migration 0192) equals the live
//! count, on the engine the environment selects: after the job has recounted every day, with
//! days marked by every kind of write since (read from their complaints), after recounting
//! them, and after the company's zone changes. Complaints of every shape: open, resolved,
//! closed, reopened (twice, and overlapping a closing), merged, deleted, feedback; every
//! grouping, grain and single-field filter (category with those below it, team), alone, with
//! its own field's grouping and with another's; every two filters at once, grouped by neither
//! or by one of them.

use std::time::Duration;

use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::{AnyConnection, Connection};
use tend_app::reports::job::roll_up;
use tend_app::reports::{OperationsFilter, operations_live, operations_rolled};
use tend_domain::catalog::ChannelCode;
use tend_domain::kernel::ids::{CategoryId, EmployeeId, ProductId};
use tend_domain::reports::{Grain, Group, Range};
use tend_store::testing::{count, fresh_database_url};
use tend_store::{ComplaintFilter, Store, StoreOptions};

const DAY: i64 = 86_400_000_000;
const HOUR: i64 = 3_600_000_000;
/// 2024-10-04 00:00 UTC (day 20,000).
const T0: i64 = 20_000 * DAY;

async fn run(c: &mut AnyConnection, sql: &str) {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(&mut *c)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A small deterministic generator (numbers from 0 to n − 1).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: i64) -> i64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as i64
    }
}

fn opt(v: Option<i64>) -> String {
    v.map_or("NULL".to_owned(), |v| v.to_string())
}

async fn seed(c: &mut AnyConnection) {
    for (i, parent) in [(1, "NULL"), (2, "1"), (3, "2"), (4, "NULL")] {
        run(c, &format!("INSERT INTO categories (id, name, parent_id, created_at) VALUES ({i}, 'Cat {i}', {parent}, {T0})")).await;
    }
    for i in 1..=3 {
        run(
            c,
            &format!("INSERT INTO products (id, name, created_at) VALUES ({i}, 'P{i}', {T0})"),
        )
        .await;
    }
    for (i, team) in [(1, "'a'"), (2, "'a'"), (3, "'b'"), (4, "NULL")] {
        run(c, &format!("INSERT INTO employees (id, email, name, role, team, created_at) VALUES ({i}, 'e{i}@x.test', 'E{i}', 'agent', {team}, {T0})")).await;
    }
    for i in 1..=12 {
        run(c, &format!("INSERT INTO customers (id, name, created_at, updated_at) VALUES ({i}, 'c{i}', {T0}, {T0})")).await;
    }
    let mut g = Lcg(7);
    for id in 1..=260i64 {
        let received = T0 - 20 * DAY + g.next(50 * DAY / HOUR) * HOUR + g.next(HOUR);
        let channel = ["phone", "email", "web"][g.next(3) as usize];
        let kind = if id % 41 == 0 {
            "feedback"
        } else {
            "complaint"
        };
        let pick = |g: &mut Lcg, n: i64| {
            let v = g.next(n + 1);
            (v > 0).then_some(v)
        };
        let (category, product, assignee) = (pick(&mut g, 4), pick(&mut g, 3), pick(&mut g, 4));
        let tier = g.next(4);
        let responded = g.next(4) > 0;
        let fr = |g: &mut Lcg| responded.then(|| g.next(600));
        let (frm, frs) = (fr(&mut g), fr(&mut g));
        let within = responded.then(|| g.next(3)).filter(|w| *w < 2);
        let resolved = g.next(3) > 0;
        let first_resolved = resolved.then(|| received + g.next(10 * DAY / HOUR) * HOUR + 7);
        let closed = (g.next(5) == 0).then(|| first_resolved.unwrap_or(received) + g.next(3 * DAY));
        let (rm, rs) = if resolved {
            (Some(g.next(900)), Some(g.next(90_000)))
        } else {
            (None, None)
        };
        let (fm, fs) = if resolved {
            (Some(g.next(900)), Some(g.next(90_000)))
        } else {
            (None, None)
        };
        let customer = 1 + g.next(12);
        run(c, &format!(
            "INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, \
             priority, tier, source, version, created_at, updated_at, category_id, product_id, assignee_id, \
             first_response_minutes, first_response_seconds, first_response_within, first_resolved_at, \
             resolved_at, closed_at, first_resolution_minutes, first_resolution_seconds, \
             final_resolution_minutes, final_resolution_seconds) VALUES ({id}, '{kind}', 'received', \
             {customer}, '{channel}', {received}, 'x', 'normal', {tier}, 'api', 1, {received}, {received}, \
             {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {})",
            opt(category), opt(product), opt(assignee), opt(frm), opt(frs), opt(within),
            opt(first_resolved), opt(first_resolved), opt(closed), opt(rm), opt(rs), opt(fm), opt(fs)
        )).await;
        // Every seventh resolved one reopened: once, or twice with the second still open.
        if let (Some(t), true) = (first_resolved, id % 7 == 0) {
            let a = t + g.next(2 * DAY);
            let e = a + g.next(3 * DAY);
            run(c, &format!("INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at) VALUES ({id}, {a}, {e})")).await;
            if id % 2 == 0 {
                let b = e + g.next(DAY);
                run(c, &format!("INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at) VALUES ({id}, {b}, NULL)")).await;
                run(
                    c,
                    &format!("UPDATE complaints SET resolved_at = NULL WHERE id = {id}"),
                )
                .await;
            }
        }
    }
    // Closed without a resolution, reopened, then resolved: the spell overlaps the first.
    let at = T0 + 3 * HOUR;
    run(c, &format!(
        "INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, priority, \
         tier, source, version, created_at, updated_at, closed_at, first_resolved_at, resolved_at) VALUES \
         (900, 'complaint', 'resolved', 3, 'web', {at}, 'x', 'normal', 1, 'api', 1, {at}, {at}, {}, {}, {})",
        at + DAY, at + 3 * DAY, at + 3 * DAY
    )).await;
    run(c, &format!("INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at) VALUES (900, {}, {})", at + 2 * DAY, at + 3 * DAY)).await;
    run(c, "UPDATE complaints SET merged_into = 3 WHERE id = 5").await;
    run(
        c,
        &format!("UPDATE complaints SET deleted_at = {T0} WHERE id = 6"),
    )
    .await;
}

/// Writes of every kind, each marking days.
async fn change(c: &mut AnyConnection) {
    for sql in [
        format!("UPDATE complaints SET first_resolved_at = received_at + {0}, resolved_at = received_at + {0}, first_resolution_minutes = 33, first_resolution_seconds = 4000, final_resolution_minutes = 33, final_resolution_seconds = 4000 WHERE id = (SELECT MIN(id) FROM complaints WHERE first_resolved_at IS NULL AND closed_at IS NULL AND id > 20)", 5 * DAY),
        "UPDATE complaints SET channel = 'email' WHERE id = 11".to_owned(),
        "UPDATE complaints SET category_id = 3, product_id = NULL, assignee_id = 2, tier = 3 WHERE id = 12".to_owned(),
        format!("UPDATE complaints SET deleted_at = {T0} WHERE id = 13"),
        "UPDATE complaints SET merged_into = 15 WHERE id = 14".to_owned(),
        "UPDATE complaints SET deleted_at = NULL WHERE id = 6".to_owned(),
        "UPDATE complaints SET customer_id = 1, first_response_seconds = 5, first_response_within = 1 WHERE id = 16".to_owned(),
        format!("UPDATE complaints SET received_at = received_at - {DAY} WHERE id = 17"),
        format!("INSERT INTO complaint_reopens (complaint_id, reopened_at, ended_at) SELECT id, first_resolved_at + {HOUR}, NULL FROM complaints WHERE id = (SELECT MIN(id) FROM complaints WHERE first_resolved_at IS NOT NULL AND id > 30 AND id NOT IN (SELECT complaint_id FROM complaint_reopens))"),
        format!("UPDATE complaint_reopens SET ended_at = reopened_at + {DAY} WHERE ended_at IS NULL AND complaint_id = (SELECT MIN(complaint_id) FROM complaint_reopens WHERE ended_at IS NULL)"),
        "DELETE FROM complaint_reopens WHERE complaint_id = 900".to_owned(),
        format!("INSERT INTO complaints (id, kind, status, customer_id, channel, received_at, description, priority, tier, source, version, created_at, updated_at) VALUES (950, 'complaint', 'received', 2, 'phone', {0}, 'x', 'normal', 2, 'api', 1, {0}, {0})", T0 + 9 * DAY + 5),
        "DELETE FROM complaints WHERE id = 19 AND id NOT IN (SELECT complaint_id FROM complaint_reopens)".to_owned(),
    ] {
        run(c, &sql).await;
    }
}

fn queries() -> Vec<(String, OperationsFilter)> {
    let d = |n: i64| {
        Date::constant(2024, 10, 4)
            .checked_add(jiff::Span::new().days(n))
            .unwrap()
    };
    let mut out = Vec::new();
    let mut add =
        |name: String, from: i64, to: i64, grain: Grain, group: Group, filter: ComplaintFilter| {
            let range = Range {
                from: d(from),
                to: d(to),
                grain,
                group,
            };
            out.push((
                name,
                OperationsFilter {
                    range,
                    filter,
                    segment_id: None,
                },
            ));
        };
    for group in Group::ALL {
        for (grain, from, to) in [
            (Grain::Day, -3, 12),
            (Grain::Week, -25, 40),
            (Grain::Month, -60, 60),
        ] {
            add(
                format!("{group:?} by {grain:?}"),
                from,
                to,
                grain,
                group,
                ComplaintFilter::default(),
            );
        }
    }
    let filters: [(&str, Group, ComplaintFilter); 6] = [
        (
            "phone",
            Group::Channel,
            ComplaintFilter {
                channel: Some(ChannelCode::parse("phone").unwrap()),
                ..Default::default()
            },
        ),
        (
            "category 1 and below",
            Group::Category,
            ComplaintFilter {
                category_id: Some(CategoryId(1)),
                ..Default::default()
            },
        ),
        (
            "product 2",
            Group::Product,
            ComplaintFilter {
                product_id: Some(ProductId(2)),
                ..Default::default()
            },
        ),
        (
            "tier 2",
            Group::Tier,
            ComplaintFilter {
                tier: Some(2),
                ..Default::default()
            },
        ),
        (
            "assignee 3",
            Group::Assignee,
            ComplaintFilter {
                assignee_id: Some(EmployeeId(3)),
                ..Default::default()
            },
        ),
        (
            "team a",
            Group::Assignee,
            ComplaintFilter {
                team: Some("a".to_owned()),
                ..Default::default()
            },
        ),
    ];
    let others = [
        Group::Tier,
        Group::Channel,
        Group::Assignee,
        Group::Category,
        Group::Product,
        Group::Channel,
    ];
    // Two filters at once (an assignee and a team: both must allow), grouped by neither, by
    // one and by the other.
    let mut two = filters.to_vec();
    two.push((
        "assignee 2",
        Group::Assignee,
        ComplaintFilter {
            assignee_id: Some(EmployeeId(2)),
            ..Default::default()
        },
    ));
    for (i, (a, ga, fa)) in two.iter().enumerate() {
        for (b, gb, fb) in &two[i + 1..] {
            let both = ComplaintFilter {
                channel: fa.channel.clone().or(fb.channel.clone()),
                category_id: fa.category_id.or(fb.category_id),
                product_id: fa.product_id.or(fb.product_id),
                tier: fa.tier.or(fb.tier),
                assignee_id: fa.assignee_id.or(fb.assignee_id),
                team: fa.team.clone().or(fb.team.clone()),
                ..Default::default()
            };
            for group in [Group::None, *ga, *gb] {
                let name = format!("{a} and {b}, by {group:?} by week");
                add(name, -25, 40, Grain::Week, group, both.clone());
            }
        }
    }
    for ((name, dim, filter), other) in filters.into_iter().zip(others) {
        add(
            format!("{name}, by {other:?} by week"),
            -25,
            40,
            Grain::Week,
            other,
            filter.clone(),
        );
        add(
            format!("{name}, by week"),
            -25,
            40,
            Grain::Week,
            Group::None,
            filter.clone(),
        );
        add(
            format!("{name}, by {dim:?} by day"),
            -2,
            9,
            Grain::Day,
            dim,
            filter,
        );
    }
    out
}

async fn same(store: &Store, when: &str) {
    for (name, f) in queries() {
        let live = operations_live(store, &f).await.unwrap();
        let rolled = operations_rolled(store, &f).await.unwrap();
        let rolled = rolled.unwrap_or_else(|| panic!("{when}: the roll-up did not answer {name}"));
        assert_eq!(rolled, live, "{when}: {name}");
    }
}

async fn roll_up_all(store: &Store, recent_from: Timestamp) {
    let (more, _) = roll_up(store, Duration::from_secs(600), recent_from)
        .await
        .unwrap();
    assert!(!more);
}

#[tokio::test]
async fn the_rolled_up_report_equals_the_live_count_after_every_kind_of_write() {
    story(Timestamp::MAX).await;
}

/// Every day recent: each is kept by the hour too, and a marked day is read from its stored
/// hours and its marked hours' complaints.
#[tokio::test]
async fn the_report_equals_the_live_count_with_every_day_kept_by_the_hour() {
    let (store, url, mut c) = story(Timestamp::MIN).await;
    // Once the horizon passes them, a recount drops every older day's hours: whole days again.
    run(&mut c, "UPDATE complaints SET channel = 'web' WHERE id = 5").await;
    roll_up_all(&store, Timestamp::MAX).await;
    assert_eq!(count(&url, "report_hour_days").await, 0);
    assert_eq!(count(&url, "report_hours").await, 0);
    same(&store, "hours dropped").await;
}

/// The story on a new database, keeping by the hour the days whose window ends after
/// `recent_from`; the store, its URL and a connection to it.
async fn story(recent_from: Timestamp) -> (Store, String, AnyConnection) {
    sqlx::any::install_default_drivers();
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let mut c = AnyConnection::connect(&url).await.unwrap();
    seed(&mut c).await;
    run(&mut c, "INSERT INTO company_settings (name, value, updated_at) VALUES ('time_zone', 'Europe/Istanbul', 0)").await;
    let f = &queries()[0].1;
    assert_eq!(
        operations_rolled(&store, f).await.unwrap(),
        None,
        "never rolled up: live"
    );

    roll_up_all(&store, recent_from).await;
    assert_eq!(count(&url, "report_changes").await, 0);
    assert!(count(&url, "report_days").await > 100);
    let by_hour = recent_from == Timestamp::MIN;
    assert_eq!(count(&url, "report_hour_days").await > 40, by_hour);
    assert_eq!(count(&url, "report_hours").await > 1000, by_hour);
    same(&store, "rolled up").await;

    change(&mut c).await;
    assert!(count(&url, "report_changes").await > 5);
    same(&store, "marked days").await;

    roll_up_all(&store, recent_from).await;
    assert_eq!(count(&url, "report_changes").await, 0);
    same(&store, "recounted").await;

    // Another zone: the tallies of the old one are never read, then all are recounted.
    run(
        &mut c,
        "UPDATE company_settings SET value = 'America/St_Johns' WHERE name = 'time_zone'",
    )
    .await;
    assert_eq!(
        operations_rolled(&store, f).await.unwrap(),
        None,
        "tallies of another zone"
    );
    roll_up_all(&store, recent_from).await;
    same(&store, "another zone").await;

    // Marked again in a zone whose midnight is not on the hour: clipped hours.
    for sql in [
        "UPDATE complaints SET channel = 'email' WHERE id IN (3, 17, 40, 77)",
        "UPDATE complaints SET received_at = received_at + 1800000000 WHERE id IN (12, 90)",
        "UPDATE complaints SET tier = 3 WHERE id = 150",
    ] {
        run(&mut c, sql).await;
    }
    assert!(count(&url, "report_changes").await > 3);
    same(&store, "marked again, another zone").await;
    (store, url, c)
}
