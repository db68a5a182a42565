//! Figures in the store, on both engines: a stale figure's notice is recorded once per missed
//! period with its mail's job in the same transaction (a second notice of the same period
//! queues nothing), the notices are append-only even for raw SQL, and values come back with
//! their dimensions for the breakdown.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::date;
use sqlx::Connection;
use tend_domain::figures::ValueDraft;
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::staff::Role;
use tend_store::testing::fresh_database_url;
use tend_store::{NewJob, Store, StoreOptions, Via};

fn mail(key: &str, now: Timestamp) -> NewJob {
    NewJob {
        kind: "mail".into(),
        payload: serde_json::json!({"event": key}),
        run_at: now,
        dedupe_key: format!("mail:{key}"),
    }
}

#[tokio::test]
async fn figures_a_missed_period_is_noticed_once_with_its_mail_and_kept() {
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let now = Timestamp::from_second(1_773_144_000).unwrap();
    let owner = store
        .create_employee(
            &Email::parse("mona@tend.test").unwrap(),
            &Name::parse("Mona").unwrap(),
            Role::Manager,
            None,
            Tier::FRONT_LINE,
            "x",
            now,
        )
        .await
        .unwrap();
    let f = store.figure_by_code("calls_abandoned").await.unwrap();
    let (feb, mar) = (date(2026, 2, 1), date(2026, 3, 1));
    let first = mail("figure_stale:feb", now);
    assert!(
        store
            .notice_stale_figure(f.id, feb, owner.id, &first, now)
            .await
            .unwrap()
    );
    assert_eq!(store.pending_jobs().await.unwrap(), 1);
    // The same period again, even with another message: nothing recorded, nothing queued.
    let again = mail("figure_stale:feb-again", now);
    assert!(
        !store
            .notice_stale_figure(f.id, feb, owner.id, &again, now)
            .await
            .unwrap()
    );
    assert_eq!(store.pending_jobs().await.unwrap(), 1);
    // The next period missed is a notice of its own.
    let next = mail("figure_stale:mar", now);
    assert!(
        store
            .notice_stale_figure(f.id, mar, owner.id, &next, now)
            .await
            .unwrap()
    );
    assert_eq!(store.pending_jobs().await.unwrap(), 2);
    let notices = store.stale_notices(f.id).await.unwrap();
    let periods: Vec<_> = notices.iter().map(|n| n.period).collect();
    assert_eq!(periods, [mar, feb]);
    assert_eq!(
        (notices[1].owner_id, notices[1].noticed_at),
        (owner.id, now)
    );

    let mut raw = sqlx::AnyConnection::connect(&url).await.unwrap();
    for sql in [
        "UPDATE figure_stale_notices SET period = '2026-01-01'",
        "DELETE FROM figure_stale_notices",
    ] {
        let err = sqlx::query(sql).execute(&mut raw).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    raw.close().await.unwrap();
}

#[tokio::test]
async fn figures_values_come_back_with_their_dimensions() {
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let now = Timestamp::from_second(1_773_144_000).unwrap();
    let f = store.figure_by_code("backorders").await.unwrap();
    let value = |period: &str, product: Option<&str>, n: i64| {
        let dimensions: BTreeMap<String, String> = product
            .map(|p| ("product".to_owned(), p.to_owned()))
            .into_iter()
            .collect();
        let draft = ValueDraft {
            period: Some(period.into()),
            dimensions,
            numerator: Some(n),
            denominator: None,
        };
        draft.validate(&f).unwrap()
    };
    let values = [
        value("2026-02-01", Some("Kettle"), 4),
        value("2026-01-01", None, 1),
        value("2026-01-01", Some("Iron"), 7),
    ];
    store
        .put_figure_values(f.id, &values, None, Via::Api, now)
        .await
        .unwrap();
    let got = store
        .figure_points_with_dimensions(&f, date(2026, 1, 1), date(2026, 3, 1))
        .await
        .unwrap();
    let got: Vec<_> = got
        .iter()
        .map(|(d, p)| (d.as_str(), p.period, p.numerator))
        .collect();
    assert_eq!(
        got,
        [
            ("", date(2026, 1, 1), 1),
            ("product=Iron", date(2026, 1, 1), 7),
            ("product=Kettle", date(2026, 2, 1), 4),
        ]
    );
}
