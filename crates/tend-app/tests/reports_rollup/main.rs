//! The operations report through the roll-up (`report_days`, migration 0192) equals the live
//! count, on the engine the environment selects: after the job has recounted every day, with
//! days marked by every kind of write since (read from their complaints), after recounting
//! them, and after the company's zone changes. Complaints of every shape: open, resolved,
//! closed, reopened (twice, and overlapping a closing), merged, deleted, feedback; every
//! grouping, grain and single-field filter (category with those below it, team), alone, with
//! its own field's grouping and with another's; every two filters at once, grouped by neither,
//! by one of them or by a third field; three filters grouped by none or one of them; a segment of most customers or of all, through the roll-up less its
//! outsiders' complaints. Run twice: no day kept by the hour, and every day kept by the hour
//! (migration 0194), so marked days are read through their stored hours.

mod queries;
mod seed;

use std::time::Duration;

use jiff::Timestamp;
use sqlx::{AnyConnection, Connection};
use tend_app::reports::job::roll_up;
use tend_app::reports::{operations_live, operations_rolled};
use tend_store::testing::{count, fresh_database_url};
use tend_store::{Store, StoreOptions};

use queries::queries;
use seed::{DAY, HOUR, T0, change, run, seed, segments};

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
    // A segment of three customers in twelve is counted live from their own complaints.
    let spain = tend_app::reports::OperationsFilter {
        segment_id: Some(3),
        ..f.clone()
    };
    assert_eq!(operations_rolled(&store, &spain).await.unwrap(), None);
    let live = operations_live(&store, &spain).await.unwrap();
    assert!(live.range.total.received.complaints > 0);
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
