//! The dead jobs page: admins only, each dead job with the reason it died, retry and discard
//! behind the session's CSRF token.

use jiff::SignedDuration;
use tend_domain::staff::Role;

use crate::browser::signed_in;
use crate::helpers::{now, spawn_app};

/// A job given up on with `error`; returns its id.
async fn dead_job(app: &tend_testkit::TestApp, key: &str, error: &str) -> i64 {
    let store = &app.store;
    let payload = serde_json::json!({"to": "x@example.com>"});
    let id = store
        .enqueue("deliver", &payload, now(), Some(key), now())
        .await
        .unwrap()
        .unwrap();
    let claimed = store
        .claim(
            "test-worker",
            &["deliver"],
            10,
            SignedDuration::from_mins(1),
            now(),
        )
        .await
        .unwrap();
    assert!(claimed.iter().any(|j| j.id == id));
    store
        .give_up(id, "test-worker", error, now())
        .await
        .unwrap();
    id.0
}

#[tokio::test]
async fn admins_see_dead_jobs_and_retry_or_discard_them() {
    let app = spawn_app().await;
    let a = dead_job(&app, "dead-a", "invalid address: x@example.com>").await;
    let b = dead_job(&app, "dead-b", "mailbox <unavailable>").await;

    for role in [Role::Manager, Role::Agent, Role::Viewer] {
        let other = signed_in(&app, role).await;
        assert_eq!(other.get("/settings/jobs").await.status, 403, "{role:?}");
    }

    let admin = signed_in(&app, Role::Admin).await;
    let page = admin.get("/settings/jobs").await;
    assert_eq!(page.status, 200, "{}", page.html);
    assert!(page.html.contains("Dead jobs listed: 2"), "{}", page.html);
    assert!(page.html.contains(&format!("id=\"job-{a}\"")));
    assert!(
        page.html.contains("invalid address: x@example.com&#62;"),
        "{}",
        page.html
    );
    assert!(
        page.html.contains("mailbox &#60;unavailable&#62;"),
        "escaped"
    );

    // Died at NOW, in the reader's zone: UTC while neither they nor the company chose one,
    // then their own.
    assert!(page.html.contains("Mar 6, 2026 15:30 UTC"), "{}", page.html);
    let mine = [("language", "en"), ("time_zone", "America/Mexico_City")];
    assert_eq!(admin.submit("/me", "/me", &mine).await.status, 303);
    let page = admin.get("/settings/jobs").await;
    assert!(page.html.contains("Mar 6, 2026 09:30 CST"), "{}", page.html);

    // No CSRF token, no change.
    assert_eq!(
        admin
            .post_raw(&format!("/settings/jobs/{a}/retry"), &[])
            .await
            .status,
        403
    );
    assert_eq!(app.store.dead_jobs(10).await.unwrap().len(), 2);

    let res = admin
        .submit("/settings/jobs", &format!("/settings/jobs/{a}/retry"), &[])
        .await;
    assert_eq!(res.status, 303);
    assert_eq!(res.location(), "/settings/jobs");
    let res = admin
        .submit(
            "/settings/jobs",
            &format!("/settings/jobs/{b}/discard"),
            &[],
        )
        .await;
    assert_eq!(res.status, 303);
    assert!(app.store.dead_jobs(10).await.unwrap().is_empty());
    // The retried job is due again with fresh attempts; the discarded one is gone.
    let counts = app.store.job_counts(now()).await.unwrap();
    assert_eq!((counts.waiting, counts.dead), (1, 0));
    let again = admin
        .submit(
            "/settings/jobs",
            &format!("/settings/jobs/{b}/discard"),
            &[],
        )
        .await;
    assert_eq!(again.status, 404);

    let mut es = signed_in(&app, Role::Admin).await;
    es.accept_language = Some("es".into());
    es.set_cookie("lang", "es");
    let html = es.get("/settings/jobs").await.html;
    assert!(html.contains("Ninguna tarea ha fallado."), "{html}");
}
