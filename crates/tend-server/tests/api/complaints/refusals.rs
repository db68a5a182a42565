//! `/api/v1/complaints/{id}/actions` refusals: steps out of order, missing or bad fields and
//! stale versions are refused, and leave the complaint and its timeline as they were.

use serde_json::{Value, json};

use crate::helpers::{Reply, TestApp, at, spawn_app};

/// Sends `action`, expects the error, and checks the complaint and its timeline are unchanged.
async fn refused(app: &TestApp, id: i64, action: Value, status: u16, code: &str, field: &str) {
    let before = app.complaint(id).await;
    let seen = app.timeline(id).await.len();
    app.act(id, &action)
        .await
        .expect_error(status, code, Some(field));
    let after = app.complaint(id).await;
    assert_eq!(after, before, "a refused {action} changed the complaint");
    assert_eq!(
        app.timeline(id).await.len(),
        seen,
        "a refused {action} wrote the timeline"
    );
}

#[tokio::test]
async fn steps_out_of_order_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    let resolve = json!({"action": "resolve", "corrective_action": "Sent a new jar"});
    refused(
        &app,
        id,
        resolve.clone(),
        409,
        "invalid_transition",
        "agreed_solution",
    )
    .await;
    refused(
        &app,
        id,
        json!({"action": "follow_up", "outcome": "satisfied"}),
        409,
        "invalid_transition",
        "outcome",
    )
    .await;
    let cause =
        json!({"action": "identify_cause", "root_cause": "x", "responsible_party": "company"});
    refused(&app, id, cause.clone(), 409, "invalid_transition", "action").await;
    refused(
        &app,
        id,
        json!({"action": "reopen", "reason": "x"}),
        409,
        "invalid_transition",
        "action",
    )
    .await;
    refused(
        &app,
        id,
        json!({"action": "close"}),
        422,
        "validation_failed",
        "reason",
    )
    .await;
    let nobody = json!({"action": "escalate", "reason": "x", "to": 999_999});
    refused(&app, id, nobody, 422, "validation_failed", "to").await;

    app.act(id, &json!({"action": "understand", "facts": "Cracked."}))
        .await
        .expect(200);
    app.act(id, &cause).await.expect(200);
    let no_date = json!({"action": "agree_solution", "agreed_solution": "New jar", "solution_mode": "promised"});
    refused(&app, id, no_date, 422, "validation_failed", "promised_by").await;
    let too_early = json!({"action": "agree_solution", "agreed_solution": "New jar", "solution_mode": "promised", "promised_by": at(-48)});
    refused(&app, id, too_early, 422, "validation_failed", "promised_by").await;
    app.act(id, &json!({"action": "agree_solution", "agreed_solution": "New jar", "solution_mode": "on_the_spot"})).await.expect(200);
    let past = json!({"action": "resolve", "follow_up_at": at(-1)});
    refused(&app, id, past, 422, "validation_failed", "follow_up_at").await;
    let bad_money = json!({"action": "resolve", "compensation": {"kind": "refund", "amount": "ten", "currency": "EUR"}});
    refused(
        &app,
        id,
        bad_money,
        422,
        "validation_failed",
        "compensation.amount",
    )
    .await;
    app.act(id, &resolve).await.expect(200);
    refused(&app, id, resolve, 409, "invalid_transition", "action").await;
    let rating = json!({"action": "follow_up", "outcome": "satisfied", "satisfaction_rating": 6});
    refused(
        &app,
        id,
        rating,
        422,
        "validation_failed",
        "satisfaction_rating",
    )
    .await;

    app.act(
        id,
        &json!({"action": "follow_up", "outcome": "not_satisfied", "note": "Still cross"}),
    )
    .await
    .expect(200);
    refused(
        &app,
        id,
        json!({"action": "close"}),
        422,
        "validation_failed",
        "reason",
    )
    .await;
    refused(
        &app,
        id,
        json!({"action": "close", "reason": "  "}),
        422,
        "validation_failed",
        "reason",
    )
    .await;
    let closed = app
        .act(
            id,
            &json!({"action": "close", "reason": "Customer stopped answering"}),
        )
        .await
        .expect(200);
    assert_eq!(
        (&closed["status"], &closed["close_reason"]),
        (&json!("closed"), &json!("Customer stopped answering"))
    );
    refused(
        &app,
        id,
        json!({"action": "understand", "facts": "More"}),
        409,
        "invalid_transition",
        "action",
    )
    .await;
}

#[tokio::test]
async fn a_stale_if_match_refuses_an_action() {
    let app = spawn_app().await;
    let customer = app.create_customer().await;
    let id = app.create_complaint(customer).await["id"].as_i64().unwrap();
    app.act(id, &json!({"action": "understand", "facts": "Cracked."}))
        .await
        .expect(200);
    let path = app.url(&format!("/api/v1/complaints/{id}/actions"));
    let req = app
        .client
        .post(path)
        .bearer_auth(&app.agent.token)
        .header("if-match", "1");
    let res = Reply::send(req.json(&json!({"action": "understand", "facts": "Other"}))).await;
    res.expect_error(409, "conflict", Some("version"));
    assert_eq!(app.complaint(id).await["facts"], "Cracked.");
}
