//! The operations report through the roll-up (`report_days`, migration 0192) equals the live
//! count, on the engine the environment selects: after the job has recounted every day, with
//! days marked by every kind of write since (read from their complaints), after recounting
//! them, and after the company's zone changes. Complaints of every shape: open, resolved,
//! closed, reopened (twice, and overlapping a closing), merged, deleted, feedback; every
//! grouping, grain and single-field filter (category with those below it, team), alone, with
//! its own field's grouping and with another's; every two filters at once, grouped by neither,
//! by one of them or by a third field; three filters grouped by none or one of them; segments
//! of most customers, of all and of a few, through their own tallies, and while their members
//! changed (the roll-up less the outsiders' complaints, or live). Run twice: no day kept by
//! the hour, and every day kept by the hour (migration 0194), so marked days are read through
//! their stored hours.

mod queries;
mod seed;

use std::time::Duration;

use jiff::Timestamp;
use sqlx::{AnyConnection, Connection};
use tend_app::reports::job::{roll_up, sync_segments};
use tend_app::reports::{operations_live, operations_rolled};
use tend_store::testing::{count, fresh_database_url};
use tend_store::{Store, StoreOptions};

use queries::queries;
use seed::{DAY, HOUR, T0, change, run, seed, segments};

async fn same(store: &Store, when: &str) {
    same_but(store, when, None).await;
}

/// [`same`], but the queries of segment `unanswered` are counted live: the roll-up does not
/// answer them.
async fn same_but(store: &Store, when: &str, unanswered: Option<i64>) {
    for (name, f) in queries() {
        if unanswered.is_some() && f.segment_id == unanswered {
            let rolled = operations_rolled(store, &f).await.unwrap();
            assert_eq!(rolled, None, "{when}: {name}");
            continue;
        }
        let live = operations_live(store, &f).await.unwrap();
        let rolled = operations_rolled(store, &f).await.unwrap();
        let rolled = rolled.unwrap_or_else(|| panic!("{when}: the roll-up did not answer {name}"));
        assert_eq!(rolled, live, "{when}: {name}");
    }
}

async fn roll_up_all(store: &Store, recent_from: Timestamp) {
    let now = Timestamp::from_microsecond(T0).unwrap();
    let (more, _) = roll_up(store, Duration::from_secs(600), now, recent_from)
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
    segments(&store, &mut c).await;
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
    // Every other day marked in one hour (each read as its stored hours but that one), then
    // the days between (no more than 45 marked days at once, or the report is counted live).
    for parity in [0, 1].into_iter().filter(|_| by_hour) {
        for k in 0..30 {
            let at = T0 - 20 * DAY + (2 * k + parity) * DAY + 7 * HOUR;
            run(
                &mut c,
                &format!("INSERT INTO report_changes (at) VALUES ({at})"),
            )
            .await;
        }
        same(
            &store,
            &format!("every other day marked in one hour ({parity})"),
        )
        .await;
        roll_up_all(&store, recent_from).await;
    }
    same(&store, "rolled up").await;
    // Tallies of another format (migration 0195: before the triples, or written by an older
    // worker) are never read; the job recounts them in this one.
    run(&mut c, "UPDATE report_rollup SET format = 1").await;
    assert_eq!(
        operations_rolled(&store, f).await.unwrap(),
        None,
        "format 1"
    );
    roll_up_all(&store, recent_from).await;
    same(&store, "recounted in this format").await;
    segments_change(&store, &url, &mut c, recent_from).await;
    // Three filters grouped by a fourth field join four: counted live.
    let mut four = f.clone();
    four.range.group = tend_domain::reports::Group::Category;
    four.filter.channel = Some(tend_domain::catalog::ChannelCode::parse("phone").unwrap());
    four.filter.tier = Some(2);
    four.filter.product_id = Some(tend_domain::kernel::ids::ProductId(2));
    assert_eq!(operations_rolled(&store, &four).await.unwrap(), None);

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

/// Segments whose members change: until the job counts them again, a segment's own tallies are
/// never read (one of most customers is the whole less its outsiders, a small one is counted
/// live); then they are. An archived segment's tallies are dropped.
async fn segments_change(store: &Store, url: &str, c: &mut AnyConnection, recent_from: Timestamp) {
    assert_eq!(count(url, "report_segments").await, 3);
    // Customer 10 moves from Spain (3: now one customer) to Türkiye (1: now ten of twelve).
    run(c, "UPDATE customers SET country = 'TR' WHERE id = 10").await;
    same_but(store, "members changed", Some(3)).await;
    // The job stores the new sets and marks the complaints of customer 10, who moved: read
    // before the recount, every segment's own tallies stand for the days left unmarked.
    let now = Timestamp::from_microsecond(T0).unwrap();
    assert_eq!(sync_segments(store, now).await.unwrap(), 2);
    same(store, "members synced, their complaints marked").await;
    roll_up_all(store, recent_from).await;
    same(store, "members counted again").await;
    assert!(scalar(c, "SELECT COUNT(*) FROM report_days WHERE dim LIKE 's3:%'").await > 0);
    // A fourth segment, counted, then archived: its set and tallies are dropped.
    let t0 = Timestamp::from_microsecond(T0).unwrap();
    let draft = tend_domain::segments::SegmentDraft {
        name: Some("Spain again".to_owned()),
        country: Some("ES".to_owned()),
        ..Default::default()
    };
    let by = tend_domain::kernel::ids::EmployeeId(1);
    let four = tend_app::segments::create(store, &draft, by, t0)
        .await
        .unwrap();
    roll_up_all(store, recent_from).await;
    assert_eq!(count(url, "report_segments").await, 4);
    let tallies = format!(
        "SELECT COUNT(*) FROM report_days WHERE dim LIKE 's{}:%'",
        four.id
    );
    assert!(scalar(c, &tallies).await > 0);
    let f = tend_app::reports::OperationsFilter {
        segment_id: Some(four.id),
        ..queries()[0].1.clone()
    };
    let live = operations_live(store, &f).await.unwrap();
    assert!(live.range.total.received.complaints > 0);
    assert_eq!(
        operations_rolled(store, &f).await.unwrap(),
        Some(live.clone())
    );
    tend_app::segments::archive(store, four.id, by, t0)
        .await
        .unwrap();
    roll_up_all(store, recent_from).await;
    assert_eq!(count(url, "report_segments").await, 3);
    assert_eq!(scalar(c, &tallies).await, 0);
    // Archived, it is counted live (a report may still name it).
    assert_eq!(operations_rolled(store, &f).await.unwrap(), None);
    assert_eq!(operations_live(store, &f).await.unwrap(), live);
    // A segment whose members change as time passes (a complaint window) has no tallies of
    // its own: of most customers, it is the whole less its outsiders.
    let draft = tend_domain::segments::SegmentDraft {
        name: Some("Recent".to_owned()),
        min_complaints: Some(1),
        complaint_days: Some(3660),
        ..Default::default()
    };
    let recent = tend_app::segments::create(store, &draft, by, t0)
        .await
        .unwrap();
    roll_up_all(store, recent_from).await;
    assert_eq!(count(url, "report_segments").await, 3);
    let f = tend_app::reports::OperationsFilter {
        segment_id: Some(recent.id),
        ..f
    };
    let live = operations_live(store, &f).await.unwrap();
    assert!(live.range.total.received.complaints > 0);
    assert_eq!(operations_rolled(store, &f).await.unwrap(), Some(live));
}

async fn scalar(c: &mut AnyConnection, sql: &str) -> i64 {
    sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_one(c)
        .await
        .unwrap()
}
