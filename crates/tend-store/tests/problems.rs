//! The top problems' managers' settings on the engine the environment selects (SQLite, or
//! PostgreSQL when `TEND_TEST_DATABASE_URL` is set): marks and weights are append-only even for
//! raw SQL, the newest in force, and a past instant reads the weights in force then; figure
//! links likewise.

use jiff::{SignedDuration, Timestamp};
use sqlx::Connection;
use tend_domain::kernel::text::{Email, Name, Tier};
use tend_domain::problems::{DEFAULT_WEIGHTS, Weights};
use tend_domain::staff::Role;
use tend_store::testing::fresh_database_url;
use tend_store::{Store, StoreOptions};

fn t(minutes: i64) -> Timestamp {
    let t0: Timestamp = "2026-03-06T15:30:00Z".parse().unwrap();
    t0 + SignedDuration::from_mins(minutes)
}

#[tokio::test]
async fn problem_marks_and_weights_are_append_only_and_reproducible() {
    sqlx::any::install_default_drivers();
    let url = fresh_database_url().await;
    let store = Store::open(&StoreOptions::new(&url)).await.unwrap();
    let email = Email::parse("mia@example.com").unwrap();
    let name = Name::parse("Mia").unwrap();
    let m = store
        .create_employee(
            &email,
            &name,
            Role::Manager,
            None,
            Tier::FRONT_LINE,
            "-",
            t(0),
        )
        .await
        .unwrap();
    let cat = store
        .create_category(&Name::parse("Billing").unwrap(), None, t(0))
        .await
        .unwrap();
    store
        .mark_problem(cat.id.0, false, Some("no"), m.id, t(1))
        .await
        .unwrap();
    store
        .mark_problem(cat.id.0, true, None, m.id, t(2))
        .await
        .unwrap();
    let marks = store.problem_marks().await.unwrap();
    assert_eq!(
        (marks.len(), marks[0].actionable, marks[0].set_at),
        (1, true, t(2))
    );
    let w = Weights {
        frequency: 10,
        cost: 80,
        lost: 10,
        listening: 5,
    };
    store.set_problem_weights(w, m.id, t(10)).await.unwrap();
    // Before the change, the defaults were in force; after, the change with who and when.
    assert_eq!(
        store.problem_weights(t(9)).await.unwrap().weights,
        DEFAULT_WEIGHTS
    );
    let now = store.problem_weights(t(11)).await.unwrap();
    assert_eq!(
        (now.weights, now.set_by, now.set_at),
        (w, Some(m.id), Some(t(10)))
    );

    // A figure linked at 12 and unlinked at 13: in force between, history kept.
    let figure = store.figures().await.unwrap()[0].id;
    store
        .link_problem_figure(figure, cat.id.0, true, m.id, t(12))
        .await
        .unwrap();
    store
        .link_problem_figure(figure, cat.id.0, false, m.id, t(13))
        .await
        .unwrap();
    let linked = store.problem_figure_links(t(12)).await.unwrap();
    assert_eq!(
        (linked.len(), linked[0].figure_id, linked[0].set_at),
        (1, figure, t(12))
    );
    assert!(store.problem_figure_links(t(14)).await.unwrap().is_empty());

    let mut raw = sqlx::AnyConnection::connect(&url).await.unwrap();
    for sql in [
        "UPDATE problem_figure_links SET linked = 1",
        "DELETE FROM problem_figure_links",
        "UPDATE problem_marks SET actionable = 0",
        "DELETE FROM problem_marks",
        "UPDATE problem_weights SET cost = 0",
        "DELETE FROM problem_weights",
    ] {
        let err = sqlx::query(sql).execute(&mut raw).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    raw.close().await.unwrap();
    assert_eq!(store.problem_marks().await.unwrap().len(), 1);
    assert_eq!(store.problem_weights_history().await.unwrap().len(), 1);
}
