//! Merging (`POST /api/v1/complaints/{id}/merge`) and deleting (`DELETE
//! /api/v1/complaints/{id}`) complaints: managers only, refusals named, both timelines and
//! both status links kept on a merge, a delete hidden everywhere and purged after 30 days.

use jiff::SignedDuration;
use serde_json::json;
use tend_app::jobs::{Worker, WorkerConfig};
use tend_domain::kernel::ids::ComplaintId;

use crate::helpers::{TestApp, spawn_app};

async fn two_of_one_customer(app: &TestApp) -> (i64, i64, i64) {
    let customer = app.create_customer().await;
    let a = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let b = app.create_complaint(customer).await["id"].as_i64().unwrap();
    (customer, a, b)
}

async fn merge(app: &TestApp, token: &str, from: i64, into: i64) -> crate::helpers::Reply {
    let path = format!("/api/v1/complaints/{from}/merge");
    app.post_json(&path, token, &json!({ "into": into })).await
}

async fn status(app: &TestApp, id: i64) -> (u16, String) {
    let token = app.store.status_token(ComplaintId(id)).await.unwrap();
    let res = app
        .client
        .get(app.url(&format!("/status/{token}")))
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn a_merge_keeps_both_timelines_and_both_status_links() {
    let app = spawn_app().await;
    let (_, a, b) = two_of_one_customer(&app).await;
    let (ref_a, ref_b) = (
        app.complaint(a).await["reference"]
            .as_str()
            .unwrap()
            .to_owned(),
        app.complaint(b).await["reference"]
            .as_str()
            .unwrap()
            .to_owned(),
    );
    assert!(
        app.store
            .pending_job_at(&format!("sla:{b}"))
            .await
            .unwrap()
            .is_some()
    );
    merge(&app, &app.agent.token, b, a)
        .await
        .expect_error(403, "forbidden", None);
    merge(&app, &app.manager.token, b, a).await.expect(204);
    // B's own events stay B's, with the merge at the end; A names B.
    let tb = app.timeline(b).await;
    assert_eq!(tb[0]["action"], "created");
    let last = tb.last().unwrap();
    assert_eq!(
        (&last["action"], &last["new_value"]),
        (&json!("merged_into"), &json!(ref_a))
    );
    let ta = app.timeline(a).await;
    let last = ta.last().unwrap();
    assert_eq!(
        (&last["action"], &last["new_value"]),
        (&json!("merged_from"), &json!(ref_b))
    );
    // B is out of the list; reading it (by id or reference) leads to A.
    assert_eq!(app.list_ids("").await, vec![a]);
    let raw = app
        .client
        .get(app.url(&format!("/api/v1/complaints/{ref_b}")))
        .bearer_auth(&app.agent.token)
        .send()
        .await
        .unwrap();
    assert_eq!(raw.url().path(), format!("/api/v1/complaints/{a}"));
    let followed: serde_json::Value = raw.json().await.unwrap();
    assert_eq!(followed["id"], a);
    // Both customer links show A's status page.
    let (code_a, page_a) = status(&app, a).await;
    let (code_b, page_b) = status(&app, b).await;
    assert_eq!((code_a, code_b), (200, 200));
    assert!(
        page_a.contains(&ref_a) && page_b.contains(&ref_a),
        "{page_b}"
    );
    assert!(!page_b.contains(&ref_b));
    // B's open jobs are finished with the merge; A's stay.
    assert!(
        app.store
            .pending_job_at(&format!("sla:{b}"))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        app.store
            .pending_job_at(&format!("sla:{a}"))
            .await
            .unwrap()
            .is_some()
    );
    // B can no longer be worked.
    let act = app
        .act(b, &json!({"action": "understand", "facts": "x"}))
        .await;
    act.expect_error(422, "validation_failed", Some("id"));
}

#[tokio::test]
async fn merges_are_refused_into_itself_a_merged_or_deleted_one_or_another_customers() {
    let app = spawn_app().await;
    let (customer, a, b) = two_of_one_customer(&app).await;
    let c = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let d = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let other = app.create_customer().await;
    let x = app.create_complaint(other).await["id"].as_i64().unwrap();
    let m = &app.manager.token;
    let code = |r: crate::helpers::Reply| r.body["error"]["fields"]["into"].to_string();
    let r = merge(&app, m, a, a).await;
    r.expect_error(422, "validation_failed", Some("into"));
    assert!(code(r).contains("itself"));
    let r = merge(&app, m, a, x).await;
    r.expect_error(422, "validation_failed", Some("into"));
    assert!(code(r).contains("another customer"));
    merge(&app, m, b, a).await.expect(204);
    let r = merge(&app, m, c, b).await;
    r.expect_error(422, "validation_failed", Some("into"));
    assert!(code(r).contains("merged or deleted"));
    app.client
        .delete(app.url(&format!("/api/v1/complaints/{d}?reason=spam")))
        .bearer_auth(m)
        .send()
        .await
        .unwrap();
    let r = merge(&app, m, c, d).await;
    r.expect_error(422, "validation_failed", Some("into"));
    assert!(code(r).contains("merged or deleted"));
    let r = merge(&app, m, c, 999_999).await;
    r.expect_error(422, "validation_failed", Some("into"));
    // Nothing of the refused ones changed.
    assert_eq!(app.timeline(c).await.len(), 1);
    assert_eq!(app.list_ids("").await, vec![x, c, a]);
}

async fn delete(app: &TestApp, token: &str, id: i64, reason: &str) -> u16 {
    let res = app
        .client
        .delete(app.url(&format!("/api/v1/complaints/{id}")))
        .query(&[("reason", reason)])
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    res.status().as_u16()
}

#[tokio::test]
async fn a_deleted_complaint_is_hidden_everywhere_and_purged_after_thirty_days() {
    let app = spawn_app().await;
    let (_, a, b) = two_of_one_customer(&app).await;
    let step = json!({"text": "Zanzibarian spam wording"});
    app.post_json(
        &format!("/api/v1/complaints/{b}/steps"),
        &app.agent.token,
        &step,
    )
    .await
    .expect(201);
    assert_eq!(app.list_ids("q=Zanzibarian").await, vec![b]);
    assert_eq!(delete(&app, &app.agent.token, b, "spam").await, 403);
    assert_eq!(delete(&app, &app.manager.token, b, " ").await, 422);
    assert_eq!(
        delete(&app, &app.manager.token, b, "spam\nagain").await,
        422
    );
    assert_eq!(app.list_ids("").await, vec![b, a]);
    assert_eq!(delete(&app, &app.manager.token, b, "spam").await, 204);
    assert_eq!(delete(&app, &app.manager.token, b, "spam").await, 404);
    // Hidden: lists, search, reads, its timeline; its status link says it is gone.
    assert_eq!(app.list_ids("").await, vec![a]);
    assert!(app.list_ids("q=Zanzibarian").await.is_empty());
    for path in ["", "/timeline", "/steps"] {
        let r = app
            .get(&format!("/api/v1/complaints/{b}{path}"), &app.manager.token)
            .await;
        r.expect_error(404, "not_found", None);
    }
    let (code, page) = status(&app, b).await;
    assert_eq!(code, 410);
    assert!(page.contains("no longer available"), "{page}");
    // Who, when and why are on the timeline.
    let events = app.store.timeline(ComplaintId(b)).await.unwrap();
    let deleted = events.last().unwrap();
    assert_eq!(deleted.action, "deleted");
    assert_eq!(deleted.new_value.as_deref(), Some("spam"));
    assert_eq!(deleted.actor_id.map(|e| e.0), Some(app.manager.id));
    // Before the period, the purge does nothing; after it, the text is gone, the row stays.
    let worker = Worker::new(app.state.clone(), None, WorkerConfig::new("purge-test"));
    app.clock.advance(SignedDuration::from_hours(29 * 24));
    worker.run_once().await.unwrap();
    assert_eq!(app.store.purged_count().await.unwrap(), 0);
    app.clock.advance(SignedDuration::from_hours(2 * 24));
    worker.run_once().await.unwrap();
    assert_eq!(app.store.purged_count().await.unwrap(), 1);
    let tomb = app.store.complaint(ComplaintId(b)).await.unwrap();
    assert_eq!(tomb.record.description, tend_store::ERASED);
    let steps = app.store.steps(ComplaintId(b)).await.unwrap();
    assert!(steps.iter().all(|s| s.3 == tend_store::ERASED));
    let events = app.store.timeline(ComplaintId(b)).await.unwrap();
    assert!(events.iter().all(|e| {
        let text = format!("{:?}{:?}", e.old_value, e.new_value);
        !text.contains("Zanzibarian") && !text.contains("spam")
    }));
    assert_eq!(events.last().unwrap().action, "purged");
    // The live complaint is untouched.
    assert_ne!(app.complaint(a).await["description"], tend_store::ERASED);
}
